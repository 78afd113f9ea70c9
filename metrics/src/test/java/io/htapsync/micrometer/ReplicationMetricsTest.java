package io.htapsync.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import io.htapsync.client.exception.TransportException;
import io.htapsync.client.model.StarRocksReplicationInfo;
import io.htapsync.client.sync.SyncSnapshot;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ReplicationMetricsTest {
  static final String PROJECT = "2f6b0c9d8e7a41b3a5c4d6e8f0a1b2c3";
  static final String ID = "a3f5c7e9b1d24f6a8c0e2b4d6f8a0c1ein07";
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  static final Duration TOOK = Duration.ofMillis(30);

  static StarRocksReplicationInfo task(String name, String stage, String percentage, String catchupStage,
      String catchupPercentage) {
    JsonObject o = new JsonObject();
    o.addProperty("task_name", name);
    o.addProperty("source_database", "db_" + name);
    o.addProperty("target_database", "olap_" + name);
    o.addProperty("status", "Yes");
    o.addProperty("stage", stage);
    o.addProperty("percentage", percentage);
    o.addProperty("catchup_stage", catchupStage);
    o.addProperty("catchup_percentage", catchupPercentage);
    return new Gson().fromJson(o, StarRocksReplicationInfo.class);
  }

  static SyncSnapshot at(long seconds, StarRocksReplicationInfo... tasks) {
    return new SyncSnapshot(ID, T0.plusSeconds(seconds), "req", List.of(tasks));
  }

  static double gauge(SimpleMeterRegistry registry, String name, String task, String... tags) {
    Search search = registry.find(name).tag("instance_id", ID).tag("project_id", PROJECT);
    if (task != null) {
      search = search.tag("task", task);
    }
    return search.tags(tags).gauge().value();
  }

  @Test
  void publishesTheSnapshotsTasksAndInstanceState() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ReplicationMetrics metrics = new ReplicationMetrics();
    metrics.bindTo(registry);
    metrics.pollSucceeded(PROJECT, at(0, task("a", "incremental", "100", null, null),
        task("b", "Incremental", "100", "full", "42.5"), task("c", "full", "12.5", null, null)), TOOK);

    assertEquals(1.0, gauge(registry, "htapsync.task.progress.ratio", "a"));
    assertEquals(1.0, gauge(registry, "htapsync.task.synced", "a"));
    assertEquals(0.0, gauge(registry, "htapsync.task.synced", "b"));
    assertEquals(0.425, gauge(registry, "htapsync.task.catchup.progress.ratio", "b"), 1e-9);
    assertEquals(0.125, gauge(registry, "htapsync.task.progress.ratio", "c"), 1e-9);
    assertEquals(1.0, gauge(registry, "htapsync.task.stage", "c", "stage", "full"));
    assertEquals(0.0, gauge(registry, "htapsync.task.stage", "c", "stage", "incremental"));
    assertEquals(1.0, gauge(registry, "htapsync.task.stage", "b", "stage", "incremental"));
    assertEquals("db_c", registry.find("htapsync.task.synced").tag("task", "c").gauge().getId()
        .getTag("source_database"));
    // No catch-up running: no catch-up series at all (not a 0 that means nothing).
    assertTrue(registry.find("htapsync.task.catchup.progress.ratio").tag("task", "a").meters().isEmpty());
    assertEquals(3.0, gauge(registry, "htapsync.instance.tasks", null));
    assertEquals(0.0, gauge(registry, "htapsync.instance.synced", null));
    assertEquals(T0.getEpochSecond(), gauge(registry, "htapsync.poll.last.success.timestamp.seconds", null));
    assertEquals(1, registry.find("htapsync.poll.duration").tag("instance_id", ID).timer().count());
  }

  @Test
  void aTaskThatDisappearsLeavesNoSeries() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ReplicationMetrics metrics = new ReplicationMetrics();
    metrics.bindTo(registry);
    metrics.pollSucceeded(PROJECT, at(0, task("a", "incremental", "100", null, null),
        task("gone", "full", "10", "full", "5")), TOOK);
    assertEquals(10, registry.find("htapsync.task.stage").tag("task", "gone").meters().size()
        + registry.find("htapsync.task.progress.ratio").tag("task", "gone").meters().size()
        + registry.find("htapsync.task.catchup.progress.ratio").tag("task", "gone").meters().size()
        + registry.find("htapsync.task.synced").tag("task", "gone").meters().size()
        + registry.find("htapsync.task.stalled").tag("task", "gone").meters().size());

    metrics.pollSucceeded(PROJECT, at(30, task("a", "incremental", "100", null, null)), TOOK);
    List<Meter> left = registry.getMeters().stream()
        .filter(m -> "gone".equals(m.getId().getTag("task"))).toList();
    assertEquals(List.of(), left);
    assertEquals(1.0, gauge(registry, "htapsync.instance.tasks", null));
    assertEquals(1.0, gauge(registry, "htapsync.instance.synced", null));
  }

  @Test
  void stallsComeFromTheChangeTracker() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ReplicationMetrics metrics = new ReplicationMetrics(Duration.ofMinutes(5));
    metrics.bindTo(registry);
    metrics.pollSucceeded(PROJECT, at(0, task("s", "full", "49", null, null), task("p", "paused", "54", null, null)),
        TOOK);
    metrics.pollSucceeded(PROJECT, at(200, task("s", "full", "49", null, null), task("p", "paused", "54", null, null)),
        TOOK);
    assertEquals(0.0, gauge(registry, "htapsync.task.stalled", "s"));
    metrics.pollSucceeded(PROJECT, at(301, task("s", "full", "49", null, null), task("p", "paused", "54", null, null)),
        TOOK);
    assertEquals(1.0, gauge(registry, "htapsync.task.stalled", "s"));
    assertEquals(0.0, gauge(registry, "htapsync.task.stalled", "p"), "a paused task is not meant to move");
    metrics.pollSucceeded(PROJECT, at(330, task("s", "full", "50", null, null), task("p", "paused", "54", null, null)),
        TOOK);
    assertEquals(0.0, gauge(registry, "htapsync.task.stalled", "s"), "movement ends the stall");
  }

  @Test
  void aFailingInstanceKeepsItsCounterAndTimestampAndInventsNoTasks() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ReplicationMetrics metrics = new ReplicationMetrics();
    metrics.bindTo(registry);
    String never = "0123456789abcdef0123456789abcdefin07";
    metrics.pollFailed(PROJECT, never, "transport", TOOK);
    metrics.pollFailed(PROJECT, never, "transport", TOOK);
    assertEquals(2.0, registry.find("htapsync.poll.failures").tag("instance_id", never).tag("reason", "transport")
        .functionCounter().count());
    assertTrue(registry.getMeters().stream().noneMatch(m -> never.equals(m.getId().getTag("instance_id"))
        && (m.getId().getName().startsWith("htapsync.task") || m.getId().getName().startsWith("htapsync.instance")
        || m.getId().getName().startsWith("htapsync.poll.last"))), "an instance that never answered has no task series");

    metrics.pollSucceeded(PROJECT, at(0, task("a", "full", "10", null, null)), TOOK);
    metrics.pollFailed(PROJECT, ID, "throttled", TOOK);
    assertEquals(T0.getEpochSecond(), gauge(registry, "htapsync.poll.last.success.timestamp.seconds", null));
    assertEquals(0.1, gauge(registry, "htapsync.task.progress.ratio", "a"), 1e-9);
    assertEquals(1.0, registry.find("htapsync.poll.failures").tag("instance_id", ID).tag("reason", "throttled")
        .functionCounter().count());
    assertEquals(2, registry.find("htapsync.poll.duration").tag("instance_id", ID).timer().count());
  }

  @Test
  void stateBeforeBindingIsPublishedOnBinding() {
    ReplicationMetrics metrics = new ReplicationMetrics();
    metrics.pollSucceeded(PROJECT, at(0, task("a", "wait", "0", null, null)), TOOK);
    metrics.pollFailed(PROJECT, ID, "server_error", TOOK);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    metrics.bindTo(registry);
    assertEquals(1.0, gauge(registry, "htapsync.task.stage", "a", "stage", "wait"));
    assertEquals(1.0, registry.find("htapsync.poll.failures").tag("reason", "server_error").functionCounter().count());
    assertThrows(IllegalStateException.class, () -> metrics.bindTo(new SimpleMeterRegistry()));
  }

  @Test
  void unknownStagesAndOddPercentagesNeverThrow() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ReplicationMetrics metrics = new ReplicationMetrics();
    metrics.bindTo(registry);
    metrics.pollSucceeded(PROJECT, at(0, task("x", "Rebuilding", "n/a", "weird", "")), TOOK);
    assertEquals(1.0, gauge(registry, "htapsync.task.stage", "x", "stage", "unknown"));
    assertTrue(registry.find("htapsync.task.progress.ratio").tag("task", "x").meters().isEmpty(),
        "a percentage that is not a number has no series");
  }

  @Test
  void reasonsAreBounded() {
    assertEquals("transport", ReplicationMetrics.reasonOf(new CompletionException(
        new TransportException("connection refused", 1, null))));
    assertEquals("other", ReplicationMetrics.reasonOf(new IllegalStateException("x")));
  }

  @Test
  void prometheusFormEscapesHostileNames() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ReplicationMetrics metrics = new ReplicationMetrics();
    metrics.bindTo(registry);
    String hostile = "q\"uote\\back\nnew 数据库 " + "x".repeat(10_000);
    metrics.pollSucceeded(PROJECT, at(0, task(hostile, "full", "10", null, null)), TOOK);
    String text = registry.scrape();
    assertTrue(text.contains("task=\"q\\\"uote\\\\back\\nnew 数据库 xxx"), text.substring(0, 2000));
    assertFalse(text.lines().anyMatch(l -> l.startsWith("new ")), "a newline in a label never breaks a line");
    assertTrue(text.contains("# TYPE htapsync_task_progress_ratio gauge"));
    assertTrue(text.contains("# TYPE htapsync_poll_duration_seconds summary"));
  }
}
