package io.htapsync.client;

/**
 * One page to list: an instance, a record offset and a page size. Every {@code listReplications}
 * overload comes down to one of these; arguments are checked once, when it is made.
 *
 * <pre>{@code
 * ReplicationPage first = client.listReplications(ListReplicationsRequest.of(instanceId));
 * ReplicationPage next = client.listReplications(ListReplicationsRequest.of(instanceId).withOffset(50));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ListReplicationsRequest {
  private final String instanceId;
  private final int offset;
  private final int limit;

  private ListReplicationsRequest(String instanceId, int offset, int limit) {
    this.instanceId = instanceId;
    this.offset = offset;
    this.limit = limit;
  }

  /** The first page: offset 0, limit 100 (the service returns at most 50 of them). */
  public static ListReplicationsRequest of(String instanceId) {
    return of(instanceId, 0, RequestArguments.MAX_LIMIT);
  }

  /**
   * @param offset record offset: offset N starts at record N+1
   * @param limit 1..100; the service returns at most 50
   * @throws IllegalArgumentException naming the bad argument
   */
  public static ListReplicationsRequest of(String instanceId, int offset, int limit) {
    RequestArguments.instanceId(instanceId);
    RequestArguments.page(offset, limit);
    return new ListReplicationsRequest(instanceId, offset, limit);
  }

  /** The same instance and page size at another offset; the instance ID is not checked again. */
  public ListReplicationsRequest withOffset(int offset) {
    RequestArguments.page(offset, limit);
    return new ListReplicationsRequest(instanceId, offset, limit);
  }

  /** The same instance and offset with another page size. */
  public ListReplicationsRequest withLimit(int limit) {
    RequestArguments.page(offset, limit);
    return new ListReplicationsRequest(instanceId, offset, limit);
  }

  public String instanceId() {
    return instanceId;
  }

  public int offset() {
    return offset;
  }

  public int limit() {
    return limit;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ListReplicationsRequest other && instanceId.equals(other.instanceId)
        && offset == other.offset && limit == other.limit;
  }

  @Override
  public int hashCode() {
    return (instanceId.hashCode() * 31 + offset) * 31 + limit;
  }

  @Override
  public String toString() {
    return "ListReplicationsRequest{instanceId=" + instanceId + ", offset=" + offset + ", limit=" + limit + '}';
  }
}
