package io.htapsync.client.sync;

import static io.htapsync.client.sync.ScriptedServer.page;
import static io.htapsync.client.sync.ScriptedServer.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.htapsync.client.ClientTestSupport;
import io.htapsync.client.exception.ClientErrorException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code client.watch}: event sequences, outages and endings against MockWebServer scripts. */
class WatchTest extends ClientTestSupport {
  final ScriptedServer script = new ScriptedServer();
  final List<SyncEvent> events = new CopyOnWriteArrayList<>();
  final List<SyncSnapshot> snapshots = new CopyOnWriteArrayList<>();
  final List<Throwable> stopped = new CopyOnWriteArrayList<>();
  final SyncListener listener = new SyncListener() {
    @Override
    public void onEvent(SyncEvent event) {
      events.add(event);
    }

    @Override
    public void onSnapshot(SyncSnapshot snapshot) {
      snapshots.add(snapshot);
    }

    @Override
    public void onStopped(Throwable cause) {
      stopped.add(cause);
    }
  };

  @BeforeEach
  void dispatch() {
    server.setDispatcher(script);
  }

  static WatchOptions fast() {
    return WatchOptions.builder().pollInterval(Duration.ofMillis(20)).maxBackoff(Duration.ofMillis(60)).build();
  }

  List<String> names() {
    return events.stream().map(e -> e.type().wireName()).collect(Collectors.toList());
  }

  void awaitEvent(String name) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!names().contains(name) && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertTrue(names().contains(name), "expected " + name + " in " + names());
  }

  @Test
  void reportsEachChangeOnceThroughAnOutage() throws Exception {
    MockResponse unavailable = new MockResponse().setResponseCode(503);
    MockResponse dropped = new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
    script.then(ok(page(task("a", "wait", 0, null, 0))))
        .then(ok(page(task("a", "full", 30, null, 0))))
        .then(ok(page(task("a", "full", 30, null, 0))))
        .then(3, unavailable)   // one failed poll (3 attempts)
        .then(12, dropped)      // more, below HTTP (OkHttp itself may retry some drops)
        .then(ok(page(task("a", "full", 80, null, 0), task("b", "incremental", 100, null, 0))))
        .then(ok(page(task("a", "incremental", 100, null, 0), task("b", "incremental", 100, null, 0))));
    try (SyncWatch watch = client().watch(INSTANCE, fast(), listener)) {
      awaitEvent("synced");
      assertTrue(watch.isRunning(), "a watch does not end when the instance is synced");
    }
    // How many polls the dropped connections cost depends on OkHttp's own reconnects: collapse them.
    List<String> collapsed = new java.util.ArrayList<>();
    for (String name : names()) {
      if (!(name.equals("poll_failed") && collapsed.get(collapsed.size() - 1).equals("poll_failed"))) {
        collapsed.add(name);
      }
    }
    assertEquals(List.of("task_appeared", "stage_changed", "progress", "poll_failed", "recovered",
        "progress", "task_appeared", "stage_changed", "progress", "synced"), collapsed);
    long failed = names().stream().filter("poll_failed"::equals).count();
    assertTrue(failed >= 2, names().toString());
    SyncEvent recovered = events.stream().filter(e -> e.type() == SyncEvent.Type.RECOVERED).findFirst().orElseThrow();
    assertEquals(failed, recovered.failedPolls());
    assertTrue(events.stream().filter(e -> e.type() == SyncEvent.Type.POLL_FAILED)
        .anyMatch(e -> e.error() instanceof io.htapsync.client.exception.ServerErrorException));
    assertTrue(events.stream().filter(e -> e.type() == SyncEvent.Type.POLL_FAILED)
        .anyMatch(e -> e.error() instanceof io.htapsync.client.exception.TransportException));
    SyncEvent stage = events.get(1);
    assertEquals("wait", stage.from());
    assertEquals("full", stage.to());
    assertEquals(new TaskKey("a", "db_a", "olap_a"), stage.task());
    assertTrue(stopped.isEmpty());
  }

  @Test
  void aNonRetryableErrorEndsTheWatchAndIsReported() throws Exception {
    script.then(ok(page(task("a", "full", 30, null, 0))))
        .then(json(403, "{\"error_code\":\"APIGW.0302\",\"error_msg\":\"forbidden\"}"));
    SyncWatch watch = client().watch(INSTANCE, fast(), listener);
    ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
        () -> watch.termination().get(10, TimeUnit.SECONDS));
    assertEquals(403, ((ClientErrorException) e.getCause()).httpStatus());
    assertEquals(1, stopped.size());
    assertFalse(watch.isRunning());
    int requests = script.requests.get();
    Thread.sleep(100);
    assertEquals(requests, script.requests.get(), "no poll after the end");
    assertEquals(2, requests);
  }

  @Test
  void closeStopsThePolling() throws Exception {
    script.then(ok(page(task("a", "full", 30, null, 0))));
    SyncWatch watch = client().watch(INSTANCE, fast(), listener);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (snapshots.size() < 3 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    watch.close();
    int atClose = script.requests.get();
    Thread.sleep(200);
    assertTrue(script.requests.get() <= atClose + 1, atClose + " then " + script.requests.get());
    assertTrue(watch.termination().isDone() && !watch.termination().isCompletedExceptionally());
    assertTrue(stopped.isEmpty(), "close is not an error");
  }

  @Test
  void aStallIsReportedOnceWhileNothingMoves() throws Exception {
    script.then(ok(page(task("a", "full", 30, null, 0), task("p", "paused", 10, null, 0))));
    WatchOptions options = WatchOptions.builder().pollInterval(Duration.ofMillis(20))
        .stallAfter(Duration.ofMillis(150)).build();
    try (SyncWatch watch = client().watch(INSTANCE, options, listener)) {
      awaitEvent("stalled");
      Thread.sleep(200);
      assertTrue(watch.tracker().isStalled(new TaskKey("a", "db_a", "olap_a")));
      assertFalse(watch.tracker().isStalled(new TaskKey("p", "db_p", "olap_p")), "paused is not stalled");
    }
    assertEquals(1, names().stream().filter("stalled"::equals).count(), names().toString());
  }

  @Test
  void aListenerThatThrowsEndsTheWatch() throws Exception {
    script.then(ok(page(task("a", "full", 30, null, 0))));
    IllegalStateException bug = new IllegalStateException("listener bug");
    SyncWatch watch = client().watch(INSTANCE, fast(), event -> {
      throw bug;
    });
    ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
        () -> watch.termination().get(10, TimeUnit.SECONDS));
    assertEquals(bug, e.getCause());
  }
}
