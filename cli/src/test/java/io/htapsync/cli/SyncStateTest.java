package io.htapsync.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import io.htapsync.client.model.ListStarRocksDataReplicationsResponse;
import io.htapsync.client.model.StarRocksReplicationInfo;
import org.junit.jupiter.api.Test;

class SyncStateTest {
  static StarRocksReplicationInfo task(String json) {
    return new Gson().fromJson(json, StarRocksReplicationInfo.class);
  }

  @Test
  void theReferencePagesOwnExampleIsSynced() {
    String page = "{ \"total_count\" : 1, \"replications\" : [ { \"source_database\" : \"source_database\","
        + " \"target_database\" : \"target_database\", \"task_name\" : \"task_name\", \"status\" : \"Yes\","
        + " \"stage\" : \"Incremental\", \"percentage\" : 100, \"catchup_stage\" : null,"
        + " \"catchup_percentage\" : 0 } ], \"ext_text\" : null }";
    var response = new Gson().fromJson(page, ListStarRocksDataReplicationsResponse.class);
    assertTrue(SyncState.isSynced(response.getReplications().get(0)));
  }

  @Test
  void aRunningCatchUpMustBeIncrementalAtHundred() {
    assertFalse(SyncState.isSynced(task("{\"stage\":\"incremental\",\"catchup_stage\":\"full\",\"catchup_percentage\":100}")));
    assertFalse(SyncState.isSynced(task("{\"stage\":\"incremental\",\"catchup_stage\":\"incremental\",\"catchup_percentage\":\"99.5\"}")));
    assertTrue(SyncState.isSynced(task("{\"stage\":\"Incremental\",\"catchup_stage\":\"INCREMENTAL\",\"catchup_percentage\":\"100.0\"}")));
    assertTrue(SyncState.isSynced(task("{\"stage\":\"incremental\",\"catchup_stage\":\"incremental\",\"catchup_percentage\":null}")));
  }

  @Test
  void otherStagesAreNotSynced() {
    for (String stage : new String[] {"wait", "full", "paused", "cancelled", "resyncing"}) {
      assertFalse(SyncState.isSynced(task("{\"stage\":\"" + stage + "\",\"percentage\":100}")), stage);
    }
    assertFalse(SyncState.isSynced(task("{\"percentage\":100}")), "no stage");
  }
}
