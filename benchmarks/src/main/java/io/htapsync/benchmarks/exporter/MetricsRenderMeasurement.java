package io.htapsync.benchmarks.exporter;

import io.htapsync.benchmarks.server.LatencyResponder;
import io.htapsync.benchmarks.server.LoopbackHttpServer;
import io.htapsync.cli.exporter.CachedExposition;
import io.htapsync.cli.exporter.MetricsServer;
import io.htapsync.client.StarRocksReplicationClient;
import io.htapsync.client.auth.Credentials;
import io.htapsync.client.sync.SyncSnapshot;
import io.htapsync.micrometer.MicrometerCallListener;
import io.htapsync.micrometer.ReplicationMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /metrics} of an exporter whose meters hold {@code tasks} tasks ({@code tasksPerInstance}
 * per instance), timed at the scraper: request sent to body read, over loopback HTTP, through the real
 * {@link MetricsServer} and {@link CachedExposition}. The meters are filled the way the exporter fills
 * them: a real client polls each instance from a loopback server and {@link ReplicationMetrics} takes
 * the snapshots, beside a {@link MicrometerCallListener}, in one {@link PrometheusMeterRegistry}.
 *
 * <p>Three cases: {@code fresh} marks the meters changed before every scrape, so each one renders the
 * whole registry (the exporter's worst case: a poll ended since the last scrape); {@code openMetrics}
 * is the same in the format Prometheus asks for first; {@code cached} scrapes with no change between
 * (the scrape storm case); {@code renderOnly} times the rendering alone, without HTTP. Prints {@code key=value} lines for the report. Usage:
 * {@code MetricsRenderMeasurement [tasks [tasksPerInstance [warmupScrapes [timedScrapes]]]]}, default
 * {@code 10000 10 100 400}.
 */
public final class MetricsRenderMeasurement {
  private static final String OPENMETRICS_ACCEPT = "application/openmetrics-text; version=1.0.0";

  private MetricsRenderMeasurement() {}

  public static void main(String[] args) throws Exception {
    int[] a = {10_000, 10, 100, 400};
    for (int i = 0; i < args.length && i < a.length; i++) {
      a[i] = Integer.parseInt(args[i]);
    }
    measure(a[0], a[1], a[2], a[3]).forEach((key, value) -> System.out.println(key + "=" + value));
  }

  /**
   * @return render.* figures: tasks, instances, series (task series, and all samples), bytes, then for
   *     each case (fresh, openMetrics, cached, renderOnly) p50Millis, p99Millis, maxMillis over the timed scrapes
   * @throws IllegalStateException when a scrape does not show every task
   */
  public static Map<String, String> measure(int tasks, int tasksPerInstance, int warmupScrapes, int timedScrapes)
      throws IOException, InterruptedException {
    if (tasks < tasksPerInstance || tasksPerInstance < 1 || warmupScrapes < 0 || timedScrapes < 1) {
      throw new IllegalArgumentException("need tasks >= tasksPerInstance >= 1 and timedScrapes >= 1");
    }
    int instances = tasks / tasksPerInstance;
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ReplicationMetrics metrics = new ReplicationMetrics();
    metrics.bindTo(registry);
    CachedExposition exposition = new CachedExposition(registry);
    try (LoopbackHttpServer server = LoopbackHttpServer.start(new LatencyResponder(Duration.ZERO, tasksPerInstance));
        StarRocksReplicationClient client = StarRocksReplicationClient.builder()
            .endpoint(server.baseUri())
            .allowInsecureHttp()
            .projectId(FleetScanMeasurement.PROJECT)
            .credentials(Credentials.token("benchmark-token-0123456789"))
            .callListener(new MicrometerCallListener(registry))
            .build();
        MetricsServer metricsServer = MetricsServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            exposition, null)) {
      for (String id : FleetScanMeasurement.instanceIds(instances)) {
        long start = System.nanoTime();
        SyncSnapshot snapshot = client.snapshot(id);
        metrics.pollSucceeded(FleetScanMeasurement.PROJECT, snapshot, Duration.ofNanos(System.nanoTime() - start));
      }
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      URI uri = URI.create("http://127.0.0.1:" + metricsServer.address().getPort() + "/metrics");
      byte[] body = get(http, uri, null);
      String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
      long taskSeries = text.lines().filter(l -> l.startsWith("htapsync_task_")).count();
      long samples = text.lines().filter(l -> !l.isEmpty() && !l.startsWith("#")).count();
      long synced = text.lines().filter(l -> l.startsWith("htapsync_task_synced{")).count();
      if (synced != (long) instances * tasksPerInstance) {
        throw new IllegalStateException("the exposition shows " + synced + " tasks, expected "
            + instances * tasksPerInstance);
      }
      Map<String, String> result = new LinkedHashMap<>();
      result.put("render.tasks", Integer.toString(instances * tasksPerInstance));
      result.put("render.instances", Integer.toString(instances));
      result.put("render.taskSeries", Long.toString(taskSeries));
      result.put("render.samples", Long.toString(samples));
      result.put("render.bytes", Integer.toString(body.length));
      result.put("render.timedScrapes", Integer.toString(timedScrapes));
      time(result, "fresh", http, uri, null, exposition, true, warmupScrapes, timedScrapes, body.length);
      time(result, "openMetrics", http, uri, OPENMETRICS_ACCEPT, exposition, true, warmupScrapes, timedScrapes, 0);
      time(result, "cached", http, uri, null, exposition, false, warmupScrapes, timedScrapes, body.length);
      renderOnly(result, exposition, warmupScrapes, timedScrapes);
      return result;
    }
  }

  private static void time(Map<String, String> result, String name, HttpClient http, URI uri, String accept,
      CachedExposition exposition, boolean changeEachTime, int warmup, int timed, int expectedBytes)
      throws IOException, InterruptedException {
    double[] millis = new double[timed];
    for (int i = -warmup; i < timed; i++) {
      if (changeEachTime) {
        exposition.changed();
      }
      long start = System.nanoTime();
      byte[] body = get(http, uri, accept);
      long nanos = System.nanoTime() - start;
      if (expectedBytes > 0 && body.length != expectedBytes) {
        throw new IllegalStateException(name + ": a scrape of " + body.length + " bytes, expected " + expectedBytes);
      }
      if (i >= 0) {
        millis[i] = nanos / 1e6;
      }
    }
    Arrays.sort(millis);
    result.put("render." + name + ".p50Millis", fixed(percentile(millis, 50)));
    result.put("render." + name + ".p99Millis", fixed(percentile(millis, 99)));
    result.put("render." + name + ".maxMillis", fixed(millis[millis.length - 1]));
  }

  /** The rendering alone, without HTTP: how much of a fresh scrape is Micrometer's scrape itself. */
  private static void renderOnly(Map<String, String> result, CachedExposition exposition, int warmup, int timed) {
    double[] millis = new double[timed];
    for (int i = -warmup; i < timed; i++) {
      exposition.changed();
      long start = System.nanoTime();
      exposition.render(false);
      if (i >= 0) {
        millis[i] = (System.nanoTime() - start) / 1e6;
      }
    }
    Arrays.sort(millis);
    result.put("render.renderOnly.p50Millis", fixed(percentile(millis, 50)));
    result.put("render.renderOnly.p99Millis", fixed(percentile(millis, 99)));
    result.put("render.renderOnly.maxMillis", fixed(millis[millis.length - 1]));
  }

  /** Nearest rank of a sorted array. */
  static double percentile(double[] sorted, double p) {
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static byte[] get(HttpClient http, URI uri, String accept) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri);
    if (accept != null) {
      request.header("Accept", accept);
    }
    HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("/metrics answered " + response.statusCode());
    }
    return response.body();
  }

  private static String fixed(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }
}
