package io.htapsync.micrometer;

import io.htapsync.client.model.StarRocksReplicationInfo;
import io.htapsync.client.sync.ChangeTracker;
import io.htapsync.client.sync.SyncSnapshot;
import io.htapsync.client.sync.TaskKey;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** One instance's series: its poll series from the first poll, its task series once it has answered. */
final class InstanceMeters {
  static final String TASKS = "htapsync.instance.tasks";
  static final String SYNCED = "htapsync.instance.synced";
  static final String LAST_SUCCESS = "htapsync.poll.last.success.timestamp.seconds";
  static final String FAILURES = "htapsync.poll.failures";
  static final String DURATION = "htapsync.poll.duration";

  private final Tags tags;
  private final ChangeTracker tracker;
  private final Map<TaskKey, TaskMeters> tasks = new HashMap<>();
  private final Map<String, AtomicLong> failures = new HashMap<>();
  private final List<Meter> meters = new ArrayList<>();
  private volatile double taskCount;
  private volatile double synced;
  private volatile double lastSuccessSeconds;
  private boolean answered;
  private MeterRegistry registry;
  private Timer duration;

  InstanceMeters(Tags tags, ChangeTracker tracker) {
    this.tags = tags;
    this.tracker = tracker;
  }

  synchronized void bind(MeterRegistry registry) {
    if (this.registry != null) {
      return;
    }
    this.registry = registry;
    duration = Timer.builder(DURATION).description("Time one poll of an instance took, all pages and retries")
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
    meters.add(Gauge.builder(TASKS, this, i -> i.taskCount).description("Synchronization tasks of the instance")
        .tags(tags).strongReference(true).register(registry));
    meters.add(Gauge.builder(SYNCED, this, i -> i.synced)
        .description("1 when the instance has tasks and every one is synced, else 0")
        .tags(tags).strongReference(true).register(registry));
    meters.add(Gauge.builder(LAST_SUCCESS, this, i -> i.lastSuccessSeconds)
        .description("When the instance last answered a poll, in Unix seconds")
        .tags(tags).strongReference(true).register(registry));
  }

  private void registerFailureCounter(String reason, AtomicLong count) {
    meters.add(FunctionCounter.builder(FAILURES, count, AtomicLong::doubleValue)
        .description("Polls of the instance that failed, by reason")
        .tags(tags.and("reason", reason)).register(registry));
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
