package io.htapsync.client.sync;

import com.google.gson.Gson;
import io.htapsync.client.model.StarRocksReplicationInfo;
import java.time.Instant;
import java.util.List;

/** Tasks and snapshots for the sync tests, written as the service sends them. */
final class Tasks {
  static final String INSTANCE = "0123456789abcdef0123456789abcdefin07";
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private Tasks() {}

  static StarRocksReplicationInfo json(String json) {
    return new Gson().fromJson(json, StarRocksReplicationInfo.class);
  }

  /** A task named {@code name} on db_name -> olap_name. */
  static StarRocksReplicationInfo task(String name, String stage, Object percentage, String catchupStage,
      Object catchupPercentage) {
    return json("{\"task_name\":\"" + name + "\",\"source_database\":\"db_" + name
        + "\",\"target_database\":\"olap_" + name + "\",\"status\":\"Yes\",\"stage\":" + quoted(stage)
        + ",\"percentage\":" + literal(percentage) + ",\"catchup_stage\":" + quoted(catchupStage)
        + ",\"catchup_percentage\":" + literal(catchupPercentage) + "}");
  }

  static StarRocksReplicationInfo synced(String name) {
    return task(name, "incremental", 100, null, null);
  }

  static SyncSnapshot at(long seconds, StarRocksReplicationInfo... tasks) {
    return new SyncSnapshot(INSTANCE, T0.plusSeconds(seconds), "req-" + seconds, List.of(tasks));
  }

  private static String quoted(String s) {
    return s == null ? "null" : "\"" + s + "\"";
  }

  private static String literal(Object o) {
    return o == null ? "null" : o instanceof String ? "\"" + o + "\"" : o.toString();
  }
}
