package io.htapsync.cli.exporter;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The registry's exposition, rendered off the scrape path (node_exporter's and client_java's rule: a
 * scrape does no expensive work). A change (a poll ended) schedules a rendering on one background
 * thread; scrapes serve the latest rendered bytes, so a scrape costs the copy to the socket whatever
 * the fleet's size, and a scrape storm costs nothing more. Rendering 10,000 task series takes a few
 * milliseconds of CPU (BENCHMARKS.md, row 6c), more for bigger fleets; no scrape waits for it.
 *
 * <p>Renderings are coalesced: at most one runs at a time, and the next starts no sooner than
 * {@link #COST_FACTOR} times the last one's duration after the last one started (rendering keeps at
 * most about a tenth of one core busy), and no later than {@link #MAX_INTERVAL} after it; the changes
 * in between share it. <b>Staleness is bounded</b>: a change is served at most {@code MAX_INTERVAL}
 * (one second) plus one rendering's time after it, and usually far sooner (small fleets render in
 * well under a millisecond); the last change is always rendered. Without changes nothing renders.
 *
 * <p>Only what scrapers ask for is kept: the first scrape of a format (text 0.0.4 or OpenMetrics)
 * renders it at once, on its own thread, and from then on the background keeps that format current;
 * likewise its gzip form, from the first scrape that accepted gzip. Rendering is {@link FleetMeters}'.
 *
 * <p>Public for the benchmarks, which serve a large fleet through it and {@link MetricsServer}.
 */
public final class CachedExposition implements MetricsServer.Exposition, AutoCloseable {
  /** The longest a change waits before its rendering starts. */
  static final Duration MAX_INTERVAL = Duration.ofSeconds(1);
  /** The next rendering waits this many times the last one's duration (from its start). */
  static final int COST_FACTOR = 10;

  /** Renders the meters in one format; the expensive part that must stay off the scrape path. */
  interface Renderer {
    byte[] render(boolean openMetrics);
  }

  private final Renderer renderer;
  private final long maxIntervalNanos;
  private final int costFactor;
  private final ScheduledThreadPoolExecutor background;
  private final Format text = new Format(false);
  private final Format openMetrics = new Format(true);
  private final List<Format> formats = List.of(text, openMetrics);
  /** Held while rendering, in the background or for a format's first scrape: one rendering at a time. */
  private final Object rendering = new Object();
  // Scheduling state, guarded by this.
  private boolean dirty;
  private boolean scheduled;
  private boolean running;
  private boolean closed;
  private long lastStartNanos = System.nanoTime();
  private long gapNanos;
  private long renderings;

  /** One format's latest rendering; null until a scrape first asks for the format. */
  private static final class Format {
    final boolean openMetrics;
    volatile Rendering latest;
    volatile boolean gzipWanted;

    Format(boolean openMetrics) {
      this.openMetrics = openMetrics;
    }
  }

  public CachedExposition(FleetMeters meters) {
    this(meters::render, MAX_INTERVAL, COST_FACTOR);
  }

  CachedExposition(Renderer renderer, Duration maxInterval, int costFactor) {
    this.renderer = renderer;
    this.maxIntervalNanos = maxInterval.toNanos();
    this.costFactor = costFactor;
    this.background = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "htapsync-exporter-render");
      t.setDaemon(true);
      return t;
    });
  }

  /** The meters changed: a background rendering picks it up (see the class comment for when). */
  public void changed() {
    synchronized (this) {
      dirty = true;
      if (!scheduled && !running && !closed) {
        scheduleLocked();
      }
    }
  }

  private void scheduleLocked() {
    scheduled = true;
    long delay = Math.max(0, lastStartNanos + gapNanos - System.nanoTime());
    background.schedule(this::renderInBackground, delay, TimeUnit.NANOSECONDS);
  }

  private void renderInBackground() {
    synchronized (this) {
      scheduled = false;
      if (closed) {
        return;
      }
      running = true;
      // Cleared before the meters are read: a change from now on schedules the next rendering.
      dirty = false;
    }
    long start = System.nanoTime();
    try {
      synchronized (rendering) {
        for (Format f : formats) {
          if (f.latest != null) {
            f.latest = Rendering.of(renderer, f.openMetrics, f.gzipWanted);
          }
        }
      }
    } finally {
      synchronized (this) {
        running = false;
        spaceAfterLocked(start);
        if (dirty && !closed) {
          scheduleLocked();
        }
      }
    }
  }

  /** The next rendering starts no sooner than the cost factor times this one's duration after its start. */
  private void spaceAfterLocked(long startNanos) {
    renderings++;
    lastStartNanos = startNanos;
    gapNanos = Math.min(maxIntervalNanos, (System.nanoTime() - startNanos) * costFactor);
  }

  /** The latest rendering; the first scrape of a format renders it here, once. */
  private Rendering latest(Format f) {
    Rendering r = f.latest;
    if (r == null) {
      synchronized (rendering) {
        r = f.latest;
        if (r == null) {
          long start = System.nanoTime();
          r = Rendering.of(renderer, f.openMetrics, false);
          f.latest = r;
          synchronized (this) {
            spaceAfterLocked(start);
          }
        }
      }
    }
    return r;
  }

  @Override
  public byte[] render(boolean asOpenMetrics) {
    return latest(asOpenMetrics ? openMetrics : text).bytes();
  }

  @Override
  public byte[] renderGzipped(boolean asOpenMetrics) {
    Format f = asOpenMetrics ? openMetrics : text;
    f.gzipWanted = true;
    return latest(f).gzipped();
  }

  /** Renderings so far (each may hold both formats); for the benchmarks, to show that renderings went on. */
  public synchronized long renderings() {
    return renderings;
  }

  /** Stops the background rendering; scrapes still get the last rendering. */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
    }
    background.shutdownNow();
    try {
      background.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One rendering of one format, or why it failed (its scrapes then answer 500 until the next change). */
  private static final class Rendering {
    private final byte[] bytes;
    private final RuntimeException failure;
    private byte[] gzipped;

    private Rendering(byte[] bytes, RuntimeException failure) {
      this.bytes = bytes;
      this.failure = failure;
    }

    static Rendering of(Renderer renderer, boolean openMetrics, boolean gzip) {
      Rendering r;
      try {
        r = new Rendering(renderer.render(openMetrics), null);
      } catch (RuntimeException e) {
        return new Rendering(null, e);
      }
      if (gzip) {
        r.gzipped();
      }
      return r;
    }

    byte[] bytes() {
      if (failure != null) {
        throw new IllegalStateException("the last rendering failed", failure);
      }
      return bytes;
    }

    synchronized byte[] gzipped() {
      if (gzipped == null) {
        gzipped = MetricsServer.gzip(bytes());
      }
      return gzipped;
    }
  }
}
