package io.htapsync.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.htapsync.client.exception.ClientErrorException;
import io.htapsync.client.exception.TransportException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;

class AsyncTest extends ClientTestSupport {

  @Test
  void completesWithThePage() throws Exception {
    server.enqueue(ok(pageBody(3, 0, 3)));
    ReplicationPage page = client().listReplicationsAsync(INSTANCE).get(5, TimeUnit.SECONDS);
    assertEquals(3, page.replications().size());
    assertTrue(server.takeRequest().getPath().endsWith("?limit=100&offset=0"));
  }

  @Test
  void retriesLikeTheBlockingCall() throws Exception {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
    server.enqueue(json(503, "{}").setHeader("Retry-After", "0"));
    server.enqueue(ok(pageBody(1, 0, 1)));
    assertEquals(1, client().listReplicationsAsync(INSTANCE, 0, 50).get(5, TimeUnit.SECONDS).totalCount());
    assertEquals(3, server.getRequestCount());
  }

  @Test
  void failsWithTheSameExceptions() {
    server.enqueue(json(400, "{\"error_code\":\"DBS.200022\",\"error_msg\":\"Instance not found.\"}"));
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> client().listReplicationsAsync(INSTANCE).get(5, TimeUnit.SECONDS));
    ClientErrorException cause = assertInstanceOf(ClientErrorException.class, e.getCause());
    assertEquals("DBS.200022", cause.errorCode());

    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
    }
    e = assertThrows(ExecutionException.class,
        () -> client().listReplicationsAsync(INSTANCE).get(5, TimeUnit.SECONDS));
    assertEquals(3, assertInstanceOf(TransportException.class, e.getCause()).attempts());
  }

  @Test
  void cancellingStopsTheCallInFlightAndLaterRetries() throws Exception {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    server.enqueue(ok(pageBody(1, 0, 1)));
    CompletableFuture<ReplicationPage> future = client().listReplicationsAsync(INSTANCE);
    server.takeRequest(5, TimeUnit.SECONDS);
    assertTrue(future.cancel(true));
    Thread.sleep(200);
    assertEquals(1, server.getRequestCount(), "no retry after cancellation");
  }

  @Test
  void manyCallsInFlightDoNotNeedAThreadEach() throws Exception {
    int calls = 64;
    for (int i = 0; i < calls; i++) {
      server.enqueue(ok(pageBody(1, 0, 1)).setBodyDelay(100, TimeUnit.MILLISECONDS));
    }
    int threadsBefore = Thread.activeCount();
    StarRocksReplicationClient client = client();
    CompletableFuture<?>[] futures = new CompletableFuture<?>[calls];
    for (int i = 0; i < calls; i++) {
      futures[i] = client.listReplicationsAsync(INSTANCE);
    }
    CompletableFuture.allOf(futures).get(20, TimeUnit.SECONDS);
    // OkHttp's dispatcher runs at most 5 calls per host at once; the caller blocked no thread per call.
    assertTrue(Thread.activeCount() - threadsBefore < calls / 2,
        "threads grew by " + (Thread.activeCount() - threadsBefore) + " for " + calls + " calls");
  }
}
