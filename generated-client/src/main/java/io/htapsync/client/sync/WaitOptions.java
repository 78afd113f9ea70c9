package io.htapsync.client.sync;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@code waitUntilSynced} polls. Immutable; {@link #defaults()} polls every 10 s (give or take
 * 10 %) for up to 30 minutes and outlives any number of retryable failed polls.
 */
public final class WaitOptions {
  private static final SyncListener NO_LISTENER = event -> { };

  private final Duration pollInterval;
  private final double pollJitter;
  private final Duration timeout;
  private final int maxConsecutiveFailedPolls;
  private final Duration maxBackoff;
  private final boolean failOnCancelled;
  private final SyncListener listener;
  private final Duration stallAfter;
  private final PollTimer timer;

  private WaitOptions(Builder b) {
    this.pollInterval = b.pollInterval;
    this.pollJitter = b.pollJitter;
    this.timeout = b.timeout;
    this.maxConsecutiveFailedPolls = b.maxConsecutiveFailedPolls;
    this.maxBackoff = b.maxBackoff;
    this.failOnCancelled = b.failOnCancelled;
    this.listener = b.listener;
    this.stallAfter = b.stallAfter;
    this.timer = b.timer;
  }

  public static WaitOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Duration pollInterval() {
    return pollInterval;
  }

  public double pollJitter() {
    return pollJitter;
  }

  public Duration timeout() {
    return timeout;
  }

  public int maxConsecutiveFailedPolls() {
    return maxConsecutiveFailedPolls;
  }

  public Duration maxBackoff() {
    return maxBackoff;
  }

  public boolean failOnCancelled() {
    return failOnCancelled;
  }

  public SyncListener listener() {
    return listener;
  }

  public Duration stallAfter() {
    return stallAfter;
  }

  public PollTimer timer() {
    return timer;
  }

  PollPacing pacing() {
    return new PollPacing(pollInterval, pollJitter, maxBackoff,
        () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble());
  }

  @Override
  public String toString() {
    return "WaitOptions{pollInterval=" + pollInterval + ", jitter=" + pollJitter + ", timeout=" + timeout
        + ", maxConsecutiveFailedPolls=" + maxConsecutiveFailedPolls + ", maxBackoff=" + maxBackoff
        + ", failOnCancelled=" + failOnCancelled + '}';
  }

  /** Builds {@link WaitOptions}; starts from the defaults. */
  public static final class Builder {
    private Duration pollInterval = Duration.ofSeconds(10);
    private double pollJitter = 0.1;
    private Duration timeout = Duration.ofMinutes(30);
    private int maxConsecutiveFailedPolls = Integer.MAX_VALUE;
    private Duration maxBackoff = Duration.ofMinutes(1);
    private boolean failOnCancelled;
    private SyncListener listener = NO_LISTENER;
    private Duration stallAfter = Duration.ofMinutes(5);
    private PollTimer timer = PollTimer.system();

    private Builder() {}

    /** Time between the end of one poll and the start of the next; default 10 s. */
    public Builder pollInterval(Duration interval) {
      this.pollInterval = Durations.positive(interval, "pollInterval");
      return this;
    }

    /** Each interval is spread by up to this fraction either way (0..1; default 0.1). */
    public Builder pollJitter(double fraction) {
      this.pollJitter = Durations.fraction(fraction, "pollJitter");
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

    /** After failed polls the wait doubles from twice the interval up to this; default 1 minute. */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = Durations.positive(maxBackoff, "maxBackoff");
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

    /** For the listener's {@code stalled} events; default 5 minutes. */
    public Builder stallAfter(Duration stallAfter) {
      this.stallAfter = Durations.positive(stallAfter, "stallAfter");
      return this;
    }

    /** The time source and timer; default {@link PollTimer#system()}. For tests. */
    public Builder timer(PollTimer timer) {
      this.timer = Objects.requireNonNull(timer, "timer");
      return this;
    }

    public WaitOptions build() {
      return new WaitOptions(this);
    }
  }
}
