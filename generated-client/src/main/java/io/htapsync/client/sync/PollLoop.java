package io.htapsync.client.sync;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Polls one instance until told to stop, feeding a {@link ChangeTracker} and a {@link SyncListener}:
 * what the waiter and the watcher share. One poll at a time, each started by a timer after the one
 * before ended, so no thread waits between polls and callbacks never overlap. Subclasses decide when
 * the loop ends.
 */
abstract class PollLoop {
  private final SnapshotSource source;
  private final String instanceId;
  private final PollPacing pacing;
  final PollTimer timer;
  final ChangeTracker tracker;
  private final SyncListener listener;
  private volatile CompletableFuture<SyncSnapshot> inFlight;
  private volatile PollTimer.Scheduled nextPoll;
  private int failedPolls;

  PollLoop(SnapshotSource source, String instanceId, PollPacing pacing, PollTimer timer, ChangeTracker tracker,
      SyncListener listener) {
    this.source = source;
    this.instanceId = instanceId;
    this.pacing = pacing;
    this.timer = timer;
    this.tracker = tracker;
    this.listener = listener;
  }

  /** True once the loop has ended: no poll starts after that. */
  abstract boolean ended();

  /** After a good poll and its events; false ends the loop. */
  abstract boolean continueAfter(SyncSnapshot snapshot);

  /** After a retryable failed poll and its event; false ends the loop. */
  abstract boolean continueAfterFailure(Throwable failure, int failedPolls);

  /** A non-retryable failure, or the listener threw: the loop is over. */
  abstract void fatal(Throwable failure);

  final void start() {
    poll();
  }

  /** Calls off the next poll and cancels the one in flight; used once {@link #ended()} is true. */
  final void halt() {
    PollTimer.Scheduled next = nextPoll;
    if (next != null) {
      next.cancel();
    }
    CompletableFuture<SyncSnapshot> poll = inFlight;
    if (poll != null) {
      poll.cancel(true);
    }
  }

  private void poll() {
    if (ended()) {
      return;
    }
    CompletableFuture<SyncSnapshot> poll;
    try {
      poll = source.fetch(instanceId);
    } catch (RuntimeException e) {
      poll = CompletableFuture.failedFuture(e);
    }
    inFlight = poll;
    if (ended()) {
      poll.cancel(true); // ended while this poll was being started
      return;
    }
    poll.whenComplete(this::polled);
  }

  private void polled(SyncSnapshot snapshot, Throwable error) {
    inFlight = null;
    if (ended()) {
      return;
    }
    try {
      if (error == null) {
        failedPolls = 0;
        deliver(tracker.observe(snapshot));
        listener.onSnapshot(snapshot);
        if (continueAfter(snapshot)) {
          schedule(pacing.afterSuccess());
        }
        return;
      }
      Throwable failure = PollFailures.unwrap(error);
      if (!PollFailures.isRetryable(failure)) {
        fatal(failure);
        return;
      }
      failedPolls++;
      deliver(tracker.observeFailure(PollFailures.asHtapSync(failure), timer.now()));
      if (continueAfterFailure(failure, failedPolls)) {
        schedule(pacing.afterFailure(failedPolls));
      }
    } catch (RuntimeException listenerFailure) {
      fatal(listenerFailure);
    }
  }

  private void deliver(List<SyncEvent> events) {
    for (SyncEvent event : events) {
      if (ended()) {
        return;
      }
      listener.onEvent(event);
    }
  }

  private void schedule(Duration delay) {
    nextPoll = timer.schedule(this::poll, delay);
    if (ended()) {
      nextPoll.cancel(); // ended while the poll was being scheduled
    }
  }
}
