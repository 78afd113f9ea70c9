package io.htapsync.client.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * The time source and timer of waiters and watchers. The default runs on the JVM's shared delayer,
 * as the client's own retries do: no thread of ours waits between polls. Tests pass a virtual one.
 */
public interface PollTimer {
  /** A scheduled task that may still be called off. */
  @FunctionalInterface
  interface Scheduled {
    /** Calls the task off if it has not started; it then never runs. */
    void cancel();
  }

  /** Monotonic nanoseconds, for deadlines. */
  long nanoTime();

  /** The wall-clock time, for stamping failed polls. */
  Instant now();

  /** Runs {@code task} once, after {@code delay}, on some other thread. */
  Scheduled schedule(Runnable task, Duration delay);

  /** The real clock; tasks run on {@link CompletableFuture#delayedExecutor}'s pool. */
  static PollTimer system() {
    return SystemPollTimer.INSTANCE;
  }
}
