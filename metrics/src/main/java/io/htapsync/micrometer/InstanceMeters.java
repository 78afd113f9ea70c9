package io.htapsync.micrometer;

import io.htapsync.client.model.StarRocksReplicationInfo;
import io.htapsync.client.sync.ChangeTracker;
import io.htapsync.client.sync.SyncSnapshot;
import io.htapsync.client.sync.TaskKey;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.TimeWindowMax;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** One instance's series: its poll series from the first poll, its task series once it has answered. */
final class InstanceMeters {
  static final String TASKS = "htapsync.instance.tasks";
  static final String SYNCED = "htapsync.instance.synced";
  static final String LAST_SUCCESS = "htapsync.poll.last.success.timestamp.seconds";
  static final String FAILURES = "htapsync.poll.failures";
  static final String DURATION = "htapsync.poll.duration";
  static final String TASKS_HELP = "Synchronization tasks of the instance";
  static final String SYNCED_HELP = "1 when the instance has tasks and every one is synced, else 0";
  static final String LAST_SUCCESS_HELP = "When the instance last answered a poll, in Unix seconds";
  static final String FAILURES_HELP = "Polls of the instance that failed, by reason";
  static final String DURATION_HELP = "Time one poll of an instance took, all pages and retries";

  private final Tags tags;
  /** The instance's labels in exposition form, encoded once (see {@link ReplicationExposition}). */
  final ExpositionLabels labels;
  private final ChangeTracker tracker;
  private final Map<TaskKey, TaskMeters> tasks = new HashMap<>();
  private final Map<String, AtomicLong> failures = new HashMap<>();
  private final Map<String, ExpositionLabels> failureLabels = new HashMap<>();
  // The poll durations, kept here as well as in the registry's Timer so the exposition can be written
  // without a registry. The max is Micrometer's own TimeWindowMax, with the window the Prometheus
  // registry gives its timers by default (its one-minute step, in three rotating buckets).
  private static final DistributionStatisticConfig MAX_WINDOW = DistributionStatisticConfig.builder()
      .expiry(Duration.ofMinutes(1)).build().merge(DistributionStatisticConfig.DEFAULT);
  private long pollCount;
  private double pollSecondsSum;
  private final TimeWindowMax pollMax = new TimeWindowMax(Clock.SYSTEM, MAX_WINDOW);
  private final List<Meter> meters = new ArrayList<>();
  private volatile double taskCount;
  private volatile double synced;
  private volatile double lastSuccessSeconds;
  private boolean answered;
  private MeterRegistry registry;
  private Timer duration;

  InstanceMeters(Tags tags, ChangeTracker tracker) {
    this.tags = tags;
    this.labels = ExpositionLabels.of(tags);
    this.tracker = tracker;
  }

  synchronized void bind(MeterRegistry registry) {
    if (this.registry != null) {
      return;
    }
    this.registry = registry;
    duration = Timer.builder(DURATION).description(DURATION_HELP)
        .tags(tags).register(registry);
    meters.add(duration);
    failures.forEach(this::registerFailureCounter);
    if (answered) {
      registerAnsweredMeters();
      tasks.values().forEach(t -> t.sync(registry));
    }
  }

  synchronized void succeeded(SyncSnapshot snapshot, Duration took) {
    tracker.observe(snapshot);
    taskCount = snapshot.tasks().size();
    synced = snapshot.isSynced() ? 1 : 0;
    lastSuccessSeconds = snapshot.time().toEpochMilli() / 1000.0;
    Map<TaskKey, StarRocksReplicationInfo> now = snapshot.tasksByKey();
    for (Iterator<Map.Entry<TaskKey, TaskMeters>> it = tasks.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<TaskKey, TaskMeters> entry = it.next();
      if (!now.containsKey(entry.getKey())) {
        entry.getValue().removeAll(registry);
        it.remove();
      }
    }
    now.forEach((key, task) -> {
      TaskMeters meters = tasks.computeIfAbsent(key, k -> new TaskMeters(tags.and(
          "task", orEmpty(k.name()), "source_database", orEmpty(k.sourceDatabase()),
          "target_database", orEmpty(k.targetDatabase()))));
      meters.update(task, snapshot.stateOf(task), tracker.isStalled(key));
    });
    if (registry != null) {
      if (!answered) {
        answered = true;
        registerAnsweredMeters();
      }
      tasks.values().forEach(t -> t.sync(registry));
      duration.record(took);
    }
    answered = true;
    recordPoll(took);
  }

  synchronized void failed(String reason, Duration took) {
    AtomicLong count = failures.get(reason);
    if (count == null) {
      count = new AtomicLong();
      failures.put(reason, count);
      if (registry != null) {
        registerFailureCounter(reason, count);
      }
    }
    count.incrementAndGet();
    if (registry != null) {
      duration.record(took);
    }
    recordPoll(took);
  }

  private void recordPoll(Duration took) {
    pollCount++;
    pollSecondsSum += took.toNanos() / 1e9;
    pollMax.record(took.toNanos() / 1e9);
  }

  /** Hands this instance's series to the writer, read together under the instance's lock. */
  synchronized void writeTo(ReplicationExposition.Samples out) {
    if (answered) {
      out.instance(labels.all, taskCount, synced, lastSuccessSeconds);
    }
    out.pollDuration(labels.all, pollCount, pollSecondsSum, pollMax.poll());
    failures.forEach((reason, count) -> out.failures(failureLabels.computeIfAbsent(reason,
        r -> ExpositionLabels.of(tags.and("reason", r))).all, count.get()));
    // Two tasks can share a label set (a null database and an empty one both read ""): write the first
    // only, as a registry keeps one meter per label set, so no series is ever written twice.
    Set<ByteBuffer> written = tasks.size() > 1 ? new HashSet<>() : null;
    for (TaskMeters task : tasks.values()) {
      if (written == null || written.add(ByteBuffer.wrap(task.labels.all))) {
        out.task(task.labels, task.progress(), task.catchup(), task.synced(), task.stalled(), task.stage());
      }
    }
  }

  synchronized void removeAll() {
    if (registry == null) {
      return;
    }
    tasks.values().forEach(t -> t.removeAll(registry));
    tasks.clear();
    meters.forEach(registry::remove);
    meters.clear();
  }

  private void registerAnsweredMeters() {
    meters.add(Gauge.builder(TASKS, this, i -> i.taskCount).description(TASKS_HELP)
        .tags(tags).strongReference(true).register(registry));
    meters.add(Gauge.builder(SYNCED, this, i -> i.synced).description(SYNCED_HELP)
        .tags(tags).strongReference(true).register(registry));
    meters.add(Gauge.builder(LAST_SUCCESS, this, i -> i.lastSuccessSeconds).description(LAST_SUCCESS_HELP)
        .tags(tags).strongReference(true).register(registry));
  }

  private void registerFailureCounter(String reason, AtomicLong count) {
    meters.add(FunctionCounter.builder(FAILURES, count, AtomicLong::doubleValue)
        .description(FAILURES_HELP)
        .tags(tags.and("reason", reason)).register(registry));
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
