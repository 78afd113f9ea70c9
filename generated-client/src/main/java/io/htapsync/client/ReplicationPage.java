package io.htapsync.client;

import io.htapsync.client.model.StarRocksReplicationInfo;
import java.util.List;

/**
 * One page of an instance's synchronization tasks.
 *
 * <p>{@link #replications()} may hold fewer tasks than {@link #limit()} asked for even when more
 * follow: the service caps a page at 50. Use {@link #nextOffset()} and {@link #isLast()}, or let
 * {@link StarRocksReplicationClient#streamReplications(String)} page for you.
 */
public final class ReplicationPage {
  private final long totalCount;
  private final List<StarRocksReplicationInfo> replications;
  private final int offset;
  private final int limit;
  private final String requestId;

  public ReplicationPage(long totalCount, List<StarRocksReplicationInfo> replications, int offset,
      int limit, String requestId) {
    this.totalCount = totalCount;
    this.replications = List.copyOf(replications);
    this.offset = offset;
    this.limit = limit;
    this.requestId = requestId;
  }

  /** Tasks across all pages, as the service counted them for this response. */
  public long totalCount() {
    return totalCount;
  }

  /** This page's tasks, in the service's order; unmodifiable. */
  public List<StarRocksReplicationInfo> replications() {
    return replications;
  }

  /** The record offset this page was asked for. */
  public int offset() {
    return offset;
  }

  /** The page size this page was asked for. */
  public int limit() {
    return limit;
  }

  /** The {@code X-Request-Id} of the response, to quote to support; null when the service sent none. */
  public String requestId() {
    return requestId;
  }

  /** The offset of the next page: this one's plus the tasks actually received. */
  public long nextOffset() {
    return (long) offset + replications.size();
  }

  /** True when no tasks follow this page: it is empty, or it reaches {@link #totalCount()}. */
  public boolean isLast() {
    return replications.isEmpty() || nextOffset() >= totalCount;
  }

  @Override
  public String toString() {
    return "ReplicationPage{totalCount=" + totalCount + ", offset=" + offset + ", limit=" + limit
        + ", replications=" + replications.size() + ", requestId=" + requestId + '}';
  }
}
