package io.htapsync.client.sync;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A running watch of one instance: polls it and tells a {@link SyncListener} what changed, until
 * {@link #close()}. Failed polls are reported ({@code poll_failed}) and retried with a capped,
 * jittered backoff; the watch outlives any outage, throttling, or a token supplier that fails for a
 * while. Only a non-retryable error (400 {@code DBS.200022}, 401, 403, a clock the gateway refuses, a
 * closed client) or a listener that throws ends it by itself, reported to {@link SyncListener#onStopped} and through {@link #termination()}.
 *
 * <p>It holds the last snapshot only, so memory stays flat however long it runs. No thread of its
 * own waits: polls are timer tasks and asynchronous calls.
 */
public final class SyncWatch implements AutoCloseable {
  private final Loop loop;

  private SyncWatch(Loop loop) {
    this.loop = loop;
  }

  /** Starts polling now; the client's {@code watch} delegates here. */
  public static SyncWatch start(SnapshotSource source, String instanceId, WatchOptions options,
      SyncListener listener) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(listener, "listener");
    Loop loop = new Loop(source, instanceId, options, listener);
    loop.start();
    return new SyncWatch(loop);
  }

  /**
   * Completes normally when {@link #close()} is called, exceptionally with the error that ended the
   * watch by itself. Cancelling it closes the watch.
   */
  public CompletableFuture<Void> termination() {
    return loop.termination;
  }

  /** True until closed or ended by an error. */
  public boolean isRunning() {
    return !loop.termination.isDone();
  }

  /** The tracker behind the events: the last snapshot, the stalled tasks. */
  public ChangeTracker tracker() {
    return loop.tracker;
  }

  /** Stops polling: no request starts after this, and a poll in flight is cancelled. Idempotent. */
  @Override
  public void close() {
    loop.termination.complete(null);
    loop.halt();
  }

  private static final class Loop extends PollLoop {
    final SyncListener listener;
    final CompletableFuture<Void> termination = new CompletableFuture<>() {
      @Override
      public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        halt();
        return cancelled;
      }
    };

    Loop(SnapshotSource source, String instanceId, WatchOptions options, SyncListener listener) {
      super(source, instanceId, options.pacing(), options.timer(),
          new ChangeTracker(instanceId, options.stallAfter()), listener);
      this.listener = listener;
    }

    @Override
    boolean ended() {
      return termination.isDone();
    }

    @Override
    boolean continueAfter(SyncSnapshot snapshot) {
      return true;
    }

    @Override
    boolean continueAfterFailure(Throwable failure, int failedPolls) {
      return true;
    }

    @Override
    void fatal(Throwable failure) {
      if (termination.isDone()) {
        return;
      }
      try {
        listener.onStopped(failure);
      } finally {
        termination.completeExceptionally(failure);
        halt();
      }
    }
  }
}
