package io.htapsync.client.exception;

import java.time.Duration;
import java.util.Optional;

/**
 * A 429 answer that was still throttled after the retries the policy allows, or whose {@code
 * Retry-After} asked for a longer wait than the policy accepts.
 */
public class ThrottledException extends ClientErrorException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  public ThrottledException(String errorCode, String errorMessage, String requestId, String bodySnippet,
      Duration retryAfter) {
    super(429, errorCode, errorMessage, requestId, bodySnippet);
    this.retryAfter = retryAfter;
  }

  /** How long the server asked the caller to wait ({@code Retry-After}), when it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
