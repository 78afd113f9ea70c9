package io.htapsync.client.sync;

import io.htapsync.client.exception.HtapSyncException;

/** A task was cancelled while waiting, with {@link WaitOptions.Builder#failOnCancelled(boolean)} on. */
public class TaskCancelledException extends HtapSyncException {
  private static final long serialVersionUID = 1L;

  private final TaskKey task;
  private final transient SyncSnapshot snapshot;

  public TaskCancelledException(TaskKey task, SyncSnapshot snapshot) {
    super("task " + task + " of instance " + snapshot.instanceId() + " is cancelled; it will not sync");
    this.task = task;
    this.snapshot = snapshot;
  }

  public TaskKey task() {
    return task;
  }

  /** The snapshot that showed the cancelled task. */
  public SyncSnapshot snapshot() {
    return snapshot;
  }
}
