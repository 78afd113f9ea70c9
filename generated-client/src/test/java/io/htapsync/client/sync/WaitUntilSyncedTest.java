package io.htapsync.client.sync;

import static io.htapsync.client.sync.ScriptedServer.page;
import static io.htapsync.client.sync.ScriptedServer.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.htapsync.client.ClientTestSupport;
import io.htapsync.client.exception.ClientErrorException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code waitUntilSynced} against MockWebServer scripts, with millisecond intervals. */
class WaitUntilSyncedTest extends ClientTestSupport {
  static final String CATCHING_UP = page(task("a", "incremental", 100, null, 0), task("b", "incremental", 100, "full", 40));
  static final String SYNCED = page(task("a", "incremental", 100, null, 0), task("b", "incremental", 100, "incremental", 100));
  static final Duration FAST = Duration.ofMillis(20);

  final ScriptedServer script = new ScriptedServer();

  @BeforeEach
  void dispatch() {
    server.setDispatcher(script);
  }

  @Test
  void returnsTheFirstSyncedSnapshot() {
    script.then(3, ok(CATCHING_UP)).then(ok(SYNCED));
    SyncSnapshot synced = client().waitUntilSynced(INSTANCE, WaitOptions.builder().pollInterval(FAST).build());
    assertTrue(synced.isSynced());
    assertEquals(2, synced.syncedCount());
    assertEquals(4, script.requests.get());
  }

  @Test
  void neverSyncedTimesOutWithTheLastSnapshot() {
    script.then(ok(CATCHING_UP));
    long start = System.nanoTime();
    WaitTimeoutException timeout = assertThrows(WaitTimeoutException.class, () -> client().waitUntilSynced(
        INSTANCE, WaitOptions.builder().pollInterval(FAST).timeout(Duration.ofMillis(300)).build()));
    long tookMillis = (System.nanoTime() - start) / 1_000_000;
    assertNotNull(timeout.lastSnapshot());
    assertEquals(1, timeout.lastSnapshot().syncedCount());
    assertEquals(2, timeout.lastSnapshot().tasks().size());
    assertTrue(tookMillis >= 300, "not before the timeout: " + tookMillis);
    assertTrue(script.requests.get() > 2, "kept polling until then: " + script.requests.get());
  }

  @Test
  void aBurstOf503InTheMiddleIsOutlived() {
    // 3 attempts per poll (FAST_RETRIES): two whole polls fail, then the service is back.
    MockResponse unavailable = new MockResponse().setResponseCode(503).setBody("<html>Service Unavailable</html>")
        .setHeader("Content-Type", "text/html");
    script.then(2, ok(CATCHING_UP)).then(6, unavailable).then(ok(CATCHING_UP)).then(ok(SYNCED));
    List<SyncEvent> events = new CopyOnWriteArrayList<>();
    SyncSnapshot synced = client().waitUntilSynced(INSTANCE,
        WaitOptions.builder().pollInterval(FAST).maxBackoff(Duration.ofMillis(50)).listener(events::add).build());
    assertTrue(synced.isSynced());
    assertEquals(10, script.requests.get());
    assertEquals(List.of("task_appeared", "task_appeared", "poll_failed", "poll_failed", "recovered",
        "stage_changed", "progress", "synced"),
        events.stream().map(e -> e.type().wireName()).collect(Collectors.toList()));
    assertEquals(503, ((io.htapsync.client.exception.ApiException) events.get(2).error()).httpStatus());
  }

  @Test
  void instanceNotFoundEndsTheWaitAtOnce() {
    script.then(json(400, "{\"error_code\":\"DBS.200022\",\"error_msg\":\"Instance not found.\"}"));
    ClientErrorException e = assertThrows(ClientErrorException.class, () -> client().waitUntilSynced(INSTANCE,
        WaitOptions.builder().pollInterval(FAST).build()));
    assertEquals("DBS.200022", e.errorCode());
    assertEquals(1, script.requests.get(), "no second poll, no retry");
  }

  @Test
  void unauthorizedEndsTheAsyncWaitAtOnce() throws Exception {
    script.then(json(401, "{\"error_code\":\"APIGW.0301\",\"error_msg\":\"Incorrect IAM authentication information\"}"));
    CompletableFuture<SyncSnapshot> wait = client().waitUntilSyncedAsync(INSTANCE,
        WaitOptions.builder().pollInterval(FAST).build());
    var e = assertThrows(java.util.concurrent.ExecutionException.class, () -> wait.get(5, TimeUnit.SECONDS));
    assertEquals(401, ((ClientErrorException) e.getCause()).httpStatus());
  }

  @Test
  void cancellingTheAsyncWaitStopsTheRequests() throws Exception {
    script.then(ok(CATCHING_UP));
    CompletableFuture<SyncSnapshot> wait = client().waitUntilSyncedAsync(INSTANCE,
        WaitOptions.builder().pollInterval(FAST).build());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (script.requests.get() < 3 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertTrue(wait.cancel(true));
    int atCancel = script.requests.get();
    Thread.sleep(300); // 15 intervals: polling would have gone on
    // A poll already on its way when cancel() ran may still arrive; nothing after it.
    assertTrue(script.requests.get() <= atCancel + 1, atCancel + " then " + script.requests.get());
    int settled = script.requests.get();
    Thread.sleep(200);
    assertEquals(settled, script.requests.get());
  }

  @Test
  void theAsyncWaitHoldsNoThreadWhileWaiting() throws Exception {
    script.then(ok(CATCHING_UP));
    var client = client();
    CompletableFuture<SyncSnapshot> wait = client.waitUntilSyncedAsync(INSTANCE,
        WaitOptions.builder().pollInterval(Duration.ofSeconds(30)).build());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (script.requests.get() < 1 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    Thread.sleep(100);
    // Between polls nothing runs: no thread of OkHttp's dispatcher nor any other is busy for it.
    assertEquals(0, io.htapsync.client.ClientInternals.httpClient(client).dispatcher().runningCallsCount());
    assertTrue(Thread.getAllStackTraces().keySet().stream()
        .noneMatch(t -> t != Thread.currentThread() && isWaitingOn(t)), "no thread parked in the waiter");
    wait.cancel(true);
  }

  private static boolean isWaitingOn(Thread t) {
    for (StackTraceElement frame : t.getStackTrace()) {
      if (frame.getClassName().startsWith("io.htapsync.client.sync")) {
        return true;
      }
    }
    return false;
  }
}
