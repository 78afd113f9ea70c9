package io.htapsync.micrometer;

import static io.htapsync.micrometer.ReplicationMetricsTest.PROJECT;
import static io.htapsync.micrometer.ReplicationMetricsTest.T0;
import static io.htapsync.micrometer.ReplicationMetricsTest.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.htapsync.client.model.StarRocksReplicationInfo;
import io.htapsync.client.sync.SyncSnapshot;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The registry-free writer against Micrometer's Prometheus registry: both are fed the same polls, and
 * after each step they must show the same families (in the same order, with the same help and type
 * lines) and the same samples with the same values, in both formats.
 */
class ReplicationExpositionTest {
  static final String TEXT = "text/plain; version=0.0.4; charset=utf-8";
  static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";
  static final String A = "a3f5c7e9b1d24f6a8c0e2b4d6f8a0c1ein07";
  static final String B = "0123456789abcdef0123456789abcdefin07";
  static final String C = "fedcba9876543210fedcba9876543210in07";
  static final String HOSTILE = "q\"uote\\back\nnew 数据库 é";

  /** The same ReplicationMetrics calls, once bound to a registry and once written by the writer. */
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final ReplicationMetrics viaRegistry = new ReplicationMetrics(Duration.ofMinutes(5));
  private final ReplicationMetrics unbound = new ReplicationMetrics(Duration.ofMinutes(5));
  private final ReplicationExposition writer = new ReplicationExposition(unbound);

  ReplicationExpositionTest() {
    viaRegistry.bindTo(registry);
  }

  private void both(Consumer<ReplicationMetrics> step) {
    step.accept(viaRegistry);
    step.accept(unbound);
  }

  private static SyncSnapshot at(String instance, long seconds, StarRocksReplicationInfo... tasks) {
    return new SyncSnapshot(instance, T0.plusSeconds(seconds), "req", List.of(tasks));
  }

  @Test
  void showsWhatTheRegistryShowsStepByStep() {
    assertSame("nothing polled yet");
    assertEquals(0, writer.families(false).length, "no instance: no families, not empty headers");

    both(m -> m.pollSucceeded(PROJECT, at(A, 0, task("a", "incremental", "100", null, null),
        task("b", "Incremental", "100", "full", "42.5"), task("c", "full", "12.5", null, null),
        task(HOSTILE, "Rebuilding", "n/a", "weird", ""), task("w", "wait", "0", null, null)),
        Duration.ofMillis(30)));
    assertSame("first poll of A: five tasks, one hostile, one of an unknown stage");

    both(m -> m.pollFailed(PROJECT, B, "transport", Duration.ofMillis(1_003)));
    both(m -> m.pollFailed(PROJECT, B, "transport", Duration.ofNanos(987_654_321)));
    both(m -> m.pollFailed(PROJECT, B, "throttled", Duration.ofMillis(7)));
    assertSame("B never answered: poll series only, two reasons");

    both(m -> m.pollSucceeded(PROJECT, at(A, 400, task("a", "incremental", "100", "full", "3"),
        task("c", "full", "12.5", null, null), task(HOSTILE, "Rebuilding", "n/a", "weird", ""),
        task("w", "wait", "0", null, null)), Duration.ofMillis(45)));
    assertSame("second poll of A: b gone, a catching up, c and w stalled");

    both(m -> m.pollSucceeded(PROJECT, at(C, 10, task("x", "paused", "54", null, null)), Duration.ofMillis(12)));
    both(m -> m.pollFailed(PROJECT, C, "server_error", Duration.ofMillis(2)));
    assertSame("C answered once, then failed: it keeps what it knew");

    both(m -> m.pollSucceeded(PROJECT, at(C, 20, sameLabels(null), sameLabels("")), Duration.ofMillis(3)));
    assertSame("C has two tasks whose labels read the same (a null database, an empty one): one series each");

    both(m -> m.forget(PROJECT, A));
    assertSame("A left the fleet");
  }

  /** A task named "dup" whose source database is {@code database} (null: absent). */
  private static StarRocksReplicationInfo sameLabels(String database) {
    com.google.gson.JsonObject o = new com.google.gson.JsonObject();
    o.addProperty("task_name", "dup");
    o.addProperty("source_database", database);
    o.addProperty("target_database", "olap_dup");
    o.addProperty("stage", "full");
    o.addProperty("percentage", "10");
    return new com.google.gson.Gson().fromJson(o, StarRocksReplicationInfo.class);
  }

  @Test
  void writesValidLinesForHostileNames() {
    unbound.pollSucceeded(PROJECT, at(A, 0, task(HOSTILE, "full", "10", null, null)), Duration.ofMillis(5));
    String text = new String(writer.families(false), StandardCharsets.UTF_8);
    assertTrue(text.contains("task=\"q\\\"uote\\\\back\\nnew 数据库 é\""), text);
    assertFalse(text.lines().anyMatch(l -> l.startsWith("new ")), "a newline in a label never breaks a line");
    assertTrue(text.contains("htapsync_task_stage{instance_id=\"" + A + "\",project_id=\"" + PROJECT
        + "\",source_database=\"db_" + HOSTILE.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
        + "\",stage=\"full\",target_database=\""), text);
    assertTrue(text.endsWith("\n"));
  }

  /** Both renderings, in both formats, as header lines in order and samples by series. */
  private void assertSame(String when) {
    for (boolean openMetrics : new boolean[] {false, true}) {
      String theirs = registry.scrape(openMetrics ? OPENMETRICS : TEXT);
      if (openMetrics) {
        assertTrue(theirs.endsWith("# EOF\n"), theirs);
        theirs = theirs.substring(0, theirs.length() - "# EOF\n".length());
      }
      String ours = new String(writer.families(openMetrics), StandardCharsets.UTF_8);
      String format = (openMetrics ? "OpenMetrics" : "text") + ", " + when;
      assertEquals(headers(theirs), headers(ours), format + ": families, help and types");
      Map<String, Double> expected = samples(theirs);
      Map<String, Double> actual = samples(ours);
      assertEquals(expected.keySet(), actual.keySet(), format + ": series");
      expected.forEach((series, value) -> assertEquals(value, actual.get(series), Math.abs(value) * 1e-12,
          format + ": " + series));
      assertEquals(theirs.lines().count(), ours.lines().count(), format + ": one line per sample");
    }
  }

  private static List<String> headers(String exposition) {
    List<String> headers = new ArrayList<>();
    exposition.lines().filter(l -> l.startsWith("#")).forEach(headers::add);
    return headers;
  }

  private static Map<String, Double> samples(String exposition) {
    Map<String, Double> samples = new TreeMap<>();
    exposition.lines().filter(l -> !l.startsWith("#")).forEach(l -> {
      int space = l.lastIndexOf(' ');
      Double before = samples.put(l.substring(0, space), Double.valueOf(l.substring(space + 1)));
      assertEquals(null, before, "a series written twice: " + l);
    });
    return samples;
  }
}
