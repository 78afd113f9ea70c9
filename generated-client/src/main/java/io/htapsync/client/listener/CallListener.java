package io.htapsync.client.listener;

import java.time.Duration;

/**
 * Told of each logical call and its HTTP attempts, for metrics and tracing without adding a
 * dependency to the client ({@code htapsync-micrometer} implements it with Micrometer).
 *
 * <p>Methods run on the thread that made the attempt (the caller's, or OkHttp's dispatcher for async
 * calls), so they must be quick and must not block. An exception a listener throws is swallowed: a
 * listener never changes the outcome of a call. No argument ever carries a credential.
 */
public interface CallListener {
  /** A listener that does nothing; the client's default. */
  CallListener NONE = new CallListener() { };

  /** Attempt {@code attempt} (1-based) of a call for {@code instanceId} is about to be sent. */
  default void attemptStarted(String instanceId, int attempt) { }

  /**
   * An attempt ended: {@code httpStatus} is the response's status, or 0 when there was no response
   * (connection failure, timeout, cancellation).
   */
  default void attemptEnded(String instanceId, int attempt, int httpStatus, Duration duration) { }

  /** The client will wait {@code delay} and then send attempt {@code nextAttempt}. */
  default void retryScheduled(String instanceId, int nextAttempt, Duration delay) { }

  /** The logical call ended, after all its attempts. */
  default void callFinished(CallResult result) { }
}
