package io.htapsync.cli.exporter;

import io.htapsync.client.listener.CallListener;
import io.htapsync.micrometer.MicrometerCallListener;
import io.htapsync.micrometer.ReplicationExposition;
import io.htapsync.micrometer.ReplicationMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * The exporter's meters and how {@code /metrics} shows them. The client's call meters are few and
 * bounded, so they live in Micrometer's Prometheus registry (via {@link MicrometerCallListener}, as in a
 * Spring Boot service). The fleet's series grow with its tasks, so {@link ReplicationMetrics} stays out
 * of the registry and {@link ReplicationExposition} writes them from its state: no meter objects per
 * series, and a rendering of 10,000 task series in a few milliseconds instead of tens (BENCHMARKS.md,
 * rows 6b and 6c). The two parts never share a family, so the exposition is the registry's, then ours.
 *
 * <p>Public for the benchmarks, which fill and serve it as the exporter does.
 */
public final class FleetMeters {
  private static final byte[] EOF = "# EOF\n".getBytes(StandardCharsets.US_ASCII);

  private final PrometheusMeterRegistry calls = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final MicrometerCallListener callListener = new MicrometerCallListener(calls);
  private final ReplicationMetrics replication;
  private final ReplicationExposition families;

  /** @param stallAfter how long a moving task may stand still before it counts as stalled */
  public FleetMeters(Duration stallAfter) {
    this.replication = new ReplicationMetrics(stallAfter);
    this.families = new ReplicationExposition(replication);
  }

  /** What the fleet's polls feed. */
  public ReplicationMetrics replication() {
    return replication;
  }

  /** What every client of the fleet reports its calls and retries to. */
  public CallListener callListener() {
    return callListener;
  }

  /** The whole exposition in text 0.0.4 or OpenMetrics (then ending in {@code # EOF}). */
  public byte[] render(boolean openMetrics) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8 * 1024);
    try {
      calls.scrape(out, openMetrics ? MetricsServer.OPENMETRICS : MetricsServer.TEXT_0_0_4);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
    }
    byte[] head = out.toByteArray();
    int headLength = head.length;
    if (openMetrics) {
      if (!endsWith(head, EOF)) {
        throw new IllegalStateException("the registry's OpenMetrics exposition does not end in # EOF");
      }
      headLength -= EOF.length;
    }
    return families.families(openMetrics, head, headLength, openMetrics ? EOF : new byte[0]);
  }

  private static boolean endsWith(byte[] bytes, byte[] suffix) {
    return bytes.length >= suffix.length
        && Arrays.equals(bytes, bytes.length - suffix.length, bytes.length, suffix, 0, suffix.length);
  }
}
