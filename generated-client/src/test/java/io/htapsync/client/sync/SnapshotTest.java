package io.htapsync.client.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.htapsync.client.ClientTestSupport;
import io.htapsync.client.StarRocksReplicationClient;
import io.htapsync.client.exception.ClientErrorException;
import io.htapsync.client.exception.InconsistentPagingException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SnapshotTest extends ClientTestSupport {

  @Test
  void aSnapshotHoldsEveryPage() {
    server.enqueue(ok(pageBody(120, 0, 50)).setHeader("X-Request-Id", "first-page"));
    server.enqueue(ok(pageBody(120, 50, 50)));
    server.enqueue(ok(pageBody(120, 100, 20)));
    SyncSnapshot snapshot = client().snapshot(INSTANCE);
    assertEquals(120, snapshot.tasks().size());
    assertEquals("task_119", snapshot.tasks().get(119).getTaskName());
    assertEquals("first-page", snapshot.requestId());
    assertEquals(INSTANCE, snapshot.instanceId());
    assertTrue(snapshot.isSynced());
    assertEquals(120, snapshot.syncedCount());
    assertEquals(3, server.getRequestCount());
  }

  @Test
  void theAsyncSnapshotChainsThePagesTheSameWay() throws Exception {
    server.enqueue(ok(pageBody(120, 0, 50)).setHeader("X-Request-Id", "first-page"));
    server.enqueue(ok(pageBody(120, 50, 50)));
    server.enqueue(ok(pageBody(120, 100, 20)));
    SyncSnapshot snapshot = client().snapshotAsync(INSTANCE).get(10, TimeUnit.SECONDS);
    assertEquals(120, snapshot.tasks().size());
    assertEquals(120, snapshot.tasksByKey().size());
    assertEquals("first-page", snapshot.requestId());
    assertTrue(server.takeRequest().getPath().endsWith("limit=100&offset=0"));
    assertTrue(server.takeRequest().getPath().endsWith("limit=100&offset=50"));
    assertTrue(server.takeRequest().getPath().endsWith("limit=100&offset=100"));
  }

  @Test
  void theAsyncSnapshotKeepsThePagingChecks() {
    server.enqueue(ok(pageBody(120, 0, 50)));
    server.enqueue(ok(pageBody(121, 50, 50)));
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> client().snapshotAsync(INSTANCE).get(10, TimeUnit.SECONDS));
    assertTrue(e.getCause() instanceof InconsistentPagingException, e.toString());
  }

  @Test
  void anEmptyInstanceIsAnEmptySnapshot() throws Exception {
    server.enqueue(ok(pageBody(0, 0, 0)));
    SyncSnapshot snapshot = client().snapshotAsync(INSTANCE).get(10, TimeUnit.SECONDS);
    assertEquals(0, snapshot.tasks().size());
    assertEquals(false, snapshot.isSynced());
  }

  @Test
  void errorsAreTheClientsOwn() {
    server.enqueue(json(400, "{\"error_code\":\"DBS.200022\",\"error_msg\":\"Instance not found.\"}"));
    server.enqueue(json(400, "{\"error_code\":\"DBS.200022\",\"error_msg\":\"Instance not found.\"}"));
    StarRocksReplicationClient client = client();
    ClientErrorException blocking = assertThrows(ClientErrorException.class, () -> client.snapshot(INSTANCE));
    assertEquals("DBS.200022", blocking.errorCode());
    ExecutionException async = assertThrows(ExecutionException.class,
        () -> client.snapshotAsync(INSTANCE).get(10, TimeUnit.SECONDS));
    assertTrue(async.getCause() instanceof ClientErrorException, async.toString());
    assertThrows(IllegalArgumentException.class, () -> client.snapshotAsync("../x"));
  }

  @Test
  void cancellingAnAsyncSnapshotStartsNoFurtherPage() throws Exception {
    server.enqueue(ok(pageBody(120, 0, 50)).setHeadersDelay(300, TimeUnit.MILLISECONDS));
    server.enqueue(ok(pageBody(120, 50, 50)));
    server.enqueue(ok(pageBody(120, 100, 20)));
    CompletableFuture<SyncSnapshot> future = client().snapshotAsync(INSTANCE);
    assertTrue(server.takeRequest(5, TimeUnit.SECONDS) != null, "the first page was asked for");
    future.cancel(true);
    Thread.sleep(500); // longer than the first page's delay: a second page would have started by now
    assertEquals(1, server.getRequestCount());
  }

}
