package io.htapsync.client.exception;

/**
 * The thread making a blocking call was interrupted: the attempt in flight was cancelled (or the wait
 * before the next one ended) and nothing more is sent. The thread's interrupt flag stays set, so code
 * further up still sees the interruption.
 */
public class CallInterruptedException extends TransportException {
  private static final long serialVersionUID = 1L;

  public CallInterruptedException(String message, int attempts, Throwable cause) {
    super(message, attempts, cause);
  }
}
