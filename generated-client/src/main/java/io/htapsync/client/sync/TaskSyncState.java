package io.htapsync.client.sync;

import io.htapsync.client.ReplicationStage;
import io.htapsync.client.json.NumericString;
import io.htapsync.client.model.StarRocksReplicationInfo;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Where one task stands, derived from its {@code stage}, {@code catchup_stage} and {@code
 * catchup_percentage} (case-insensitive; the service sends {@code incremental} and {@code
 * Incremental} alike).
 *
 * <p>The synced rule: a task is {@link #SYNCED} when its stage is incremental and no catch-up runs
 * ({@code catchup_stage} null) or its catch-up is incremental at 100 % (or carries no percentage).
 * With no catch-up stage the catch-up percentage means nothing: the vendor's own example sends
 * {@code catchup_stage: null} with {@code catchup_percentage: 0} for a synced task. The README has
 * the rule as a truth table.
 *
 * <p>{@code status} ({@code Yes}/{@code No}, documented only as "current status") does not enter the
 * state: the vendor gives it no meaning that would change the rule. Changes of it are still reported,
 * as {@link SyncEvent.Type#STATUS_CHANGED}.
 *
 * <p>Values the vendor does not document give {@link #UNKNOWN}; nothing here ever throws on what
 * the service sends.
 */
public enum TaskSyncState {
  /** Incremental, with no catch-up running or its catch-up incremental at 100 %. */
  SYNCED,
  /** Incremental, but a catch-up is still running (full, or incremental below 100 %). */
  CATCHING_UP,
  /** Copying the existing data ({@code stage} full). */
  FULL_SYNC,
  /** Not started yet ({@code stage} wait). */
  WAITING,
  PAUSED,
  CANCELLED,
  /** No stage, or a stage or catch-up stage the vendor does not document. */
  UNKNOWN;

  private static final BigDecimal COMPLETE = BigDecimal.valueOf(100);

  /** The state of {@code task}; {@link #UNKNOWN} for a null task or values nobody documented. */
  public static TaskSyncState of(StarRocksReplicationInfo task) {
    if (task == null) {
      return UNKNOWN;
    }
    Optional<ReplicationStage> stage = ReplicationStage.parse(task.getStage());
    if (stage.isEmpty()) {
      return UNKNOWN;
    }
    switch (stage.get()) {
      case INCREMENTAL:
        return incremental(task);
      case FULL:
        return FULL_SYNC;
      case WAIT:
        return WAITING;
      case PAUSED:
        return PAUSED;
      case CANCELLED:
        return CANCELLED;
      default:
        return UNKNOWN;
    }
  }

  /** True for {@link #SYNCED} only. */
  public boolean isSynced() {
    return this == SYNCED;
  }

  private static TaskSyncState incremental(StarRocksReplicationInfo task) {
    if (task.getCatchupStage() == null) {
      return SYNCED;
    }
    Optional<ReplicationStage> catchUp = ReplicationStage.parse(task.getCatchupStage());
    if (catchUp.isEmpty()) {
      return UNKNOWN;
    }
    return catchUp.get() == ReplicationStage.INCREMENTAL && complete(task.getCatchupPercentage())
        ? SYNCED
        : CATCHING_UP;
  }

  /** A running catch-up is complete at 100; no percentage at all counts as complete. */
  private static boolean complete(NumericString catchUp) {
    return catchUp == null || catchUp.toBigDecimal().map(p -> p.compareTo(COMPLETE) >= 0).orElse(false);
  }
}
