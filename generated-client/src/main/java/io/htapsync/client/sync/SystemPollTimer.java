package io.htapsync.client.sync;

import io.htapsync.client.internal.Timing;
import java.time.Duration;
import java.time.Instant;

/** {@link PollTimer#system()}. */
final class SystemPollTimer implements PollTimer {
  static final SystemPollTimer INSTANCE = new SystemPollTimer();

  private SystemPollTimer() {}

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }

  @Override
  public Instant now() {
    return Instant.now();
  }

  @Override
  public Scheduled schedule(Runnable task, Duration delay) {
    // Cancelled entries leave the shared delayer at once, so a cancelled poll holds nothing.
    return Timing.SYSTEM.scheduleCancellable(delay, task)::run;
  }
}
