package io.htapsync.client.internal;

import io.htapsync.client.exception.ApiException;
import io.htapsync.client.exception.CallInterruptedException;
import io.htapsync.client.exception.ResponseDecodingException;
import io.htapsync.client.exception.ThrottledException;
import io.htapsync.client.listener.CallListener;
import io.htapsync.client.listener.CallResult;
import io.htapsync.client.listener.CallResult.Outcome;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;

/**
 * Tells a {@link CallListener} about one logical call. Whatever the listener throws is logged and
 * dropped here, so it can never change the call's outcome.
 */
final class CallEvents {
  private static final System.Logger LOG = System.getLogger(CallEvents.class.getName());

  private final CallListener listener;
  private final String instanceId;
  private final Timing timing;
  private final long startNanos;
  private volatile int attempts;
  private volatile int lastStatus;

  CallEvents(CallListener listener, String instanceId, Timing timing) {
    this.listener = listener;
    this.instanceId = instanceId;
    this.timing = timing;
    this.startNanos = timing.nanoTime();
  }

  long startNanos() {
    return startNanos;
  }

  /** Attempt {@code attempt} starts now; returns its start, for {@link #attemptEnded}. */
  long attemptStarted(int attempt) {
    attempts = attempt;
    lastStatus = 0;
    safely(() -> listener.attemptStarted(instanceId, attempt));
    return timing.nanoTime();
  }

  void attemptEnded(int attempt, int httpStatus, long attemptStartNanos) {
    lastStatus = httpStatus;
    Duration took = Duration.ofNanos(timing.nanoTime() - attemptStartNanos);
    safely(() -> listener.attemptEnded(instanceId, attempt, httpStatus, took));
  }

  void retryScheduled(int nextAttempt, Duration delay) {
    safely(() -> listener.retryScheduled(instanceId, nextAttempt, delay));
  }

  /** The call ended: {@code error} is null on success. */
  void finished(Throwable error) {
    Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    String code = e instanceof ApiException api ? api.errorCode() : null;
    CallResult result = new CallResult(instanceId, outcome(e), lastStatus, code, attempts,
        Duration.ofNanos(timing.nanoTime() - startNanos));
    safely(() -> listener.callFinished(result));
  }

  private static Outcome outcome(Throwable e) {
    if (e == null) {
      return Outcome.SUCCESS;
    }
    if (e instanceof ThrottledException) {
      return Outcome.THROTTLED;
    }
    if (e instanceof ApiException) {
      return Outcome.API_ERROR;
    }
    if (e instanceof ResponseDecodingException) {
      return Outcome.DECODING_ERROR;
    }
    if (e instanceof CancellationException || e instanceof CallInterruptedException
        || e instanceof IllegalStateException) {
      return Outcome.CANCELLED; // IllegalStateException: the client was closed under the call
    }
    return Outcome.TRANSPORT_ERROR;
  }

  private void safely(Runnable event) {
    if (listener == CallListener.NONE) {
      return;
    }
    try {
      event.run();
    } catch (RuntimeException | LinkageError | AssertionError e) {
      LOG.log(Level.WARNING, "CallListener " + listener.getClass().getName() + " threw; ignored", e);
    }
  }
}
