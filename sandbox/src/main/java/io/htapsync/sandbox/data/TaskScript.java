package io.htapsync.sandbox.data;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/**
 * How one simulated task moves over (simulated) time. Every task waits, then runs its full
 * synchronization from 0 to 100 %; what follows depends on its {@link Course}. How long each phase
 * lasts, and where a troubled task stops, is drawn from the seed and the task name, so the same seed
 * always gives the same story.
 *
 * @param taskName       task name (unique within its instance: it also picks the task's timings)
 * @param sourceDatabase TaurusDB source database
 * @param targetDatabase StarRocks destination database
 * @param course         where the task ends up
 * @param mainTask       sent as {@code is_main_task}
 */
public record TaskScript(String taskName, String sourceDatabase, String targetDatabase, Course course,
                         boolean mainTask) {

    /** Where a task ends up. */
    public enum Course {
        /** wait, full 0→100 %, incremental with a catch-up (full, then incremental 0→100 %), then synced. */
        REACHES_SYNCED,
        /** wait, then full sync that stops moving part way (35–65 %) and stays there, status still Yes. */
        STALLS,
        /** wait, then full sync that is paused part way (50–80 %): stage paused, status No, for good. */
        PAUSES
    }

    // Phase lengths in simulated seconds, [min, max): a REACHES_SYNCED task is synced after 9 to 18 s.
    private static final double[] WAIT = {1, 3};
    private static final double[] FULL = {5, 9};
    private static final double[] CATCHUP_FULL = {1.5, 3};
    private static final double[] CATCHUP_INCREMENTAL = {1.5, 3};
    private static final double[] STALL_AT = {35, 65};
    private static final double[] PAUSE_AT = {50, 80};
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public TaskScript {
        Objects.requireNonNull(course, "course");
        // The task's own checks, so a bad script fails where it is written, not in a response.
        ReplicationTask.builder(taskName, sourceDatabase, targetDatabase).build();
    }

    /** A task that reaches synced. */
    public static TaskScript reachesSynced(String taskName, String sourceDatabase, String targetDatabase) {
        return new TaskScript(taskName, sourceDatabase, targetDatabase, Course.REACHES_SYNCED, false);
    }

    /** A task whose full sync stops moving part way. */
    public static TaskScript stalls(String taskName, String sourceDatabase, String targetDatabase) {
        return new TaskScript(taskName, sourceDatabase, targetDatabase, Course.STALLS, false);
    }

    /** A task whose full sync is paused part way. */
    public static TaskScript pauses(String taskName, String sourceDatabase, String targetDatabase) {
        return new TaskScript(taskName, sourceDatabase, targetDatabase, Course.PAUSES, false);
    }

    /** The same script sent with {@code is_main_task: "true"}. */
    public TaskScript asMainTask() {
        return new TaskScript(taskName, sourceDatabase, targetDatabase, course, true);
    }

    /** The task as it stands {@code time} after the simulation started, with this seed. */
    public ReplicationTask at(Duration time, long seed) {
        Plan plan = plan(seed);
        double t = seconds(time);
        ReplicationTask.Builder task = ReplicationTask.builder(taskName, sourceDatabase, targetDatabase)
                .flags(false, mainTask);
        if (t < plan.waitEnd) {
            return task.stage("wait").percentage("0").build();
        }
        if (course != Course.REACHES_SYNCED) {
            double reached = Math.min(plan.stopAt, 100 * (t - plan.waitEnd) / (plan.fullEnd - plan.waitEnd));
            boolean paused = course == Course.PAUSES && reached >= plan.stopAt;
            return task.stage(paused ? "paused" : "full").status(paused ? "No" : "Yes")
                    .percentage(percent(reached / 100)).build();
        }
        if (t < plan.fullEnd) {
            return task.stage("full").percentage(percent((t - plan.waitEnd) / (plan.fullEnd - plan.waitEnd))).build();
        }
        task.stage("incremental").percentage("100");
        if (t < plan.catchupFullEnd) {
            return task.catchup("full", percent((t - plan.fullEnd) / (plan.catchupFullEnd - plan.fullEnd))).build();
        }
        if (t < plan.catchupEnd) {
            return task.catchup("incremental",
                    percent((t - plan.catchupFullEnd) / (plan.catchupEnd - plan.catchupFullEnd))).build();
        }
        return task.build();
    }

    /** When the task is synced with this seed (simulated time), or empty if it never is. */
    public Optional<Duration> syncedAt(long seed) {
        if (course != Course.REACHES_SYNCED) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos((long) Math.ceil(plan(seed).catchupEnd * 1e9)));
    }

    static double seconds(Duration time) {
        return time.getSeconds() + time.getNano() / 1e9;
    }

    /** A fraction below 1 as a percentage rounded down to 0.1, so that 100 appears only once a phase is over. */
    private static String percent(double fraction) {
        double clamped = Math.max(0, Math.min(fraction, 1));
        BigDecimal value = BigDecimal.valueOf(Math.floor(clamped * 1000) / 10).setScale(1, RoundingMode.DOWN);
        return (value.compareTo(HUNDRED) >= 0 ? HUNDRED : value).toPlainString();
    }

    private Plan plan(long seed) {
        // java.util.Random's sequence is fixed by its specification, so a seed means the same on every JDK.
        Random random = new Random(seed * 1_000_003L + taskName.hashCode());
        double waitEnd = draw(random, WAIT);
        double fullEnd = waitEnd + draw(random, FULL);
        double catchupFullEnd = fullEnd + draw(random, CATCHUP_FULL);
        double catchupEnd = catchupFullEnd + draw(random, CATCHUP_INCREMENTAL);
        double stopAt = switch (course) {
            case STALLS -> Math.floor(draw(random, STALL_AT) * 10) / 10;
            case PAUSES -> Math.floor(draw(random, PAUSE_AT) * 10) / 10;
            case REACHES_SYNCED -> 100;
        };
        return new Plan(waitEnd, fullEnd, catchupFullEnd, catchupEnd, stopAt);
    }

    private static double draw(Random random, double[] range) {
        return range[0] + random.nextDouble() * (range[1] - range[0]);
    }

    private record Plan(double waitEnd, double fullEnd, double catchupFullEnd, double catchupEnd, double stopAt) {
    }
}
