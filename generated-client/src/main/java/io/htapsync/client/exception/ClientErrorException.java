package io.htapsync.client.exception;

/** A 4xx answer: the request was wrong (bad instance, bad credentials, not allowed). Not retried. */
public class ClientErrorException extends ApiException {
  private static final long serialVersionUID = 1L;

  public ClientErrorException(int httpStatus, String errorCode, String errorMessage, String requestId,
      String bodySnippet) {
    super(httpStatus, errorCode, errorMessage, requestId, bodySnippet);
  }
}
