package io.htapsync.client.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The passing of time as the transport sees it: a monotonic clock, a blocking wait and a timer. One
 * seam, so that tests of retries, deadlines and throttling run on a clock they drive instead of
 * sleeping.
 */
public interface Timing {
  /** Real time: {@link System#nanoTime()}, {@link TimeUnit#sleep}, and the {@link SharedTimer}. */
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
    public Runnable schedule(Duration delay, Runnable task) {
      return SharedTimer.schedule(delay, task);
    }
  };

  /** Monotonic nanoseconds, as {@link System#nanoTime()}: only differences mean anything. */
  long nanoTime();

  /** Blocks the calling thread for {@code wait}. */
  void sleep(Duration wait) throws InterruptedException;

  /**
   * Runs {@code task} once, {@code delay} from now, on some other thread; never on the caller's. The
   * task must be quick (it starts or ends a call).
   *
   * @return cancels the task if it has not run yet, and lets the timer forget it
   */
  Runnable schedule(Duration delay, Runnable task);
}
