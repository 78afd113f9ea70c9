package io.htapsync.client.sync;

import io.htapsync.client.exception.ApiException;
import io.htapsync.client.exception.ClientErrorException;
import io.htapsync.client.exception.CredentialsException;
import io.htapsync.client.exception.HtapSyncException;
import io.htapsync.client.exception.InconsistentPagingException;
import io.htapsync.client.exception.ResponseDecodingException;
import io.htapsync.client.exception.ServerErrorException;
import io.htapsync.client.exception.ThrottledException;
import io.htapsync.client.exception.TransportException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Which failed polls a waiter or watcher outlives. The client has already retried each call under
 * its policy; this is the longer view of a poll loop: what a later poll, seconds or minutes on, can
 * see differently.
 */
final class PollFailures {
  private PollFailures() {}

  /**
   * True for outages and throttling (network failures, 429, 5xx), pages that changed while being
   * read, bodies that could not be decoded (a proxy's page served as 200), and a token supplier that
   * failed (an IAM outage: the next poll asks it again). False for answers a later poll would repeat:
   * 4xx such as 400 {@code DBS.200022}, 401 and 403 (a clock skew among them), a closed client, bugs.
   */
  static boolean isRetryable(Throwable failure) {
    if (failure instanceof ThrottledException || failure instanceof CredentialsException) {
      // Credentials are read when the client is built; at poll time only a supplier can fail.
      return true;
    }
    if (failure instanceof ClientErrorException) {
      return false;
    }
    return failure instanceof ServerErrorException || failure instanceof TransportException
        || failure instanceof InconsistentPagingException || failure instanceof ResponseDecodingException
        || (failure instanceof ApiException && ((ApiException) failure).httpStatus() >= 500);
  }

  /** The failure inside the futures' wrappers. */
  static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /** A retryable failure as the exception events carry (every retryable one already is one). */
  static HtapSyncException asHtapSync(Throwable failure) {
    return failure instanceof HtapSyncException ? (HtapSyncException) failure
        : new HtapSyncException("poll failed: " + failure, failure);
  }
}
