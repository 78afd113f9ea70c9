package io.htapsync.benchmarks.soak;

import io.htapsync.cli.exporter.Exporter;
import io.htapsync.cli.exporter.FleetFile;
import io.htapsync.cli.exporter.Shard;
import io.htapsync.client.StarRocksReplicationClient;
import io.htapsync.client.auth.Credentials;
import io.htapsync.client.retry.RetryPolicy;
import io.htapsync.client.sync.SyncEvent;
import io.htapsync.client.sync.SyncListener;
import io.htapsync.client.sync.SyncSnapshot;
import io.htapsync.client.sync.SyncWatch;
import io.htapsync.client.sync.WatchOptions;
import io.htapsync.sandbox.SandboxOptions;
import io.htapsync.sandbox.SandboxServer;
import io.htapsync.sandbox.data.ReplicationTask;
import io.htapsync.sandbox.data.StarRocksInstance;
import io.htapsync.sandbox.fault.InjectedFailure;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Weeks of polling compressed into minutes: the client's watcher and the exporter each run a number of
 * polls (default 100,000) against the embedded sandbox at a fast interval, with a fraction of the
 * requests (default 10 %) failing, and resources are sampled along the way (heap after GC, live
 * threads, open file descriptors). Many instances at a 10 ms interval make the polls; the sandbox
 * validates every answer against the spec, which is what bounds the rate on a small machine.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.htapsync.benchmarks.soak.Soak [polls] [failure-rate]
 * [failure-kind]} (defaults 100000, 0.1, 500; kinds as the sandbox reads them: 503, 429, 500, drop).
 * Prints one Markdown table per phase and the growth from the first sample to the last.
 *
 * <p>The default kind is the service's 500: OkHttp itself silently repeats a request once after a
 * dropped connection or a 503 with {@code Retry-After: 0}, outside the client's retry policy, so with
 * {@code drop} or {@code 503} only about 1 % of the polls fail, not the 10 % injected.
 */
public final class Soak {
  static final String PROJECT = "5a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d";
  static final int INSTANCES = 64;
  static final int SAMPLES = 10;
  static final Duration INTERVAL = Duration.ofMillis(10);

  /** One phase's figures: the samples and the polls that failed. */
  public record Phase(String name, long polls, long failedPolls, double seconds, List<ResourceSample> samples,
      ResourceSample afterClose) {
    /** Growth from the first sample taken while running to the last. */
    public ResourceSample growth() {
      ResourceSample first = samples.get(0);
      ResourceSample last = samples.get(samples.size() - 1);
      return new ResourceSample(last.polls() - first.polls(), last.seconds() - first.seconds(),
          last.heapAfterGcBytes() - first.heapAfterGcBytes(), last.liveThreads() - first.liveThreads(),
          last.openFds() - first.openFds());
    }

    String report() {
      StringBuilder s = new StringBuilder(String.format("%s: %,d polls in %.1f s (%.0f/s), %,d failed (%.1f %%)%n",
          name, polls, seconds, polls / seconds, failedPolls, 100.0 * failedPolls / Math.max(1, polls)));
      s.append("| polls | s | heap after GC MiB | live threads | open fds |\n| ---: | ---: | ---: | ---: | ---: |\n");
      samples.forEach(x -> s.append(x.row()).append('\n'));
      ResourceSample g = growth();
      s.append(String.format("growth first -> last sample: heap %+.2f MiB, threads %+d, fds %+d; after close:"
          + " heap %.1f MiB, threads %d, fds %d%n", g.heapAfterGcBytes() / 1048576.0, g.liveThreads(), g.openFds(),
          afterClose.heapAfterGcBytes() / 1048576.0, afterClose.liveThreads(), afterClose.openFds()));
      return s.toString();
    }
  }

  private Soak() {}

  public static void main(String[] args) throws Exception {
    long polls = args.length > 0 ? Long.parseLong(args[0]) : 100_000;
    double rate = args.length > 1 ? Double.parseDouble(args[1]) : 0.1;
    String kind = args.length > 2 ? args[2] : "500";
    ResourceSample start = ResourceSample.take(0, 0);
    System.out.printf("soak: %,d polls per phase, %.0f %% injected failures (%s), %d instances, %d ms interval;"
        + " JVM at start: heap %.1f MiB, threads %d, fds %d%n%n", polls, rate * 100, kind, INSTANCES,
        INTERVAL.toMillis(), start.heapAfterGcBytes() / 1048576.0, start.liveThreads(), start.openFds());
    System.out.println(watch(polls, rate, kind).report());
    System.out.println(exporter(polls, rate, kind).report());
  }

  static SandboxServer sandbox(double rate, String kind) {
    List<StarRocksInstance> data = new ArrayList<>();
    for (int i = 0; i < INSTANCES; i++) {
      data.add(new StarRocksInstance(PROJECT, instance(i), null, List.of(
          ReplicationTask.builder("orders", "sales", "sales_olap").stage("incremental").percentage("100").build(),
          ReplicationTask.builder("customers", "crm", "crm_olap").stage("full").percentage("42.5").build())));
    }
    return SandboxServer.start(SandboxOptions.builder().data(data).simulatedInstances(List.of())
        .failureRate(rate).failure(InjectedFailure.parse(kind, Duration.ZERO)).recordingLimit(1).build());
  }

  static String instance(int i) {
    return String.format("%032xin07", 0x50a6000 + i);
  }

  /** The client's watcher: one shared client, {@value #INSTANCES} watches. */
  public static Phase watch(long polls, double rate, String kind) throws InterruptedException {
    AtomicLong done = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    SyncListener listener = new SyncListener() {
      @Override
      public void onEvent(SyncEvent event) {
        if (event.type() == SyncEvent.Type.POLL_FAILED) {
          failed.incrementAndGet();
          done.incrementAndGet();
        }
      }

      @Override
      public void onSnapshot(SyncSnapshot snapshot) {
        done.incrementAndGet();
      }
    };
    WatchOptions options = WatchOptions.builder().pollInterval(INTERVAL).maxBackoff(INTERVAL.multipliedBy(2)).build();
    try (SandboxServer sandbox = sandbox(rate, kind)) {
      // 16 requests at once to the one host, as the exporter's concurrency (OkHttp's default is 5).
      okhttp3.Dispatcher dispatcher = new okhttp3.Dispatcher();
      dispatcher.setMaxRequestsPerHost(16);
      okhttp3.OkHttpClient http = new okhttp3.OkHttpClient.Builder().dispatcher(dispatcher).build();
      StarRocksReplicationClient client = StarRocksReplicationClient.builder()
          .okHttpClient(http)
          .endpoint(URI.create(sandbox.baseUrl())).allowInsecureHttp()
          .projectId(PROJECT).credentials(Credentials.token("soak-token"))
          .retryPolicy(RetryPolicy.none()).build();
      List<SyncWatch> watches = new ArrayList<>();
      long start = System.nanoTime();
      for (int i = 0; i < INSTANCES; i++) {
        watches.add(client.watch(instance(i), options, listener));
      }
      List<ResourceSample> samples = sample(polls, done::get, start);
      double seconds = (System.nanoTime() - start) / 1e9;
      long total = done.get();
      watches.forEach(SyncWatch::close);
      long stopped = watches.stream().filter(SyncWatch::isRunning).count();
      if (stopped != 0) {
        throw new IllegalStateException(stopped + " watches still running after close");
      }
      client.close();
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
      return new Phase("watch (client.watch, " + INSTANCES + " instances, one client, 16 requests at once)", total, failed.get(), seconds,
          samples, settle(total, seconds));
    }
  }

  /** The exporter: {@value #INSTANCES} instances in 4 targets, concurrency 16, scraped every 100 ms. */
  public static Phase exporter(long polls, double rate, String kind) throws Exception {
    try (SandboxServer sandbox = sandbox(rate, kind)) {
      List<FleetFile.Target> targets = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        List<String> ids = new ArrayList<>();
        for (int i = t; i < INSTANCES; i += 4) {
          ids.add(instance(i));
        }
        targets.add(new FleetFile.Target(null, URI.create(sandbox.baseUrl()), PROJECT, ids,
            FleetFile.CredentialVariables.STANDARD));
      }
      long start = System.nanoTime();
      Exporter exporter = Exporter.start(new FleetFile(INTERVAL, 16, targets), new Exporter.Settings(
          new InetSocketAddress("127.0.0.1", 0), null, Shard.ALL, Duration.ofMinutes(15), false,
          Map.of(Credentials.ENV_AUTH_TOKEN, "soak-token"), b -> b.retryPolicy(RetryPolicy.none())));
      Scraper scraper = new Scraper(exporter.address());
      scraper.start();
      List<ResourceSample> samples;
      double seconds;
      long total;
      try {
        samples = sample(polls, exporter::completedPolls, start);
        seconds = (System.nanoTime() - start) / 1e9;
        total = exporter.completedPolls();
      } finally {
        scraper.interrupt();
        scraper.join();
        exporter.close();
      }
      if (scraper.failures > 0 || scraper.scrapes == 0) {
        throw new IllegalStateException(scraper.scrapes + " scrapes, " + scraper.failures + " failed");
      }
      // The last scrape, a few polls before the end: failed polls as /metrics counted them.
      long failedPolls = Math.round(scraper.lastFailureTotal);
      return new Phase("exporter (" + INSTANCES + " instances in 4 targets, concurrency 16, " + scraper.scrapes
          + " scrapes)", total, failedPolls, seconds, samples, settle(total, seconds));
    }
  }

  /** Samples at every tenth of {@code polls} (the first after a tenth: start-up is not growth). */
  private static List<ResourceSample> sample(long polls, LongSupplier done, long start) throws InterruptedException {
    List<ResourceSample> samples = new ArrayList<>();
    for (int i = 1; i <= SAMPLES; i++) {
      long target = polls * i / SAMPLES;
      while (done.getAsLong() < target) {
        Thread.sleep(20);
      }
      samples.add(ResourceSample.take(done.getAsLong(), (System.nanoTime() - start) / 1e9));
    }
    return samples;
  }

  /** After close: OkHttp's idle pool threads and connections take a moment to go. */
  private static ResourceSample settle(long polls, double seconds) throws InterruptedException {
    Thread.sleep(1000);
    return ResourceSample.take(polls, seconds);
  }

  /** Scrapes /metrics every 100 ms, as Prometheus would (more often), and reads the failure total. */
  private static final class Scraper extends Thread {
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI uri;
    volatile long scrapes;
    volatile long failures;
    volatile double lastFailureTotal;

    Scraper(InetSocketAddress address) {
      super("soak-scraper");
      setDaemon(true);
      this.uri = URI.create("http://127.0.0.1:" + address.getPort() + "/metrics");
    }

    @Override
    public void run() {
      while (!isInterrupted()) {
        try {
          HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).build(),
              HttpResponse.BodyHandlers.ofString());
          scrapes++;
          if (response.statusCode() != 200) {
            failures++;
          } else {
            lastFailureTotal = response.body().lines().filter(l -> l.startsWith("htapsync_poll_failures_total{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
          }
          Thread.sleep(100);
        } catch (InterruptedException e) {
          return;
        } catch (Exception e) {
          failures++;
        }
      }
    }
  }
}
