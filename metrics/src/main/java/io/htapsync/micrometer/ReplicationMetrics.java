package io.htapsync.micrometer;

import io.htapsync.client.exception.ClientErrorException;
import io.htapsync.client.exception.CredentialsException;
import io.htapsync.client.exception.InconsistentPagingException;
import io.htapsync.client.exception.NumericConversionException;
import io.htapsync.client.exception.ResponseDecodingException;
import io.htapsync.client.exception.ServerErrorException;
import io.htapsync.client.exception.ThrottledException;
import io.htapsync.client.exception.TransportException;
import io.htapsync.client.sync.ChangeTracker;
import io.htapsync.client.sync.SyncSnapshot;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Publishes the latest {@link SyncSnapshot} of each watched instance as gauges, one bean for a
 * Spring Boot service (or the {@code htapsync exporter}). Feed it with {@link #pollSucceeded} and
 * {@link #pollFailed} from wherever the instances are polled; reading the meters never calls the API.
 *
 * <p>Series, in their Prometheus names (labels {@code project_id}, {@code instance_id}, and for task
 * series {@code task}, {@code source_database}, {@code target_database}):
 * {@code htapsync_task_progress_ratio}, {@code htapsync_task_catchup_progress_ratio} (only while a
 * catch-up runs), {@code htapsync_task_synced}, {@code htapsync_task_stage} (label {@code stage}, 1
 * for the current one), {@code htapsync_task_stalled}, {@code htapsync_instance_tasks},
 * {@code htapsync_instance_synced}, {@code htapsync_poll_last_success_timestamp_seconds},
 * {@code htapsync_poll_failures_total} (label {@code reason}) and {@code htapsync_poll_duration_seconds}.
 *
 * <p>A task's series go when the task disappears. An instance that never answered has only its poll
 * series; one that fails after answering keeps what it last knew, with its last-success timestamp
 * telling how old that is. Sync state and stalls come from the client's {@code io.htapsync.client.sync}
 * types ({@link ChangeTracker}), never re-derived here.
 *
 * <p>For thousands of tasks, leave it unbound and write its series with {@link ReplicationExposition}
 * instead: the same series, without a meter object per series (the {@code htapsync exporter} does).
 */
public final class ReplicationMetrics implements MeterBinder {
  /** How long a task that should move may stand still before {@code htapsync_task_stalled} is 1, by default. */
  public static final Duration DEFAULT_STALL_AFTER = Duration.ofMinutes(15);

  private final Duration stallAfter;
  private final Map<String, InstanceMeters> instances = new ConcurrentHashMap<>();
  private volatile MeterRegistry registry;

  public ReplicationMetrics() {
    this(DEFAULT_STALL_AFTER);
  }

  /** @param stallAfter how long a waiting, full or catching-up task may show no change before it is stalled */
  public ReplicationMetrics(Duration stallAfter) {
    this.stallAfter = Objects.requireNonNull(stallAfter, "stallAfter");
    new ChangeTracker("check", stallAfter); // refuses a zero or negative duration, with its message
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    synchronized (this) {
      if (this.registry != null && this.registry != registry) {
        throw new IllegalStateException("ReplicationMetrics is bound to one registry; use a CompositeMeterRegistry"
            + " to publish to several");
      }
      this.registry = Objects.requireNonNull(registry, "registry");
    }
    instances.values().forEach(i -> i.bind(registry));
  }

  /**
   * An instance answered: publishes {@code snapshot} (its tasks, their state and stalls) and the poll's
   * duration, and drops the series of tasks that are gone.
   *
   * @param projectId the project the instance belongs to (a label; the snapshot does not carry it)
   */
  public void pollSucceeded(String projectId, SyncSnapshot snapshot, Duration took) {
    Objects.requireNonNull(snapshot, "snapshot");
    instance(projectId, snapshot.instanceId()).succeeded(snapshot, took);
  }

  /**
   * A poll of an instance failed: counts it under {@code reason} (see {@link #reasonOf}) and records
   * its duration; everything else stays as last known.
   */
  public void pollFailed(String projectId, String instanceId, String reason, Duration took) {
    instance(projectId, instanceId).failed(Objects.requireNonNull(reason, "reason"), took);
  }

  /**
   * Stops publishing an instance (it left the fleet): removes all its series.
   */
  public void forget(String projectId, String instanceId) {
    InstanceMeters gone = instances.remove(key(projectId, instanceId));
    if (gone != null) {
      gone.removeAll();
    }
  }

  /** The instances watched, as {@code project/instance} keys; for tests and diagnostics. */
  public Collection<String> instanceKeys() {
    return List.copyOf(instances.keySet());
  }

  /**
   * A short, bounded label for why a poll failed: {@code throttled}, {@code client_error},
   * {@code server_error}, {@code transport}, {@code decoding}, {@code credentials} or {@code other}.
   */
  public static String reasonOf(Throwable error) {
    Throwable e = error;
    while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
      e = e.getCause();
    }
    if (e instanceof ThrottledException) {
      return "throttled";
    }
    if (e instanceof ClientErrorException) {
      return "client_error";
    }
    if (e instanceof ServerErrorException) {
      return "server_error";
    }
    if (e instanceof TransportException) {
      return "transport";
    }
    if (e instanceof ResponseDecodingException || e instanceof InconsistentPagingException
        || e instanceof NumericConversionException) {
      return "decoding";
    }
    if (e instanceof CredentialsException) {
      return "credentials";
    }
    return "other";
  }

  /** Each instance's series, in key order (the same order every time), for {@link ReplicationExposition}. */
  void forEachInstance(Consumer<InstanceMeters> action) {
    List<Map.Entry<String, InstanceMeters>> sorted = new ArrayList<>(instances.entrySet());
    sorted.sort(Map.Entry.comparingByKey());
    sorted.forEach(e -> action.accept(e.getValue()));
  }

  private InstanceMeters instance(String projectId, String instanceId) {
    Objects.requireNonNull(projectId, "projectId");
    Objects.requireNonNull(instanceId, "instanceId");
    return instances.computeIfAbsent(key(projectId, instanceId), k -> {
      InstanceMeters created = new InstanceMeters(
          Tags.of("project_id", projectId, "instance_id", instanceId), new ChangeTracker(instanceId, stallAfter));
      MeterRegistry bound = registry;
      if (bound != null) {
        created.bind(bound);
      }
      return created;
    });
  }

  private static String key(String projectId, String instanceId) {
    return projectId + "/" + instanceId;
  }
}
