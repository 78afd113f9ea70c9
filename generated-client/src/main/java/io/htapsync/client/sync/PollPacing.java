package io.htapsync.client.sync;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How long a poll loop waits before its next poll. After a good poll: the interval, spread by
 * {@code jitter} either way so that many pollers drift apart. After {@code n} failed polls in a
 * row: {@code interval x 2^n}, capped at {@code maxBackoff}, less up to {@code jitter} of it.
 */
final class PollPacing {
  private final Duration interval;
  private final double jitter;
  private final Duration maxBackoff;
  private final DoubleSupplier random;

  PollPacing(Duration interval, double jitter, Duration maxBackoff, DoubleSupplier random) {
    this.interval = interval;
    this.jitter = jitter;
    this.maxBackoff = maxBackoff.compareTo(interval) < 0 ? interval : maxBackoff;
    this.random = random;
  }

  Duration afterSuccess() {
    double factor = 1 + jitter * (2 * random.getAsDouble() - 1);
    return Duration.ofNanos((long) (interval.toNanos() * factor));
  }

  Duration afterFailure(int consecutiveFailures) {
    long bound = interval.toNanos();
    for (int i = 0; i < consecutiveFailures && bound < maxBackoff.toNanos(); i++) {
      bound = bound > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : bound * 2;
    }
    bound = Math.min(bound, maxBackoff.toNanos());
    return Duration.ofNanos((long) (bound * (1 - jitter * random.getAsDouble())));
  }

  Duration interval() {
    return interval;
  }
}
