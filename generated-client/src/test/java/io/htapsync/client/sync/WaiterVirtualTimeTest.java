package io.htapsync.client.sync;

import static io.htapsync.client.sync.Tasks.synced;
import static io.htapsync.client.sync.Tasks.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.htapsync.client.exception.ClientErrorException;
import io.htapsync.client.exception.ServerErrorException;
import io.htapsync.client.exception.TransportException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** The waiter's timing and endings in virtual time: half an hour of polls in milliseconds. */
class WaiterVirtualTimeTest {
  final VirtualTimer timer = new VirtualTimer();
  final ScriptedSource source = new ScriptedSource(timer);

  WaitOptions.Builder options() {
    return WaitOptions.builder().timer(timer);
  }

  static Throwable failureOf(CompletableFuture<?> future) {
    ExecutionException e = assertThrows(ExecutionException.class, future::get);
    return e.getCause();
  }

  @Test
  void theDefaultsPollEveryTenSecondsGiveOrTakeAndTimeOutAtThirtyMinutes() {
    source.then(task("a", "full", 10, null, null));
    CompletableFuture<SyncSnapshot> wait = SyncWaiter.waitAsync(source, Tasks.INSTANCE, options().build());
    timer.runUntil(Duration.ofHours(1));
    WaitTimeoutException timeout = (WaitTimeoutException) failureOf(wait);
    assertEquals(Duration.ofMinutes(30), timer.elapsed(), "thrown at the timeout, not a poll later");
    assertEquals("a", timeout.lastSnapshot().tasks().get(0).getTaskName());
    assertEquals(Duration.ofMinutes(30), timeout.timeout());
    // 1,800 s at 9..11 s per poll, the first poll at once
    assertTrue(source.fetches >= 1 + 1800 / 11 && source.fetches <= 1 + 1800 / 9, "polls: " + source.fetches);
    assertEquals(0, timer.pending(), "nothing left scheduled");
  }

  @Test
  void syncedAfterSomePollsCompletesWithThatSnapshot() {
    source.then(task("a", "wait", 0, null, null)).then(task("a", "full", 50, null, null))
        .then(task("a", "incremental", 100, "full", 20)).then(synced("a"));
    CompletableFuture<SyncSnapshot> wait = SyncWaiter.waitAsync(source, Tasks.INSTANCE,
        options().pollInterval(Duration.ofSeconds(5)).pollJitter(0).build());
    timer.runUntil(Duration.ofHours(1));
    assertTrue(wait.join().isSynced());
    assertEquals(4, source.fetches);
    assertEquals(Duration.ofSeconds(15), timer.elapsed());
    assertEquals(0, timer.pending(), "the timeout timer is called off");
  }

  @Test
  void retryableFailuresDoNotEndTheWaitAndBackOff() {
    ServerErrorException outage = new ServerErrorException(503, null, null, null, "");
    source.then(task("a", "full", 10, null, null)).thenFail(outage).thenFail(outage)
        .thenFail(new TransportException("connection refused", 3, null)).then(synced("a"));
    List<SyncEvent> events = new ArrayList<>();
    CompletableFuture<SyncSnapshot> wait = SyncWaiter.waitAsync(source, Tasks.INSTANCE,
        options().pollInterval(Duration.ofSeconds(10)).pollJitter(0).maxBackoff(Duration.ofSeconds(60))
            .listener(events::add).build());
    timer.runUntil(Duration.ofHours(1));
    assertTrue(wait.join().isSynced());
    // 10 s, then 20 s, 40 s, 60 s (capped) after the three failures
    assertEquals(Duration.ofSeconds(130), timer.elapsed());
    assertEquals(List.of("task_appeared", "poll_failed", "poll_failed", "poll_failed", "recovered",
        "stage_changed", "progress", "synced"),
        events.stream().map(e -> e.type().wireName()).collect(java.util.stream.Collectors.toList()));
  }

  @Test
  void maxConsecutiveFailedPollsEndsTheWaitWithTheFailure() {
    ServerErrorException outage = new ServerErrorException(503, null, null, null, "");
    source.thenFail(outage);
    CompletableFuture<SyncSnapshot> wait = SyncWaiter.waitAsync(source, Tasks.INSTANCE,
        options().maxConsecutiveFailedPolls(3).build());
    timer.runUntil(Duration.ofHours(1));
    assertSame(outage, failureOf(wait));
    assertEquals(3, source.fetches);
  }

  @Test
  void aNonRetryableErrorEndsTheWaitAtOnce() {
    ClientErrorException forbidden = new ClientErrorException(403, "APIGW.0302", "forbidden", null, "");
    source.then(task("a", "full", 10, null, null)).thenFail(forbidden);
    CompletableFuture<SyncSnapshot> wait = SyncWaiter.waitAsync(source, Tasks.INSTANCE, options().build());
    timer.runUntil(Duration.ofHours(1));
    assertSame(forbidden, failureOf(wait));
    assertEquals(2, source.fetches);
    assertTrue(timer.elapsed().compareTo(Duration.ofSeconds(11)) <= 0, "ended at the failing poll");
  }

  @Test
  void failOnCancelledEndsTheWaitWhenATaskIsCancelled() {
    source.then(synced("a"), task("b", "cancelled", 30, null, null));
    CompletableFuture<SyncSnapshot> wait = SyncWaiter.waitAsync(source, Tasks.INSTANCE,
        options().failOnCancelled(true).build());
    timer.runUntil(Duration.ofHours(1));
    TaskCancelledException cancelled = (TaskCancelledException) failureOf(wait);
    assertEquals("b", cancelled.task().name());
    assertEquals(1, source.fetches);

    ScriptedSource patient = new ScriptedSource(timer).then(task("b", "cancelled", 30, null, null));
    CompletableFuture<SyncSnapshot> withoutIt = SyncWaiter.waitAsync(patient, Tasks.INSTANCE,
        options().timeout(Duration.ofMinutes(1)).build());
    timer.runUntil(Duration.ofHours(2));
    assertTrue(failureOf(withoutIt) instanceof WaitTimeoutException, "by default a cancelled task is waited on");
  }

  @Test
  void cancellingTheFutureStopsThePolling() {
    source.then(task("a", "full", 10, null, null));
    CompletableFuture<SyncSnapshot> wait = SyncWaiter.waitAsync(source, Tasks.INSTANCE, options().build());
    timer.runUntil(Duration.ofSeconds(60));
    int before = source.fetches;
    assertTrue(before >= 5);
    wait.cancel(true);
    timer.runUntil(Duration.ofHours(1));
    assertEquals(before, source.fetches, "no poll after the cancel");
    assertEquals(0, timer.pending());
  }

  @Test
  void aTimeoutBeforeAnyGoodPollHasNoSnapshot() {
    source.thenFail(new TransportException("refused", 3, null));
    CompletableFuture<SyncSnapshot> wait = SyncWaiter.waitAsync(source, Tasks.INSTANCE,
        options().timeout(Duration.ofMinutes(2)).build());
    timer.runUntil(Duration.ofHours(1));
    WaitTimeoutException timeout = (WaitTimeoutException) failureOf(wait);
    assertEquals(null, timeout.lastSnapshot());
    assertTrue(timeout.getMessage().contains("no poll succeeded"), timeout.getMessage());
  }

  @Test
  void pacingStaysInItsBounds() {
    PollPacing low = new PollPacing(Duration.ofSeconds(10), 0.1, Duration.ofMinutes(1), () -> 0.0);
    PollPacing high = new PollPacing(Duration.ofSeconds(10), 0.1, Duration.ofMinutes(1), () -> 0.999999);
    assertEquals(Duration.ofSeconds(9), low.afterSuccess());
    assertTrue(high.afterSuccess().compareTo(Duration.ofSeconds(11)) < 0);
    assertTrue(high.afterSuccess().compareTo(Duration.ofMillis(10_999)) > 0);
    assertEquals(Duration.ofSeconds(20), low.afterFailure(1));
    assertEquals(Duration.ofSeconds(60), low.afterFailure(5));
    assertEquals(Duration.ofSeconds(60), low.afterFailure(10_000), "capped, no overflow");
    assertTrue(high.afterFailure(10_000).compareTo(Duration.ofSeconds(54)) >= 0);
    assertFalse(high.afterFailure(1).compareTo(Duration.ofSeconds(18)) < 0);
  }

  @Test
  void badOptionsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> WaitOptions.builder().pollInterval(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> WaitOptions.builder().timeout(Duration.ofSeconds(-1)));
    assertThrows(IllegalArgumentException.class, () -> WaitOptions.builder().pollJitter(1.5));
    assertThrows(IllegalArgumentException.class, () -> WaitOptions.builder().pollJitter(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> WaitOptions.builder().maxConsecutiveFailedPolls(0));
  }
}
