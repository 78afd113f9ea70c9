package io.htapsync.client.exception;

import io.htapsync.client.internal.Snippets;

/**
 * The service (or a gateway or proxy in front of it) answered with a non-2xx status.
 *
 * <p>{@link #errorCode()} and {@link #errorMessage()} come from whichever error body arrived: the
 * documented {@code error_code}/{@code error_msg}, the API gateway's form (which adds {@code
 * request_id}), or the {@code code}/{@code message} form. When the body is not JSON (an HTML page from
 * a proxy, an empty body) both are null and {@link #bodySnippet()} holds the start of the body.
 */
public class ApiException extends HtapSyncException {
  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final String errorCode;
  private final String errorMessage;
  private final String requestId;
  private final String bodySnippet;

  public ApiException(int httpStatus, String errorCode, String errorMessage, String requestId,
      String bodySnippet) {
    super(describe(httpStatus, errorCode, errorMessage, requestId, bodySnippet));
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
    this.errorMessage = errorMessage;
    this.requestId = requestId;
    this.bodySnippet = bodySnippet;
  }

  /** The HTTP status code. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The service's error code, e.g. {@code DBS.200022}; null when the body carried none. */
  public String errorCode() {
    return errorCode;
  }

  /** The service's error message; null when the body carried none. */
  public String errorMessage() {
    return errorMessage;
  }

  /** The request's id from {@code X-Request-Id} (or the body's {@code request_id}); may be null. */
  public String requestId() {
    return requestId;
  }

  /** The start of the body, bounded and with control characters escaped; empty for an empty body. */
  public String bodySnippet() {
    return bodySnippet;
  }

  private static String describe(int status, String code, String message, String requestId,
      String snippet) {
    StringBuilder text = new StringBuilder("HTTP ").append(status);
    if (code != null) {
      text.append(' ').append(code);
    }
    if (message != null) {
      text.append(": ").append(message);
    }
    if (code == null && message == null) {
      text.append(snippet == null || snippet.isEmpty() ? " with an empty body" : ", body: " + snippet);
    }
    return text.append(Snippets.requestIdSuffix(requestId)).toString();
  }
}
