package io.htapsync.client.sync;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** A snapshot source answering at once from a script; the last step repeats forever. */
final class ScriptedSource implements SnapshotSource {
  private final VirtualTimer timer;
  private final Deque<Supplier<Object>> script = new ArrayDeque<>();
  private Supplier<Object> last;
  int fetches;

  ScriptedSource(VirtualTimer timer) {
    this.timer = timer;
  }

  /** The next poll sees these tasks, stamped with the virtual time. */
  ScriptedSource then(io.htapsync.client.model.StarRocksReplicationInfo... tasks) {
    script.add(() -> new SyncSnapshot(Tasks.INSTANCE, timer.now(), null, java.util.List.of(tasks)));
    return this;
  }

  /** The next poll fails with this. */
  ScriptedSource thenFail(RuntimeException failure) {
    script.add(() -> failure);
    return this;
  }

  @Override
  public CompletableFuture<SyncSnapshot> fetch(String instanceId) {
    fetches++;
    Supplier<Object> step = script.isEmpty() ? last : script.poll();
    last = step;
    Object answer = step.get();
    return answer instanceof SyncSnapshot ? CompletableFuture.completedFuture((SyncSnapshot) answer)
        : CompletableFuture.failedFuture((RuntimeException) answer);
  }
}
