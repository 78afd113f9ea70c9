package io.htapsync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.htapsync.sandbox.data.DemoData;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code htapsync list} against the embedded sandbox (no endpoint, no region). */
class ListCommandTest {
  static final Map<String, String> NO_ENV = Map.of();

  @Test
  void tableFromTheEmbeddedSandbox() {
    CliRun run = CliRun.run(NO_ENV, "list", "--instance", DemoData.SALES_INSTANCE_ID);
    assertEquals(ExitCode.OK, run.exit, run.toString());
    assertTrue(run.err.contains("using the embedded sandbox at http://127.0.0.1:"), run.err);
    String[] lines = run.out.split("\n");
    assertTrue(lines[0].matches("TASK +SOURCE +TARGET +STATUS +STAGE +PROGRESS +CATCH-UP"), lines[0]);
    int stageColumn = lines[0].indexOf("STAGE");
    for (int i = 1; i < lines.length - 1; i++) {
      assertTrue(lines[i].length() > stageColumn, "aligned row: " + lines[i]);
      assertTrue(lines[i].contains("%"), "progress shown as a percentage: " + lines[i]);
    }
    assertTrue(lines[lines.length - 1].matches("\\d+ of \\d+ tasks?"), lines[lines.length - 1]);
  }

  @Test
  void jsonHasTheApiFieldNamesAndNumericCounters() {
    CliRun run = CliRun.run(NO_ENV, "list", "--instance", DemoData.SALES_INSTANCE_ID, "--output", "json");
    assertEquals(ExitCode.OK, run.exit, run.toString());
    JsonObject document = JsonParser.parseString(run.out).getAsJsonObject();
    assertTrue(document.get("total_count").getAsJsonPrimitive().isNumber());
    var tasks = document.getAsJsonArray("replications");
    assertTrue(tasks.size() > 0);
    JsonObject first = tasks.get(0).getAsJsonObject();
    for (String field : new String[] {"source_database", "target_database", "task_name", "status", "stage",
        "percentage", "catchup_stage", "catchup_percentage"}) {
      assertTrue(first.has(field), "has " + field + ": " + first);
    }
    assertTrue(first.get("percentage").getAsJsonPrimitive().isNumber(), first.toString());
  }

  @Test
  void allPagesWithProgressOnStderr() {
    CliRun run = CliRun.run(NO_ENV, "list", "--instance", DemoData.WAREHOUSE_INSTANCE_ID, "--all",
        "--output", "json");
    assertEquals(ExitCode.OK, run.exit, run.toString());
    JsonObject document = JsonParser.parseString(run.out).getAsJsonObject();
    assertEquals(DemoData.WAREHOUSE_TASK_COUNT, document.get("total_count").getAsInt());
    assertEquals(DemoData.WAREHOUSE_TASK_COUNT, document.getAsJsonArray("replications").size());
    assertTrue(run.err.contains("fetched 50 of 123 tasks"), run.err);
    assertTrue(run.err.contains("fetched 123 of 123 tasks"), run.err);
  }

  @Test
  void offsetAndLimitSelectAPage() {
    CliRun run = CliRun.run(NO_ENV, "list", "--instance", DemoData.WAREHOUSE_INSTANCE_ID, "--offset", "120",
        "--limit", "10", "--output", "json");
    assertEquals(ExitCode.OK, run.exit, run.toString());
    assertEquals(3, JsonParser.parseString(run.out).getAsJsonObject().getAsJsonArray("replications").size());
  }
}
