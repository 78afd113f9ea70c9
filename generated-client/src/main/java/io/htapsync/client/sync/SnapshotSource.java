package io.htapsync.client.sync;

import java.util.concurrent.CompletableFuture;

/** Where a waiter or watcher gets each poll's snapshot: normally the client's {@code snapshotAsync}. */
@FunctionalInterface
public interface SnapshotSource {
  /** One poll; cancelling the future should cancel the poll's request in flight. */
  CompletableFuture<SyncSnapshot> fetch(String instanceId);
}
