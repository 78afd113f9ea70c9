package io.htapsync.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.htapsync.client.exception.ClientErrorException;
import io.htapsync.client.exception.ResponseDecodingException;
import io.htapsync.client.exception.TransportException;
import io.htapsync.client.listener.CallListener;
import io.htapsync.client.listener.CallResult;
import io.htapsync.client.listener.CallResult.Outcome;
import io.htapsync.client.retry.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;

class CallListenerTest extends ClientTestSupport {

  /** Writes each event as a line; durations left out (they vary), checked for sign instead. */
  static final class Recording implements CallListener {
    final List<String> events = new CopyOnWriteArrayList<>();
    final List<CallResult> results = new CopyOnWriteArrayList<>();
    final CountDownLatch finished = new CountDownLatch(1);

    @Override
    public void attemptStarted(String instanceId, int attempt) {
      events.add("started " + attempt);
    }

    @Override
    public void attemptEnded(String instanceId, int attempt, int httpStatus, Duration duration) {
      assertTrue(!duration.isNegative(), duration::toString);
      events.add("ended " + attempt + " " + httpStatus);
    }

    @Override
    public void retryScheduled(String instanceId, int nextAttempt, Duration delay) {
      events.add("retry " + nextAttempt + (delay.isNegative() ? " negative" : ""));
    }

    @Override
    public void callFinished(CallResult result) {
      results.add(result);
      events.add("finished " + result.outcome());
      finished.countDown();
    }

    CallResult awaitResult() throws InterruptedException {
      assertTrue(finished.await(5, TimeUnit.SECONDS), "callFinished within 5 s: " + events);
      assertEquals(1, results.size(), events::toString);
      return results.get(0);
    }
  }

  private final Recording recording = new Recording();

  private StarRocksReplicationClient listened() {
    return track(builder().callListener(recording).build());
  }

  @Test
  void aSyncCallWithARetryReportsEveryAttemptTheRetryAndTheEnd() throws Exception {
    server.enqueue(json(503, "{}"));
    server.enqueue(ok(pageBody(1, 0, 1)));
    listened().listReplications(INSTANCE);
    CallResult result = recording.awaitResult();
    assertEquals(List.of("started 1", "ended 1 503", "retry 2", "started 2", "ended 2 200", "finished SUCCESS"),
        recording.events);
    assertEquals(new CallResult(INSTANCE, Outcome.SUCCESS, 200, null, 2, result.duration()), result);
  }

  @Test
  void anAsyncCallReportsTheSameEvents() throws Exception {
    server.enqueue(json(429, "{}").setHeader("Retry-After", "0"));
    server.enqueue(ok(pageBody(1, 0, 1)));
    listened().listReplicationsAsync(INSTANCE).get(5, TimeUnit.SECONDS);
    CallResult result = recording.awaitResult();
    assertEquals(List.of("started 1", "ended 1 429", "retry 2", "started 2", "ended 2 200", "finished SUCCESS"),
        recording.events);
    assertEquals(2, result.attempts());
  }

  @Test
  void anApiErrorCarriesStatusAndErrorCode() throws Exception {
    server.enqueue(json(400, "{\"error_code\":\"DBS.200022\",\"error_msg\":\"no such instance\"}"));
    assertThrows(ClientErrorException.class, () -> listened().listReplications(INSTANCE));
    CallResult result = recording.awaitResult();
    assertEquals(Outcome.API_ERROR, result.outcome());
    assertEquals(400, result.httpStatus());
    assertEquals("DBS.200022", result.errorCode());
    assertEquals(1, result.attempts());
  }

  @Test
  void noResponseIsStatusZeroAndATransportError() throws Exception {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
    }
    assertThrows(TransportException.class, () -> listened().listReplications(INSTANCE));
    CallResult result = recording.awaitResult();
    assertEquals(List.of("started 1", "ended 1 0", "retry 2", "started 2", "ended 2 0", "retry 3", "started 3",
        "ended 3 0", "finished TRANSPORT_ERROR"), recording.events);
    assertEquals(0, result.httpStatus());
    assertEquals(3, result.attempts());
  }

  @Test
  void aBodyThatIsNoPageIsADecodingErrorWithItsStatus() throws Exception {
    server.enqueue(ok("{\"total_count\":-1,\"replications\":[]}"));
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> listened().listReplicationsAsync(INSTANCE).get(5, TimeUnit.SECONDS));
    assertSame(ResponseDecodingException.class, e.getCause().getClass());
    CallResult result = recording.awaitResult();
    assertEquals(Outcome.DECODING_ERROR, result.outcome());
    assertEquals(200, result.httpStatus());
  }

  @Test
  void aCancelledAsyncCallIsCancelled() throws Exception {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    CompletableFuture<ReplicationPage> call = listened().listReplicationsAsync(INSTANCE);
    server.takeRequest(5, TimeUnit.SECONDS);
    call.cancel(true);
    assertEquals(Outcome.CANCELLED, recording.awaitResult().outcome());
  }

  @Test
  void aListenerThatThrowsNeverChangesTheOutcome() throws Exception {
    CallListener hostile = new CallListener() {
      @Override
      public void attemptStarted(String instanceId, int attempt) {
        throw new IllegalStateException("boom");
      }

      @Override
      public void attemptEnded(String instanceId, int attempt, int httpStatus, Duration duration) {
        throw new AssertionError("boom");
      }

      @Override
      public void retryScheduled(String instanceId, int nextAttempt, Duration delay) {
        throw new IllegalStateException("boom");
      }

      @Override
      public void callFinished(CallResult result) {
        throw new IllegalStateException("boom");
      }
    };
    StarRocksReplicationClient client = track(builder().callListener(hostile).build());
    server.enqueue(json(503, "{}"));
    server.enqueue(ok(pageBody(3, 0, 3)));
    assertEquals(3, client.listReplications(INSTANCE).replications().size());
    server.enqueue(json(503, "{}"));
    server.enqueue(ok(pageBody(2, 0, 2)));
    assertEquals(2, client.listReplicationsAsync(INSTANCE).get(5, TimeUnit.SECONDS).replications().size());
    server.enqueue(json(400, "{\"error_code\":\"DBS.200022\"}"));
    ClientErrorException sync = assertThrows(ClientErrorException.class, () -> client.listReplications(INSTANCE));
    assertEquals("DBS.200022", sync.errorCode());
    server.enqueue(json(400, "{\"error_code\":\"DBS.200022\"}"));
    ExecutionException async = assertThrows(ExecutionException.class,
        () -> client.listReplicationsAsync(INSTANCE).get(5, TimeUnit.SECONDS));
    assertSame(ClientErrorException.class, async.getCause().getClass());
    assertEquals(6, server.getRequestCount());
  }

  @Test
  void theDefaultListenerIsNoneAndNullIsRefused() {
    assertThrows(NullPointerException.class, () -> builder().callListener(null));
    server.enqueue(ok(pageBody(0, 0, 0)));
    assertEquals(0, track(builder().retryPolicy(RetryPolicy.none()).build()).listReplications(INSTANCE).totalCount());
  }
}
