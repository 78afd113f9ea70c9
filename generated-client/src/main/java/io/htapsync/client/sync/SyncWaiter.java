package io.htapsync.client.sync;

import io.htapsync.client.exception.HtapSyncException;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Waits until an instance is synced ({@link SyncSnapshot#isSynced()}), polling as {@link WaitOptions}
 * say; the client's {@code waitUntilSynced} methods delegate here.
 *
 * <p>How a wait ends: the first synced snapshot completes it. A retryable failed poll (outage,
 * throttling, after the client's own retries) does not end it, unless {@link
 * WaitOptions#maxConsecutiveFailedPolls()} are reached; a non-retryable one (400 {@code DBS.200022},
 * 401, 403, bad credentials) ends it at once with that exception. At {@link WaitOptions#timeout()} it
 * ends with {@link WaitTimeoutException}, at once, cancelling any poll in flight.
 */
public final class SyncWaiter {
  private SyncWaiter() {}

  /** Waits without blocking a thread; cancelling the future stops the polling (no request after it). */
  public static CompletableFuture<SyncSnapshot> waitAsync(SnapshotSource source, String instanceId,
      WaitOptions options) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(options, "options");
    Wait wait = new Wait(source, instanceId, options);
    wait.begin();
    return wait.result;
  }

  /**
   * Blocks until synced.
   *
   * @throws WaitTimeoutException at the timeout, with the last snapshot
   * @throws HtapSyncException the poll failure that ended the wait; interrupted waits stop polling
   *     and throw one too, with the thread's interrupt flag set again
   */
  public static SyncSnapshot await(SnapshotSource source, String instanceId, WaitOptions options) {
    CompletableFuture<SyncSnapshot> future = waitAsync(source, instanceId, options);
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new HtapSyncException("interrupted while waiting for instance " + instanceId + " to sync", e);
    } catch (ExecutionException e) {
      Throwable cause = PollFailures.unwrap(e);
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new HtapSyncException("waiting for instance " + instanceId + " failed: " + cause, cause);
    } catch (CancellationException e) {
      throw new HtapSyncException("the wait for instance " + instanceId + " was cancelled", e);
    }
  }

  private static final class Wait extends PollLoop {
    final String instanceId;
    final WaitOptions options;
    final CompletableFuture<SyncSnapshot> result = new CompletableFuture<>() {
      @Override
      public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        stop();
        return cancelled;
      }
    };
    volatile PollTimer.Scheduled deadline;

    Wait(SnapshotSource source, String instanceId, WaitOptions options) {
      super(source, instanceId, options.pacing(), options.timer(),
          new ChangeTracker(instanceId, options.stallAfter()), options.listener());
      this.instanceId = instanceId;
      this.options = options;
    }

    void begin() {
      deadline = timer.schedule(this::timedOut, options.timeout());
      start();
    }

    @Override
    boolean ended() {
      return result.isDone();
    }

    @Override
    boolean continueAfter(SyncSnapshot snapshot) {
      if (snapshot.isSynced()) {
        finish(() -> result.complete(snapshot));
        return false;
      }
      if (options.failOnCancelled()) {
        for (var task : snapshot.tasks()) {
          if (snapshot.stateOf(task) == TaskSyncState.CANCELLED) {
            finish(() -> result.completeExceptionally(new TaskCancelledException(TaskKey.of(task), snapshot)));
            return false;
          }
        }
      }
      return true;
    }

    @Override
    boolean continueAfterFailure(Throwable failure, int failedPolls) {
      if (failedPolls >= options.maxConsecutiveFailedPolls()) {
        finish(() -> result.completeExceptionally(failure));
        return false;
      }
      return true;
    }

    @Override
    void fatal(Throwable failure) {
      finish(() -> result.completeExceptionally(failure));
    }

    private void timedOut() {
      finish(() -> result.completeExceptionally(
          new WaitTimeoutException(instanceId, options.timeout(), tracker.lastSnapshot())));
    }

    private void finish(Runnable outcome) {
      outcome.run();
      stop();
    }

    private void stop() {
      PollTimer.Scheduled d = deadline;
      if (d != null) {
        d.cancel();
      }
      halt();
    }
  }
}
