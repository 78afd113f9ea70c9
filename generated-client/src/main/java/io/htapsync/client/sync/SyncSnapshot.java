package io.htapsync.client.sync;

import io.htapsync.client.model.StarRocksReplicationInfo;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One instance's tasks, all pages of them, as one poll saw them. Immutable.
 *
 * <p>{@link #isSynced()} is the rule a deployment waits for: the instance has tasks and every one
 * of them is {@link TaskSyncState#SYNCED}. An instance without tasks is not synced: it may not have
 * started replicating yet.
 */
public final class SyncSnapshot {
  private final String instanceId;
  private final Instant time;
  private final String requestId;
  private final List<StarRocksReplicationInfo> tasks;
  private final Map<TaskKey, StarRocksReplicationInfo> byKey;
  private final int syncedCount;

  /**
   * @param time when the poll completed
   * @param requestId the first page's {@code X-Request-Id}, or null
   * @param tasks every task, in the service's order
   */
  public SyncSnapshot(String instanceId, Instant time, String requestId, List<StarRocksReplicationInfo> tasks) {
    this.instanceId = Objects.requireNonNull(instanceId, "instanceId");
    this.time = Objects.requireNonNull(time, "time");
    this.requestId = requestId;
    this.tasks = List.copyOf(tasks);
    Map<TaskKey, StarRocksReplicationInfo> keyed = new LinkedHashMap<>();
    int synced = 0;
    for (StarRocksReplicationInfo task : this.tasks) {
      // A repeated key (same name and databases twice) keeps its first row; the service has no
      // finer identity to tell the two apart.
      keyed.putIfAbsent(TaskKey.of(task), task);
      if (TaskSyncState.of(task).isSynced()) {
        synced++;
      }
    }
    this.byKey = Collections.unmodifiableMap(keyed);
    this.syncedCount = synced;
  }

  public String instanceId() {
    return instanceId;
  }

  /** When the poll that produced this snapshot completed. */
  public Instant time() {
    return time;
  }

  /** The first page's {@code X-Request-Id}, to quote to support; null when the service sent none. */
  public String requestId() {
    return requestId;
  }

  /** Every task of every page, in the service's order; unmodifiable. */
  public List<StarRocksReplicationInfo> tasks() {
    return tasks;
  }

  /** The tasks by {@link TaskKey}, in the service's order; unmodifiable. */
  public Map<TaskKey, StarRocksReplicationInfo> tasksByKey() {
    return byKey;
  }

  public Optional<StarRocksReplicationInfo> task(TaskKey key) {
    return Optional.ofNullable(byKey.get(key));
  }

  /** {@link TaskSyncState#of} for one task. */
  public TaskSyncState stateOf(StarRocksReplicationInfo task) {
    return TaskSyncState.of(task);
  }

  /** True when the instance has tasks and every one is {@link TaskSyncState#SYNCED}. */
  public boolean isSynced() {
    return !tasks.isEmpty() && syncedCount == tasks.size();
  }

  /** How many tasks are {@link TaskSyncState#SYNCED}. */
  public int syncedCount() {
    return syncedCount;
  }

  @Override
  public String toString() {
    return "SyncSnapshot{instance=" + instanceId + ", time=" + time + ", requestId=" + requestId
        + ", tasks=" + tasks.size() + ", synced=" + syncedCount + '}';
  }
}
