package io.htapsync.client.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

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
    // The shared delayer keeps a cancelled entry until it is due: it then holds only this empty
    // reference, not the task (and the snapshot the task's loop holds).
    AtomicReference<Runnable> pending = new AtomicReference<>(Objects.requireNonNull(task, "task"));
    CompletableFuture.delayedExecutor(Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS).execute(() -> {
      Runnable due = pending.getAndSet(null);
      if (due != null) {
        due.run();
      }
    });
    return () -> pending.set(null);
  }
}
