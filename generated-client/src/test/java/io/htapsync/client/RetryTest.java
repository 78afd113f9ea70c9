package io.htapsync.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.htapsync.client.exception.ServerErrorException;
import io.htapsync.client.exception.ThrottledException;
import io.htapsync.client.exception.TransportException;
import io.htapsync.client.retry.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;

class RetryTest extends ClientTestSupport {

  @Test
  void ioFailuresAreRetriedAndTheCallSucceeds() {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(ok(pageBody(1, 0, 1)));
    assertEquals(1, client().listReplications(INSTANCE).totalCount());
    assertEquals(3, server.getRequestCount());
  }

  @Test
  void aBodyCutShortIsATransportFailureAndIsRetried() {
    server.enqueue(ok(pageBody(50, 0, 50)).setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
    server.enqueue(ok(pageBody(50, 0, 50)));
    assertEquals(50, client().listReplications(INSTANCE).replications().size());
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void persistentIoFailureEndsInATransportExceptionWithTheAttemptCount() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
    }
    TransportException e = assertThrows(TransportException.class, () -> client().listReplications(INSTANCE));
    assertEquals(3, e.attempts());
    assertTrue(e.getMessage().contains("after 3 attempts"), e.getMessage());
    assertTrue(e.getMessage().startsWith("GET 127.0.0.1/v3/") || e.getMessage().startsWith("GET localhost/v3/"),
        e.getMessage());
  }

  @Test
  void each503And504IsRetried() {
    server.enqueue(json(503, "{}"));
    server.enqueue(json(504, "{}"));
    server.enqueue(ok(pageBody(0, 0, 0)));
    client().listReplications(INSTANCE);
    assertEquals(3, server.getRequestCount());
  }

  @Test
  void retryAfterInSecondsIsHonoured() {
    server.enqueue(json(429, "{}").setHeader("Retry-After", "1"));
    server.enqueue(ok(pageBody(0, 0, 0)));
    ManualTiming timing = new ManualTiming();
    track(builder().timing(timing).build()).listReplications(INSTANCE);
    assertEquals(List.of(Duration.ofSeconds(1)), timing.sleeps());
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void retryWaitsAreTheInjectedSleepersAndCountAgainstTheDeadline() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(json(503, "{}").setHeader("Retry-After", "2"));
    }
    ManualTiming timing = new ManualTiming();
    RetryPolicy policy = FAST_RETRIES.toBuilder().maxAttempts(5).maxRetryAfter(Duration.ofSeconds(5))
        .deadline(Duration.ofSeconds(5)).build();
    StarRocksReplicationClient client = track(builder().retryPolicy(policy).timing(timing).build());
    assertThrows(ServerErrorException.class, () -> client.listReplications(INSTANCE));
    // 2 s + 2 s waited on the manual clock; a third 2 s wait would pass the 5 s deadline.
    assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(2)), timing.sleeps());
    assertEquals(3, server.getRequestCount());
  }

  @Test
  void retryAfterAsAnHttpDateIsMeasuredOnTheClientsClock() {
    Clock clock = Clock.fixed(Instant.parse("2026-03-01T08:30:15Z"), ZoneOffset.UTC);
    server.enqueue(json(503, "{}").setHeader("Retry-After", "Sun, 01 Mar 2026 08:30:15 GMT"));
    server.enqueue(ok(pageBody(0, 0, 0)));
    track(builder().clock(clock).build()).listReplications(INSTANCE);
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void aRetryAfterLongerThanThePolicyAcceptsEndsRetriesWithTheHint() {
    server.enqueue(json(429, "{\"error_code\":\"APIGW.0308\",\"error_msg\":\"slow down\"}")
        .setHeader("Retry-After", "3600"));
    ThrottledException e = assertThrows(ThrottledException.class, () -> client().listReplications(INSTANCE));
    assertEquals(Duration.ofHours(1), e.retryAfter().orElseThrow());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void noneMakesOneAttempt() {
    server.enqueue(json(503, "{}"));
    server.enqueue(ok(pageBody(0, 0, 0)));
    assertThrows(ServerErrorException.class,
        () -> track(builder().retryPolicy(RetryPolicy.none()).build()).listReplications(INSTANCE));
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void retryableStatusesAreConfigurable() {
    server.enqueue(json(500, "{}"));
    server.enqueue(ok(pageBody(0, 0, 0)));
    RetryPolicy retry500 = FAST_RETRIES.toBuilder().retryableStatuses(Set.of(500)).build();
    track(builder().retryPolicy(retry500).build()).listReplications(INSTANCE);
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void theDeadlineBoundsAServerThatNeverAnswers() {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    RetryPolicy policy = FAST_RETRIES.toBuilder().deadline(Duration.ofMillis(700)).build();
    StarRocksReplicationClient client = track(builder().retryPolicy(policy).build());
    long start = System.nanoTime();
    TransportException e = assertThrows(TransportException.class, () -> client.listReplications(INSTANCE));
    long tookMillis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(tookMillis >= 650 && tookMillis < 1500, "took " + tookMillis + " ms for a 700 ms deadline");
    assertTrue(e.getMessage().contains("timed out"), e.getMessage());
  }

  @Test
  void eachAttemptIsBoundByTheCallTimeout() {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    server.enqueue(ok(pageBody(0, 0, 0)));
    StarRocksReplicationClient client = track(builder().callTimeout(Duration.ofMillis(300)).build());
    assertEquals(0, client.listReplications(INSTANCE).totalCount());
    assertEquals(2, server.getRequestCount());
  }
}
