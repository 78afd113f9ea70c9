package io.htapsync.micrometer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * {@link ReplicationMetrics}' series written straight into Prometheus text 0.0.4 or OpenMetrics, with
 * no meter registry in between: for an exporter watching thousands of tasks, where a registry's
 * meters cost about 2 KB of heap per series and its scrape tens of milliseconds (BENCHMARKS.md, rows
 * 6b and 6c). The values are the ones the registry would show, read from the same state; a test
 * renders both from the same polls and requires the same families, help, types, labels and values.
 *
 * <p>It writes only the replication families ({@code htapsync_task_*}, {@code htapsync_instance_*},
 * {@code htapsync_poll_*}), sorted by name, instances in key order (an instance's tasks in no set order;
 * neither format asks for one), and no {@code # EOF}: the caller
 * may put other families (the client's call meters, from a registry) before them, and ends an
 * OpenMetrics exposition with {@code # EOF}. Each instance's series are read together, under the lock
 * its polls take, so one poll is never half shown; an instance forgotten while a rendering runs may
 * still be in that one rendering, and is gone from the next. Use it with an unbound {@code ReplicationMetrics};
 * bound to a registry as well, the same series would be exported twice.
 */
public final class ReplicationExposition {
  private static final byte[] ZERO = ascii("0.0");
  private static final byte[] ONE = ascii("1.0");

  private final ReplicationMetrics metrics;
  /** Each family's size in the last rendering: the next one's buffers start there. */
  private final int[] lastSizes = new int[Family.ALL.size()];

  public ReplicationExposition(ReplicationMetrics metrics) {
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    Arrays.fill(lastSizes, 4096);
  }

  /**
   * The replication families, UTF-8, in Prometheus text 0.0.4 or (when {@code openMetrics}) OpenMetrics
   * 1.0 without its closing {@code # EOF}.
   */
  public byte[] families(boolean openMetrics) {
    return families(openMetrics, new byte[0], 0, new byte[0]);
  }

  /**
   * The same, between the first {@code beforeLength} bytes of {@code before} and all of {@code after}, in
   * one array: a large fleet's exposition is then copied once, not once more to add a caller's families
   * and {@code # EOF} (a heap bounded for 10,000 tasks holds few 20 MiB copies).
   */
  public synchronized byte[] families(boolean openMetrics, byte[] before, int beforeLength, byte[] after) {
    Samples samples = new Samples(lastSizes);
    metrics.forEachInstance(instance -> instance.writeTo(samples));
    int size = beforeLength + after.length;
    for (Family f : Family.ALL) {
      Buffer b = samples.buffers[f.index];
      lastSizes[f.index] = b.length;
      if (b.length > 0) {
        size += f.header(openMetrics).length + b.length;
      }
    }
    byte[] out = new byte[size];
    System.arraycopy(before, 0, out, 0, beforeLength);
    int at = beforeLength;
    for (Family f : Family.ALL) {
      Buffer b = samples.buffers[f.index];
      if (b.length > 0) {
        byte[] header = f.header(openMetrics);
        System.arraycopy(header, 0, out, at, header.length);
        at += header.length;
        System.arraycopy(b.bytes, 0, out, at, b.length);
        at += b.length;
        samples.buffers[f.index] = null; // each family's buffer can go once copied
      }
    }
    System.arraycopy(after, 0, out, at, after.length);
    return out;
  }

  /** A metric family: its name as each format heads it, and its samples' buffer index. */
  private static final class Family {
    static final Family INSTANCE_SYNCED = new Family(0, "htapsync_instance_synced", "gauge", InstanceMeters.SYNCED_HELP);
    static final Family INSTANCE_TASKS = new Family(1, "htapsync_instance_tasks", "gauge", InstanceMeters.TASKS_HELP);
    static final Family POLL_DURATION = new Family(2, "htapsync_poll_duration_seconds", "summary",
        InstanceMeters.DURATION_HELP);
    static final Family POLL_DURATION_MAX = new Family(3, "htapsync_poll_duration_seconds_max", "gauge",
        InstanceMeters.DURATION_HELP);
    static final Family POLL_FAILURES = new Family(4, "htapsync_poll_failures", "counter",
        InstanceMeters.FAILURES_HELP);
    static final Family LAST_SUCCESS = new Family(5, "htapsync_poll_last_success_timestamp_seconds", "gauge",
        InstanceMeters.LAST_SUCCESS_HELP);
    static final Family TASK_CATCHUP = new Family(6, "htapsync_task_catchup_progress_ratio", "gauge",
        TaskMeters.CATCHUP_HELP);
    static final Family TASK_PROGRESS = new Family(7, "htapsync_task_progress_ratio", "gauge",
        TaskMeters.PROGRESS_HELP);
    static final Family TASK_STAGE = new Family(8, "htapsync_task_stage", "gauge", TaskMeters.STAGE_HELP);
    static final Family TASK_STALLED = new Family(9, "htapsync_task_stalled", "gauge", TaskMeters.STALLED_HELP);
    static final Family TASK_SYNCED = new Family(10, "htapsync_task_synced", "gauge", TaskMeters.SYNCED_HELP);
    /** In name order, as the registry writes them. */
    static final List<Family> ALL = List.of(INSTANCE_SYNCED, INSTANCE_TASKS, POLL_DURATION, POLL_DURATION_MAX,
        POLL_FAILURES, LAST_SUCCESS, TASK_CATCHUP, TASK_PROGRESS, TASK_STAGE, TASK_STALLED, TASK_SYNCED);

    final int index;
    final byte[] textHeader;
    final byte[] openMetricsHeader;

    private Family(int index, String name, String type, String help) {
      this.index = index;
      // Text 0.0.4 heads a counter with its sample name (…_total), OpenMetrics with the family name;
      // both take the help text as it is (ours hold no backslash, newline or quote to escape).
      String textName = type.equals("counter") ? name + "_total" : name;
      this.textHeader = ascii("# HELP " + textName + " " + help + "\n# TYPE " + textName + " " + type + "\n");
      this.openMetricsHeader = ascii("# TYPE " + name + " " + type + "\n# HELP " + name + " " + help + "\n");
    }

    byte[] header(boolean openMetrics) {
      return openMetrics ? openMetricsHeader : textHeader;
    }
  }

  /** What {@link InstanceMeters#writeTo} hands over: one buffer of sample lines per family. */
  static final class Samples {
    private static final byte[] INSTANCE_SYNCED = ascii("htapsync_instance_synced");
    private static final byte[] INSTANCE_TASKS = ascii("htapsync_instance_tasks");
    private static final byte[] LAST_SUCCESS = ascii("htapsync_poll_last_success_timestamp_seconds");
    private static final byte[] DURATION_COUNT = ascii("htapsync_poll_duration_seconds_count");
    private static final byte[] DURATION_SUM = ascii("htapsync_poll_duration_seconds_sum");
    private static final byte[] DURATION_MAX = ascii("htapsync_poll_duration_seconds_max");
    private static final byte[] FAILURES = ascii("htapsync_poll_failures_total");
    private static final byte[] PROGRESS = ascii("htapsync_task_progress_ratio");
    private static final byte[] CATCHUP = ascii("htapsync_task_catchup_progress_ratio");
    private static final byte[] SYNCED = ascii("htapsync_task_synced");
    private static final byte[] STALLED = ascii("htapsync_task_stalled");
    private static final byte[] STAGE = ascii("htapsync_task_stage");
    /** {@code stage="v"} for each value of {@link TaskMeters#STAGES}, in the same order. */
    private static final List<byte[]> STAGE_LABELS = TaskMeters.STAGES.stream()
        .map(v -> ascii("stage=\"" + v + "\"")).toList();

    final Buffer[] buffers;

    Samples(int[] sizes) {
      buffers = new Buffer[sizes.length];
      for (int i = 0; i < sizes.length; i++) {
        buffers[i] = new Buffer(sizes[i] + 256);
      }
    }

    void instance(byte[] labels, double tasks, double synced, double lastSuccessSeconds) {
      sample(Family.INSTANCE_SYNCED, INSTANCE_SYNCED, labels, synced);
      sample(Family.INSTANCE_TASKS, INSTANCE_TASKS, labels, tasks);
      sample(Family.LAST_SUCCESS, LAST_SUCCESS, labels, lastSuccessSeconds);
    }

    void pollDuration(byte[] labels, long count, double sumSeconds, double maxSeconds) {
      Buffer b = buffers[Family.POLL_DURATION.index];
      b.put(DURATION_COUNT).put(labels).put((byte) ' ').putLong(count).put((byte) '\n');
      b.put(DURATION_SUM).put(labels).put((byte) ' ').putDouble(sumSeconds).put((byte) '\n');
      sample(Family.POLL_DURATION_MAX, DURATION_MAX, labels, maxSeconds);
    }

    void failures(byte[] labels, long count) {
      sample(Family.POLL_FAILURES, FAILURES, labels, count);
    }

    /** A task's series; a NaN progress or catch-up means the value is unknown, and its series is left out. */
    void task(ExpositionLabels labels, double progress, double catchup, double synced, double stalled,
        String stage) {
      if (!Double.isNaN(catchup)) {
        sample(Family.TASK_CATCHUP, CATCHUP, labels.all, catchup);
      }
      if (!Double.isNaN(progress)) {
        sample(Family.TASK_PROGRESS, PROGRESS, labels.all, progress);
      }
      Buffer b = buffers[Family.TASK_STAGE.index];
      for (int i = 0; i < TaskMeters.STAGES.size(); i++) {
        b.put(STAGE).put(labels.head).put(STAGE_LABELS.get(i)).put(labels.tail).put((byte) ' ')
            .put(TaskMeters.STAGES.get(i).equals(stage) ? ONE : ZERO).put((byte) '\n');
      }
      sample(Family.TASK_STALLED, STALLED, labels.all, stalled);
      sample(Family.TASK_SYNCED, SYNCED, labels.all, synced);
    }

    private void sample(Family family, byte[] name, byte[] labels, double value) {
      buffers[family.index].put(name).put(labels).put((byte) ' ').putDouble(value).put((byte) '\n');
    }
  }

  /** A growable byte array: the one copy a sample line costs. */
  static final class Buffer {
    byte[] bytes;
    int length;

    Buffer(int capacity) {
      bytes = new byte[capacity];
    }

    Buffer put(byte b) {
      room(1);
      bytes[length++] = b;
      return this;
    }

    Buffer put(byte[] b) {
      room(b.length);
      System.arraycopy(b, 0, bytes, length, b.length);
      length += b.length;
      return this;
    }

    Buffer putLong(long v) {
      return putAscii(Long.toString(v));
    }

    /** As the registry writes a value: Java's shortest repeatable form, {@code NaN}, {@code +Inf}, {@code -Inf}. */
    Buffer putDouble(double v) {
      if (v == 0.0 && Double.doubleToRawLongBits(v) == 0L) {
        return put(ZERO);
      }
      if (v == 1.0) {
        return put(ONE);
      }
      if (v == Double.POSITIVE_INFINITY) {
        return putAscii("+Inf");
      }
      if (v == Double.NEGATIVE_INFINITY) {
        return putAscii("-Inf");
      }
      return putAscii(Double.toString(v));
    }

    private Buffer putAscii(String s) {
      int n = s.length();
      room(n);
      for (int i = 0; i < n; i++) {
        bytes[length++] = (byte) s.charAt(i);
      }
      return this;
    }

    private void room(int n) {
      if (length + n > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + n));
      }
    }
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
