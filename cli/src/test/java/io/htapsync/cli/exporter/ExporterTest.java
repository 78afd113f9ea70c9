package io.htapsync.cli.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.htapsync.client.retry.RetryPolicy;
import io.htapsync.sandbox.SandboxOptions;
import io.htapsync.sandbox.SandboxServer;
import io.htapsync.sandbox.data.ReplicationTask;
import io.htapsync.sandbox.data.StarRocksInstance;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExporterTest {
  static final String PROJECT = "2f6b0c9d8e7a41b3a5c4d6e8f0a1b2c3";
  static final String ID = "0f1e2d3c4b5a69788796a5b4c3d2e1f0in17";
  static final String MISSING = "99999999999999999999999999999999in07";
  static final Map<String, String> ENV = Map.of("HTAPSYNC_AUTH_TOKEN", "exporter-test-token");

  final HttpClient http = HttpClient.newHttpClient();
  SandboxServer sandbox;
  Exporter exporter;

  @AfterEach
  void stop() {
    if (exporter != null) {
      exporter.close();
    }
    if (sandbox != null) {
      sandbox.close();
    }
  }

  static List<ReplicationTask> tasks() {
    return List.of(
        ReplicationTask.builder("orders", "sales", "sales_olap").stage("incremental").percentage("100").build(),
        ReplicationTask.builder("customers", "crm", "crm_olap").stage("full").percentage("42.5").build());
  }

  Exporter start(Duration interval, String... instances) {
    FleetFile fleet = new FleetFile(interval, 4, List.of(new FleetFile.Target(null, URI.create(sandbox.baseUrl()),
        PROJECT, List.of(instances), FleetFile.CredentialVariables.STANDARD)));
    return Exporter.start(fleet, new Exporter.Settings(new InetSocketAddress("127.0.0.1", 0), null, Shard.ALL,
        Duration.ofMinutes(15), false, ENV, b -> b.retryPolicy(RetryPolicy.none())));
  }

  String scrape(String accept) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + exporter.address().getPort() + "/metrics"));
    if (accept != null) {
      request.header("Accept", accept);
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode());
    return response.body();
  }

  void awaitPolls(long n) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (exporter.completedPolls() < n) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("only " + exporter.completedPolls() + " polls of " + n + " in 20 s");
      }
      Thread.sleep(20);
    }
  }

  /** Scrapes until {@code done} holds: the exposition renders in the background, a moment after a poll. */
  String awaitScrape(java.util.function.Predicate<String> done) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    String text = scrape(null);
    while (!done.test(text)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not served in 20 s:\n" + text);
      }
      Thread.sleep(20);
      text = scrape(null);
    }
    return text;
  }

  @Test
  void servesTheFleetAndAFailingInstanceGetsOnlyItsPollSeries() throws Exception {
    sandbox = SandboxServer.start(SandboxOptions.builder()
        .data(List.of(new StarRocksInstance(PROJECT, ID, null, tasks()))).build());
    exporter = start(Duration.ofMillis(200), ID, MISSING);
    awaitPolls(6);
    String text = awaitScrape(t -> t.contains("htapsync_poll_failures_total{instance_id=\"" + MISSING)
        && t.contains("htapsync_instance_tasks{instance_id=\"" + ID));
    String labels = "instance_id=\"" + ID + "\",project_id=\"" + PROJECT + "\"";
    assertTrue(text.contains("htapsync_instance_tasks{" + labels + "} 2.0"), text);
    assertTrue(text.contains("htapsync_task_progress_ratio{" + labels
        + ",source_database=\"crm\",target_database=\"crm_olap\",task=\"customers\"} 0.425"), text);
    assertTrue(text.contains("htapsync_task_synced{" + labels
        + ",source_database=\"sales\",target_database=\"sales_olap\",task=\"orders\"} 1.0"), text);
    assertTrue(text.contains("htapsync_task_stage{" + labels
        + ",source_database=\"crm\",stage=\"full\",target_database=\"crm_olap\",task=\"customers\"} 1.0"), text);
    // The unknown instance answers 404: it is counted, and has no task or instance series.
    assertTrue(text.matches("(?s).*htapsync_poll_failures_total\\{instance_id=\"" + MISSING
        + "\",project_id=\"" + PROJECT + "\",reason=\"client_error\"} [1-9].*"), text);
    assertFalse(text.lines().anyMatch(l -> l.contains(MISSING) && (l.startsWith("htapsync_task")
        || l.startsWith("htapsync_instance") || l.startsWith("htapsync_poll_last_success"))), text);
    // The clients' own call metrics land in the same exposition: the 200s and the unknown instance's 400s (DBS.200022).
    assertTrue(text.matches("(?s).*htapsync_client_calls_seconds_count\\{[^}]*outcome=\"success\"[^}]*} [1-9].*"), text);
    assertTrue(text.matches("(?s).*htapsync_client_calls_seconds_count\\{[^}]*http_status=\"400\",outcome=\"api_error\"} [1-9].*"), text);
    Promtool.assertCleanMetrics(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    String om = scrape("application/openmetrics-text; version=1.0.0");
    // promtool reads the 0.0.4 text form only; the OpenMetrics form is parsed by the real Prometheus
    // in PrometheusIntegrationTest, which asks for it first.
    assertTrue(om.endsWith("# EOF\n"), om);
    assertTrue(om.contains("# TYPE htapsync_poll_failures counter\n"), om);

    // A task that goes away takes its series with it.
    sandbox.dataset().put(ID, List.of(tasks().get(0)));
    long now = exporter.completedPolls();
    awaitPolls(now + 4);
    awaitScrape(t -> !t.contains("task=\"customers\""));
  }

  @Test
  void hostileNamesFromTheServiceStayValidExposition() throws Exception {
    String hostile = "q\"uote \\back\nline\u0000 数据库 " + "x".repeat(10 * 1024);
    sandbox = SandboxServer.start(SandboxOptions.builder().strict(false)
        .data(List.of(new StarRocksInstance(PROJECT, ID, null, tasks())))
        .successBodyRewriter(body -> {
          JsonArray rows = body.getAsJsonArray("replications");
          for (JsonElement row : rows) {
            JsonObject task = row.getAsJsonObject();
            task.addProperty("task_name", hostile + task.get("task_name").getAsString());
            task.addProperty("source_database", "src\n# TYPE evil counter\nevil 1");
            task.addProperty("target_database", "\\\"}");
          }
          return body;
        }).build());
    exporter = start(Duration.ofMillis(200), ID);
    awaitPolls(2);
    String text = awaitScrape(t -> t.contains("htapsync_task_synced{"));
    assertTrue(text.contains("source_database=\"src\\n# TYPE evil counter\\nevil 1\""), text.substring(0, 3000));
    assertFalse(text.lines().anyMatch(l -> l.startsWith("evil")), "a label never starts a line");
    Promtool.assertCleanMetrics(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    String om = scrape("application/openmetrics-text");
    assertTrue(om.endsWith("# EOF\n") && om.lines().noneMatch(l -> l.startsWith("evil")), "OpenMetrics escapes too");
  }

  @Test
  void aScrapeStormNeverReachesTheService() throws Exception {
    sandbox = SandboxServer.start(SandboxOptions.builder()
        .data(List.of(new StarRocksInstance(PROJECT, ID, null, tasks()))).build());
    exporter = start(Duration.ofHours(1), ID); // one poll now, the next in an hour
    awaitPolls(1);
    int calls = sandbox.recordedExchanges().size();
    assertEquals(1, calls);
    ExecutorService scrapers = Executors.newFixedThreadPool(32);
    try {
      List<Future<String>> scrapes = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        String accept = i % 2 == 0 ? null : "application/openmetrics-text";
        scrapes.add(scrapers.submit(() -> scrape(accept)));
      }
      for (Future<String> s : scrapes) {
        assertTrue(s.get().contains("htapsync_instance_tasks"));
      }
    } finally {
      scrapers.shutdownNow();
    }
    assertEquals(calls, sandbox.recordedExchanges().size(), "500 scrapes made no API call");
  }

  @Test
  void aTakenPortStartsNothing() throws Exception {
    sandbox = SandboxServer.start(SandboxOptions.builder()
        .data(List.of(new StarRocksInstance(PROJECT, ID, null, tasks()))).build());
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      FleetFile fleet = new FleetFile(Duration.ofMillis(100), 2, List.of(new FleetFile.Target(null,
          URI.create(sandbox.baseUrl()), PROJECT, List.of(ID), FleetFile.CredentialVariables.STANDARD)));
      assertThrows(java.io.UncheckedIOException.class, () -> Exporter.start(fleet, new Exporter.Settings(
          new InetSocketAddress("127.0.0.1", taken.getLocalPort()), null, Shard.ALL, Duration.ofMinutes(15), false,
          ENV, b -> b)));
      Thread.sleep(300);
      assertEquals(0, sandbox.recordedExchanges().size(), "no poll started");
    }
  }

  @Test
  void missingCredentialsNameTheTargetBeforeAnythingStarts() {
    sandbox = SandboxServer.start(SandboxOptions.builder()
        .data(List.of(new StarRocksInstance(PROJECT, ID, null, tasks()))).build());
    FleetFile fleet = new FleetFile(Duration.ofMillis(100), 2, List.of(new FleetFile.Target(null,
        URI.create(sandbox.baseUrl()), PROJECT, List.of(ID), new FleetFile.CredentialVariables(null, null, null,
        "TEAM_B_TOKEN"))));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Exporter.start(fleet,
        new Exporter.Settings(new InetSocketAddress("127.0.0.1", 0), null, Shard.ALL, Duration.ofMinutes(15), false,
            Map.of(), b -> b)));
    assertTrue(e.getMessage().startsWith("targets[0] (project " + PROJECT + "): none of the credential variables"
        + " it names (TEAM_B_TOKEN) is set"), e.getMessage());
    assertEquals(0, sandbox.recordedExchanges().size());
  }
}
