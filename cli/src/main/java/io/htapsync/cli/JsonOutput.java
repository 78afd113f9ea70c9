package io.htapsync.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.htapsync.client.json.NumericString;
import io.htapsync.client.model.StarRocksReplicationInfo;
import java.util.List;

/**
 * One JSON document {@code {"total_count": n, "replications": [...]}} with the API's field names.
 * Counters become JSON numbers whenever they are numeric, whichever form the service sent, so that
 * {@code jq} filters can compare them.
 */
final class JsonOutput {
  private JsonOutput() {}

  static String render(long totalCount, List<StarRocksReplicationInfo> tasks) {
    JsonObject document = new JsonObject();
    document.addProperty("total_count", totalCount);
    JsonArray replications = new JsonArray();
    for (StarRocksReplicationInfo task : tasks) {
      JsonObject t = new JsonObject();
      t.add("source_database", text(task.getSourceDatabase()));
      t.add("target_database", text(task.getTargetDatabase()));
      t.add("task_name", text(task.getTaskName()));
      t.add("status", text(task.getStatus()));
      t.add("stage", text(task.getStage()));
      t.add("percentage", number(task.getPercentage()));
      t.add("catchup_stage", text(task.getCatchupStage()));
      t.add("catchup_percentage", number(task.getCatchupPercentage()));
      if (task.getIsNeedRepair() != null) {
        t.add("is_need_repair", text(task.getIsNeedRepair()));
      }
      if (task.getIsMainTask() != null) {
        t.add("is_main_task", text(task.getIsMainTask()));
      }
      replications.add(t);
    }
    document.add("replications", replications);
    return new GsonBuilder().serializeNulls().setPrettyPrinting().create().toJson(document);
  }

  private static JsonElement text(String value) {
    return value == null ? JsonNull.INSTANCE : new JsonPrimitive(value);
  }

  private static JsonElement number(NumericString value) {
    if (value == null) {
      return JsonNull.INSTANCE;
    }
    return value.toBigDecimal().<JsonElement>map(JsonPrimitive::new).orElse(new JsonPrimitive(value.raw()));
  }
}
