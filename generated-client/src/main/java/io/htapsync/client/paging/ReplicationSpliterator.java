package io.htapsync.client.paging;

import io.htapsync.client.ReplicationPage;
import io.htapsync.client.exception.InconsistentPagingException;
import io.htapsync.client.internal.Snippets;
import io.htapsync.client.model.StarRocksReplicationInfo;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;

/**
 * Walks all of an instance's tasks page by page, lazily: a page is fetched only when the consumer
 * has used up the one before, and only one page is held at a time.
 *
 * <p>The offset advances by the tasks actually received, because the service returns at most 50 per
 * page whatever {@code limit} asks: a short page is not the end. The walk ends when the offset
 * reaches {@code total_count}, or at an empty page whose {@code total_count} agrees that nothing is
 * left. It can never loop forever: every page must bring new tasks and the total is fixed by the
 * first page, so the offset strictly grows towards a fixed bound. A server that breaks that (the
 * same page twice, a total that changes, an empty page where tasks were promised) ends the walk with
 * an {@link InconsistentPagingException}.
 */
public final class ReplicationSpliterator extends Spliterators.AbstractSpliterator<StarRocksReplicationInfo> {
  /** Fetches the page at an offset. */
  @FunctionalInterface
  public interface PageFetcher {
    ReplicationPage fetch(int offset, int limit);
  }

  private final String instanceId;
  private final PageFetcher fetcher;
  private final int pageSize;
  private final Consumer<ReplicationPage> pageListener;
  private long offset;
  private long expectedTotal = -1;
  private List<StarRocksReplicationInfo> previousPage = List.of();
  private Iterator<StarRocksReplicationInfo> current = List.<StarRocksReplicationInfo>of().iterator();
  private boolean finished;

  /**
   * @param pageListener told of each page as it arrives (after its checks), e.g. to show progress
   */
  public ReplicationSpliterator(String instanceId, PageFetcher fetcher, int pageSize,
      Consumer<ReplicationPage> pageListener) {
    super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
    this.instanceId = instanceId;
    this.fetcher = fetcher;
    this.pageSize = pageSize;
    this.pageListener = pageListener;
  }

  @Override
  public boolean tryAdvance(Consumer<? super StarRocksReplicationInfo> action) {
    while (!current.hasNext()) {
      if (finished || !fetchNextPage()) {
        finished = true;
        return false;
      }
    }
    action.accept(current.next());
    return true;
  }

  private boolean fetchNextPage() {
    if (expectedTotal >= 0 && offset >= expectedTotal) {
      return false;
    }
    if (offset > Integer.MAX_VALUE - pageSize) {
      throw inconsistent("offset " + offset + " passed the largest offset a request can carry", null);
    }
    ReplicationPage page = fetcher.fetch((int) offset, pageSize);
    List<StarRocksReplicationInfo> tasks = page.replications();
    if (expectedTotal < 0) {
      expectedTotal = page.totalCount();
    } else if (page.totalCount() != expectedTotal) {
      throw inconsistent("total_count changed from " + expectedTotal + " to " + page.totalCount()
          + " at offset " + offset + "; the tasks changed while paging, start the listing again",
          page.requestId());
    }
    if (tasks.isEmpty()) {
      if (offset < expectedTotal) {
        throw inconsistent("total_count is " + expectedTotal + " but the page at offset " + offset
            + " is empty", page.requestId());
      }
      return false;
    }
    if (tasks.equals(previousPage)) {
      throw inconsistent("the page at offset " + offset + " repeats the previous page ("
          + tasks.size() + " identical tasks); the server is not honouring offset", page.requestId());
    }
    previousPage = tasks;
    offset += tasks.size();
    current = tasks.iterator();
    pageListener.accept(page);
    return true;
  }

  private InconsistentPagingException inconsistent(String why, String requestId) {
    return new InconsistentPagingException("listing the tasks of instance " + instanceId + " stopped: "
        + why + Snippets.requestIdSuffix(requestId));
  }
}
