package io.htapsync.client.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleSupplier;

/**
 * When a failed attempt is tried again, and how long to wait first.
 *
 * <p>Listing tasks is an idempotent GET, so retries are on by default for failures that a later
 * attempt can fix: I/O failures and timeouts, 429, 502, 503 and 504. The documented 400 and 500 are
 * not retried. Waits grow exponentially with full jitter (a random wait between zero and the
 * exponential bound, which spreads out clients that failed together). A {@code Retry-After} from the
 * server is honoured when it is at most {@link Builder#maxRetryAfter(Duration)}; a longer one ends
 * the retries, so the caller sees the server's hint rather than a silently long block. No attempt
 * starts, and no attempt runs, past the overall {@link Builder#deadline(Duration)}.
 *
 * <p>Immutable and thread-safe.
 */
public final class RetryPolicy {
  private static final Set<Integer> DEFAULT_STATUSES = Set.of(429, 502, 503, 504);

  private final int maxAttempts;
  private final Duration baseDelay;
  private final Duration maxDelay;
  private final Duration maxRetryAfter;
  private final Duration deadline;
  private final Set<Integer> retryableStatuses;
  private final boolean retryOnIoFailure;

  private RetryPolicy(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.baseDelay = b.baseDelay;
    this.maxDelay = b.maxDelay;
    this.maxRetryAfter = b.maxRetryAfter;
    this.deadline = b.deadline;
    this.retryableStatuses = Set.copyOf(b.retryableStatuses);
    this.retryOnIoFailure = b.retryOnIoFailure;
  }

  /** 3 attempts, waits from 200 ms up to 10 s, Retry-After honoured up to 60 s, 2-minute deadline. */
  public static RetryPolicy defaults() {
    return builder().build();
  }

  /** One attempt, no retries (the overall deadline of the defaults still bounds the call). */
  public static RetryPolicy none() {
    return builder().maxAttempts(1).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  public Duration deadline() {
    return deadline;
  }

  /** The longest {@code Retry-After} this policy waits for. */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  public boolean retriesStatus(int httpStatus) {
    return retryableStatuses.contains(httpStatus);
  }

  public boolean retriesIoFailures() {
    return retryOnIoFailure;
  }

  /**
   * The wait before attempt {@code failedAttempt + 1}, or empty when the server's {@code Retry-After}
   * is longer than this policy accepts.
   *
   * @param failedAttempt the attempt that just failed, from 1
   * @param retryAfter the server's hint, if any
   * @param random a source of uniform values in [0, 1), for the jitter
   */
  public Optional<Duration> delayBeforeRetry(int failedAttempt, Optional<Duration> retryAfter,
      DoubleSupplier random) {
    if (retryAfter.isPresent()) {
      Duration hint = retryAfter.get();
      return hint.compareTo(maxRetryAfter) > 0 ? Optional.empty() : Optional.of(hint);
    }
    long bound = baseDelay.toNanos();
    for (int i = 1; i < failedAttempt && bound < maxDelay.toNanos(); i++) {
      bound = bound * 2;
    }
    bound = Math.min(bound, maxDelay.toNanos());
    return Optional.of(Duration.ofNanos((long) (random.getAsDouble() * bound)));
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts=" + maxAttempts + ", baseDelay=" + baseDelay + ", maxDelay="
        + maxDelay + ", maxRetryAfter=" + maxRetryAfter + ", deadline=" + deadline
        + ", statuses=" + retryableStatuses + ", ioFailures=" + retryOnIoFailure + '}';
  }

  /** Builds a {@link RetryPolicy}; starts from the defaults. */
  public static final class Builder {
    private int maxAttempts = 3;
    private Duration baseDelay = Duration.ofMillis(200);
    private Duration maxDelay = Duration.ofSeconds(10);
    private Duration maxRetryAfter = Duration.ofSeconds(60);
    private Duration deadline = Duration.ofMinutes(2);
    private Set<Integer> retryableStatuses = DEFAULT_STATUSES;
    private boolean retryOnIoFailure = true;

    private Builder() {}

    private Builder(RetryPolicy p) {
      maxAttempts = p.maxAttempts;
      baseDelay = p.baseDelay;
      maxDelay = p.maxDelay;
      maxRetryAfter = p.maxRetryAfter;
      deadline = p.deadline;
      retryableStatuses = p.retryableStatuses;
      retryOnIoFailure = p.retryOnIoFailure;
    }

    /** Attempts in all, the first included (1 means no retries). */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1 || maxAttempts > 100) {
        throw new IllegalArgumentException("maxAttempts must be 1..100, got " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** The bound of the first wait; each later bound doubles, up to {@link #maxDelay}. */
    public Builder baseDelay(Duration baseDelay) {
      this.baseDelay = nonNegative(baseDelay, "baseDelay");
      return this;
    }

    public Builder maxDelay(Duration maxDelay) {
      this.maxDelay = nonNegative(maxDelay, "maxDelay");
      return this;
    }

    /** The longest {@code Retry-After} that is waited for; a longer one ends the retries. */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = nonNegative(maxRetryAfter, "maxRetryAfter");
      return this;
    }

    /** The most one call may take, all attempts and waits included. */
    public Builder deadline(Duration deadline) {
      Objects.requireNonNull(deadline, "deadline");
      if (deadline.isZero() || deadline.isNegative()) {
        throw new IllegalArgumentException("deadline must be positive, got " + deadline);
      }
      this.deadline = deadline;
      return this;
    }

    /** The HTTP statuses that are retried (default 429, 502, 503, 504). */
    public Builder retryableStatuses(Set<Integer> statuses) {
      this.retryableStatuses = Set.copyOf(Objects.requireNonNull(statuses, "statuses"));
      return this;
    }

    /** Whether I/O failures and timeouts are retried (default true). */
    public Builder retryOnIoFailure(boolean retry) {
      this.retryOnIoFailure = retry;
      return this;
    }

    public RetryPolicy build() {
      if (baseDelay.compareTo(maxDelay) > 0) {
        throw new IllegalArgumentException("baseDelay " + baseDelay + " exceeds maxDelay " + maxDelay);
      }
      return new RetryPolicy(this);
    }

    private static Duration nonNegative(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative, got " + d);
      }
      return d;
    }
  }
}
