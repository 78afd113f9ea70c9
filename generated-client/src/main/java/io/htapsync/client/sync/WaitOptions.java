package io.htapsync.client.sync;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@code waitUntilSynced} polls. Immutable; {@link #defaults()} polls every 10 s (give or take
 * 10 %) for up to 30 minutes and outlives any number of retryable failed polls. The polling settings
 * are {@link PollOptions}'; the rest say when the wait ends.
 */
public final class WaitOptions extends PollOptions {
  private static final SyncListener NO_LISTENER = event -> { };

  private final Duration timeout;
  private final int maxConsecutiveFailedPolls;
  private final boolean failOnCancelled;
  private final SyncListener listener;

  private WaitOptions(Builder b) {
    super(b);
    this.timeout = b.timeout;
    this.maxConsecutiveFailedPolls = b.maxConsecutiveFailedPolls;
    this.failOnCancelled = b.failOnCancelled;
    this.listener = b.listener;
  }

  public static WaitOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Duration timeout() {
    return timeout;
  }

  public int maxConsecutiveFailedPolls() {
    return maxConsecutiveFailedPolls;
  }

  public boolean failOnCancelled() {
    return failOnCancelled;
  }

  public SyncListener listener() {
    return listener;
  }

  @Override
  public String toString() {
    return "WaitOptions{" + pollingText() + ", timeout=" + timeout + ", maxConsecutiveFailedPolls="
        + maxConsecutiveFailedPolls + ", failOnCancelled=" + failOnCancelled + '}';
  }

  /** Builds {@link WaitOptions}; starts from the defaults. */
  public static final class Builder extends PollOptions.Builder<Builder> {
    private Duration timeout = Duration.ofMinutes(30);
    private int maxConsecutiveFailedPolls = Integer.MAX_VALUE;
    private boolean failOnCancelled;
    private SyncListener listener = NO_LISTENER;

    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /**
     * How long to wait in all; default 30 minutes. The wait then ends with {@link
     * WaitTimeoutException}, cancelling a poll still in flight.
     */
    public Builder timeout(Duration timeout) {
      this.timeout = Durations.positive(timeout, "timeout");
      return this;
    }

    /**
     * Ends the wait with the failure once this many polls in a row failed retryably (each after the
     * client's own retries); default unlimited, so only the timeout ends an outage.
     */
    public Builder maxConsecutiveFailedPolls(int polls) {
      if (polls < 1) {
        throw new IllegalArgumentException("maxConsecutiveFailedPolls must be at least 1, got " + polls);
      }
      this.maxConsecutiveFailedPolls = polls;
      return this;
    }

    /** End with {@link TaskCancelledException} as soon as a task is cancelled; default off. */
    public Builder failOnCancelled(boolean fail) {
      this.failOnCancelled = fail;
      return this;
    }

    /** Told of each poll's events and snapshot while waiting, e.g. to show progress. */
    public Builder listener(SyncListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    public WaitOptions build() {
      return new WaitOptions(this);
    }
  }
}
