package io.htapsync.cli.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.htapsync.client.StarRocksReplicationClient;
import io.htapsync.client.auth.Credentials;
import io.htapsync.client.retry.RetryPolicy;
import io.htapsync.sandbox.RecordedExchange;
import io.htapsync.sandbox.SandboxOptions;
import io.htapsync.sandbox.SandboxServer;
import io.htapsync.sandbox.data.StarRocksInstance;
import io.htapsync.sandbox.fault.InjectedFailure;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The exporter over time against the sandbox's scripted faults: an outage of many polls, a 429
 * storm on the fleet's one host, a token supplier that fails for a while, a target whose server
 * accepts and never answers. Fast intervals (50-100 ms), so each takes a few seconds; every check
 * is on the exposition a scraper reads, and the exporter is never restarted.
 */
class ExporterFaultsTest {
  static final String ID = ExporterTest.ID;
  static final Map<String, String> ENV = ExporterTest.ENV;

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  final List<AutoCloseable> running = new ArrayList<>();
  Exporter exporter;

  @AfterEach
  void stop() throws Exception {
    if (exporter != null) {
      exporter.close();
    }
    for (AutoCloseable c : running) {
      c.close();
    }
  }

  static String project(int i) {
    return String.format("%032x", 0xabc000 + i);
  }

  static String instance(int i) {
    return String.format("%032xin07", 0xdef000 + i);
  }

  SandboxServer sandbox(List<StarRocksInstance> data) {
    SandboxServer sandbox = SandboxServer.start(SandboxOptions.builder().data(data).build());
    running.add(sandbox);
    return sandbox;
  }

  Exporter start(Duration interval, int concurrency, List<FleetFile.Target> targets,
      UnaryOperator<StarRocksReplicationClient.Builder> options) {
    FleetFile fleet = new FleetFile(interval, concurrency, targets);
    return Exporter.start(fleet, new Exporter.Settings(new InetSocketAddress("127.0.0.1", 0), null, Shard.ALL,
        Duration.ofMinutes(15), false, ENV, options));
  }

  static FleetFile.Target target(URI endpoint, String project, String... instances) {
    return new FleetFile.Target(null, endpoint, project, List.of(instances), FleetFile.CredentialVariables.STANDARD);
  }

  String scrape() throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + exporter.address().getPort() + "/metrics"))
        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode());
    return response.body();
  }

  /** The value of {@code metric} for {@code instance} (and {@code label}, if given); NaN when absent. */
  static double value(String text, String metric, String instance, String label) {
    Pattern line = Pattern.compile("^" + metric + "\\{([^}]*)} (\\S+)$", Pattern.MULTILINE);
    Matcher m = line.matcher(text);
    double sum = Double.NaN;
    while (m.find()) {
      String labels = m.group(1);
      if (labels.contains("instance_id=\"" + instance + "\"") && (label == null || labels.contains(label))) {
        sum = (Double.isNaN(sum) ? 0 : sum) + Double.parseDouble(m.group(2));
      }
    }
    return sum;
  }

  static double lastSuccess(String text, String instance) {
    return value(text, "htapsync_poll_last_success_timestamp_seconds", instance, null);
  }

  static double failures(String text, String instance, String reason) {
    double v = value(text, "htapsync_poll_failures_total", instance, "reason=\"" + reason + "\"");
    return Double.isNaN(v) ? 0 : v;
  }

  static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no " + what + " within 20 s");
      }
      Thread.sleep(20);
    }
  }

  double scrapeValue(java.util.function.ToDoubleFunction<String> of) {
    try {
      return of.applyAsDouble(scrape());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void anOutageOfManyPollsCountsFailuresFreezesTheLastSuccessAndResumesOnTheFirstGoodAnswer() throws Exception {
    SandboxServer sandbox = sandbox(List.of(new StarRocksInstance(ExporterTest.PROJECT, ID, null, ExporterTest.tasks())));
    exporter = start(Duration.ofMillis(50), 4, List.of(target(URI.create(sandbox.baseUrl()), ExporterTest.PROJECT, ID)),
        b -> b.retryPolicy(RetryPolicy.none()));
    await("a good poll", () -> !Double.isNaN(scrapeValue(t -> lastSuccess(t, ID))));

    sandbox.outageFor(Duration.ofMillis(2500), InjectedFailure.unavailable(Duration.ofSeconds(1)));
    Thread.sleep(400); // a poll in flight when the outage began has ended by now
    String early = scrape();
    Thread.sleep(1500);
    String late = scrape();
    double frozen = lastSuccess(early, ID);
    assertEquals(frozen, lastSuccess(late, ID), "the last-success timestamp stays frozen through the outage");
    double failedEarly = failures(early, ID, "server_error");
    double failedLate = failures(late, ID, "server_error");
    assertTrue(failedLate - failedEarly >= 10, "the failure counter rises poll by poll: " + failedEarly + " -> "
        + failedLate);
    assertEquals(2.0, value(late, "htapsync_instance_tasks", ID, null), "what it last knew stays published");
    long polls = exporter.completedPolls();

    // The outage ends: the first good answer moves the timestamp on, with the same exporter.
    await("a good poll after the outage", () -> scrapeValue(t -> lastSuccess(t, ID)) > frozen);
    String after = scrape();
    double failedAfter = failures(after, ID, "server_error");
    Thread.sleep(500);
    String later = scrape();
    assertEquals(failedAfter, failures(later, ID, "server_error"), "no failure after the recovery");
    assertTrue(lastSuccess(later, ID) > lastSuccess(after, ID), "polls go on at the interval");
    assertTrue(exporter.completedPolls() > polls);
    System.out.printf("exporter outage: %.0f failed polls counted in 2.5 s at a 50 ms interval; last success frozen"
        + " at %.3f, resumed%n", failedAfter, frozen);
  }

  @Test
  void a429StormOnTheFleetsHostHoldsBackEveryProjectAndTheIntervalRecovers() throws Exception {
    int projects = 12;
    int concurrency = 2;
    List<StarRocksInstance> data = new ArrayList<>();
    for (int i = 0; i < projects; i++) {
      data.add(new StarRocksInstance(project(i), instance(i), null, ExporterTest.tasks()));
    }
    SandboxServer sandbox = sandbox(data);
    URI host = URI.create(sandbox.baseUrl());
    List<FleetFile.Target> targets = new ArrayList<>();
    for (int i = 0; i < projects; i++) {
      targets.add(target(host, project(i), instance(i))); // one client per project, all on one host
    }
    exporter = start(Duration.ofMillis(100), concurrency, targets, b -> b.retryPolicy(RetryPolicy.none()));
    await("every project polled", () -> {
      return sandbox.recordedExchanges().stream().map(RecordedExchange::path).distinct().count() == projects;
    });
    Thread.sleep(1000);
    Instant baselineFrom = Instant.now();
    Thread.sleep(1000);
    long baseline = countBetween(sandbox, baselineFrom, Instant.now());

    Duration storm = Duration.ofMillis(2500);
    Instant stormFrom = Instant.now();
    sandbox.outageFor(storm, InjectedFailure.throttled(Duration.ofSeconds(1)));
    Thread.sleep(storm.toMillis());
    Instant stormTo = Instant.now();
    Thread.sleep(1500); // the last Retry-After passes
    Instant recoveredFrom = Instant.now();
    Thread.sleep(1000);
    long recovered = countBetween(sandbox, recoveredFrom, Instant.now());
    String text = scrape();

    List<RecordedExchange> throttled = sandbox.recordedExchanges().stream()
        .filter(e -> e.status() == 429).toList();
    assertFalse(throttled.isEmpty(), "the storm throttled");
    Instant first = throttled.get(0).receivedAt();
    // After the first 429, no other project's poll reaches the host until its Retry-After passed:
    // at most the polls already in flight (concurrency - 1) arrive in that second.
    long during = countBetween(sandbox, first.plusNanos(1), first.plusMillis(950));
    assertTrue(during <= concurrency - 1, during + " requests reached the throttled host within its Retry-After");
    long inStorm = countBetween(sandbox, stormFrom, stormTo);
    assertTrue(inStorm <= 4 * concurrency, inStorm + " requests in a 2.5 s storm (Retry-After 1 s)");
    assertTrue(recovered * 2 >= baseline, "the interval recovers: " + recovered + " polls/s after, " + baseline
        + " before");
    double throttledCount = 0;
    for (int i = 0; i < projects; i++) {
      throttledCount += failures(text, instance(i), "throttled");
    }
    assertTrue(throttledCount > 0, "throttled polls are counted");
    System.out.printf("exporter 429 storm: %d projects on one host, concurrency %d, 100 ms interval: %d polls/s"
        + " before, %d requests in the 2.5 s storm (%d within the first 429's Retry-After), %.0f polls counted as"
        + " throttled, %d polls/s after%n", projects, concurrency, baseline, inStorm, during, throttledCount,
        recovered);
  }

  static long countBetween(SandboxServer sandbox, Instant from, Instant to) {
    return sandbox.recordedExchanges().stream()
        .filter(e -> !e.receivedAt().isBefore(from) && e.receivedAt().isBefore(to)).count();
  }

  @Test
  void aFailingTokenSupplierIsCountedPerInstanceAndRecovers() throws Exception {
    String other = instance(1);
    SandboxServer sandbox = sandbox(List.of(
        new StarRocksInstance(ExporterTest.PROJECT, ID, null, ExporterTest.tasks()),
        new StarRocksInstance(ExporterTest.PROJECT, other, null, ExporterTest.tasks()),
        new StarRocksInstance(project(2), instance(2), null, ExporterTest.tasks())));
    URI host = URI.create(sandbox.baseUrl());
    AtomicBoolean iamDown = new AtomicBoolean();
    AtomicInteger built = new AtomicInteger();
    // The first target's client gets its token from a supplier; the second keeps the environment's.
    exporter = start(Duration.ofMillis(50), 4, List.of(target(host, ExporterTest.PROJECT, ID, other),
        target(host, project(2), instance(2))), b -> {
          b.retryPolicy(RetryPolicy.none());
          if (built.getAndIncrement() == 0) {
            b.credentials(Credentials.token(() -> {
              if (iamDown.get()) {
                throw new IllegalStateException("IAM unreachable");
              }
              return "supplied-token";
            }));
          }
          return b;
        });
    await("good polls", () -> !Double.isNaN(scrapeValue(t -> lastSuccess(t, ID) + lastSuccess(t, other)
        + lastSuccess(t, instance(2)))));
    int sent = sandbox.recordedExchanges().size();
    iamDown.set(true);
    Thread.sleep(300);
    String down = scrape();
    Thread.sleep(700);
    String stillDown = scrape();
    for (String id : List.of(ID, other)) {
      assertTrue(failures(stillDown, id, "credentials") > failures(down, id, "credentials"),
          id + " counts its own credential failures");
      assertEquals(lastSuccess(down, id), lastSuccess(stillDown, id), id + " has not answered since");
    }
    assertEquals(0, failures(stillDown, instance(2), "credentials"), "the other target is not affected");
    assertTrue(lastSuccess(stillDown, instance(2)) > lastSuccess(down, instance(2)));
    long sentForFirstTarget = sandbox.recordedExchanges().stream().skip(sent)
        .filter(e -> e.path().contains(ExporterTest.PROJECT)).count();
    assertTrue(sentForFirstTarget <= 4, sentForFirstTarget + " requests sent without a token (only those in flight)");

    iamDown.set(false);
    double frozen = lastSuccess(stillDown, ID);
    await("recovery", () -> scrapeValue(t -> Math.min(lastSuccess(t, ID), lastSuccess(t, other))) > frozen);
  }

  @Test
  void aTargetWhoseServerNeverAnswersCostsOneTimeoutPerPollAndNeverAStuckScrape() throws Exception {
    SandboxServer sandbox = sandbox(List.of(new StarRocksInstance(ExporterTest.PROJECT, ID, null,
        ExporterTest.tasks())));
    ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    List<Socket> accepted = new CopyOnWriteArrayList<>();
    Thread acceptor = new Thread(() -> {
      try {
        while (true) {
          accepted.add(silent.accept()); // accepts, reads nothing, answers nothing
        }
      } catch (IOException closed) {
        // the test is over
      }
    });
    acceptor.setDaemon(true);
    acceptor.start();
    running.add(() -> {
      silent.close();
      for (Socket s : accepted) {
        s.close();
      }
    });
    String stuck = instance(7);
    exporter = start(Duration.ofMillis(100), 4, List.of(
        target(URI.create(sandbox.baseUrl()), ExporterTest.PROJECT, ID),
        target(URI.create("http://127.0.0.1:" + silent.getLocalPort()), project(7), stuck)),
        b -> b.retryPolicy(RetryPolicy.none()).readTimeout(Duration.ofMillis(300)));

    long start = System.nanoTime();
    await("3 timed-out polls", () -> scrapeValue(t -> failures(t, stuck, "transport")) >= 3);
    long tookMillis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(tookMillis >= 2 * 300, "each poll waited its read timeout: " + tookMillis + " ms for 3");
    long slowest = 0;
    for (int i = 0; i < 20; i++) {
      long t0 = System.nanoTime();
      String text = scrape();
      slowest = Math.max(slowest, (System.nanoTime() - t0) / 1_000_000);
      assertTrue(text.contains("htapsync_poll_failures_total"));
    }
    assertTrue(slowest < 1000, "a scrape never waits for a stuck poll: slowest " + slowest + " ms");
    // The healthy target goes on at its interval meanwhile.
    double seen = scrapeValue(t -> lastSuccess(t, ID));
    await("the healthy target polled on", () -> scrapeValue(t -> lastSuccess(t, ID)) > seen);
    String text = scrape();
    assertTrue(Double.isNaN(lastSuccess(text, stuck)), "the silent target never answered");
    System.out.printf("exporter stuck target: 3 timed-out polls in %d ms (read timeout 300 ms), slowest of 20"
        + " scrapes meanwhile %d ms%n", tookMillis, slowest);
  }
}
