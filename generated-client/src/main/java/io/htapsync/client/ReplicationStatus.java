package io.htapsync.client;

import java.util.Locale;
import java.util.Optional;

/**
 * The documented values of a task's {@code status}. Like {@link ReplicationStage}, the model keeps
 * the field as a string so that another casing or a new value never fails a response.
 */
public enum ReplicationStatus {
  YES,
  NO;

  /** The documented value: {@code Yes} or {@code No}. */
  public String documentedValue() {
    String lower = name().toLowerCase(Locale.ROOT);
    return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }

  /** True when {@code value} is this status in any casing; false for null and for other values. */
  public boolean matches(String value) {
    return value != null && name().equalsIgnoreCase(value.trim());
  }

  /** The known status that {@code value} names in any casing, or empty for null and unknown values. */
  public static Optional<ReplicationStatus> parse(String value) {
    for (ReplicationStatus status : values()) {
      if (status.matches(value)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }
}
