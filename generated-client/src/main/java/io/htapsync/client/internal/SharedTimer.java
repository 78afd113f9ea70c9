package io.htapsync.client.internal;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The transport's timers (retry and gate waits, call deadlines), on one daemon thread per JVM that
 * ends after a minute without timers. A cancelled timer leaves the queue at once: every asynchronous
 * call sets a deadline timer (2 minutes by default) that its end cancels, so at hundreds of calls a
 * second the queue holds the calls in flight, not every call of the last two minutes (which {@link
 * java.util.concurrent.CompletableFuture#delayedExecutor}, keeping cancelled entries until due, did:
 * the soak's heap grew 1.7 MiB per 10,000 polls). A task that is due runs on a pooled worker, not on
 * the timer thread: ending a call by its deadline, or a poll its listener hears of, runs the user's
 * own code (future continuations, listeners), which must not hold up every other timer. The workers
 * are reused and end after a minute idle (with fewer than 3 cores the delayed executor would start
 * a new thread for each task).
 */
final class SharedTimer {
  private static final ScheduledThreadPoolExecutor EXECUTOR = create();
  private static final ExecutorService WORKERS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60,
      TimeUnit.SECONDS, new SynchronousQueue<>(), daemon("htapsync timer task"));

  private SharedTimer() {}

  /** Runs {@code task} once after {@code delay}; the returned handle cancels it if it has not run. */
  static Runnable schedule(Duration delay, Runnable task) {
    ScheduledFuture<?> scheduled = EXECUTOR.schedule(() -> WORKERS.execute(() -> run(task)),
        Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
    return () -> scheduled.cancel(false);
  }

  /** Timers scheduled and not yet run or cancelled; for tests. */
  static int pending() {
    return EXECUTOR.getQueue().size();
  }

  private static void run(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException | Error e) {
      // The executor would keep it in a future nobody reads; report it as an uncaught exception instead.
      Thread t = Thread.currentThread();
      t.getUncaughtExceptionHandler().uncaughtException(t, e);
    }
  }

  private static ScheduledThreadPoolExecutor create() {
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, daemon("htapsync timer"));
    executor.setRemoveOnCancelPolicy(true);
    executor.setKeepAliveTime(60, TimeUnit.SECONDS);
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }

  private static ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
