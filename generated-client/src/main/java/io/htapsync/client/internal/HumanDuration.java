package io.htapsync.client.internal;

import java.math.BigDecimal;
import java.time.Duration;

/** A duration as people read it in a message ("500 ms", "2 s", "20 min 0 s", "3 h 5 min"), not "PT20M". */
public final class HumanDuration {
  private HumanDuration() {}

  public static String of(Duration d) {
    Duration abs = d.abs();
    long seconds = abs.getSeconds();
    if (seconds == 0) {
      return abs.toMillis() + " ms";
    }
    if (seconds < 60) {
      return BigDecimal.valueOf(abs.toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
    }
    long minutes = seconds / 60;
    if (minutes < 120) {
      return minutes + " min " + (seconds % 60) + " s";
    }
    return (minutes / 60) + " h " + (minutes % 60) + " min";
  }
}
