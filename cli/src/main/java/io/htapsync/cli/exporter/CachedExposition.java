package io.htapsync.cli.exporter;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The registry's exposition, rendered once per change: meters change only when a poll ends, so
 * scrapes between two polls share one rendering and a scrape storm costs no more than one scrape.
 * Rendering is Micrometer's own (the same code path a Spring Boot service with
 * {@code htapsync-micrometer} uses), so the names and escaping are the same.
 *
 * <p>Public for the benchmarks, which time a rendering of a large fleet through it and {@link MetricsServer}.
 */
public final class CachedExposition implements MetricsServer.Exposition {
  private final PrometheusMeterRegistry registry;
  private final AtomicLong generation = new AtomicLong();
  private Rendered text;
  private Rendered openMetrics;

  private record Rendered(long generation, byte[] bytes) { }

  public CachedExposition(PrometheusMeterRegistry registry) {
    this.registry = registry;
  }

  /** The meters changed: the next scrape renders anew. */
  public void changed() {
    generation.incrementAndGet();
  }

  @Override
  public synchronized byte[] render(boolean asOpenMetrics) {
    long now = generation.get();
    Rendered cached = asOpenMetrics ? openMetrics : text;
    if (cached != null && cached.generation == now) {
      return cached.bytes;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(cached == null ? 64 * 1024 : cached.bytes.length + 1024);
    try {
      registry.scrape(out, asOpenMetrics ? MetricsServer.OPENMETRICS : MetricsServer.TEXT_0_0_4);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Rendered fresh = new Rendered(now, out.toByteArray());
    if (asOpenMetrics) {
      openMetrics = fresh;
    } else {
      text = fresh;
    }
    return fresh.bytes;
  }
}
