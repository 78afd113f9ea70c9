package io.htapsync.client.exception;

/**
 * The call failed below HTTP: connection refused or reset, a timeout, a body cut short, TLS. Thrown
 * after the retries the policy allows; {@link #attempts()} says how many were made.
 */
public class TransportException extends HtapSyncException {
  private static final long serialVersionUID = 1L;

  private final int attempts;

  public TransportException(String message, int attempts, Throwable cause) {
    super(message + " (after " + attempts + (attempts == 1 ? " attempt)" : " attempts)"), cause);
    this.attempts = attempts;
  }

  /** How many attempts were made before giving up. */
  public int attempts() {
    return attempts;
  }
}
