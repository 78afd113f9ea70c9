package io.htapsync.client.exception;

/**
 * A 5xx answer. 502, 503 and 504 are retried by default; the documented 500 is not, because the
 * service uses it for errors that a retry does not fix.
 */
public class ServerErrorException extends ApiException {
  private static final long serialVersionUID = 1L;

  public ServerErrorException(int httpStatus, String errorCode, String errorMessage, String requestId,
      String bodySnippet) {
    super(httpStatus, errorCode, errorMessage, requestId, bodySnippet);
  }
}
