package io.htapsync.client.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import io.htapsync.client.model.ListStarRocksDataReplicationsResponse;
import io.htapsync.client.model.StarRocksReplicationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The synced rule, row by row (the README's truth table has the same rows). */
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
}
