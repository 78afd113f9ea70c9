package io.htapsync.client.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The passing of time as the transport sees it: a monotonic clock, a blocking wait and a timer. One
 * seam, so that tests of retries, deadlines and throttling run on a clock they drive instead of
 * sleeping.
 */
public interface Timing {
  /** Real time: {@link System#nanoTime()}, {@link TimeUnit#sleep}, {@link CompletableFuture#delayedExecutor}. */
  Timing SYSTEM = new Timing() {
    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public void sleep(Duration wait) throws InterruptedException {
      TimeUnit.NANOSECONDS.sleep(wait.toNanos());
    }

    @Override
    public void schedule(Duration delay, Runnable task) {
      CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS).execute(task);
    }

    /**
     * On the same shared delayer, through {@link CompletableFuture#orTimeout}: completing the timer
     * future first cancels the delayer's entry, and the delayer removes cancelled entries at once.
     * A 2-minute call deadline thus holds nothing once its call is over, however many calls a second.
     */
    @Override
    public Runnable scheduleCancellable(Duration delay, Runnable task) {
      Objects.requireNonNull(task, "task");
      CompletableFuture<Void> timer = new CompletableFuture<>();
      // Only a timer that fires hands the task to another thread; calling one off (on the caller's
      // thread, often inside a cancel()) costs no more than removing the delayer's entry.
      timer.orTimeout(Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS)
          .whenComplete((done, timedOut) -> {
            if (timedOut instanceof TimeoutException) {
              CompletableFuture.runAsync(task); // never on the delayer's own thread
            }
          });
      return () -> timer.complete(null);
    }
  };

  /** Monotonic nanoseconds, as {@link System#nanoTime()}: only differences mean anything. */
  long nanoTime();

  /** Blocks the calling thread for {@code wait}. */
  void sleep(Duration wait) throws InterruptedException;

  /** Runs {@code task} once, {@code delay} from now, on some other thread; never on the caller's. */
  void schedule(Duration delay, Runnable task);

  /**
   * {@link #schedule}, with a way to call it off: running the returned canceller before the task
   * starts means it never runs, and the timer no longer holds it (nor what it references).
   */
  default Runnable scheduleCancellable(Duration delay, Runnable task) {
    AtomicReference<Runnable> pending = new AtomicReference<>(Objects.requireNonNull(task, "task"));
    schedule(delay, () -> {
      Runnable due = pending.getAndSet(null);
      if (due != null) {
        due.run();
      }
    });
    return () -> pending.set(null);
  }
}
