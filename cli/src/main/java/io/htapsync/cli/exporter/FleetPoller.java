package io.htapsync.cli.exporter;

import io.htapsync.client.StarRocksReplicationClient;
import io.htapsync.client.sync.SyncSnapshot;
import io.htapsync.micrometer.ReplicationMetrics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Polls every watched instance once per jittered interval, at most {@code concurrency} at a time,
 * and hands each result to {@link ReplicationMetrics}. One launcher thread takes the next due
 * instance and starts its asynchronous poll when a slot is free; the polls themselves run on the
 * shared OkHttp dispatcher, which is sized to the same concurrency (see {@link Exporter}).
 *
 * <p>Polling never waits for scrapes and scrapes never wait for polls: they meet only in the meters.
 */
final class FleetPoller implements AutoCloseable {
  /** Each next poll lands within this fraction of the interval either side, so polls do not bunch. */
  static final double JITTER = 0.1;

  /** One instance to watch, with the client of its target. */
  record Watched(String projectId, String instanceId, StarRocksReplicationClient client) { }

  private final List<Watched> instances;
  private final Duration interval;
  private final Semaphore slots;
  private final ReplicationMetrics metrics;
  private final Runnable changed;
  private final DelayQueue<Due> due = new DelayQueue<>();
  private final AtomicLong completed = new AtomicLong();
  private final Thread launcher;
  private volatile boolean closed;

  /**
   * @param changed run after each poll's result is in the meters: tells the exposition to render again
   */
  FleetPoller(List<Watched> instances, int concurrency, Duration interval, ReplicationMetrics metrics,
      Runnable changed) {
    this.instances = List.copyOf(instances);
    this.interval = interval;
    this.slots = new Semaphore(concurrency);
    this.metrics = metrics;
    this.changed = changed;
    this.launcher = new Thread(this::launch, "htapsync-exporter-poller");
    launcher.setDaemon(true);
  }

  /**
   * Starts polling. With {@code spreadFirstRound} the first polls are spread over one interval (a
   * restart does not hit the service with the whole fleet at once); without, all are due now.
   */
  void start(boolean spreadFirstRound) {
    long now = System.nanoTime();
    for (Watched w : instances) {
      long offset = spreadFirstRound ? (long) (ThreadLocalRandom.current().nextDouble() * interval.toNanos()) : 0;
      due.add(new Due(w, now + offset));
    }
    launcher.start();
  }

  /** Polls finished (answered or failed) since the start. */
  long completedPolls() {
    return completed.get();
  }

  private void launch() {
    try {
      while (!closed) {
        Due next = due.take();
        slots.acquire();
        if (closed) {
          slots.release();
          return;
        }
        poll(next.watched);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // closing
    }
  }

  private void poll(Watched w) {
    long start = System.nanoTime();
    CompletableFuture<SyncSnapshot> snapshot;
    try {
      snapshot = w.client().snapshotAsync(w.instanceId());
    } catch (RuntimeException e) {
      snapshot = CompletableFuture.failedFuture(e);
    }
    snapshot.whenComplete((s, error) -> {
      slots.release();
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      try {
        if (error == null) {
          metrics.pollSucceeded(w.projectId(), s, took);
        } else {
          metrics.pollFailed(w.projectId(), w.instanceId(), ReplicationMetrics.reasonOf(error), took);
        }
      } finally {
        completed.incrementAndGet();
        changed.run();
        if (!closed) {
          due.add(new Due(w, System.nanoTime() + jittered()));
        }
      }
    });
  }

  private long jittered() {
    double factor = 1 - JITTER + 2 * JITTER * ThreadLocalRandom.current().nextDouble();
    return (long) (interval.toNanos() * factor);
  }

  @Override
  public void close() {
    closed = true;
    launcher.interrupt();
    try {
      launcher.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** An instance and when its next poll is due. */
  private static final class Due implements Delayed {
    final Watched watched;
    final long atNanos;

    Due(Watched watched, long atNanos) {
      this.watched = watched;
      this.atNanos = atNanos;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(atNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
      return Long.compare(atNanos, ((Due) other).atNanos);
    }
  }
}
