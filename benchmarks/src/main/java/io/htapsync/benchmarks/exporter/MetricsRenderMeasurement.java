package io.htapsync.benchmarks.exporter;

import io.htapsync.benchmarks.server.LatencyResponder;
import io.htapsync.benchmarks.server.LoopbackHttpServer;
import io.htapsync.cli.exporter.CachedExposition;
import io.htapsync.cli.exporter.FleetMeters;
import io.htapsync.cli.exporter.MetricsServer;
import io.htapsync.client.StarRocksReplicationClient;
import io.htapsync.client.auth.Credentials;
import io.htapsync.client.sync.SyncSnapshot;
import io.htapsync.micrometer.ReplicationMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.zip.GZIPInputStream;

/**
 * {@code GET /metrics} of an exporter whose meters hold {@code tasks} tasks ({@code tasksPerInstance}
 * per instance), timed at the scraper: request sent to body read, over loopback HTTP, through the real
 * {@link MetricsServer}, by a {@link SocketScraper} (a client that reads the body as Prometheus does,
 * at almost no cost of its own) unless a case says otherwise. The meters are the exporter's {@link FleetMeters}, filled the way the exporter
 * fills them: a real client polls each instance from a loopback server, its {@link ReplicationMetrics}
 * takes the snapshots, its call listener the calls.
 *
 * <p>Cases, in this order:
 * <ul>
 *   <li>{@code synchronous}: every scrape renders the whole exposition (the exporter before rendering
 *       moved off the scrape path, and its worst case then: a poll ended since the last scrape);
 *   <li>{@code staticSocket}, {@code staticJdkClient}: the floor, a server that answers the same number
 *       of bytes already in memory, scraped by the socket client and by the JDK's {@code HttpClient};
 *   <li>{@code background}, {@code backgroundOpenMetrics}, {@code backgroundGzip}: the exporter's
 *       {@link CachedExposition} with its background renderer, while a poller thread goes on polling
 *       instances ({@value #POLLS_PER_SECOND} a second, each followed by {@code changed()}, as the
 *       {@code FleetPoller} does), so renderings run during the scrapes; text 0.0.4, OpenMetrics, and
 *       OpenMetrics with {@code Accept-Encoding: gzip} (what Prometheus asks for). For {@code background} the
 *       age of what was served is measured too: now minus the newest
 *       {@code htapsync_poll_last_success_timestamp_seconds} in the body (a poll's own time included);
 *       {@code backgroundJdkClient}: text again, by the JDK's {@code HttpClient};
 *   <li>{@code render}: the exporter's rendering alone (text, no HTTP, no poller); {@code gzip} of it;
 *       and for comparison the same snapshots in a {@link ReplicationMetrics} bound to Micrometer's
 *       {@link PrometheusMeterRegistry} (how the exporter rendered before): {@code micrometerRender},
 *       its scrape, and {@code micrometerCollect}, the registry's collect alone.
 * </ul>
 * Prints {@code key=value} lines for the report. Usage:
 * {@code MetricsRenderMeasurement [tasks [tasksPerInstance [warmupScrapes [timedScrapes]]]]}, default
 * {@code 10000 10 100 400}.
 */
public final class MetricsRenderMeasurement {
  static final int POLLS_PER_SECOND = 100;
  private static final String TEXT = "text/plain; version=0.0.4; charset=utf-8";
  private static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";
  private static final String OPENMETRICS_ACCEPT = "application/openmetrics-text; version=1.0.0";
  private static final String LAST_SUCCESS = "htapsync_poll_last_success_timestamp_seconds{";

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
   *     each case p50Millis, p99Millis, maxMillis over the timed scrapes (or renderings), the polls and
   *     renderings during the background cases, and the served data's age
   * @throws IllegalStateException when a scrape does not show every task
   */
  public static Map<String, String> measure(int tasks, int tasksPerInstance, int warmupScrapes, int timedScrapes)
      throws IOException, InterruptedException {
    if (tasks < tasksPerInstance || tasksPerInstance < 1 || warmupScrapes < 0 || timedScrapes < 1) {
      throw new IllegalArgumentException("need tasks >= tasksPerInstance >= 1 and timedScrapes >= 1");
    }
    int instances = tasks / tasksPerInstance;
    FleetMeters meters = new FleetMeters(ReplicationMetrics.DEFAULT_STALL_AFTER);
    ReplicationMetrics metrics = meters.replication();
    // The same snapshots in Micrometer's registry, for the rendering's before/after (renderCost).
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ReplicationMetrics viaRegistry = new ReplicationMetrics();
    viaRegistry.bindTo(registry);
    InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    List<String> ids = FleetScanMeasurement.instanceIds(instances);
    byte[][] staticBody = new byte[1][];
    try (LoopbackHttpServer server = LoopbackHttpServer.start(new LatencyResponder(Duration.ZERO, tasksPerInstance));
        StarRocksReplicationClient client = StarRocksReplicationClient.builder()
            .endpoint(server.baseUri())
            .allowInsecureHttp()
            .projectId(FleetScanMeasurement.PROJECT)
            .credentials(Credentials.token("benchmark-token-0123456789"))
            .callListener(meters.callListener())
            .build();
        CachedExposition exposition = new CachedExposition(meters);
        MetricsServer served = MetricsServer.start(loopback, exposition, null);
        MetricsServer synchronous = MetricsServer.start(loopback, meters::render, null);
        MetricsServer fixedBody = MetricsServer.start(loopback, openMetrics -> staticBody[0], null)) {
      for (String id : ids) {
        SyncSnapshot snapshot = poll(client, metrics, id);
        viaRegistry.pollSucceeded(FleetScanMeasurement.PROJECT, snapshot, Duration.ofMillis(1));
      }
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      URI uri = uri(served);
      byte[] body = get(http, uri, null, false);
      String text = new String(body, StandardCharsets.UTF_8);
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
      int minimum = body.length * 9 / 10; // values change between scrapes, and with them a few digits
      try (SocketScraper toStatic = new SocketScraper(fixedBody.address());
          SocketScraper toSynchronous = new SocketScraper(synchronous.address());
          SocketScraper scraper = new SocketScraper(served.address())) {
        time(result, "synchronous", socket(toSynchronous), null, false, warmupScrapes, timedScrapes, minimum, null);
        // The floor: the same number of bytes, already in memory, through the same server; by each client.
        staticBody[0] = body;
        time(result, "staticSocket", socket(toStatic), null, false, warmupScrapes, timedScrapes, minimum, null);
        time(result, "staticJdkClient", jdk(http, uri(fixedBody)), null, false, warmupScrapes, timedScrapes,
            minimum, null);

        long renderingsBefore;
        long pollsDuring;
        double[] ages = new double[timedScrapes];
        try (Poller poller = Poller.start(client, metrics, exposition, ids)) {
          // The first scrape of each form renders it on the scrape's thread; from then on the background does.
          get(http, uri, null, false);
          get(http, uri, OPENMETRICS_ACCEPT, true);
          renderingsBefore = exposition.renderings();
          long pollsBefore = poller.polls();
          long start = System.nanoTime();
          time(result, "background", socket(scraper), null, false, warmupScrapes, timedScrapes, minimum, ages);
          time(result, "backgroundOpenMetrics", socket(scraper), OPENMETRICS_ACCEPT, false, warmupScrapes,
              timedScrapes, minimum, null);
          time(result, "backgroundGzip", socket(scraper), OPENMETRICS_ACCEPT, true, warmupScrapes, timedScrapes,
              minimum, null);
          time(result, "backgroundJdkClient", jdk(http, uri), null, false, warmupScrapes, timedScrapes, minimum,
              null);
          result.put("render.background.seconds", fixed((System.nanoTime() - start) / 1e9));
          pollsDuring = poller.polls() - pollsBefore;
        }
        result.put("render.background.polls", Long.toString(pollsDuring));
        result.put("render.background.renderings", Long.toString(exposition.renderings() - renderingsBefore));
        Arrays.sort(ages);
        result.put("render.servedAge.p50Millis", fixed(percentile(ages, 50)));
        result.put("render.servedAge.p99Millis", fixed(percentile(ages, 99)));
        result.put("render.servedAge.maxMillis", fixed(ages[ages.length - 1]));
      }
      result.put("render.gzipBytes", Integer.toString(get(http, uri, OPENMETRICS_ACCEPT, true).length));
      renderCost(result, meters, registry, warmupScrapes, timedScrapes);
      return result;
    }
  }

  private static SyncSnapshot poll(StarRocksReplicationClient client, ReplicationMetrics metrics, String id) {
    long start = System.nanoTime();
    SyncSnapshot snapshot = client.snapshot(id);
    metrics.pollSucceeded(FleetScanMeasurement.PROJECT, snapshot, Duration.ofNanos(System.nanoTime() - start));
    return snapshot;
  }

  /** Polls the instances in turn at a fixed rate, each poll followed by {@code changed()}, as the exporter's poller does. */
  private static final class Poller implements AutoCloseable {
    private final Thread thread;
    private final AtomicLong polls = new AtomicLong();
    private volatile boolean stop;

    private Poller(StarRocksReplicationClient client, ReplicationMetrics metrics, CachedExposition exposition,
        List<String> ids) {
      thread = new Thread(() -> {
        long period = 1_000_000_000L / POLLS_PER_SECOND;
        long next = System.nanoTime();
        for (int i = 0; !stop; i++) {
          poll(client, metrics, ids.get(i % ids.size()));
          exposition.changed();
          polls.incrementAndGet();
          next += period;
          LockSupport.parkNanos(next - System.nanoTime());
        }
      }, "benchmark-poller");
      thread.setDaemon(true);
    }

    static Poller start(StarRocksReplicationClient client, ReplicationMetrics metrics, CachedExposition exposition,
        List<String> ids) {
      Poller p = new Poller(client, metrics, exposition, ids);
      p.thread.start();
      return p;
    }

    long polls() {
      return polls.get();
    }

    @Override
    public void close() throws InterruptedException {
      stop = true;
      thread.join(10_000);
    }
  }

  /** One scrape by one client: the body as received. */
  private interface Scrape {
    byte[] get(String accept, boolean gzip) throws IOException, InterruptedException;
  }

  private static Scrape socket(SocketScraper scraper) {
    return (accept, gzip) -> scraper.get("/metrics", accept, gzip);
  }

  private static Scrape jdk(HttpClient http, URI uri) {
    return (accept, gzip) -> get(http, uri, accept, gzip);
  }

  private static void time(Map<String, String> result, String name, Scrape scrape, String accept,
      boolean gzip, int warmup, int timed, int minimumBytes, double[] ages) throws IOException, InterruptedException {
    double[] millis = new double[timed];
    for (int i = -warmup; i < timed; i++) {
      long start = System.nanoTime();
      byte[] body = scrape.get(accept, gzip);
      long nanos = System.nanoTime() - start;
      long nowMillis = System.currentTimeMillis();
      byte[] plain = gzip ? gunzip(body) : body;
      if (plain.length < minimumBytes) {
        throw new IllegalStateException(name + ": a scrape of " + plain.length + " bytes, expected " + minimumBytes
            + " at least");
      }
      if (i >= 0) {
        millis[i] = nanos / 1e6;
        if (ages != null) {
          ages[i] = nowMillis - newestLastSuccessMillis(plain);
        }
      }
    }
    Arrays.sort(millis);
    result.put("render." + name + ".p50Millis", fixed(percentile(millis, 50)));
    result.put("render." + name + ".p99Millis", fixed(percentile(millis, 99)));
    result.put("render." + name + ".maxMillis", fixed(millis[millis.length - 1]));
  }

  /** The newest poll success the exposition shows, in epoch milliseconds. */
  static long newestLastSuccessMillis(byte[] exposition) {
    String text = new String(exposition, StandardCharsets.UTF_8);
    double newest = Double.NaN;
    for (int at = text.indexOf(LAST_SUCCESS); at >= 0; at = text.indexOf(LAST_SUCCESS, at + 1)) {
      int end = text.indexOf('\n', at);
      double seconds = Double.parseDouble(text.substring(text.lastIndexOf(' ', end) + 1, end));
      newest = Double.isNaN(newest) ? seconds : Math.max(newest, seconds);
    }
    if (Double.isNaN(newest)) {
      throw new IllegalStateException("no " + LAST_SUCCESS + " in the exposition");
    }
    return Math.round(newest * 1000);
  }

  /**
   * The rendering itself, without HTTP: the exporter's (text), gzip of it, and Micrometer's scrape of the
   * same snapshots in its registry, whole and its collect alone (the rest of that scrape is its writer).
   */
  private static void renderCost(Map<String, String> result, FleetMeters meters, PrometheusMeterRegistry registry,
      int warmup, int timed) {
    String[] names = {"render", "gzip", "micrometerRender", "micrometerCollect"};
    double[][] millis = new double[names.length][timed];
    long collected = 0;
    for (int i = -warmup; i < timed; i++) {
      long t0 = System.nanoTime();
      byte[] rendered = meters.render(false);
      long t1 = System.nanoTime();
      MetricsServer.gzip(rendered);
      long t2 = System.nanoTime();
      byte[] theirs = scrape(registry, false);
      long t3 = System.nanoTime();
      MetricSnapshots snapshots = registry.getPrometheusRegistry().scrape();
      long t4 = System.nanoTime();
      collected += snapshots.size();
      if (theirs.length < rendered.length / 2) {
        throw new IllegalStateException("the registry rendered " + theirs.length + " bytes, the exporter "
            + rendered.length);
      }
      if (i >= 0) {
        millis[0][i] = (t1 - t0) / 1e6;
        millis[1][i] = (t2 - t1) / 1e6;
        millis[2][i] = (t3 - t2) / 1e6;
        millis[3][i] = (t4 - t3) / 1e6;
      }
    }
    if (collected == 0) {
      throw new IllegalStateException("the registry collected no metric");
    }
    for (int k = 0; k < names.length; k++) {
      Arrays.sort(millis[k]);
      result.put("render." + names[k] + ".p50Millis", fixed(percentile(millis[k], 50)));
      result.put("render." + names[k] + ".p99Millis", fixed(percentile(millis[k], 99)));
      result.put("render." + names[k] + ".maxMillis", fixed(millis[k][timed - 1]));
    }
  }

  /** Micrometer's scrape of its registry. */
  static byte[] scrape(PrometheusMeterRegistry registry, boolean openMetrics) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(4 << 20);
    try {
      registry.scrape(out, openMetrics ? OPENMETRICS : TEXT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Nearest rank of a sorted array. */
  static double percentile(double[] sorted, double p) {
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static URI uri(MetricsServer server) {
    return URI.create("http://127.0.0.1:" + server.address().getPort() + "/metrics");
  }

  private static byte[] get(HttpClient http, URI uri, String accept, boolean gzip)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri);
    if (accept != null) {
      request.header("Accept", accept);
    }
    if (gzip) {
      request.header("Accept-Encoding", "gzip");
    }
    HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("/metrics answered " + response.statusCode());
    }
    if (gzip != response.headers().firstValue("Content-Encoding").map("gzip"::equals).orElse(false)) {
      throw new IllegalStateException("/metrics answered with Content-Encoding "
          + response.headers().firstValue("Content-Encoding").orElse("(none)") + " to Accept-Encoding "
          + (gzip ? "gzip" : "(none)"));
    }
    return response.body();
  }

  private static byte[] gunzip(byte[] gz) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      return in.readAllBytes();
    }
  }

  private static String fixed(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }
}
