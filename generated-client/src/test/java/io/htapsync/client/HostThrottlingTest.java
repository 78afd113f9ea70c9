package io.htapsync.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.htapsync.client.exception.ThrottledException;
import io.htapsync.client.listener.CallListener;
import io.htapsync.client.retry.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * A 429 with Retry-After from a host holds back every call of the client to that host, sync and
 * async, until the time has passed; then calls go straight through again.
 */
class HostThrottlingTest extends ClientTestSupport {
  private static final String THROTTLED = "{\"error_code\":\"APIGW.0308\",\"error_msg\":\"The request is throttled.\"}";

  /** When each request reached the server, on the given clock, and which instance it was for. */
  private record Arrival(long nanos, String path) { }

  @Test
  void oneRetryAfterHoldsBackTheWholeClientsCallsToThatHost() throws Exception {
    List<Arrival> arrivals = new CopyOnWriteArrayList<>();
    long[] throttledAt = new long[1];
    AtomicBoolean throttle = new AtomicBoolean(true);
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        long now = System.nanoTime();
        if (throttle.getAndSet(false)) {
          throttledAt[0] = now;
          return json(429, THROTTLED).setHeader("Retry-After", "1");
        }
        arrivals.add(new Arrival(now, request.getPath()));
        return ok(pageBody(0, 0, 0));
      }
    });
    CountDownLatch gateClosed = new CountDownLatch(1);
    StarRocksReplicationClient client = track(builder().callListener(new CallListener() {
      @Override
      public void retryScheduled(String instanceId, int nextAttempt, Duration delay) {
        gateClosed.countDown();
      }
    }).build());

    CompletableFuture<ReplicationPage> first = CompletableFuture.supplyAsync(() -> client.listReplications(instance(0)));
    assertTrue(gateClosed.await(5, TimeUnit.SECONDS), "the first call was throttled");
    List<CompletableFuture<ReplicationPage>> others = new ArrayList<>();
    for (int i = 1; i <= 16; i++) {
      String instance = instance(i);
      others.add(i % 2 == 0 ? client.listReplicationsAsync(instance)
          : CompletableFuture.supplyAsync(() -> client.listReplications(instance)));
    }
    first.get(10, TimeUnit.SECONDS);
    for (CompletableFuture<ReplicationPage> call : others) {
      call.get(10, TimeUnit.SECONDS);
    }

    assertEquals(17, arrivals.size(), "each call got through once after the wait: " + arrivals);
    long opens = throttledAt[0] + TimeUnit.SECONDS.toNanos(1);
    for (Arrival arrival : arrivals) {
      assertTrue(arrival.nanos >= opens, arrival.path + " arrived "
          + TimeUnit.NANOSECONDS.toMillis(opens - arrival.nanos) + " ms before the Retry-After passed");
    }
  }

  @Test
  void callsWaitOnlyWhileTheGateIsClosedAndRecoverAfter() throws Exception {
    ManualTiming timing = new ManualTiming();
    List<Long> arrivals = new CopyOnWriteArrayList<>();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        arrivals.add(timing.nanoTime());
        return arrivals.size() == 1 ? json(429, THROTTLED).setHeader("Retry-After", "3") : ok(pageBody(0, 0, 0));
      }
    });
    StarRocksReplicationClient client = track(builder().timing(timing).retryPolicy(
        FAST_RETRIES.toBuilder().maxAttempts(1).maxRetryAfter(Duration.ofSeconds(5)).build()).build());
    long throttledAt = timing.nanoTime();
    ThrottledException throttled = assertThrows(ThrottledException.class, () -> client.listReplications(instance(0)));
    assertEquals(Duration.ofSeconds(3), throttled.retryAfter().orElseThrow());

    timing.advance(Duration.ofSeconds(1));
    client.listReplications(instance(1)); // another instance, same host: waits the 2 s that are left
    assertEquals(List.of(Duration.ofSeconds(2)), timing.sleeps());
    assertTrue(arrivals.get(1) >= throttledAt + TimeUnit.SECONDS.toNanos(3), "sent before the gate opened");

    client.listReplications(instance(2)); // the gate is open again: no wait
    client.listReplicationsAsync(instance(3)).get(5, TimeUnit.SECONDS);
    assertEquals(List.of(Duration.ofSeconds(2)), timing.sleeps());
    assertEquals(4, server.getRequestCount());
  }

  @Test
  void aGateLongerThanThePolicyAcceptsFailsTheOtherCallsAtOnceUnsent() throws Exception {
    server.enqueue(json(429, THROTTLED).setHeader("Retry-After", "3600"));
    StarRocksReplicationClient client = track(builder().retryPolicy(RetryPolicy.none()).build());
    assertThrows(ThrottledException.class, () -> client.listReplications(instance(0)));
    ThrottledException sync = assertThrows(ThrottledException.class, () -> client.listReplications(instance(1)));
    assertEquals("APIGW.0308", sync.errorCode());
    assertTrue(sync.retryAfter().orElseThrow().compareTo(Duration.ofMinutes(59)) > 0, sync.retryAfter()::toString);
    CompletableFuture<ReplicationPage> async = client.listReplicationsAsync(instance(2));
    Throwable cause = assertThrows(Exception.class, () -> async.get(5, TimeUnit.SECONDS)).getCause();
    assertTrue(cause instanceof ThrottledException, String.valueOf(cause));
    assertEquals(1, server.getRequestCount(), "only the first call reached the host");
  }

  @Test
  void theGateIsPerClientAndPerHost() throws Exception {
    server.enqueue(json(429, THROTTLED).setHeader("Retry-After", "3600"));
    server.enqueue(ok(pageBody(0, 0, 0)));
    StarRocksReplicationClient throttled = track(builder().retryPolicy(RetryPolicy.none()).build());
    assertThrows(ThrottledException.class, () -> throttled.listReplications(instance(0)));
    assertEquals(0, client().listReplications(instance(1)).totalCount(), "another client is not held back");
  }

  @Test
  void clientsSharingAHostThrottleAreHeldBackTogether() throws Exception {
    server.enqueue(json(429, THROTTLED).setHeader("Retry-After", "3600"));
    server.enqueue(ok(pageBody(0, 0, 0)));
    HostThrottle fleet = new HostThrottle();
    StarRocksReplicationClient projectA = track(builder().hostThrottle(fleet).retryPolicy(RetryPolicy.none()).build());
    StarRocksReplicationClient projectB = track(builder().hostThrottle(fleet).retryPolicy(RetryPolicy.none())
        .projectId("0123456789abcdef0123456789abcdef").build());
    assertThrows(ThrottledException.class, () -> projectA.listReplications(instance(0)));
    ThrottledException held = assertThrows(ThrottledException.class, () -> projectB.listReplications(instance(1)));
    assertEquals("APIGW.0308", held.errorCode());
    Throwable async = assertThrows(Exception.class,
        () -> projectB.listReplicationsAsync(instance(2)).get(5, TimeUnit.SECONDS)).getCause();
    assertTrue(async instanceof ThrottledException, String.valueOf(async));
    assertEquals(1, server.getRequestCount(), "the other project's calls never reached the throttled host");
    assertEquals(0, client().listReplications(instance(3)).totalCount(), "a client with its own throttle goes on");
  }

  private static String instance(int i) {
    return String.format("%032xin07", i);
  }
}
