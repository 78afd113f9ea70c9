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
    // The transport's shared timer: a cancelled poll leaves its queue at once and holds nothing.
    return Timing.SYSTEM.schedule(delay, task)::run;
  }
}
