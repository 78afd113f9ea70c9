package io.htapsync.client.paging;

import io.htapsync.client.ReplicationPage;
import io.htapsync.client.exception.InconsistentPagingException;
import io.htapsync.client.model.StarRocksReplicationInfo;
import java.util.List;

/**
 * The rules of a walk over all of an instance's tasks, apart from how pages are fetched, so the
 * blocking {@link ReplicationSpliterator} and asynchronous walks end the same way.
 *
 * <p>The offset advances by the tasks actually received, because the service returns at most 50 per
 * page whatever {@code limit} asks: a short page is not the end. The walk ends when the offset
 * reaches {@code total_count}, or at an empty page whose {@code total_count} agrees that nothing is
 * left. It can never loop forever: every page must bring new tasks and the total is fixed by the
 * first page, so the offset strictly grows towards a fixed bound. A server that breaks that (the
 * same page twice, a total that changes, an empty page where tasks were promised) ends the walk with
 * an {@link InconsistentPagingException}. Not thread-safe: one walk, one sequence.
 */
public final class PageSequence {
  private final String instanceId;
  private final int pageSize;
  private long offset;
  private long expectedTotal = -1;
  private List<StarRocksReplicationInfo> previousPage = List.of();
  private boolean finished;

  public PageSequence(String instanceId, int pageSize) {
    this.instanceId = instanceId;
    this.pageSize = pageSize;
  }

  /** True while another page is to be fetched. */
  public boolean hasNext() {
    return !finished && (expectedTotal < 0 || offset < expectedTotal);
  }

  /**
   * The offset of the next page to fetch.
   *
   * @throws InconsistentPagingException when the offset would pass what a request can carry
   */
  public int nextOffset() {
    if (offset > Integer.MAX_VALUE - pageSize) {
      throw inconsistent("offset " + offset + " passed the largest offset a request can carry", null);
    }
    return (int) offset;
  }

  public int pageSize() {
    return pageSize;
  }

  /**
   * Checks the page fetched at {@link #nextOffset()} and advances past it.
   *
   * @return true when the page brought tasks; false when the walk ended at it
   * @throws InconsistentPagingException when the page contradicts the ones before it
   */
  public boolean accept(ReplicationPage page) {
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
      finished = true;
      return false;
    }
    if (tasks.equals(previousPage)) {
      throw inconsistent("the page at offset " + offset + " repeats the previous page ("
          + tasks.size() + " identical tasks); the server is not honouring offset", page.requestId());
    }
    previousPage = tasks;
    offset += tasks.size();
    return true;
  }

  private InconsistentPagingException inconsistent(String why, String requestId) {
    return new InconsistentPagingException("listing the tasks of instance " + instanceId + " stopped: "
        + why + (requestId == null ? "" : " (request id " + requestId + ")"));
  }
}
