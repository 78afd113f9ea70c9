package io.htapsync.client.exception;

/**
 * Base of every exception that htapsync throws on purpose. Unchecked, so that callers catch it where
 * they can act on it rather than at every call site.
 */
public class HtapSyncException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public HtapSyncException(String message) {
    super(message);
  }

  public HtapSyncException(String message, Throwable cause) {
    super(message, cause);
  }
}
