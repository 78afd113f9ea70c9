package io.htapsync.client.sync;

import io.htapsync.client.exception.HtapSyncException;
import io.htapsync.client.internal.HumanDuration;
import java.time.Duration;

/** The instance was not synced when {@link WaitOptions#timeout()} ran out. */
public class WaitTimeoutException extends HtapSyncException {
  private static final long serialVersionUID = 1L;

  private final transient SyncSnapshot lastSnapshot;
  private final Duration timeout;

  public WaitTimeoutException(String instanceId, Duration timeout, SyncSnapshot lastSnapshot) {
    super("instance " + instanceId + " was not synced within " + HumanDuration.of(timeout) + ": "
        + (lastSnapshot == null ? "no poll succeeded"
            : lastSnapshot.syncedCount() + " of " + lastSnapshot.tasks().size() + " tasks synced at "
                + lastSnapshot.time()));
    this.lastSnapshot = lastSnapshot;
    this.timeout = timeout;
  }

  /** The last successful poll's snapshot; null only when no poll succeeded. */
  public SyncSnapshot lastSnapshot() {
    return lastSnapshot;
  }

  public Duration timeout() {
    return timeout;
  }
}
