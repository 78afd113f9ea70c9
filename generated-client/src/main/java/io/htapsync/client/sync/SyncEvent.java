package io.htapsync.client.sync;

import io.htapsync.client.exception.HtapSyncException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One change between two polls of an instance, as {@link ChangeTracker} finds it. Immutable.
 *
 * <p>Task events ({@link Type#isTaskEvent()}) name the {@link #task()} and carry its {@link #state()}
 * and percentages after the change; {@link Type#STAGE_CHANGED}, {@link Type#STATUS_CHANGED} and
 * {@link Type#PROGRESS} (one event per percentage that moved) name the {@link #field()} and carry its
 * old and new value in {@link #from()} and {@link #to()}. Instance events ({@code poll_failed},
 * {@code recovered}, {@code synced}) have no task.
 */
public final class SyncEvent {
  /** What happened. {@link #wireName()} is the name the CLI prints and scripts match on. */
  public enum Type {
    /** A task seen for the first time (every task of the first poll, too). */
    TASK_APPEARED,
    /** A task the previous poll had is gone. */
    TASK_DISAPPEARED,
    /** {@code stage} or {@code catchup_stage} changed; {@link #field()}, {@link #from()}, {@link #to()} say how. */
    STAGE_CHANGED,
    /** {@code status} changed. */
    STATUS_CHANGED,
    /** {@code percentage} or {@code catchup_percentage} moved; {@link #field()} says which. */
    PROGRESS,
    /** Not synced, not paused or cancelled, and no change for the tracker's {@code stallAfter}. */
    STALLED,
    /** A poll failed with a failure that a later poll may not see; {@link #error()} says what. */
    POLL_FAILED,
    /** The first good poll after failed ones; {@link #failedPolls()} says how many failed. */
    RECOVERED,
    /** The instance became synced: it has tasks and every one is synced. */
    SYNCED;

    /** {@code task_appeared}, {@code stage_changed}, ...: the lower-case name. */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** True for the events about one task. */
    public boolean isTaskEvent() {
      return ordinal() <= STALLED.ordinal();
    }
  }

  private final Type type;
  private final Instant time;
  private final String instanceId;
  private final TaskKey task;
  private final TaskSyncState state;
  private final String field;
  private final String from;
  private final String to;
  private final BigDecimal percentage;
  private final BigDecimal catchupPercentage;
  private final HtapSyncException error;
  private final int failedPolls;

  private SyncEvent(Type type, Instant time, String instanceId, TaskKey task, TaskSyncState state,
      String field, String from, String to, BigDecimal percentage, BigDecimal catchupPercentage,
      HtapSyncException error, int failedPolls) {
    this.type = Objects.requireNonNull(type, "type");
    this.time = Objects.requireNonNull(time, "time");
    this.instanceId = Objects.requireNonNull(instanceId, "instanceId");
    this.task = task;
    this.state = state;
    this.field = field;
    this.from = from;
    this.to = to;
    this.percentage = percentage;
    this.catchupPercentage = catchupPercentage;
    this.error = error;
    this.failedPolls = failedPolls;
  }

  static SyncEvent task(Type type, Instant time, String instanceId, TaskKey task, TaskSyncState state,
      String field, String from, String to, BigDecimal percentage, BigDecimal catchupPercentage) {
    return new SyncEvent(type, time, instanceId, Objects.requireNonNull(task, "task"), state, field, from,
        to, percentage, catchupPercentage, null, 0);
  }

  static SyncEvent pollFailed(Instant time, String instanceId, HtapSyncException error, int failedPolls) {
    return new SyncEvent(Type.POLL_FAILED, time, instanceId, null, null, null, null, null, null, null,
        Objects.requireNonNull(error, "error"), failedPolls);
  }

  static SyncEvent recovered(Instant time, String instanceId, int failedPolls) {
    return new SyncEvent(Type.RECOVERED, time, instanceId, null, null, null, null, null, null, null, null,
        failedPolls);
  }

  static SyncEvent synced(Instant time, String instanceId) {
    return new SyncEvent(Type.SYNCED, time, instanceId, null, null, null, null, null, null, null, null, 0);
  }

  public Type type() {
    return type;
  }

  /** The snapshot's time for changes; the failure's time for {@code poll_failed}. */
  public Instant time() {
    return time;
  }

  public String instanceId() {
    return instanceId;
  }

  /** The task, for task events; null for instance events. */
  public TaskKey task() {
    return task;
  }

  /** The task's state after the change (before it went, for {@code task_disappeared}); null for instance events. */
  public TaskSyncState state() {
    return state;
  }

  /**
   * The API field that changed, for {@code stage_changed} ({@code stage} or {@code catchup_stage})
   * and {@code status_changed} ({@code status}); otherwise null.
   */
  public String field() {
    return field;
  }

  /** The old value, for {@code stage_changed} and {@code status_changed}; otherwise null. */
  public String from() {
    return from;
  }

  /** The new value, for {@code stage_changed} and {@code status_changed}; otherwise null. */
  public String to() {
    return to;
  }

  /** The task's {@code percentage} after the change; null when absent or not numeric. */
  public BigDecimal percentage() {
    return percentage;
  }

  /** The task's {@code catchup_percentage} after the change; null when absent or not numeric. */
  public BigDecimal catchupPercentage() {
    return catchupPercentage;
  }

  /** Why the poll failed, for {@code poll_failed}; otherwise null. */
  public HtapSyncException error() {
    return error;
  }

  /** Failed polls in a row: so far for {@code poll_failed}, in all for {@code recovered}; otherwise 0. */
  public int failedPolls() {
    return failedPolls;
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(type.wireName()).append(' ').append(time).append(' ').append(instanceId);
    if (task != null) {
      s.append(' ').append(task).append(' ').append(state);
    }
    if (from != null || to != null) {
      s.append(' ').append(field).append(' ').append(from).append(" -> ").append(to);
    }
    if (percentage != null || catchupPercentage != null) {
      s.append(" percentage=").append(percentage).append(" catchup=").append(catchupPercentage);
    }
    if (error != null) {
      s.append(" error=").append(error.getMessage());
    }
    if (failedPolls > 0) {
      s.append(" failedPolls=").append(failedPolls);
    }
    return s.toString();
  }
}
