package io.htapsync.client.sync;

import io.htapsync.client.exception.HtapSyncException;
import io.htapsync.client.json.NumericString;
import io.htapsync.client.model.StarRocksReplicationInfo;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one instance's successive polls into {@link SyncEvent}s: the state machine behind {@code
 * watch}, the waiter's events and the exporter's stall gauge. No threads, no I/O, no clock of its
 * own: time is the snapshot's time (or the failure's).
 *
 * <p>It holds only the last snapshot, plus per task the time its stage or a percentage last moved,
 * so memory stays flat however long it runs. Tasks are matched by {@link TaskKey}. Stage values are
 * compared case-insensitively (the service sends {@code incremental} and {@code Incremental}), and
 * percentages by value ({@code 100} and {@code "100.0"} are the same).
 *
 * <p>A task is stalled when it is waiting, in full sync, catching up or in an unknown state, and
 * neither its stages nor its percentages changed for {@code stallAfter}; {@code stalled} is
 * reported once, when it starts. Synced, paused and cancelled tasks do not stall (they are not
 * meant to move), and any movement ends a stall.
 *
 * <p>Thread-safe (methods are synchronized), so an exporter may read {@link #isStalled} while a
 * poller feeds it.
 */
public final class ChangeTracker {
  private final String instanceId;
  private final Duration stallAfter;
  private final Map<TaskKey, Instant> lastMoved = new HashMap<>();
  private final Set<TaskKey> stalled = new LinkedHashSet<>();
  private SyncSnapshot last;
  private boolean wasSynced;
  private int failedPolls;

  /**
   * @param stallAfter how long a task that should be moving may stand still before it counts as stalled
   */
  public ChangeTracker(String instanceId, Duration stallAfter) {
    this.instanceId = Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(stallAfter, "stallAfter");
    if (stallAfter.isNegative() || stallAfter.isZero()) {
      throw new IllegalArgumentException("stallAfter must be positive, got " + stallAfter);
    }
    this.stallAfter = stallAfter;
  }

  /**
   * The changes from the last snapshot to {@code snapshot}: on the first call, every task as {@code
   * task_appeared}. Order: {@code recovered}, then per task in the service's order its events, then
   * disappeared tasks, then {@code stalled}, then {@code synced}.
   *
   * @throws IllegalArgumentException if the snapshot is of another instance
   */
  public synchronized List<SyncEvent> observe(SyncSnapshot snapshot) {
    if (!instanceId.equals(snapshot.instanceId())) {
      throw new IllegalArgumentException("this tracker follows instance " + instanceId + ", not "
          + snapshot.instanceId());
    }
    Instant now = snapshot.time();
    List<SyncEvent> events = new ArrayList<>();
    if (failedPolls > 0) {
      events.add(SyncEvent.recovered(now, instanceId, failedPolls));
      failedPolls = 0;
    }
    Map<TaskKey, StarRocksReplicationInfo> before = last == null ? Map.of() : last.tasksByKey();
    Map<TaskKey, StarRocksReplicationInfo> after = snapshot.tasksByKey();
    for (Map.Entry<TaskKey, StarRocksReplicationInfo> entry : after.entrySet()) {
      TaskKey key = entry.getKey();
      StarRocksReplicationInfo task = entry.getValue();
      StarRocksReplicationInfo previous = before.get(key);
      if (previous == null) {
        events.add(taskEvent(SyncEvent.Type.TASK_APPEARED, now, key, task, null, null, null));
        lastMoved.put(key, now);
      } else if (compare(previous, task, now, key, events)) {
        lastMoved.put(key, now);
        stalled.remove(key);
      }
    }
    for (Map.Entry<TaskKey, StarRocksReplicationInfo> entry : before.entrySet()) {
      if (!after.containsKey(entry.getKey())) {
        events.add(taskEvent(SyncEvent.Type.TASK_DISAPPEARED, now, entry.getKey(), entry.getValue(), null,
            null, null));
        lastMoved.remove(entry.getKey());
        stalled.remove(entry.getKey());
      }
    }
    for (Map.Entry<TaskKey, StarRocksReplicationInfo> entry : after.entrySet()) {
      checkStall(entry.getKey(), entry.getValue(), now, events);
    }
    boolean synced = snapshot.isSynced();
    if (synced && !wasSynced) {
      events.add(SyncEvent.synced(now, instanceId));
    }
    wasSynced = synced;
    last = snapshot;
    return events;
  }

  /**
   * A poll that failed: one {@code poll_failed}. The last snapshot, progress times and stalls stay
   * as they were; the next good poll reports {@code recovered}.
   */
  public synchronized List<SyncEvent> observeFailure(HtapSyncException error, Instant when) {
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(when, "when");
    failedPolls++;
    return List.of(SyncEvent.pollFailed(when, instanceId, error, failedPolls));
  }

  public synchronized boolean isStalled(TaskKey task) {
    return stalled.contains(task);
  }

  /** The tasks stalled now, in the order they stalled; a copy. */
  public synchronized Set<TaskKey> stalled() {
    return Set.copyOf(stalled);
  }

  /** When the task's stage or a percentage last moved (or it appeared); empty for a task not seen. */
  public synchronized Optional<Instant> lastMoved(TaskKey task) {
    return Optional.ofNullable(lastMoved.get(task));
  }

  /** The last snapshot observed; null before the first. */
  public synchronized SyncSnapshot lastSnapshot() {
    return last;
  }

  /** Polls failed in a row since the last good one. */
  public synchronized int failedPolls() {
    return failedPolls;
  }

  public String instanceId() {
    return instanceId;
  }

  public Duration stallAfter() {
    return stallAfter;
  }

  /** Adds the events between two versions of one task; true when its stages or percentages moved. */
  private boolean compare(StarRocksReplicationInfo before, StarRocksReplicationInfo after, Instant now,
      TaskKey key, List<SyncEvent> events) {
    boolean moved = false;
    if (!sameText(before.getStage(), after.getStage())) {
      events.add(taskEvent(SyncEvent.Type.STAGE_CHANGED, now, key, after, "stage", before.getStage(),
          after.getStage()));
      moved = true;
    }
    if (!sameText(before.getCatchupStage(), after.getCatchupStage())) {
      events.add(taskEvent(SyncEvent.Type.STAGE_CHANGED, now, key, after, "catchup_stage",
          before.getCatchupStage(), after.getCatchupStage()));
      moved = true;
    }
    if (!sameText(before.getStatus(), after.getStatus())) {
      events.add(taskEvent(SyncEvent.Type.STATUS_CHANGED, now, key, after, "status", before.getStatus(),
          after.getStatus()));
    }
    // One event per percentage that moved, each with its old and new value, as for the stages.
    if (!sameNumber(before.getPercentage(), after.getPercentage())) {
      events.add(taskEvent(SyncEvent.Type.PROGRESS, now, key, after, "percentage",
          plain(before.getPercentage()), plain(after.getPercentage())));
      moved = true;
    }
    if (!sameNumber(before.getCatchupPercentage(), after.getCatchupPercentage())) {
      events.add(taskEvent(SyncEvent.Type.PROGRESS, now, key, after, "catchup_percentage",
          plain(before.getCatchupPercentage()), plain(after.getCatchupPercentage())));
      moved = true;
    }
    return moved;
  }

  private void checkStall(TaskKey key, StarRocksReplicationInfo task, Instant now, List<SyncEvent> events) {
    if (!canStall(TaskSyncState.of(task))) {
      // Not meant to move: its stall clock starts afresh when it is meant to again.
      lastMoved.put(key, now);
      stalled.remove(key);
      return;
    }
    Instant moved = lastMoved.get(key);
    if (!stalled.contains(key) && Duration.between(moved, now).compareTo(stallAfter) >= 0) {
      stalled.add(key);
      events.add(taskEvent(SyncEvent.Type.STALLED, now, key, task, null, null, null));
    }
  }

  private static boolean canStall(TaskSyncState state) {
    return state != TaskSyncState.SYNCED && state != TaskSyncState.PAUSED && state != TaskSyncState.CANCELLED;
  }

  private SyncEvent taskEvent(SyncEvent.Type type, Instant now, TaskKey key, StarRocksReplicationInfo task,
      String field, String from, String to) {
    return SyncEvent.task(type, now, instanceId, key, TaskSyncState.of(task), field, from, to,
        number(task.getPercentage()), number(task.getCatchupPercentage()));
  }

  private static boolean sameText(String a, String b) {
    if (a == null || b == null) {
      return a == b;
    }
    return a.trim().toLowerCase(Locale.ROOT).equals(b.trim().toLowerCase(Locale.ROOT));
  }

  /** The value as sent when it is not a number, else its plain decimal form; null for null. */
  private static String plain(NumericString value) {
    if (value == null) {
      return null;
    }
    BigDecimal n = number(value);
    return n == null ? value.raw() : n.toPlainString();
  }

  private static boolean sameNumber(NumericString a, NumericString b) {
    if (a == null || b == null) {
      return a == b;
    }
    BigDecimal x = number(a);
    BigDecimal y = number(b);
    return x != null && y != null ? x.compareTo(y) == 0 : a.raw().equals(b.raw());
  }

  private static BigDecimal number(NumericString value) {
    return value == null ? null : value.toBigDecimal().orElse(null);
  }
}
