package io.htapsync.cli;

import io.htapsync.client.ReplicationStage;
import io.htapsync.client.json.NumericString;
import io.htapsync.client.model.StarRocksReplicationInfo;
import java.math.BigDecimal;
import java.util.List;

/** When a task counts as synced: in the incremental stage, with any catch-up complete. */
final class SyncState {
  private static final BigDecimal COMPLETE = BigDecimal.valueOf(100);

  private SyncState() {}

  static boolean isSynced(StarRocksReplicationInfo task) {
    boolean incremental = ReplicationStage.INCREMENTAL.matches(task.getStage());
    boolean catchUpStageDone = task.getCatchupStage() == null
        || ReplicationStage.INCREMENTAL.matches(task.getCatchupStage());
    return incremental && catchUpStageDone && complete(task.getCatchupPercentage());
  }

  static long syncedCount(List<StarRocksReplicationInfo> tasks) {
    return tasks.stream().filter(SyncState::isSynced).count();
  }

  /** No catch-up running (null) counts as complete; otherwise it must have reached 100. */
  private static boolean complete(NumericString catchUp) {
    return catchUp == null || catchUp.toBigDecimal().map(p -> p.compareTo(COMPLETE) >= 0).orElse(false);
  }
}
