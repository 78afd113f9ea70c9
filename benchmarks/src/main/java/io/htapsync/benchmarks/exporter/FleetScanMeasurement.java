package io.htapsync.benchmarks.exporter;

import io.htapsync.benchmarks.fixture.Heap;
import io.htapsync.benchmarks.server.LatencyResponder;
import io.htapsync.benchmarks.server.LoopbackHttpServer;
import io.htapsync.cli.exporter.Exporter;
import io.htapsync.cli.exporter.FleetFile;
import io.htapsync.cli.exporter.Shard;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The exporter's full scan of a large fleet: {@code instances} instances of one project behind a
 * loopback server that holds every answer for {@code latency}, polled by the real {@link Exporter}
 * (its FleetPoller, shared OkHttp dispatcher, clients and meters) at {@code concurrency}. The floor is
 * {@code instances x latency / concurrency}: what perfect parallelism would take.
 *
 * <p>The exporter polls with the shortest interval a fleet file allows (100 ms), so every instance is
 * due again long before a scan ends and the poller always has work: a full scan is then the time
 * between the {@code k}th and the {@code (k+1)}th {@code instances} completed polls (polls are taken
 * in due order, so each window polls each instance once). The first window is reported apart: it is
 * a fresh replica's first scan, which also opens the connections and registers every meter.
 *
 * <p>After the timed scans the exporter, still polling, is scraped once in each format (its
 * renderings are then cached, as after real scrapes) and the used heap is weighed after full
 * collections: the exporter with the whole fleet in its meters. run.sh runs this under
 * {@code -Xmx64m}, so the scans also show the exporter working within that heap. The loopback server
 * runs in the same JVM, so its (small) share is in the figures too.
 *
 * <p>Prints {@code key=value} lines for the report. Usage: {@code FleetScanMeasurement [instances
 * [latencyMillis [concurrency [tasksPerInstance [warmupScans [timedScans]]]]]]}, default
 * {@code 1000 50 32 1 2 7}.
 */
public final class FleetScanMeasurement {
  static final String PROJECT = "5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b";
  static final Map<String, String> ENV = Map.of("HTAPSYNC_AUTH_TOKEN", "benchmark-token-0123456789");
  /** The shortest interval a fleet file allows. */
  static final Duration INTERVAL = Duration.ofMillis(100);

  private FleetScanMeasurement() {}

  public static void main(String[] args) throws Exception {
    int[] a = {1000, 50, 32, 1, 2, 7};
    for (int i = 0; i < args.length && i < a.length; i++) {
      a[i] = Integer.parseInt(args[i]);
    }
    measure(a[0], Duration.ofMillis(a[1]), a[2], a[3], a[4], a[5])
        .forEach((key, value) -> System.out.println(key + "=" + value));
  }

  /**
   * @return fleet.* figures: instances, latencyMillis, concurrency, tasksPerInstance, floorMillis,
   *     firstScanMillis, scanMillis (each timed scan), medianMillis, minMillis, maxMillis,
   *     meanHeldMillis (the server's real hold per request in the timed scans), peakInFlight,
   *     gcMillisDuringTimedScans, heapBaselineBytes (the server alone), heapAfterGcBytes (the exporter
   *     watching the fleet, after scrapes), maxHeapBytes, exposition sizes, gc
   * @throws IllegalStateException when the polls do not match the requests one to one (a retry or a
   *     failure), or the exposition does not show every instance and task
   */
  public static Map<String, String> measure(int instances, Duration latency, int concurrency, int tasksPerInstance,
      int warmupScans, int timedScans) throws IOException, InterruptedException {
    if (instances < 1 || concurrency < 1 || tasksPerInstance < 1 || warmupScans < 0 || timedScans < 1) {
      throw new IllegalArgumentException("need instances, concurrency, tasks and timed scans >= 1");
    }
    LatencyResponder responder = new LatencyResponder(latency, tasksPerInstance);
    try (LoopbackHttpServer server = LoopbackHttpServer.start(responder)) {
      FleetFile fleet = new FleetFile(INTERVAL, concurrency, List.of(new FleetFile.Target(null,
          server.baseUri(), PROJECT, instanceIds(instances), FleetFile.CredentialVariables.STANDARD)));
      long heapBaseline = Heap.usedAfterGc();
      long start = System.nanoTime();
      try (Exporter exporter = Exporter.start(fleet, new Exporter.Settings(
          new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), null, Shard.ALL, Duration.ofMinutes(15),
          false, ENV, b -> b.userAgent("htapsync-benchmark")))) {
        long firstScan = awaitPolls(exporter, instances, start) - start;
        long mark = start + firstScan;
        for (int i = 0; i < warmupScans; i++) {
          mark = awaitPolls(exporter, (long) (i + 2) * instances, mark);
        }
        responder.resetPeak();
        long heldBefore = responder.heldNanos();
        long requestsBefore = responder.requests();
        long gcBefore = gcMillis();
        double[] scanMillis = new double[timedScans];
        for (int i = 0; i < timedScans; i++) {
          long end = awaitPolls(exporter, (long) (i + 2 + warmupScans) * instances, mark);
          scanMillis[i] = (end - mark) / 1e6;
          mark = end;
        }
        long gcDuring = gcMillis() - gcBefore;
        int peak = responder.peakInFlight();
        double meanHeldMillis = (responder.heldNanos() - heldBefore) / 1e6 / (responder.requests() - requestsBefore);
        Exposition text = scrape(exporter, null);
        Exposition openMetrics = scrape(exporter, "application/openmetrics-text; version=1.0.0");
        text.check(instances, tasksPerInstance);
        // The bodies this measurement read are its own, not the exporter's: let them go before weighing.
        text = text.withoutBody();
        openMetrics = openMetrics.withoutBody();
        long heap = Heap.usedAfterGc();
        // Every poll one request: no retries, no failures (a failure would also be in the exposition).
        long completed = exporter.completedPolls();
        long requests = responder.requests();
        if (requests < completed || requests > completed + concurrency) {
          throw new IllegalStateException(requests + " requests for " + completed + " polls: retries or failures");
        }

        double[] sorted = scanMillis.clone();
        Arrays.sort(sorted);
        Map<String, String> result = new LinkedHashMap<>();
        result.put("fleet.instances", Integer.toString(instances));
        result.put("fleet.latencyMillis", Long.toString(latency.toMillis()));
        result.put("fleet.concurrency", Integer.toString(concurrency));
        result.put("fleet.tasksPerInstance", Integer.toString(tasksPerInstance));
        result.put("fleet.floorMillis", fixed((double) instances * latency.toMillis() / concurrency));
        result.put("fleet.firstScanMillis", fixed(firstScan / 1e6));
        result.put("fleet.warmupScans", Integer.toString(warmupScans));
        result.put("fleet.scanMillis", Arrays.stream(scanMillis).mapToObj(FleetScanMeasurement::fixed)
            .collect(Collectors.joining(",")));
        result.put("fleet.medianMillis", fixed(sorted[sorted.length / 2]));
        result.put("fleet.minMillis", fixed(sorted[0]));
        result.put("fleet.maxMillis", fixed(sorted[sorted.length - 1]));
        result.put("fleet.meanHeldMillis", String.format(Locale.ROOT, "%.2f", meanHeldMillis));
        result.put("fleet.peakInFlight", Integer.toString(peak));
        result.put("fleet.gcMillisDuringTimedScans", Long.toString(gcDuring));
        result.put("fleet.heapBaselineBytes", Long.toString(heapBaseline));
        result.put("fleet.heapAfterGcBytes", Long.toString(heap));
        result.put("fleet.maxHeapBytes", Long.toString(Runtime.getRuntime().maxMemory()));
        result.put("fleet.expositionTextBytes", Integer.toString(text.bytes));
        result.put("fleet.expositionOpenMetricsBytes", Integer.toString(openMetrics.bytes));
        result.put("fleet.expositionSamples", Integer.toString(text.samples));
        result.put("fleet.gc", ManagementFactory.getGarbageCollectorMXBeans().stream()
            .map(GarbageCollectorMXBean::getName).collect(Collectors.joining("+")).replace(' ', '_'));
        return result;
      }
    }
  }

  /** The 36-character ids (32 hex digits and a suffix) of the fleet's instances. */
  static List<String> instanceIds(int n) {
    List<String> ids = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ids.add(String.format(Locale.ROOT, "%032xin07", i));
    }
    return ids;
  }

  /** Waits until {@code polls} polls have ended since the start; returns when (System.nanoTime). */
  private static long awaitPolls(Exporter exporter, long polls, long since) throws InterruptedException {
    long deadline = since + Duration.ofMinutes(2).toNanos();
    while (exporter.completedPolls() < polls) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("only " + exporter.completedPolls() + " of " + polls
            + " polls ended, the last scan taking over 2 minutes");
      }
      Thread.sleep(1);
    }
    return System.nanoTime();
  }

  /** A scrape's size and its sample count, and the checks that it shows the whole fleet. */
  private record Exposition(String body, int bytes, int samples) {
    Exposition withoutBody() {
      return new Exposition(null, bytes, samples);
    }

    void check(int instances, int tasksPerInstance) {
      long instanceSeries = count("htapsync_instance_tasks{");
      long taskSeries = count("htapsync_task_synced{");
      long tasksShown = body.lines().filter(l -> l.startsWith("htapsync_instance_tasks{"))
          .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
      if (instanceSeries != instances || taskSeries != (long) instances * tasksPerInstance
          || tasksShown != (long) instances * tasksPerInstance) {
        throw new IllegalStateException("the exposition shows " + instanceSeries + " instances and " + taskSeries
            + " tasks (" + tasksShown + " counted), expected " + instances + " and " + instances * tasksPerInstance);
      }
    }

    private long count(String prefix) {
      return body.lines().filter(l -> l.startsWith(prefix)).count();
    }
  }

  private static Exposition scrape(Exporter exporter, String accept) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
        + exporter.address().getPort() + "/metrics"));
    if (accept != null) {
      request.header("Accept", accept);
    }
    HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request.build(),
        HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("/metrics answered " + response.statusCode());
    }
    String body = new String(response.body(), StandardCharsets.UTF_8);
    int samples = (int) body.lines().filter(l -> !l.isEmpty() && !l.startsWith("#")).count();
    return new Exposition(body, response.body().length, samples);
  }

  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
  }

  private static String fixed(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
