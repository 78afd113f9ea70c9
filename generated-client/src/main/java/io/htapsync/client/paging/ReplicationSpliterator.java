package io.htapsync.client.paging;

import io.htapsync.client.ReplicationPage;
import io.htapsync.client.model.StarRocksReplicationInfo;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;

/**
 * Walks all of an instance's tasks page by page, lazily: a page is fetched only when the consumer
 * has used up the one before, and only one page is held at a time. How the walk advances and ends
 * (and why it cannot loop forever) is {@link PageSequence}'s job.
 */
public final class ReplicationSpliterator extends Spliterators.AbstractSpliterator<StarRocksReplicationInfo> {
  /** Fetches the page at an offset. */
  @FunctionalInterface
  public interface PageFetcher {
    ReplicationPage fetch(int offset, int limit);
  }

  private final PageFetcher fetcher;
  private final PageSequence sequence;
  private final Consumer<ReplicationPage> pageListener;
  private Iterator<StarRocksReplicationInfo> current = List.<StarRocksReplicationInfo>of().iterator();
  private boolean finished;

  /**
   * @param pageListener told of each page as it arrives (after its checks), e.g. to show progress
   */
  public ReplicationSpliterator(String instanceId, PageFetcher fetcher, int pageSize,
      Consumer<ReplicationPage> pageListener) {
    super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
    this.fetcher = fetcher;
    this.sequence = new PageSequence(instanceId, pageSize);
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
    if (!sequence.hasNext()) {
      return false;
    }
    ReplicationPage page = fetcher.fetch(sequence.nextOffset(), sequence.pageSize());
    if (!sequence.accept(page)) {
      return false;
    }
    current = page.replications().iterator();
    pageListener.accept(page);
    return true;
  }
}
