package io.htapsync.client.sync;

import static io.htapsync.client.sync.SyncEvent.Type.PROGRESS;
import static io.htapsync.client.sync.SyncEvent.Type.POLL_FAILED;
import static io.htapsync.client.sync.SyncEvent.Type.RECOVERED;
import static io.htapsync.client.sync.SyncEvent.Type.STAGE_CHANGED;
import static io.htapsync.client.sync.SyncEvent.Type.STALLED;
import static io.htapsync.client.sync.SyncEvent.Type.STATUS_CHANGED;
import static io.htapsync.client.sync.SyncEvent.Type.SYNCED;
import static io.htapsync.client.sync.SyncEvent.Type.TASK_APPEARED;
import static io.htapsync.client.sync.SyncEvent.Type.TASK_DISAPPEARED;
import static io.htapsync.client.sync.Tasks.at;
import static io.htapsync.client.sync.Tasks.synced;
import static io.htapsync.client.sync.Tasks.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.htapsync.client.exception.ServerErrorException;
import io.htapsync.client.model.StarRocksReplicationInfo;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ChangeTrackerTest {
  final ChangeTracker tracker = new ChangeTracker(Tasks.INSTANCE, Duration.ofSeconds(60));

  static List<SyncEvent.Type> types(List<SyncEvent> events) {
    return events.stream().map(SyncEvent::type).collect(Collectors.toList());
  }

  @Test
  void wireNamesAreTheDocumentedOnes() {
    assertEquals(List.of("task_appeared", "task_disappeared", "stage_changed", "status_changed", "progress",
        "stalled", "poll_failed", "recovered", "synced"),
        java.util.Arrays.stream(SyncEvent.Type.values()).map(SyncEvent.Type::wireName).collect(Collectors.toList()));
    assertTrue(STALLED.isTaskEvent());
    assertFalse(POLL_FAILED.isTaskEvent());
  }

  @Test
  void aTaskGoesFromWaitingThroughFullSyncAndCatchUpToSynced() {
    assertEquals(List.of(TASK_APPEARED), types(tracker.observe(at(0, task("a", "wait", 0, null, null)))));

    List<SyncEvent> started = tracker.observe(at(10, task("a", "full", 0, null, null)));
    assertEquals(List.of(STAGE_CHANGED), types(started));
    assertEquals("stage", started.get(0).field());
    assertEquals("wait", started.get(0).from());
    assertEquals("full", started.get(0).to());
    assertEquals(TaskSyncState.FULL_SYNC, started.get(0).state());

    List<SyncEvent> moved = tracker.observe(at(20, task("a", "full", "57.5", null, null)));
    assertEquals(List.of(PROGRESS), types(moved));
    assertEquals(0, new BigDecimal("57.5").compareTo(moved.get(0).percentage()));
    assertEquals("percentage", moved.get(0).field());
    assertEquals("0", moved.get(0).from());
    assertEquals("57.5", moved.get(0).to());
    assertEquals(new TaskKey("a", "db_a", "olap_a"), moved.get(0).task());

    List<SyncEvent> catchingUp = tracker.observe(at(30, task("a", "incremental", 100, "full", 10)));
    // Both percentages moved: one progress event each, with the old and new value.
    assertEquals(List.of(STAGE_CHANGED, STAGE_CHANGED, PROGRESS, PROGRESS), types(catchingUp));
    assertEquals("catchup_stage", catchingUp.get(1).field());
    assertNull(catchingUp.get(1).from());
    assertEquals("full", catchingUp.get(1).to());
    assertEquals(List.of("percentage", "57.5", "100"),
        List.of(catchingUp.get(2).field(), catchingUp.get(2).from(), catchingUp.get(2).to()));
    assertEquals("catchup_percentage", catchingUp.get(3).field());
    assertNull(catchingUp.get(3).from());
    assertEquals("10", catchingUp.get(3).to());
    assertEquals(0, BigDecimal.TEN.compareTo(catchingUp.get(3).catchupPercentage()));

    List<SyncEvent> done = tracker.observe(at(40, task("a", "incremental", 100, "incremental", 100)));
    assertEquals(List.of(STAGE_CHANGED, PROGRESS, SYNCED), types(done));
    assertNull(done.get(2).task());
    assertEquals(Tasks.INSTANCE, done.get(2).instanceId());
    assertEquals(Tasks.T0.plusSeconds(40), done.get(2).time());

    assertEquals(List.of(), tracker.observe(at(50, task("a", "incremental", 100, "incremental", 100))),
        "synced is reported once, not on every poll");
  }

  @Test
  void casingAndNumberFormsAreNotChanges() {
    tracker.observe(at(0, task("a", "incremental", 100, "incremental", 100)));
    assertEquals(List.of(), tracker.observe(at(10, task("a", "Incremental", "100.0", "INCREMENTAL", "100"))));
  }

  @Test
  void statusChangesCarryFromAndTo() {
    tracker.observe(at(0, synced("a")));
    StarRocksReplicationInfo off = synced("a");
    off.setStatus("No");
    List<SyncEvent> events = tracker.observe(at(10, off));
    assertEquals(List.of(STATUS_CHANGED), types(events));
    assertEquals("status", events.get(0).field());
    assertEquals("Yes", events.get(0).from());
    assertEquals("No", events.get(0).to());
  }

  @Test
  void tasksAppearAndDisappearByNameAndDatabases() {
    StarRocksReplicationInfo first = task("dup", "full", 10, null, null);
    StarRocksReplicationInfo second = task("dup", "full", 20, null, null);
    second.setSourceDatabase("other_db");
    assertEquals(List.of(TASK_APPEARED, TASK_APPEARED), types(tracker.observe(at(0, first, second))),
        "one name on two database pairs is two tasks");
    List<SyncEvent> events = tracker.observe(at(10, second, synced("b")));
    assertEquals(List.of(TASK_APPEARED, TASK_DISAPPEARED), types(events));
    assertEquals("b", events.get(0).task().name());
    assertEquals(TaskKey.of(first), events.get(1).task());
    assertTrue(tracker.lastMoved(TaskKey.of(first)).isEmpty(), "a gone task leaves nothing behind");
  }

  @Test
  void aTaskThatStopsMovingStallsOnceAndMovementEndsIt() {
    TaskKey a = new TaskKey("a", "db_a", "olap_a");
    tracker.observe(at(0, task("a", "full", 40, null, null), synced("b"), task("c", "paused", 10, null, null)));
    assertEquals(List.of(), tracker.observe(at(59, task("a", "full", 40, null, null), synced("b"),
        task("c", "paused", 10, null, null))));
    assertFalse(tracker.isStalled(a));

    List<SyncEvent> stalled = tracker.observe(at(60, task("a", "full", 40, null, null), synced("b"),
        task("c", "paused", 10, null, null)));
    assertEquals(List.of(STALLED), types(stalled), "synced and paused tasks never stall");
    assertEquals(a, stalled.get(0).task());
    assertTrue(tracker.isStalled(a));
    assertEquals(java.util.Set.of(a), tracker.stalled());

    assertEquals(List.of(), tracker.observe(at(120, task("a", "full", 40, null, null), synced("b"),
        task("c", "paused", 10, null, null))), "reported once");

    assertEquals(List.of(PROGRESS), types(tracker.observe(at(130, task("a", "full", 41, null, null),
        synced("b"), task("c", "paused", 10, null, null)))));
    assertFalse(tracker.isStalled(a));
    assertEquals(Tasks.T0.plusSeconds(130), tracker.lastMoved(a).orElseThrow());
  }

  @Test
  void aPausedTaskThatResumesGetsAFreshStallClock() {
    tracker.observe(at(0, task("c", "paused", 10, null, null)));
    tracker.observe(at(600, task("c", "paused", 10, null, null)));
    assertEquals(List.of(STAGE_CHANGED), types(tracker.observe(at(610, task("c", "full", 10, null, null)))));
    assertEquals(List.of(), tracker.observe(at(660, task("c", "full", 10, null, null))));
    assertEquals(List.of(STALLED), types(tracker.observe(at(670, task("c", "full", 10, null, null)))));
  }

  @Test
  void failedPollsThenRecoveredKeepTheLastSnapshot() {
    SyncSnapshot first = at(0, task("a", "full", 40, null, null));
    tracker.observe(first);
    ServerErrorException outage = new ServerErrorException(503, null, null, "req-x", "");
    List<SyncEvent> failed = tracker.observeFailure(outage, Tasks.T0.plusSeconds(10));
    assertEquals(List.of(POLL_FAILED), types(failed));
    assertSame(outage, failed.get(0).error());
    assertEquals(1, failed.get(0).failedPolls());
    assertEquals(2, tracker.observeFailure(outage, Tasks.T0.plusSeconds(20)).get(0).failedPolls());
    assertSame(first, tracker.lastSnapshot());
    assertEquals(2, tracker.failedPolls());

    List<SyncEvent> back = tracker.observe(at(30, task("a", "full", 50, null, null)));
    assertEquals(List.of(RECOVERED, PROGRESS), types(back));
    assertEquals(2, back.get(0).failedPolls());
    assertEquals(0, tracker.failedPolls());
  }

  @Test
  void syncedAgainAfterFallingBehindIsReportedAgain() {
    assertEquals(List.of(TASK_APPEARED, SYNCED), types(tracker.observe(at(0, synced("a")))));
    tracker.observe(at(10, task("a", "incremental", 100, "full", 0)));
    assertEquals(List.of(STAGE_CHANGED, PROGRESS, SYNCED),
        types(tracker.observe(at(20, task("a", "incremental", 100, "incremental", 100)))));
  }

  @Test
  void anEmptyInstanceIsNotSynced() {
    assertEquals(List.of(), tracker.observe(at(0)));
  }

  @Test
  void badArgumentsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new ChangeTracker(Tasks.INSTANCE, Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> tracker.observe(
        new SyncSnapshot("ffffffffffffffffffffffffffffffffin07", Tasks.T0, null, List.of())));
  }
}
