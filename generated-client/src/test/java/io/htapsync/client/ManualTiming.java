package io.htapsync.client;

import io.htapsync.client.internal.Timing;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A monotonic clock that moves only when a blocking wait asks it to: {@link #sleep} records the wait
 * and returns at once, the clock that much later. Timers (async waits) run on real time.
 */
public final class ManualTiming implements Timing {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  @Override
  public long nanoTime() {
    return now.get();
  }

  @Override
  public void sleep(Duration wait) throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException();
    }
    sleeps.add(wait);
    now.addAndGet(wait.toNanos());
  }

  @Override
  public Runnable schedule(Duration delay, Runnable task) {
    return Timing.SYSTEM.schedule(delay, task);
  }

  /** Moves the clock on, as time spent elsewhere would. */
  public void advance(Duration by) {
    now.addAndGet(by.toNanos());
  }

  /** Every blocking wait asked for, in order. */
  public List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  /** Uses this timing in {@code builder}'s client (the builder's setter is package-private). */
  public StarRocksReplicationClient.Builder applyTo(StarRocksReplicationClient.Builder builder) {
    return builder.timing(this);
  }
}
