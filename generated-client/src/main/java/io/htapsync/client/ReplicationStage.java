package io.htapsync.client;

import java.util.Locale;
import java.util.Optional;

/**
 * The documented values of a task's {@code stage} and {@code catchup_stage}.
 *
 * <p>The model keeps these fields as plain strings because the service sends more than one casing
 * ({@code incremental}, {@code Incremental}, {@code Wait}) and may add values: reading a response
 * must never fail on them. This enum is how callers compare against the known values.
 */
public enum ReplicationStage {
  WAIT,
  INCREMENTAL,
  FULL,
  CANCELLED,
  PAUSED;

  /** The documented (lower-case) value, as the vendor's page lists it. */
  public String documentedValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True when {@code value} is this stage in any casing; false for null and for other values. */
  public boolean matches(String value) {
    return value != null && name().equalsIgnoreCase(value.trim());
  }

  /** The known stage that {@code value} names in any casing, or empty for null and unknown values. */
  public static Optional<ReplicationStage> parse(String value) {
    for (ReplicationStage stage : values()) {
      if (stage.matches(value)) {
        return Optional.of(stage);
      }
    }
    return Optional.empty();
  }
}
