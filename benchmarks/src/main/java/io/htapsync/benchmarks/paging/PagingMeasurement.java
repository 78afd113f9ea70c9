package io.htapsync.benchmarks.paging;

import io.htapsync.benchmarks.fixture.PageJson;
import io.htapsync.benchmarks.server.LoopbackHttpServer;
import io.htapsync.benchmarks.server.PagingResponder;
import io.htapsync.client.StarRocksReplicationClient;
import io.htapsync.client.auth.Credentials;
import io.htapsync.client.model.StarRocksReplicationInfo;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Streams every task of a large instance through {@code streamReplications} from a loopback server
 * (50 tasks a page, like the service), measuring the time per task, and the used heap after a full
 * GC at two points of one walk: after a tenth of the tasks and after the last one. The stream holds
 * one page at a time, so the two must be about equal whatever the task count.
 *
 * <p>Walks first, for a while, to warm the JIT: on the 2-core machine of BENCHMARKS.md the time per
 * task kept falling for the first 25,000 pages or so. Then it times several walks and reports the
 * median. Prints {@code key=value} lines for the report. Usage: {@code PagingMeasurement [tasks
 * [warmupMillis [timedWalks]]]}, default 100000 15000 3.
 */
public final class PagingMeasurement {
  private static final String PROJECT = "9f8e7d6c5b4a39281706f5e4d3c2b1a0";
  private static final String INSTANCE = "0123456789abcdef0123456789abcdefin07";

  private PagingMeasurement() {}

  public static void main(String[] args) throws IOException {
    int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    long warmupMillis = args.length > 1 ? Long.parseLong(args[1]) : 15_000;
    int timedWalks = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    measure(tasks, warmupMillis, timedWalks).forEach((key, value) -> System.out.println(key + "=" + value));
  }

  /**
   * @param warmupMillis untimed walks until this much time has passed (0: none)
   * @return paging.tasks, paging.pages, paging.checkpoint, paging.nanosPerTask (median of the timed
   *     walks, end to end), paging.serverNanosPerTask (the loopback server's rendering within it),
   *     paging.heapAtCheckpointBytes, paging.heapAtEndBytes
   * @throws IllegalStateException if a walk does not deliver exactly {@code tasks} tasks in order
   */
  public static Map<String, String> measure(int tasks, long warmupMillis, int timedWalks) throws IOException {
    if (tasks < 10 * PageJson.PAGE_SIZE) {
      throw new IllegalArgumentException("tasks must be at least " + 10 * PageJson.PAGE_SIZE + ", got " + tasks);
    }
    if (warmupMillis < 0 || timedWalks < 1) {
      throw new IllegalArgumentException("need warmupMillis >= 0 and timedWalks >= 1, got " + warmupMillis
          + " and " + timedWalks);
    }
    int checkpoint = tasks / 10;
    PagingResponder responder = new PagingResponder(tasks, PageJson.Counters.NUMBERS);
    try (LoopbackHttpServer server = LoopbackHttpServer.start(responder);
        StarRocksReplicationClient client = StarRocksReplicationClient.builder()
            .endpoint(server.baseUri())
            .allowInsecureHttp()
            .projectId(PROJECT)
            .credentials(Credentials.token("benchmark-token-0123456789"))
            .build()) {
      long warmupEnd = System.nanoTime() + warmupMillis * 1_000_000;
      int warmupWalks = 0;
      while (System.nanoTime() < warmupEnd) {
        new Walk(tasks, checkpoint, false).run(client);
        warmupWalks++;
      }
      long[] walkNanos = new long[timedWalks];
      long[] serverNanos = new long[timedWalks];
      for (int i = 0; i < timedWalks; i++) {
        long serverBefore = responder.renderNanos();
        walkNanos[i] = new Walk(tasks, checkpoint, false).run(client);
        serverNanos[i] = responder.renderNanos() - serverBefore;
      }
      Walk weighed = new Walk(tasks, checkpoint, true);
      weighed.run(client);

      Map<String, String> result = new LinkedHashMap<>();
      result.put("paging.tasks", Integer.toString(tasks));
      result.put("paging.pages", Integer.toString((tasks + PageJson.PAGE_SIZE - 1) / PageJson.PAGE_SIZE));
      result.put("paging.checkpoint", Integer.toString(checkpoint));
      result.put("paging.warmupWalks", Integer.toString(warmupWalks));
      result.put("paging.timedWalks", Integer.toString(timedWalks));
      result.put("paging.nanosPerTask", String.format("%.1f", (double) median(walkNanos) / tasks));
      result.put("paging.serverNanosPerTask", String.format("%.1f", (double) median(serverNanos) / tasks));
      result.put("paging.heapAtCheckpointBytes", Long.toString(weighed.heapAtCheckpoint));
      result.put("paging.heapAtEndBytes", Long.toString(weighed.heapAtEnd));
      return result;
    }
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /** One pass over all tasks, checking their order, optionally pausing to weigh the heap. */
  private static final class Walk implements Consumer<StarRocksReplicationInfo> {
    private final int tasks;
    private final int checkpoint;
    private final boolean weighHeap;
    private long seen;
    private long pausedNanos;
    long heapAtCheckpoint;
    long heapAtEnd;

    Walk(int tasks, int checkpoint, boolean weighHeap) {
      this.tasks = tasks;
      this.checkpoint = checkpoint;
      this.weighHeap = weighHeap;
    }

    /** Returns the nanoseconds the walk took, heap weighing excluded. */
    long run(StarRocksReplicationClient client) {
      long start = System.nanoTime();
      client.streamReplications(INSTANCE).forEach(this);
      long nanos = System.nanoTime() - start - pausedNanos;
      if (seen != tasks) {
        throw new IllegalStateException("the stream delivered " + seen + " tasks, expected " + tasks);
      }
      return nanos;
    }

    @Override
    public void accept(StarRocksReplicationInfo task) {
      seen++;
      if (seen == checkpoint || seen == tasks) {
        String expected = "sync_sales_" + PageJson.sixDigits(seen - 1);
        if (!expected.equals(task.getTaskName())) {
          throw new IllegalStateException("task " + seen + " is " + task.getTaskName() + ", expected " + expected);
        }
        if (weighHeap) {
          long pauseStart = System.nanoTime();
          long used = usedHeapAfterGc();
          if (seen == checkpoint) {
            heapAtCheckpoint = used;
          } else {
            heapAtEnd = used;
          }
          pausedNanos += System.nanoTime() - pauseStart;
        }
      }
    }
  }

  /** Used heap after full collections; the last of three, once reference processing has settled. */
  public static long usedHeapAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long used = 0;
    for (int i = 0; i < 3; i++) {
      System.gc();
      used = memory.getHeapMemoryUsage().getUsed();
    }
    return used;
  }
}
