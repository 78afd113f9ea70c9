package io.htapsync.client.sync;

/**
 * Told what a watcher (or a waiter given one) sees. Called on the client's threads, one call at a
 * time and in order, never concurrently; return quickly, since the next poll waits for it. An
 * exception thrown from here ends the watch, reported as its cause.
 */
@FunctionalInterface
public interface SyncListener {
  /** One change; see {@link SyncEvent.Type} for what each means. */
  void onEvent(SyncEvent event);

  /** Every good poll's snapshot, after its events; e.g. to redraw a table. */
  default void onSnapshot(SyncSnapshot snapshot) {}

  /**
   * The watch ended by itself: a non-retryable error (a 400 such as {@code DBS.200022}, 401, 403,
   * a clock the gateway refuses, a closed client), or this listener threw. Not called after {@code close()}.
   */
  default void onStopped(Throwable cause) {}
}
