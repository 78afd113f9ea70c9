package io.htapsync.client.exception;

/**
 * Credentials are missing, incomplete or unusable: for example only one of the AK/SK environment
 * variables is set, or a token supplier returned nothing. Messages name the variable or argument at
 * fault and never contain a secret.
 */
public class CredentialsException extends HtapSyncException {
  private static final long serialVersionUID = 1L;

  public CredentialsException(String message) {
    super(message);
  }

  public CredentialsException(String message, Throwable cause) {
    super(message, cause);
  }
}
