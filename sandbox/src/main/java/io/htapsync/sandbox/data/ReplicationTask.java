package io.htapsync.sandbox.data;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One data synchronization task as the sandbox stores it. How it goes over the wire (counters as
 * numbers or strings, stage casing) is decided when a response is rendered, not here.
 *
 * @param sourceDatabase    TaurusDB source database
 * @param targetDatabase    StarRocks destination database
 * @param taskName          task name
 * @param status            {@code Yes} or {@code No} (other values are passed through, as the service may send them)
 * @param stage             {@code wait}, {@code incremental}, {@code full}, {@code cancelled}, {@code paused} or another word
 * @param percentage        progress, 0 to 100
 * @param catchupStage      catch-up stage, or null while no catch-up runs
 * @param catchupPercentage catch-up progress 0 to 100, or null
 * @param needRepair        sent as {@code is_need_repair} ("true"/"false"); null leaves the field out
 * @param mainTask          sent as {@code is_main_task} ("true"/"false"); null leaves the field out
 */
public record ReplicationTask(
        String sourceDatabase,
        String targetDatabase,
        String taskName,
        String status,
        String stage,
        BigDecimal percentage,
        String catchupStage,
        BigDecimal catchupPercentage,
        Boolean needRepair,
        Boolean mainTask) {

    /** A stage is one word; anything else could not have come from the service. */
    private static final Pattern STAGE_WORD = Pattern.compile("[A-Za-z_]+");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Checks every field so that a bad task fails where it is built, not in a response. */
    public ReplicationTask {
        requireText(sourceDatabase, "source_database");
        requireText(targetDatabase, "target_database");
        requireText(taskName, "task_name");
        requireText(status, "status");
        requireStage(stage, "stage");
        requirePercentage(percentage, "percentage");
        if (catchupStage != null) {
            requireStage(catchupStage, "catchup_stage");
        }
        if (catchupPercentage != null) {
            requirePercentage(catchupPercentage, "catchup_percentage");
        }
    }

    /** Starts a task with the service's usual values: status Yes, stage incremental, 100 percent, no catch-up. */
    public static Builder builder(String taskName, String sourceDatabase, String targetDatabase) {
        return new Builder(taskName, sourceDatabase, targetDatabase);
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must be a non-blank string");
        }
    }

    private static void requireStage(String value, String field) {
        if (value == null || !STAGE_WORD.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " must be one word of letters or underscores, got "
                    + (value == null ? "null" : "\"" + value + "\""));
        }
    }

    private static void requirePercentage(BigDecimal value, String field) {
        Objects.requireNonNull(value, field + " must not be null");
        if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException(field + " must be between 0 and 100, got " + value.toPlainString());
        }
    }

    /** Fluent construction for tests and provider states. */
    public static final class Builder {
        private final String taskName;
        private final String sourceDatabase;
        private final String targetDatabase;
        private String status = "Yes";
        private String stage = "incremental";
        private BigDecimal percentage = HUNDRED;
        private String catchupStage;
        private BigDecimal catchupPercentage;
        private Boolean needRepair;
        private Boolean mainTask;

        private Builder(String taskName, String sourceDatabase, String targetDatabase) {
            this.taskName = taskName;
            this.sourceDatabase = sourceDatabase;
            this.targetDatabase = targetDatabase;
        }

        public Builder status(String status) {
            this.status = status;
            return this;
        }

        public Builder stage(String stage) {
            this.stage = stage;
            return this;
        }

        public Builder percentage(String percentage) {
            this.percentage = new BigDecimal(percentage);
            return this;
        }

        /** Sets a catch-up in progress; pass nulls for "no catch-up". */
        public Builder catchup(String catchupStage, String catchupPercentage) {
            this.catchupStage = catchupStage;
            this.catchupPercentage = catchupPercentage == null ? null : new BigDecimal(catchupPercentage);
            return this;
        }

        /** Adds the {@code is_need_repair} and {@code is_main_task} fields the service sends. */
        public Builder flags(boolean needRepair, boolean mainTask) {
            this.needRepair = needRepair;
            this.mainTask = mainTask;
            return this;
        }

        public ReplicationTask build() {
            return new ReplicationTask(sourceDatabase, targetDatabase, taskName, status, stage, percentage,
                    catchupStage, catchupPercentage, needRepair, mainTask);
        }
    }
}
