package io.htapsync.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.htapsync.client.ClientTestSupport;
import io.htapsync.client.ReplicationPage;
import io.htapsync.client.StarRocksReplicationClient;
import io.htapsync.client.retry.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Every asynchronous call sets a deadline timer (here the default 2 minutes); the call's end must
 * take it out of the timer queue, or a fast poller keeps rate x deadline dead timers on the heap.
 */
class DeadlineTimerTest extends ClientTestSupport {
  @Test
  void aFinishedCallLeavesNoTimerBehind() throws Exception {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return request.getPath().contains("0000000000000000000000000000000fin07")
            ? ok(pageBody(0, 0, 0)).setBodyDelay(300, TimeUnit.MILLISECONDS) : ok(pageBody(0, 0, 0));
      }
    });
    StarRocksReplicationClient client = track(builder().retryPolicy(RetryPolicy.builder().maxAttempts(1)
        .deadline(Duration.ofMinutes(2)).build()).build());
    int before = SharedTimer.pending();

    CompletableFuture<ReplicationPage> slow = client.listReplicationsAsync(String.format("%032xin07", 15));
    assertEquals(before + 1, SharedTimer.pending(), "a call in flight has its deadline timer");
    slow.get(5, TimeUnit.SECONDS);

    List<CompletableFuture<ReplicationPage>> calls = new ArrayList<>();
    for (int i = 100; i < 600; i++) {
      calls.add(client.listReplicationsAsync(String.format("%032xin07", i)));
    }
    for (CompletableFuture<ReplicationPage> call : calls) {
      call.get(10, TimeUnit.SECONDS);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while (SharedTimer.pending() > before && System.nanoTime() < deadline) {
      Thread.sleep(10); // the last whenComplete may still be running
    }
    assertTrue(SharedTimer.pending() <= before, SharedTimer.pending() + " timers left after 501 finished calls");
  }

  @Test
  void theSystemTimerRunsWhatIsDueAndNeverWhatWasCalledOff() throws Exception {
    CountDownLatch ran = new CountDownLatch(1);
    AtomicBoolean cancelledRan = new AtomicBoolean();
    Runnable cancel = Timing.SYSTEM.schedule(Duration.ofMillis(50), () -> cancelledRan.set(true));
    Timing.SYSTEM.schedule(Duration.ofMillis(50), ran::countDown);
    cancel.run();
    assertTrue(ran.await(10, TimeUnit.SECONDS), "the task not called off ran");
    Thread.sleep(100);
    assertFalse(cancelledRan.get(), "the task called off never runs");
  }

  @Test
  void aTaskThatBlocksDoesNotHoldUpTheOtherTimers() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch blocking = new CountDownLatch(1);
    CountDownLatch later = new CountDownLatch(1);
    Timing.SYSTEM.schedule(Duration.ZERO, () -> {
      blocking.countDown();
      try {
        release.await(10, TimeUnit.SECONDS); // a slow listener or continuation
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    try {
      assertTrue(blocking.await(5, TimeUnit.SECONDS), "the first task started");
      Timing.SYSTEM.schedule(Duration.ofMillis(20), later::countDown);
      assertTrue(later.await(5, TimeUnit.SECONDS), "a timer due while another task blocks still runs");
    } finally {
      release.countDown();
    }
  }
}
