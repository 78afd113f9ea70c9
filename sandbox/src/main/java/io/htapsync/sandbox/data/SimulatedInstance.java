package io.htapsync.sandbox.data;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A StarRocks instance whose tasks move over time, as {@link TaskScript}s say.
 *
 * @param projectId  the project that owns the instance, or null to answer under any project id
 * @param instanceId 36 letters and digits
 * @param tasks      the scripts, in the order the tasks are listed; task names are unique
 */
public record SimulatedInstance(String projectId, String instanceId, List<TaskScript> tasks) {

    public SimulatedInstance {
        if (tasks == null) {
            throw new IllegalArgumentException("tasks must not be null (use an empty list)");
        }
        tasks = List.copyOf(tasks);
        Set<String> names = new HashSet<>();
        for (TaskScript task : tasks) {
            if (!names.add(task.taskName())) {
                throw new IllegalArgumentException("task name " + task.taskName() + " appears twice in " + instanceId);
            }
        }
        new StarRocksInstance(projectId, instanceId, null, List.of()); // the same id checks as any instance
    }

    /** The instance as it stands {@code time} (simulated) after the start, with this seed. */
    public StarRocksInstance at(Duration time, long seed) {
        List<ReplicationTask> now = new ArrayList<>(tasks.size());
        for (TaskScript task : tasks) {
            now.add(task.at(time, seed));
        }
        return new StarRocksInstance(projectId, instanceId, null, now);
    }

    /** When every task is synced with this seed (simulated time), or empty if that never happens. */
    public Optional<Duration> syncedAt(long seed) {
        Duration latest = Duration.ZERO;
        if (tasks.isEmpty()) {
            return Optional.empty();
        }
        for (TaskScript task : tasks) {
            Optional<Duration> synced = task.syncedAt(seed);
            if (synced.isEmpty()) {
                return Optional.empty();
            }
            latest = synced.get().compareTo(latest) > 0 ? synced.get() : latest;
        }
        return Optional.of(latest);
    }
}
