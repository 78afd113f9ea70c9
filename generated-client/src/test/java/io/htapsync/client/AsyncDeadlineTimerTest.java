package io.htapsync.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.htapsync.client.internal.Timing;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Every async call schedules a timer for its overall deadline (2 minutes by default). A finished call
 * calls its timer off, so that the timer queue, and the heap, do not grow with the call rate: a
 * watcher polling every millisecond would otherwise pin one entry per poll for two minutes. Here at
 * the executor's level, failed calls included; {@code internal.DeadlineTimerTest} checks the shared
 * timer's queue itself.
 */
class AsyncDeadlineTimerTest extends ClientTestSupport {

  /** Real timers, counting those that were neither called off nor run yet. */
  static final class CountingTiming implements Timing {
    final AtomicInteger outstanding = new AtomicInteger();

    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public void sleep(Duration wait) throws InterruptedException {
      Timing.SYSTEM.sleep(wait);
    }

    @Override
    public Runnable schedule(Duration delay, Runnable task) {
      outstanding.incrementAndGet();
      AtomicBoolean settled = new AtomicBoolean();
      Runnable cancel = Timing.SYSTEM.schedule(delay, () -> {
        if (settled.compareAndSet(false, true)) {
          outstanding.decrementAndGet();
        }
        task.run();
      });
      return () -> {
        if (settled.compareAndSet(false, true)) {
          outstanding.decrementAndGet();
        }
        cancel.run();
      };
    }
  }

  @Test
  void finishedAsyncCallsCallTheirDeadlineTimersOff() {
    CountingTiming timing = new CountingTiming();
    StarRocksReplicationClient client = track(builder().timing(timing).build());
    for (int i = 0; i < 20; i++) {
      server.enqueue(ok(pageBody(1, 0, 1)));
    }
    for (int i = 0; i < 20; i++) {
      client.listReplicationsAsync(INSTANCE).join();
    }
    server.enqueue(json(400, "{\"error_code\":\"DBS.200022\",\"error_msg\":\"Instance not found.\"}"));
    CompletableFuture<ReplicationPage> failed = client.listReplicationsAsync(INSTANCE);
    assertThrows(Exception.class, failed::join);

    assertEquals(0, timing.outstanding.get(), "deadline timers still pending after their calls ended");
  }
}
