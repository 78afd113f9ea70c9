package io.htapsync.client.internal;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
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
 * own code (future continuations, listeners), which must not hold up every other timer. There are at
 * most 4 workers, reused and ended after a minute idle: a bounded thread count however many timers
 * fall due at once (with fewer than 3 cores the delayed executor would start a thread for each task).
 */
final class SharedTimer {
  private static final ScheduledThreadPoolExecutor EXECUTOR = create();
  private static final int WORKER_THREADS = 4;
  private static final ExecutorService WORKERS = workers();

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

  private static ThreadPoolExecutor workers() {
    ThreadPoolExecutor workers = new ThreadPoolExecutor(WORKER_THREADS, WORKER_THREADS, 60, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), daemon("htapsync timer task"));
    workers.allowCoreThreadTimeOut(true);
    return workers;
  }

  private static ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
