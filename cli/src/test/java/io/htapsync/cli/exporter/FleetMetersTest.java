package io.htapsync.cli.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import io.htapsync.client.listener.CallResult;
import io.htapsync.client.model.StarRocksReplicationInfo;
import io.htapsync.client.sync.SyncSnapshot;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exporter's exposition: the registry's call meters first, then the fleet's families, one # EOF last. */
class FleetMetersTest {
  static final String PROJECT = "2f6b0c9d8e7a41b3a5c4d6e8f0a1b2c3";
  static final String ID = "a3f5c7e9b1d24f6a8c0e2b4d6f8a0c1ein07";

  private static FleetMeters polledOnce() {
    FleetMeters meters = new FleetMeters(Duration.ofMinutes(15));
    JsonObject task = new JsonObject();
    task.addProperty("task_name", "orders");
    task.addProperty("source_database", "shop");
    task.addProperty("target_database", "shop_olap");
    task.addProperty("stage", "full");
    task.addProperty("percentage", "42");
    meters.replication().pollSucceeded(PROJECT, new SyncSnapshot(ID, Instant.parse("2026-12-03T10:00:00Z"), "req",
        List.of(new Gson().fromJson(task, StarRocksReplicationInfo.class))), Duration.ofMillis(20));
    meters.callListener().callFinished(new CallResult(ID, CallResult.Outcome.SUCCESS, 200, null, 1,
        Duration.ofMillis(20)));
    return meters;
  }

  @Test
  void openMetricsHasBothPartsAndEndsInOneEof() {
    String om = new String(polledOnce().render(true), StandardCharsets.UTF_8);
    assertTrue(om.endsWith("\n# EOF\n"), om);
    assertEquals(1, om.lines().filter("# EOF"::equals).count(), om);
    int calls = om.indexOf("# TYPE htapsync_client_calls_seconds summary");
    int progress = om.indexOf("htapsync_task_progress_ratio{instance_id=\"" + ID + "\",project_id=\"" + PROJECT
        + "\",source_database=\"shop\",target_database=\"shop_olap\",task=\"orders\"} 0.42");
    assertTrue(calls >= 0 && progress > calls, om);
    assertTrue(om.contains("# TYPE htapsync_poll_duration_seconds summary\n"), om);
  }

  @Test
  void textHasEachFamilyOnceAndNoEof() {
    String text = new String(polledOnce().render(false), StandardCharsets.UTF_8);
    assertTrue(!text.contains("# EOF"), text);
    List<String> types = text.lines().filter(l -> l.startsWith("# TYPE ")).toList();
    assertEquals(types.stream().distinct().count(), types.size(), "a family twice: " + types);
    assertTrue(types.contains("# TYPE htapsync_client_retries_total counter"), text);
    assertTrue(types.contains("# TYPE htapsync_task_stage gauge"), text);
  }
}
