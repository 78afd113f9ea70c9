package io.htapsync.sandbox.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** A scripted task moves through the documented phases, from its seed alone. */
class TaskScriptTest {

    private static final long SEED = 42;
    private static final Duration STEP = Duration.ofMillis(50);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Test
    void aSyncingTaskWaitsRunsFullSyncCatchesUpAndIsSynced() {
        TaskScript script = TaskScript.reachesSynced("orders_sync", "orders", "orders_olap");

        List<String> phases = new ArrayList<>();
        ReplicationTask previous = null;
        for (Duration t = Duration.ZERO; t.compareTo(Duration.ofSeconds(25)) <= 0; t = t.plus(STEP)) {
            ReplicationTask task = script.at(t, SEED);
            String phase = task.stage() + "/" + task.catchupStage();
            if (phases.isEmpty() || !phases.get(phases.size() - 1).equals(phase)) {
                phases.add(phase);
            } else if (previous != null) {
                assertTrue(task.percentage().compareTo(previous.percentage()) >= 0, "percentage went back at " + t);
                if (task.catchupPercentage() != null) {
                    assertTrue(task.catchupPercentage().compareTo(previous.catchupPercentage()) >= 0,
                            "catch-up went back at " + t);
                }
            }
            if (task.stage().equals("full")) {
                assertTrue(task.percentage().compareTo(HUNDRED) < 0, "100 % while still full at " + t);
            }
            assertEquals("Yes", task.status());
            previous = task;
        }

        assertEquals(List.of("wait/null", "full/null", "incremental/full", "incremental/incremental",
                "incremental/null"), phases);
        assertEquals(HUNDRED, previous.percentage());
        assertEquals(null, previous.catchupPercentage());
    }

    @Test
    void theSeedAloneFixesTheStory() {
        TaskScript script = TaskScript.reachesSynced("orders_sync", "orders", "orders_olap");

        for (Duration t = Duration.ZERO; t.compareTo(Duration.ofSeconds(20)) <= 0; t = t.plus(STEP)) {
            assertEquals(script.at(t, SEED), script.at(t, SEED));
        }
        assertNotEquals(script.syncedAt(SEED), script.syncedAt(SEED + 1));
        Duration synced = script.syncedAt(SEED).orElseThrow();
        assertTrue(synced.compareTo(Duration.ofSeconds(9)) >= 0 && synced.compareTo(Duration.ofSeconds(18)) <= 0,
                synced.toString());
        assertTrue(isSynced(script.at(synced, SEED)), "synced at syncedAt");
        assertTrue(!isSynced(script.at(synced.minus(STEP), SEED)), "not synced just before");
    }

    @Test
    void aStallingTaskStopsPartWayAndStaysThere() {
        TaskScript script = TaskScript.stalls("ledger_sync", "ledger", "ledger_olap");

        ReplicationTask later = script.at(Duration.ofSeconds(30), SEED);
        ReplicationTask muchLater = script.at(Duration.ofHours(3), SEED);

        assertEquals(later, muchLater);
        assertEquals("full", later.stage());
        assertEquals("Yes", later.status());
        assertTrue(later.percentage().compareTo(BigDecimal.valueOf(35)) >= 0
                && later.percentage().compareTo(BigDecimal.valueOf(65)) <= 0, later.percentage().toPlainString());
        assertTrue(script.at(Duration.ofSeconds(4), SEED).percentage().compareTo(later.percentage()) < 0,
                "moved before it stalled");
        assertTrue(script.syncedAt(SEED).isEmpty());
    }

    @Test
    void aPausingTaskIsPausedPartWayWithStatusNo() {
        TaskScript script = TaskScript.pauses("reports_sync", "reports", "reports_olap");

        ReplicationTask paused = script.at(Duration.ofSeconds(30), SEED);

        assertEquals("paused", paused.stage());
        assertEquals("No", paused.status());
        assertTrue(paused.percentage().compareTo(BigDecimal.valueOf(50)) >= 0
                && paused.percentage().compareTo(BigDecimal.valueOf(80)) <= 0, paused.percentage().toPlainString());
        assertEquals(paused, script.at(Duration.ofDays(2), SEED));
        assertEquals("full", script.at(Duration.ofSeconds(4), SEED).stage());
    }

    @Test
    void theDemoInstancesDoWhatTheirNamesSay() {
        List<SimulatedInstance> demo = DemoData.simulatedInstances();
        SimulatedInstance progressing = demo.stream()
                .filter(i -> i.instanceId().equals(DemoData.PROGRESSING_INSTANCE_ID)).findFirst().orElseThrow();
        SimulatedInstance troubled = demo.stream()
                .filter(i -> i.instanceId().equals(DemoData.TROUBLED_INSTANCE_ID)).findFirst().orElseThrow();

        Duration synced = progressing.syncedAt(DemoData.PROGRESS_SEED).orElseThrow();
        assertTrue(synced.compareTo(Duration.ofSeconds(10)) >= 0 && synced.compareTo(Duration.ofSeconds(20)) <= 0,
                "progressing instance synced after " + synced);
        assertTrue(progressing.at(Duration.ZERO, DemoData.PROGRESS_SEED).tasks().stream()
                .allMatch(t -> t.stage().equals("wait")));
        assertTrue(progressing.at(synced, DemoData.PROGRESS_SEED).tasks().stream().allMatch(TaskScriptTest::isSynced));
        assertTrue(troubled.syncedAt(DemoData.PROGRESS_SEED).isEmpty());
        List<ReplicationTask> troubledLater = troubled.at(Duration.ofMinutes(1), DemoData.PROGRESS_SEED).tasks();
        assertEquals(List.of("incremental", "full", "paused"), troubledLater.stream().map(ReplicationTask::stage).toList());
        for (SimulatedInstance instance : demo) {
            assertEquals(DemoData.PROJECT_ID, instance.projectId());
            assertTrue(instance.instanceId().matches("[0-9a-f]{32}in07"), instance.instanceId());
        }
        assertEquals(DemoData.instances().size() + demo.size(), java.util.stream.Stream.concat(
                DemoData.instances().stream().map(StarRocksInstance::instanceId),
                demo.stream().map(SimulatedInstance::instanceId)).distinct().count(), "instance ids are unique");
    }

    @Test
    void badScriptsAreRefusedWhereTheyAreWritten() {
        assertThrows(IllegalArgumentException.class, () -> TaskScript.reachesSynced(" ", "a", "b"));
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> new SimulatedInstance(null, DemoData.PROGRESSING_INSTANCE_ID,
                        List.of(TaskScript.stalls("x", "a", "b"), TaskScript.pauses("x", "c", "d"))));
        assertTrue(twice.getMessage().contains("task name x appears twice"), twice.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SimulatedInstance(null, "short", List.of()));
    }

    /** The client's rule: incremental with no catch-up running, or its catch-up incremental at 100 %. */
    static boolean isSynced(ReplicationTask task) {
        return task.stage().equals("incremental") && (task.catchupStage() == null
                || task.catchupStage().equals("incremental") && Objects.equals(task.catchupPercentage(), HUNDRED));
    }
}
