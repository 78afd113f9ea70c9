package io.htapsync.client.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import io.htapsync.client.model.ListStarRocksDataReplicationsResponse;
import io.htapsync.client.model.StarRocksReplicationInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The synced rule, row by row; the README's truth table is read and checked row by row too. */
class TaskSyncStateTest {

  @ParameterizedTest(name = "stage={0} catchup_stage={1} catchup_percentage={2} -> {3}")
  @CsvSource(nullValues = "null", value = {
      // stage,        catchup_stage, catchup_percentage, state
      "incremental,    null,          0,      SYNCED",
      "Incremental,    null,          null,   SYNCED",
      "INCREMENTAL,    null,          50,     SYNCED",
      "incremental,    incremental,   100,    SYNCED",
      "Incremental,    INCREMENTAL,   '100.0', SYNCED",
      "incremental,    incremental,   null,   SYNCED",
      "incremental,    incremental,   '99.5', CATCHING_UP",
      "incremental,    incremental,   'n/a',  CATCHING_UP",
      "incremental,    full,          100,    CATCHING_UP",
      "incremental,    wait,          0,      CATCHING_UP",
      "incremental,    paused,        10,     CATCHING_UP",
      "incremental,    resyncing,     10,     UNKNOWN",
      "full,           null,          100,    FULL_SYNC",
      "Full,           incremental,   100,    FULL_SYNC",
      "wait,           null,          0,      WAITING",
      "Wait,           null,          0,      WAITING",
      "paused,         null,          100,    PAUSED",
      "cancelled,      null,          100,    CANCELLED",
      "resyncing,      null,          100,    UNKNOWN",
      "null,           null,          100,    UNKNOWN",
      "'',             null,          100,    UNKNOWN",
  })
  void truthTable(String stage, String catchupStage, String catchupPercentage, TaskSyncState expected) {
    // Percentages as JSON strings here; percentagesAsNumbersOrStringsAlike covers numbers.
    StarRocksReplicationInfo task = Tasks.task("t", stage, 100, catchupStage, catchupPercentage);
    assertEquals(expected, TaskSyncState.of(task));
    assertEquals(expected == TaskSyncState.SYNCED, TaskSyncState.of(task).isSynced());
  }

  @Test
  void theReferencePagesOwnExampleIsSynced() {
    String page = "{ \"total_count\" : 1, \"replications\" : [ { \"source_database\" : \"source_database\","
        + " \"target_database\" : \"target_database\", \"task_name\" : \"task_name\", \"status\" : \"Yes\","
        + " \"stage\" : \"Incremental\", \"percentage\" : 100, \"catchup_stage\" : null,"
        + " \"catchup_percentage\" : 0 } ], \"ext_text\" : null }";
    var response = new Gson().fromJson(page, ListStarRocksDataReplicationsResponse.class);
    assertEquals(TaskSyncState.SYNCED, TaskSyncState.of(response.getReplications().get(0)));
  }

  @Test
  void percentagesAsNumbersOrStringsAlike() {
    assertEquals(TaskSyncState.SYNCED, TaskSyncState.of(Tasks.task("t", "incremental", 100, "incremental", 100)));
    assertEquals(TaskSyncState.SYNCED, TaskSyncState.of(Tasks.task("t", "incremental", 100, "incremental", "100")));
    assertEquals(TaskSyncState.CATCHING_UP,
        TaskSyncState.of(Tasks.task("t", "incremental", 100, "incremental", 99.5)));
  }

  @Test
  void statusDoesNotChangeTheState() {
    StarRocksReplicationInfo task = Tasks.synced("t");
    task.setStatus("No");
    assertEquals(TaskSyncState.SYNCED, TaskSyncState.of(task));
    task.setStatus("something new");
    assertEquals(TaskSyncState.SYNCED, TaskSyncState.of(task));
  }

  @Test
  void nothingThrows() {
    assertEquals(TaskSyncState.UNKNOWN, TaskSyncState.of(null));
    assertEquals(TaskSyncState.UNKNOWN, TaskSyncState.of(new StarRocksReplicationInfo()));
    assertEquals(TaskSyncState.UNKNOWN, TaskSyncState.of(Tasks.json("{\"stage\":\" \\u0000 \"}")));
  }

  @Test
  void anInstanceIsSyncedWhenItHasTasksAndEveryOneIsSynced() {
    assertFalse(Tasks.at(0).isSynced(), "no tasks: not synced (it may not have started)");
    assertTrue(Tasks.at(0, Tasks.synced("a")).isSynced());
    SyncSnapshot half = Tasks.at(0, Tasks.synced("a"), Tasks.task("b", "full", 40, null, null));
    assertFalse(half.isSynced());
    assertEquals(1, half.syncedCount());
    assertEquals(TaskSyncState.FULL_SYNC, half.stateOf(half.tasks().get(1)));
  }

  private static final Pattern CODE = Pattern.compile("`([^`]*)`");

  /**
   * The README's table under "When is an instance synced", each row as the service would send it:
   * {@code `null`} a JSON null, {@code `"100.0"`} a string, {@code `100`} a number, "absent" no field.
   */
  @Test
  void theReadmesTruthTableHoldsRowByRow() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    int section = readme.indexOf("\n### When is an instance synced\n");
    assertTrue(section >= 0, "README.md has no section \"When is an instance synced\"");
    List<String> rows = readme.substring(section).lines().dropWhile(l -> !l.startsWith("| `stage`")).skip(2)
        .takeWhile(l -> l.startsWith("|")).collect(Collectors.toList());
    assertTrue(rows.size() >= 10, "the truth table's rows: " + rows);
    Set<TaskSyncState> shown = EnumSet.noneOf(TaskSyncState.class);
    for (String row : rows) {
      String[] cells = row.split("\\|");
      String json = "{\"task_name\":\"t\",\"percentage\":100" + field("stage", cells[1], true)
          + field("catchup_stage", cells[2], true) + field("catchup_percentage", cells[3], false) + "}";
      TaskSyncState expected = TaskSyncState.valueOf(code(cells[4]));
      assertEquals(expected, TaskSyncState.of(Tasks.json(json)), "README row " + row.trim() + " as " + json);
      shown.add(expected);
    }
    assertEquals(EnumSet.allOf(TaskSyncState.class), shown, "every state has a row");
  }

  private static String field(String name, String cell, boolean text) {
    if (cell.trim().equals("absent")) {
      return "";
    }
    String value = code(cell);
    return ",\"" + name + "\":" + (value.equals("null") || !text ? value : "\"" + value + "\"");
  }

  private static String code(String cell) {
    Matcher m = CODE.matcher(cell.trim());
    assertTrue(m.matches(), "a `value` cell, got " + cell);
    return m.group(1);
  }
}
