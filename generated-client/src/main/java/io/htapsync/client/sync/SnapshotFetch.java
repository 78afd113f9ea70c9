package io.htapsync.client.sync;

import io.htapsync.client.ReplicationPage;
import io.htapsync.client.model.StarRocksReplicationInfo;
import io.htapsync.client.paging.PageSequence;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads every page of an instance into a {@link SyncSnapshot}, with the client's own paging rules
 * ({@link PageSequence}). The client's {@code snapshot} methods delegate here.
 */
public final class SnapshotFetch {
  /** Fetches one page without blocking: the client's {@code listReplicationsAsync}. */
  @FunctionalInterface
  public interface AsyncPages {
    CompletableFuture<ReplicationPage> page(int offset, int limit);
  }

  private SnapshotFetch() {}

  /**
   * @param stream the client's {@code streamReplications(instanceId, pageListener)}
   */
  public static SyncSnapshot blocking(String instanceId,
      Function<Consumer<ReplicationPage>, Stream<StarRocksReplicationInfo>> stream, Clock clock) {
    String[] firstRequestId = {null};
    boolean[] first = {true};
    List<StarRocksReplicationInfo> tasks = stream.apply(page -> {
      if (first[0]) {
        firstRequestId[0] = page.requestId();
        first[0] = false;
      }
    }).collect(Collectors.toList());
    return new SyncSnapshot(instanceId, clock.instant(), firstRequestId[0], tasks);
  }

  /**
   * Chains the page calls; no thread waits between them. Cancelling the future cancels the page in
   * flight and starts no other.
   */
  public static CompletableFuture<SyncSnapshot> async(String instanceId, AsyncPages pages, int pageSize,
      Clock clock) {
    AsyncWalk walk = new AsyncWalk(instanceId, pages, pageSize, clock);
    walk.next();
    return walk.result;
  }

  private static final class AsyncWalk {
    final String instanceId;
    final AsyncPages pages;
    final PageSequence sequence;
    final Clock clock;
    final List<StarRocksReplicationInfo> tasks = new ArrayList<>();
    final CompletableFuture<SyncSnapshot> result = new CompletableFuture<>() {
      @Override
      public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        CompletableFuture<ReplicationPage> page = current;
        if (page != null) {
          page.cancel(mayInterruptIfRunning);
        }
        return cancelled;
      }
    };
    volatile CompletableFuture<ReplicationPage> current;
    String requestId;
    boolean first = true;

    AsyncWalk(String instanceId, AsyncPages pages, int pageSize, Clock clock) {
      this.instanceId = instanceId;
      this.pages = pages;
      this.sequence = new PageSequence(instanceId, pageSize);
      this.clock = clock;
    }

    void next() {
      if (result.isDone()) {
        return;
      }
      try {
        if (!sequence.hasNext()) {
          result.complete(new SyncSnapshot(instanceId, clock.instant(), requestId, tasks));
          return;
        }
        CompletableFuture<ReplicationPage> page = pages.page(sequence.nextOffset(), sequence.pageSize());
        current = page;
        if (result.isDone()) {
          page.cancel(true); // cancelled while this page was being started
          return;
        }
        page.whenComplete(this::arrived);
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
      }
    }

    // Pages arrive one after another (the next is asked for only here), so no state is shared.
    private void arrived(ReplicationPage page, Throwable failure) {
      if (failure != null) {
        result.completeExceptionally(failure instanceof java.util.concurrent.CompletionException
            && failure.getCause() != null ? failure.getCause() : failure);
        return;
      }
      try {
        if (first) {
          requestId = page.requestId();
          first = false;
        }
        if (sequence.accept(page)) {
          tasks.addAll(page.replications());
        }
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
        return;
      }
      next();
    }
  }
}
