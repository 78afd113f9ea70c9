package io.htapsync.client.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.htapsync.client.ClientTestSupport;
import io.htapsync.client.StarRocksReplicationClient;
import io.htapsync.client.auth.Credentials;
import io.htapsync.client.exception.ClientErrorException;
import io.htapsync.client.exception.ClockSkewException;
import io.htapsync.client.exception.CredentialsException;
import io.htapsync.client.exception.TransportException;
import io.htapsync.client.retry.RetryPolicy;
import io.htapsync.client.sync.SyncEvent;
import io.htapsync.client.sync.SyncListener;
import io.htapsync.client.sync.SyncSnapshot;
import io.htapsync.client.sync.SyncWatch;
import io.htapsync.client.sync.WatchOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;

/**
 * The client's watcher over time, against a MockWebServer whose answers change while it runs: an
 * outage of many polls, a token supplier that fails for a while, a clock the gateway refuses, a
 * connection that never answers. Fast intervals (20 ms), so each takes a second or two.
 */
class WatchUnderFaultsTest extends ClientTestSupport {
  private static final String SECOND = "fedcba9876543210fedcba9876543210in07";
  private static final WatchOptions FAST = WatchOptions.builder()
      .pollInterval(Duration.ofMillis(20)).maxBackoff(Duration.ofMillis(40)).build();

  /** Everything a listener heard, thread-safe. */
  static final class Heard implements SyncListener {
    final List<SyncEvent> events = new CopyOnWriteArrayList<>();
    final AtomicInteger snapshots = new AtomicInteger();
    final CompletableFuture<Throwable> stopped = new CompletableFuture<>();

    @Override
    public void onEvent(SyncEvent event) {
      events.add(event);
    }

    @Override
    public void onSnapshot(SyncSnapshot snapshot) {
      snapshots.incrementAndGet();
    }

    @Override
    public void onStopped(Throwable cause) {
      stopped.complete(cause);
    }

    List<SyncEvent> of(SyncEvent.Type type) {
      return events.stream().filter(e -> e.type() == type).toList();
    }

    void await(String what, Predicate<Heard> condition) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (!condition.test(this)) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("no " + what + " in 20 s; heard " + events);
        }
        Thread.sleep(5);
      }
    }
  }

  /** Answers every request with what {@code answer} says now. */
  private void serve(AtomicReference<MockResponse> answer, AtomicInteger requests) {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        requests.incrementAndGet();
        return answer.get().clone();
      }
    });
  }

  private static MockResponse page() {
    return ok(pageBody(2, 0, 2));
  }

  @Test
  void anOutageOfManyPollsIsReportedAndTheWatchRecoversWithItsState() throws Exception {
    AtomicReference<MockResponse> answer = new AtomicReference<>(page());
    AtomicInteger requests = new AtomicInteger();
    serve(answer, requests);
    StarRocksReplicationClient client = track(builder().retryPolicy(RetryPolicy.none()).build());
    Heard heard = new Heard();
    try (SyncWatch watch = client.watch(INSTANCE, FAST, heard)) {
      heard.await("first snapshot", h -> h.snapshots.get() >= 2);
      SyncSnapshot before = watch.tracker().lastSnapshot();

      answer.set(new MockResponse().setResponseCode(503).setHeader("Content-Type", "text/html")
          .setBody("<html>503 Service Temporarily Unavailable</html>"));
      heard.await("30 failed polls", h -> h.of(SyncEvent.Type.POLL_FAILED).size() >= 30);
      // Outage: the last good snapshot stays; nothing else is reported.
      assertSame(before, watch.tracker().lastSnapshot(), "the state survives the outage");
      answer.set(page());
      heard.await("recovered", h -> !h.of(SyncEvent.Type.RECOVERED).isEmpty());
      heard.await("polls after recovery", h -> h.snapshots.get() >= 10 + 2);

      List<SyncEvent> failed = heard.of(SyncEvent.Type.POLL_FAILED);
      List<SyncEvent> recovered = heard.of(SyncEvent.Type.RECOVERED);
      assertEquals(1, recovered.size(), heard.events::toString);
      assertEquals(failed.size(), recovered.get(0).failedPolls(), "recovered counts every failed poll");
      for (int i = 0; i < failed.size(); i++) {
        assertEquals(i + 1, failed.get(i).failedPolls());
        assertEquals(503, ((io.htapsync.client.exception.ApiException) failed.get(i).error()).httpStatus());
      }
      assertEquals(2, heard.of(SyncEvent.Type.TASK_APPEARED).size(), "the tasks were not announced again");
      assertTrue(watch.isRunning());
      assertEquals(0, watch.tracker().failedPolls());
      System.out.printf("watch outage: %d poll_failed (503) then one recovered(failedPolls=%d), %d task_appeared in"
          + " all, %d requests%n", failed.size(), recovered.get(0).failedPolls(),
          heard.of(SyncEvent.Type.TASK_APPEARED).size(), requests.get());
    }
  }

  @Test
  void aFailingTokenSupplierIsAnErrorPerInstanceUntilItWorksAgain() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    serve(new AtomicReference<>(page()), requests);
    AtomicBoolean iamDown = new AtomicBoolean();
    StarRocksReplicationClient client = track(builder().retryPolicy(RetryPolicy.none())
        .credentials(Credentials.token(() -> {
          if (iamDown.get()) {
            throw new IllegalStateException("IAM token endpoint unreachable");
          }
          return TOKEN;
        })).build());
    Heard first = new Heard();
    Heard second = new Heard();
    try (SyncWatch a = client.watch(INSTANCE, FAST, first); SyncWatch b = client.watch(SECOND, FAST, second)) {
      first.await("a snapshot", h -> h.snapshots.get() >= 1);
      second.await("a snapshot", h -> h.snapshots.get() >= 1);
      iamDown.set(true);
      first.await("5 failed polls", h -> h.of(SyncEvent.Type.POLL_FAILED).size() >= 5);
      second.await("5 failed polls", h -> h.of(SyncEvent.Type.POLL_FAILED).size() >= 5);
      int sentWhileDown = requests.get();
      Thread.sleep(100);
      assertEquals(sentWhileDown, requests.get(), "nothing is sent without a token");
      iamDown.set(false);
      first.await("recovered", h -> !h.of(SyncEvent.Type.RECOVERED).isEmpty());
      second.await("recovered", h -> !h.of(SyncEvent.Type.RECOVERED).isEmpty());

      for (Heard heard : List.of(first, second)) {
        String instance = heard == first ? INSTANCE : SECOND;
        SyncEvent failure = heard.of(SyncEvent.Type.POLL_FAILED).get(0);
        assertEquals(instance, failure.instanceId());
        assertInstanceOf(CredentialsException.class, failure.error());
        assertEquals("the token supplier failed: IllegalStateException: IAM token endpoint unreachable",
            failure.error().getMessage());
        assertInstanceOf(IllegalStateException.class, failure.error().getCause());
        assertFalse(failure.toString().contains(TOKEN));
      }
      assertTrue(a.isRunning() && b.isRunning());
      System.out.printf("watch token supplier down: %d and %d poll_failed (CredentialsException), no request sent"
          + " in 100 ms while down, both recovered%n", first.of(SyncEvent.Type.POLL_FAILED).size(),
          second.of(SyncEvent.Type.POLL_FAILED).size());
    }
  }

  @Test
  void aClockTheGatewayRefusesNamesTheSkew() throws Exception {
    DateTimeFormatter sdkDate = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    AtomicInteger requests = new AtomicInteger();
    // The gateway's check: X-Sdk-Date more than 15 minutes from its own clock is refused.
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        requests.incrementAndGet();
        Instant signed = LocalDateTime.parse(request.getHeader("X-Sdk-Date"), sdkDate).toInstant(ZoneOffset.UTC);
        Instant now = Instant.now();
        if (Duration.between(now, signed).abs().compareTo(Duration.ofMinutes(15)) > 0) {
          return json(401, "{\"error_code\":\"APIGW.0301\",\"error_msg\":\"Incorrect IAM authentication"
              + " information: calc ak sk signature fail:signature expired\",\"request_id\":\"r-skew\"}")
              .setHeader("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(now.atZone(ZoneOffset.UTC)));
        }
        return page();
      }
    });
    String sk = "skew-test-secret-key-0123456789";
    Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(20));
    StarRocksReplicationClient skewed = track(builder().retryPolicy(RetryPolicy.none())
        .credentials(Credentials.akSk("HPUASKEWTESTKEY01", sk)).clock(ahead).build());

    ClockSkewException e = assertThrows(ClockSkewException.class, () -> skewed.listReplications(INSTANCE));
    assertEquals(401, e.httpStatus());
    assertEquals("APIGW.0301", e.errorCode());
    long minutes = e.skew().orElseThrow().toMinutes();
    assertTrue(minutes == 19 || minutes == 20, "measured " + e.skew());
    assertTrue(e.getMessage().matches(".*clock skew: the gateway refused the AK/SK signature dated X-Sdk-Date"
        + " \\d{8}T\\d{6}Z \\(this machine's clock is (19|20) min \\d+ s ahead of the gateway's, more than the"
        + " 15 minutes it allows\\): synchronize this machine's clock \\(NTP\\)"), e.getMessage());
    assertFalse(e.getMessage().contains(sk));
    System.out.println("watch clock skew: " + e.getMessage());

    Clock behind = Clock.offset(Clock.systemUTC(), Duration.ofHours(-3));
    StarRocksReplicationClient late = track(builder().retryPolicy(RetryPolicy.none())
        .credentials(Credentials.akSk("HPUASKEWTESTKEY01", sk)).clock(behind).build());
    assertTrue(assertThrows(ClockSkewException.class, () -> late.listReplications(INSTANCE)).getMessage()
        .contains("clock is 3 h 0 min behind the gateway's"));

    // A watch meets it as a 401: it stops with the skew named, after one poll.
    Heard heard = new Heard();
    int before = requests.get();
    try (SyncWatch watch = skewed.watch(INSTANCE, FAST, heard)) {
      Throwable ended = assertThrows(java.util.concurrent.ExecutionException.class,
          () -> watch.termination().get(5, TimeUnit.SECONDS)).getCause();
      assertInstanceOf(ClockSkewException.class, ended);
      assertSame(ended, heard.stopped.getNow(null), "the listener was told the same");
      assertFalse(watch.isRunning());
    }
    assertEquals(before + 1, requests.get());

    // The same key on a right clock is let through; a wrong signature is not called a skew.
    StarRocksReplicationClient right = track(builder().retryPolicy(RetryPolicy.none())
        .credentials(Credentials.akSk("HPUASKEWTESTKEY01", sk)).build());
    assertEquals(2, right.listReplications(INSTANCE).totalCount());
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return json(401, "{\"error_code\":\"APIGW.0301\",\"error_msg\":\"Incorrect IAM authentication"
            + " information: verify aksk signature fail\"}");
      }
    });
    ClientErrorException wrongKey = assertThrows(ClientErrorException.class, () -> right.listReplications(INSTANCE));
    assertFalse(wrongKey instanceof ClockSkewException, wrongKey.getMessage());
    // "Expired" with the gateway's Date close to ours is something else (a temporary key): not a skew.
    // Without a Date to measure against, the gateway's word is taken.
    AtomicBoolean withDate = new AtomicBoolean(true);
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        MockResponse expired = json(401, "{\"error_code\":\"APIGW.0301\",\"error_msg\":\"Incorrect IAM authentication"
            + " information: calc ak sk signature fail:signature expired\"}");
        return withDate.get()
            ? expired.setHeader("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.now().atZone(ZoneOffset.UTC)))
            : expired;
      }
    });
    ClientErrorException inRange = assertThrows(ClientErrorException.class, () -> right.listReplications(INSTANCE));
    assertFalse(inRange instanceof ClockSkewException, inRange.getMessage());
    withDate.set(false);
    ClockSkewException unmeasured = assertThrows(ClockSkewException.class, () -> right.listReplications(INSTANCE));
    assertTrue(unmeasured.skew().isEmpty());
    assertTrue(unmeasured.getMessage().contains("(the gateway allows 15 minutes of difference; the answer had no"
        + " Date header to measure this machine's clock against)"), unmeasured.getMessage());
  }

  @Test
  void aConnectionThatNeverAnswersCostsOneAttemptsTimeout() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    AtomicBoolean stuck = new AtomicBoolean(true);
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        requests.incrementAndGet();
        return stuck.get() ? new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE) : page();
      }
    });
    StarRocksReplicationClient client = track(builder().retryPolicy(RetryPolicy.none())
        .readTimeout(Duration.ofMillis(300)).build());
    Heard heard = new Heard();
    long start = System.nanoTime();
    try (SyncWatch watch = client.watch(INSTANCE, FAST, heard)) {
      heard.await("3 failed polls", h -> h.of(SyncEvent.Type.POLL_FAILED).size() >= 3);
      long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      for (SyncEvent e : heard.of(SyncEvent.Type.POLL_FAILED)) {
        assertInstanceOf(TransportException.class, e.error());
        assertTrue(e.error().getMessage().contains("timed out"), e.error().getMessage());
      }
      // Three stuck polls: three read timeouts (300 ms each) plus the backoff, never a stuck watch.
      assertTrue(tookMillis >= 3 * 300, "each stuck poll waited its read timeout: " + tookMillis + " ms");
      assertTrue(tookMillis < 3 * 300 + 3000, "3 stuck polls took " + tookMillis + " ms");
      stuck.set(false);
      heard.await("recovered", h -> !h.of(SyncEvent.Type.RECOVERED).isEmpty());
      assertTrue(watch.isRunning());
      System.out.printf("watch stuck connection: 3 timed-out polls in %d ms (read timeout 300 ms), recovered%n",
          tookMillis);
    }
  }
}
