package io.htapsync.client.exception;

/**
 * Paging through all tasks stopped because the server's pages contradict each other (the same page
 * twice, a {@code total_count} that changes, no tasks where {@code total_count} promised some).
 * Ending with this exception is what guarantees that a stream of tasks always ends.
 */
public class InconsistentPagingException extends HtapSyncException {
  private static final long serialVersionUID = 1L;

  public InconsistentPagingException(String message) {
    super(message);
  }
}
