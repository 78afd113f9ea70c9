package io.htapsync.micrometer;

import io.htapsync.client.ReplicationStage;
import io.htapsync.client.json.NumericString;
import io.htapsync.client.model.StarRocksReplicationInfo;
import io.htapsync.client.sync.TaskSyncState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/** The series of one task; a series whose value is not known (no catch-up running) is not registered. */
final class TaskMeters {
  static final String PROGRESS = "htapsync.task.progress.ratio";
  static final String CATCHUP = "htapsync.task.catchup.progress.ratio";
  static final String SYNCED = "htapsync.task.synced";
  static final String STAGE = "htapsync.task.stage";
  static final String STALLED = "htapsync.task.stalled";
  static final String PROGRESS_HELP = "Progress of the task's current stage, 0 to 1";
  static final String CATCHUP_HELP = "Progress of the task's running catch-up, 0 to 1 (absent while none runs)";
  static final String SYNCED_HELP = "1 when the task is synced (incremental, catch-up done), else 0";
  static final String STAGE_HELP = "The task's stage: 1 for the current one, 0 for the others";
  static final String STALLED_HELP = "1 when a task that should be moving showed no change for the stall period,"
      + " else 0";
  /** The {@code stage} label's values: the documented stages, and {@code unknown} for anything else. */
  static final List<String> STAGES = stages();
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final Tags tags;
  /** The task's labels as the exposition writes them, encoded once (see {@link ReplicationExposition}). */
  final ExpositionLabels labels;
  private volatile double progress = Double.NaN;
  private volatile double catchup = Double.NaN;
  private volatile double synced;
  private volatile double stalled;
  private volatile String stage = "unknown";
  private Meter progressGauge;
  private Meter catchupGauge;
  private final List<Meter> fixed = new ArrayList<>();

  TaskMeters(Tags tags) {
    this.tags = tags;
    this.labels = ExpositionLabels.of(tags, "stage");
  }

  double progress() {
    return progress;
  }

  double catchup() {
    return catchup;
  }

  double synced() {
    return synced;
  }

  double stalled() {
    return stalled;
  }

  String stage() {
    return stage;
  }

  void update(StarRocksReplicationInfo task, TaskSyncState state, boolean stalledNow) {
    progress = ratio(task.getPercentage()).orElse(Double.NaN);
    catchup = task.getCatchupStage() == null ? Double.NaN : ratio(task.getCatchupPercentage()).orElse(Double.NaN);
    synced = state.isSynced() ? 1 : 0;
    stalled = stalledNow ? 1 : 0;
    stage = ReplicationStage.parse(task.getStage()).map(ReplicationStage::documentedValue).orElse("unknown");
  }

  /** Registers what is known and unregisters what no longer is. */
  void sync(MeterRegistry registry) {
    if (fixed.isEmpty()) {
      fixed.add(gauge(registry, SYNCED, SYNCED_HELP, tags, t -> t.synced));
      fixed.add(gauge(registry, STALLED, STALLED_HELP, tags, t -> t.stalled));
      for (String value : STAGES) {
        fixed.add(gauge(registry, STAGE, STAGE_HELP, tags.and("stage", value), t -> value.equals(t.stage) ? 1 : 0));
      }
    }
    progressGauge = present(registry, progressGauge, !Double.isNaN(progress), PROGRESS, PROGRESS_HELP,
        t -> t.progress);
    catchupGauge = present(registry, catchupGauge, !Double.isNaN(catchup), CATCHUP, CATCHUP_HELP, t -> t.catchup);
  }

  void removeAll(MeterRegistry registry) {
    if (registry == null) {
      return;
    }
    fixed.forEach(registry::remove);
    fixed.clear();
    progressGauge = present(registry, progressGauge, false, PROGRESS, null, null);
    catchupGauge = present(registry, catchupGauge, false, CATCHUP, null, null);
  }

  private Meter present(MeterRegistry registry, Meter current, boolean known, String name, String help,
      ToDoubleFunction<TaskMeters> value) {
    if (known && current == null) {
      return gauge(registry, name, help, tags, value);
    }
    if (!known && current != null) {
      registry.remove(current);
      return null;
    }
    return current;
  }

  private Meter gauge(MeterRegistry registry, String name, String help, Tags meterTags,
      ToDoubleFunction<TaskMeters> value) {
    return Gauge.builder(name, this, value).description(help).tags(meterTags).strongReference(true)
        .register(registry);
  }

  private static Optional<Double> ratio(NumericString percentage) {
    if (percentage == null) {
      return Optional.empty();
    }
    return percentage.toBigDecimal().map(p -> p.divide(HUNDRED).doubleValue());
  }

  private static List<String> stages() {
    List<String> values = new ArrayList<>();
    for (ReplicationStage s : ReplicationStage.values()) {
      values.add(s.documentedValue());
    }
    values.add("unknown");
    return List.copyOf(values);
  }

}
