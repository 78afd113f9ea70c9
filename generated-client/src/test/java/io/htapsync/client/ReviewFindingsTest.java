package io.htapsync.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.htapsync.client.auth.Credentials;
import io.htapsync.client.exception.ApiException;
import io.htapsync.client.exception.ResponseDecodingException;
import io.htapsync.client.exception.TransportException;
import io.htapsync.client.retry.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

/** Redirects, the async deadline, closing with retries pending, and impossible totals. */
class ReviewFindingsTest extends ClientTestSupport {

  @Test
  void redirectsAreNotFollowedSoNoCredentialReachesAnotherHost() throws Exception {
    try (MockWebServer elsewhere = new MockWebServer()) {
      elsewhere.start();
      server.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", elsewhere.url("/steal")));
      StarRocksReplicationClient client = track(builder()
          .credentials(Credentials.akSk("HPUAEXAMPLEKEY01", "s3cr3tSKexample0123456789", "sts-token")).build());
      ApiException e = assertThrows(ApiException.class, () -> client.listReplications(INSTANCE));
      assertEquals(302, e.httpStatus());
      assertEquals(0, elsewhere.getRequestCount(), "the other host saw nothing");
    }
  }

  @Test
  void asyncCallsQueuedBehindTheDispatcherStillEndAtTheDeadline() throws Exception {
    for (int i = 0; i < 20; i++) {
      server.enqueue(ok(pageBody(0, 0, 0)).setHeadersDelay(700, TimeUnit.MILLISECONDS));
    }
    RetryPolicy oneSecond = FAST_RETRIES.toBuilder().deadline(Duration.ofSeconds(1)).build();
    StarRocksReplicationClient client = track(builder().retryPolicy(oneSecond).build());
    long start = System.nanoTime();
    List<CompletableFuture<ReplicationPage>> futures = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      futures.add(client.listReplicationsAsync(INSTANCE));
    }
    int timedOut = 0;
    for (CompletableFuture<ReplicationPage> future : futures) {
      try {
        future.get(10, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        assertInstanceOf(TransportException.class, e.getCause());
        timedOut++;
      }
    }
    long tookMillis = (System.nanoTime() - start) / 1_000_000;
    // 5 calls per host at a time, 700 ms each: only the first wave fits in one second.
    assertTrue(timedOut >= 10, timedOut + " of 20 timed out");
    assertTrue(tookMillis < 1_800, "all 20 ended by " + tookMillis + " ms for a 1 s deadline");
  }

  @Test
  void closingFailsAsyncCallsThatWaitToRetry() throws Exception {
    server.enqueue(json(503, "{}").setHeader("Retry-After", "1"));
    StarRocksReplicationClient client = builder().build();
    CompletableFuture<ReplicationPage> future = client.listReplicationsAsync(INSTANCE);
    server.takeRequest(5, TimeUnit.SECONDS);
    Thread.sleep(100);
    client.close();
    ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(5, TimeUnit.SECONDS));
    assertInstanceOf(IllegalStateException.class, e.getCause());
    assertTrue(e.getCause().getMessage().contains("closed"), e.getCause().getMessage());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void aNegativeTotalCountIsADecodingError() {
    server.enqueue(ok("{\"total_count\":-1,\"replications\":[]}"));
    ResponseDecodingException e = assertThrows(ResponseDecodingException.class,
        () -> client().listReplications(INSTANCE));
    assertTrue(e.getMessage().contains("total_count is negative"), e.getMessage());
  }
}
