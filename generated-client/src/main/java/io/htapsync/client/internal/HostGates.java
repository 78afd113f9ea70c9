package io.htapsync.client.internal;

import io.htapsync.client.exception.ThrottledException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import okhttp3.HttpUrl;

/**
 * A "not before" time per host, shared by all calls of the clients that share one {@code
 * HostThrottle} (by default, of one client). A 429 with {@code Retry-After}
 * from a regional host means the host is throttling this caller, not one instance's call: every
 * call to that host, sync or async, first attempt or retry, waits until the time has passed, so a
 * fleet of polls slows down together instead of each one hammering on until its own 429. Thread-safe.
 */
public final class HostGates {
  /** Closed until {@code openAtNanos} (on {@link Timing#nanoTime()}) because of {@code cause}. */
  record Gate(long openAtNanos, ThrottledException cause) { }

  private final ConcurrentMap<String, Gate> gates = new ConcurrentHashMap<>();

  /** The host of {@code url} asked for {@code retryAfter} in {@code cause}; a later gate wins. */
  public void close(HttpUrl url, Duration retryAfter, ThrottledException cause, long nowNanos) {
    if (retryAfter.isZero() || retryAfter.isNegative()) {
      return;
    }
    long openAt = nowNanos + Math.min(retryAfter.toNanos(), Long.MAX_VALUE / 4);
    gates.merge(key(url), new Gate(openAt, cause),
        (old, fresh) -> fresh.openAtNanos - old.openAtNanos > 0 ? fresh : old);
  }

  /** How long a request to {@code url}'s host must still wait; zero when its gate is open. */
  public long nanosUntilOpen(HttpUrl url, long nowNanos) {
    Gate gate = gates.get(key(url));
    if (gate == null) {
      return 0;
    }
    long left = gate.openAtNanos - nowNanos;
    if (left <= 0) {
      gates.remove(key(url), gate);
      return 0;
    }
    return left;
  }

  /**
   * The error for a call that cannot wait {@code nanosLeft} for the gate of {@code url}'s host: the
   * 429 that closed it, with the wait that is left as its {@code Retry-After}.
   */
  public ThrottledException rejection(HttpUrl url, long nanosLeft) {
    Gate gate = gates.get(key(url));
    ThrottledException cause = gate == null ? null : gate.cause;
    Duration left = Duration.ofNanos(Math.max(0, nanosLeft));
    if (cause == null) {
      return new ThrottledException(null, null, null, "", left);
    }
    return new ThrottledException(cause.errorCode(), cause.errorMessage(), cause.requestId(),
        cause.bodySnippet(), left);
  }

  private static String key(HttpUrl url) {
    return url.scheme() + "://" + url.host() + ":" + url.port();
  }
}
