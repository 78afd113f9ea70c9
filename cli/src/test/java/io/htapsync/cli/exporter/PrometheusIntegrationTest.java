package io.htapsync.cli.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.htapsync.sandbox.data.DemoData;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus (Debian's package) scrapes {@code htapsync exporter} running as its own process on
 * the embedded sandbox's moving demo instances, evaluates the shipped alert rules, and is asked
 * through its HTTP API what it got. The rules' {@code for} durations are set to 0s in the copy it
 * loads (their unit tests in htapsync-alerts.test.yml cover the durations); the expressions are the
 * shipped ones.
 */
class PrometheusIntegrationTest {
  static final Pattern LISTENING = Pattern.compile("metrics at http://127\\.0\\.0\\.1:(\\d+)/metrics");
  static final Duration DEADLINE = Duration.ofSeconds(90);

  @TempDir
  Path dir;
  final List<Process> started = new ArrayList<>();
  final HttpClient http = HttpClient.newHttpClient();
  int prometheusPort;

  @AfterEach
  void stopAll() throws InterruptedException {
    for (Process p : started) {
      p.destroy();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void prometheusScrapesTheExporterAndTheStalledTaskAlertFires() throws Exception {
    String prometheus = Promtool.require("prometheus");
    int exporterPort = startExporter();

    String rules = Files.readString(AlertRulesTest.ALERTS.resolve("htapsync-alerts.yml"))
        .replaceAll("for: \\S+", "for: 0s");
    Files.writeString(dir.resolve("alerts.yml"), rules);
    Files.writeString(dir.resolve("prometheus.yml"), """
        global:
          scrape_interval: 1s
          evaluation_interval: 1s
        rule_files: [alerts.yml]
        scrape_configs:
          - job_name: htapsync
            static_configs:
              - targets: ['127.0.0.1:%d']
        """.formatted(exporterPort));
    prometheusPort = freePort();
    Process server = new ProcessBuilder(prometheus, "--config.file=" + dir.resolve("prometheus.yml"),
        "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + prometheusPort)
        .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
    started.add(server);

    String project = DemoData.PROJECT_ID;
    String moving = DemoData.PROGRESSING_INSTANCE_ID;
    String troubled = DemoData.TROUBLED_INSTANCE_ID;

    JsonArray tasks = await("htapsync_instance_tasks", r -> r.size() == 2);
    for (JsonElement row : tasks) {
      JsonObject metric = row.getAsJsonObject().getAsJsonObject("metric");
      assertEquals(project, metric.get("project_id").getAsString());
      assertEquals("htapsync", metric.get("job").getAsString());
      assertEquals("127.0.0.1:" + exporterPort, metric.get("instance").getAsString(), "Prometheus' own label kept");
      String id = metric.get("instance_id").getAsString();
      assertEquals(id.equals(moving) ? "4" : "3", value(row), id);
    }
    assertTrue(tasks.toString().contains(troubled));

    JsonArray paused = await("htapsync_task_stage{stage=\"paused\",instance_id=\"" + troubled + "\"} == 1",
        r -> r.size() == 1);
    assertEquals("reports_to_starrocks", label(paused, "task"));
    assertEquals("reports", label(paused, "source_database"));
    assertEquals("reports_olap", label(paused, "target_database"));

    JsonArray ratios = await("htapsync_task_progress_ratio", r -> r.size() == 7);
    for (JsonElement row : ratios) {
      double v = Double.parseDouble(value(row));
      assertTrue(v >= 0 && v <= 1, row.toString());
    }

    // The sandbox's stalled task, through the shipped rule, as Prometheus evaluates it.
    JsonArray stalledAlert = await("ALERTS{alertname=\"HtapsyncTaskStalled\",alertstate=\"firing\"}",
        r -> r.size() >= 1);
    assertEquals(1, stalledAlert.size(), stalledAlert.toString());
    assertEquals("ledger_to_starrocks", label(stalledAlert, "task"));
    assertEquals(troubled, label(stalledAlert, "instance_id"));
    JsonArray pausedAlert = await("ALERTS{alertname=\"HtapsyncTaskPausedOrCancelled\",alertstate=\"firing\"}",
        r -> r.size() >= 1);
    assertEquals("reports_to_starrocks", label(pausedAlert, "task"));

    // The moving instance reaches synced (about 14 s into the sandbox's run at speed 1).
    JsonArray synced = await("htapsync_instance_synced{instance_id=\"" + moving + "\"} == 1", r -> r.size() == 1);
    assertEquals("1", value(synced.get(0)));
    JsonArray lastSuccess = await("time() - htapsync_poll_last_success_timestamp_seconds < 30", r -> r.size() == 2);
    assertEquals(2, lastSuccess.size());
    // Nothing failed, so no poll-failure alert.
    assertEquals(0, query("ALERTS{alertname=~\"HtapsyncPollsFailing|HtapsyncInstanceNeverAnswered\"}").size());
  }

  /** Starts {@code htapsync exporter} (no --config: the embedded sandbox) as a process; its port. */
  int startExporter() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process exporter = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
        "io.htapsync.cli.HtapSyncCli", "exporter", "--listen", "127.0.0.1:0", "--interval", "300ms",
        "--stall-after", "3s").redirectErrorStream(true).start();
    started.add(exporter);
    CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(exporter.getInputStream(),
          StandardCharsets.UTF_8))) {
        StringBuilder seen = new StringBuilder();
        for (String line; (line = out.readLine()) != null; ) {
          seen.append(line).append('\n');
          Matcher m = LISTENING.matcher(line);
          if (m.find()) {
            drain(out);
            return Integer.parseInt(m.group(1));
          }
        }
        throw new IllegalStateException("the exporter ended without listening:\n" + seen);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    return port.get(60, TimeUnit.SECONDS);
  }

  private static void drain(BufferedReader out) {
    Thread t = new Thread(() -> {
      try {
        while (out.readLine() != null) {
          // keep the pipe from filling
        }
      } catch (java.io.IOException e) {
        // process ended
      }
    });
    t.setDaemon(true);
    t.start();
  }

  JsonArray await(String promql, Predicate<JsonArray> done) throws Exception {
    long end = System.nanoTime() + DEADLINE.toNanos();
    JsonArray last = null;
    while (System.nanoTime() < end) {
      try {
        last = query(promql);
        if (done.test(last)) {
          return last;
        }
      } catch (java.io.IOException e) {
        // Prometheus still starting
      }
      Thread.sleep(500);
    }
    throw new AssertionError("Prometheus never answered " + promql + " as expected; last: " + last
        + "\nprometheus.log:\n" + tail(dir.resolve("prometheus.log")));
  }

  JsonArray query(String promql) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + prometheusPort + "/api/v1/query?query="
        + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new java.io.IOException("HTTP " + response.statusCode() + ": " + response.body());
    }
    return JsonParser.parseString(response.body()).getAsJsonObject().getAsJsonObject("data").getAsJsonArray("result");
  }

  static String value(JsonElement row) {
    return row.getAsJsonObject().getAsJsonArray("value").get(1).getAsString();
  }

  static String label(JsonArray rows, String name) {
    return rows.get(0).getAsJsonObject().getAsJsonObject("metric").get(name).getAsString();
  }

  static int freePort() throws java.io.IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (java.io.IOException e) {
      return "(no log)";
    }
  }

}
