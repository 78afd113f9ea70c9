package io.htapsync.benchmarks.watch;

import io.htapsync.benchmarks.fixture.Heap;
import io.htapsync.benchmarks.server.LoopbackHttpServer;
import io.htapsync.benchmarks.server.MovingTasksResponder;
import io.htapsync.client.StarRocksReplicationClient;
import io.htapsync.client.auth.Credentials;
import io.htapsync.client.retry.RetryPolicy;
import io.htapsync.client.sync.SyncEvent;
import io.htapsync.client.sync.SyncListener;
import io.htapsync.client.sync.SyncSnapshot;
import io.htapsync.client.sync.SyncWatch;
import io.htapsync.client.sync.WatchOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs one {@code client.watch} for many polls at a 1 ms interval against a loopback server whose
 * tasks' percentages move on every poll and which answers every 50th request 503 (so {@code
 * progress}, {@code poll_failed} and {@code recovered} keep happening), and weighs the used heap
 * after a full GC every tenth of the way. The watcher holds only the last snapshot, so the samples
 * must stay level however many polls have passed: a measurement shows that, a timed test could not.
 *
 * <p>With {@code retain} the listener also keeps every snapshot, a leak on purpose: the same method
 * must then see the heap grow, which shows it would notice one. Prints {@code key=value} lines.
 * Usage: {@code WatchHeapMeasurement [polls [tasks [retain]]]}, default 10000 20.
 */
public final class WatchHeapMeasurement {
  private static final String PROJECT = "9f8e7d6c5b4a39281706f5e4d3c2b1a0";
  private static final String INSTANCE = "0123456789abcdef0123456789abcdefin07";
  private static final int SAMPLES = 10;
  private static final int FAIL_EVERY = 50;

  private WatchHeapMeasurement() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    int polls = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int tasks = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    boolean retain = args.length > 2 && "retain".equals(args[2]);
    measure(polls, tasks, retain).forEach((key, value) -> System.out.println(key + "=" + value));
  }

  /**
   * @return watch.polls, watch.tasks, watch.retainSnapshots, watch.failedPolls, watch.events.NAME
   *     (how many of each), watch.heapAt.N (bytes used after GC once N polls were done, at every
   *     tenth), watch.heapGrowthBytes (the last sample minus the first), watch.seconds
   * @throws IllegalStateException if the watch ended by itself, or saw no progress or no failure
   */
  public static Map<String, String> measure(int polls, int tasks, boolean retain)
      throws IOException, InterruptedException {
    if (polls < SAMPLES * FAIL_EVERY) {
      throw new IllegalArgumentException("need at least " + SAMPLES * FAIL_EVERY + " polls, got " + polls);
    }
    MovingTasksResponder responder = new MovingTasksResponder(tasks, FAIL_EVERY);
    WatchOptions options = WatchOptions.builder().pollInterval(Duration.ofMillis(1)).pollJitter(0)
        .maxBackoff(Duration.ofMillis(4)).stallAfter(Duration.ofHours(1)).build();
    try (LoopbackHttpServer server = LoopbackHttpServer.start(responder);
        StarRocksReplicationClient client = StarRocksReplicationClient.builder()
            .endpoint(server.baseUri()).allowInsecureHttp().projectId(PROJECT)
            .credentials(Credentials.token("benchmark-token-0123456789"))
            .retryPolicy(RetryPolicy.none()) // each 503 reaches the watcher as a failed poll
            .build()) {
      Counting listener = new Counting(polls, retain);
      long start = System.nanoTime();
      try (SyncWatch watch = client.watch(INSTANCE, options, listener)) {
        while (!listener.done.await(1, TimeUnit.SECONDS)) {
          if (!watch.isRunning()) {
            throw new IllegalStateException("the watch ended after " + listener.polls + " polls",
                listener.stoppedBy);
          }
        }
      }
      long nanos = System.nanoTime() - start;
      long failed = listener.events.getOrDefault(SyncEvent.Type.POLL_FAILED, 0L);
      if (failed == 0 || !listener.events.containsKey(SyncEvent.Type.PROGRESS)) {
        throw new IllegalStateException("expected progress and failed polls, got " + listener.events);
      }
      Map<String, String> result = new LinkedHashMap<>();
      result.put("watch.polls", Integer.toString(listener.polls));
      result.put("watch.tasks", Integer.toString(tasks));
      result.put("watch.retainSnapshots", Boolean.toString(retain));
      result.put("watch.failedPolls", Long.toString(failed));
      listener.events.forEach((type, count) -> result.put("watch.events." + type.wireName(), Long.toString(count)));
      for (int i = 0; i < SAMPLES; i++) {
        result.put("watch.heapAt." + listener.sampledAt[i], Long.toString(listener.heap[i]));
      }
      result.put("watch.heapGrowthBytes", Long.toString(listener.heap[SAMPLES - 1] - listener.heap[0]));
      result.put("watch.seconds", String.format("%.1f", nanos / 1e9));
      return result;
    }
  }

  /** Counts polls and events and weighs the heap every tenth of the way. */
  private static final class Counting implements SyncListener {
    final int target;
    final List<SyncSnapshot> retained;
    final CountDownLatch done = new CountDownLatch(1);
    final Map<SyncEvent.Type, Long> events = new EnumMap<>(SyncEvent.Type.class);
    final long[] heap = new long[SAMPLES];
    final int[] sampledAt = new int[SAMPLES];
    volatile int polls;
    volatile Throwable stoppedBy;

    Counting(int target, boolean retain) {
      this.target = target;
      this.retained = retain ? new ArrayList<>() : null;
    }

    @Override
    public void onEvent(SyncEvent event) {
      events.merge(event.type(), 1L, Long::sum);
      if (event.type() == SyncEvent.Type.POLL_FAILED) {
        polled();
      }
    }

    @Override
    public void onSnapshot(SyncSnapshot snapshot) {
      if (retained != null) {
        retained.add(snapshot);
      }
      polled();
    }

    @Override
    public void onStopped(Throwable cause) {
      stoppedBy = cause;
    }

    // Callbacks never overlap (SyncListener's contract), so the counters need no lock; the main
    // thread reads them after the latch.
    private void polled() {
      int n = ++polls;
      int step = target / SAMPLES;
      if (n % step == 0 && n / step <= SAMPLES) {
        int i = n / step - 1;
        sampledAt[i] = n;
        heap[i] = Heap.usedAfterGc();
        if (i == SAMPLES - 1) {
          done.countDown();
        }
      }
    }
  }
}
