package io.htapsync.client.exception;

import io.htapsync.client.internal.Snippets;

/**
 * A 2xx answer whose body is not the documented shape: not JSON, or JSON with types that no reading
 * of the API accepts. Not retried: the same request would get the same body.
 */
public class ResponseDecodingException extends HtapSyncException {
  private static final long serialVersionUID = 1L;

  private final String requestId;
  private final String bodySnippet;

  public ResponseDecodingException(String problem, String requestId, String bodySnippet,
      Throwable cause) {
    super(problem + Snippets.requestIdSuffix(requestId)
        + (bodySnippet != null ? "; body starts: " + bodySnippet : ""), cause);
    this.requestId = requestId;
    this.bodySnippet = bodySnippet;
  }

  /** The request's id from {@code X-Request-Id}; may be null. */
  public String requestId() {
    return requestId;
  }

  /** The start of the body, bounded and with control characters escaped. */
  public String bodySnippet() {
    return bodySnippet;
  }
}
