package io.htapsync.cli;

import io.htapsync.client.ReplicationStage;
import io.htapsync.client.json.NumericString;
import io.htapsync.client.model.StarRocksReplicationInfo;
import java.math.BigDecimal;
import java.util.List;

/**
 * When a task counts as synced: in the incremental stage, with no catch-up running or its catch-up
 * incremental at 100%. With no catch-up stage the percentage means nothing: the vendor's own example
 * sends {@code catchup_stage: null} with {@code catchup_percentage: 0} for a synced task.
 */
final class SyncState {
  private static final BigDecimal COMPLETE = BigDecimal.valueOf(100);

  private SyncState() {}

  static boolean isSynced(StarRocksReplicationInfo task) {
    if (!ReplicationStage.INCREMENTAL.matches(task.getStage())) {
      return false;
    }
    if (task.getCatchupStage() == null) {
      return true;
    }
    return ReplicationStage.INCREMENTAL.matches(task.getCatchupStage()) && complete(task.getCatchupPercentage());
  }

  static long syncedCount(List<StarRocksReplicationInfo> tasks) {
    return tasks.stream().filter(SyncState::isSynced).count();
  }

  /** A running catch-up is complete at 100; no percentage at all counts as complete. */
  private static boolean complete(NumericString catchUp) {
    return catchUp == null || catchUp.toBigDecimal().map(p -> p.compareTo(COMPLETE) >= 0).orElse(false);
  }
}
