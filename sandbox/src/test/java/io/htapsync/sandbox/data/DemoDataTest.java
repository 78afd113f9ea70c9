package io.htapsync.sandbox.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The demo data has what the brief promises: realistic ids and every case a client must handle. */
class DemoDataTest {

    private final List<StarRocksInstance> instances = DemoData.instances();
    private final List<ReplicationTask> allTasks = instances.stream().flatMap(i -> i.tasks().stream()).toList();

    @Test
    void idsLookReal() {
        for (StarRocksInstance instance : instances) {
            assertTrue(instance.instanceId().matches("[0-9a-f]{32}in(07|17)"), instance.instanceId());
            assertTrue(instance.projectId().matches("[0-9a-f]{32}"), instance.projectId());
        }
        assertEquals(Set.of("in07", "in17"),
                instances.stream().map(i -> i.instanceId().substring(32)).collect(Collectors.toSet()));
    }

    @Test
    void everyStageAppears() {
        assertEquals(Set.of("wait", "incremental", "full", "cancelled", "paused"),
                allTasks.stream().map(ReplicationTask::stage).collect(Collectors.toSet()));
    }

    @Test
    void someTasksCatchUpAndSomeHaveNoCatchUp() {
        assertTrue(allTasks.stream().anyMatch(t -> t.catchupStage() != null && t.catchupPercentage() != null));
        assertTrue(allTasks.stream().anyMatch(t -> t.catchupStage() == null && t.catchupPercentage() == null));
    }

    @Test
    void oneInstanceNeedsSeveralPagesAndOneHasNoTasks() {
        assertTrue(instances.stream().anyMatch(i -> i.tasks().size() > 100));
        assertTrue(instances.stream().anyMatch(i -> i.tasks().isEmpty()));
        assertEquals(instances.size(), instances.stream().map(StarRocksInstance::instanceId).distinct().count());
        assertTrue(instances.stream().map(StarRocksInstance::projectId).filter(Objects::nonNull).distinct().count() > 1);
    }
}
