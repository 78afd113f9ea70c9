package io.htapsync.client.sync;

import java.time.Duration;
import java.util.Objects;

/**
 * How a watch polls. Immutable; {@link #defaults()} polls every 10 s (give or take 10 %), backs off
 * after failed polls from 20 s doubling up to 1 minute, and calls a task stalled after 5 minutes
 * without movement.
 */
public final class WatchOptions {
  private final Duration pollInterval;
  private final double pollJitter;
  private final Duration maxBackoff;
  private final Duration stallAfter;
  private final PollTimer timer;

  private WatchOptions(Builder b) {
    this.pollInterval = b.pollInterval;
    this.pollJitter = b.pollJitter;
    this.maxBackoff = b.maxBackoff;
    this.stallAfter = b.stallAfter;
    this.timer = b.timer;
  }

  public static WatchOptions defaults() {
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

  public Duration maxBackoff() {
    return maxBackoff;
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
    return "WatchOptions{pollInterval=" + pollInterval + ", jitter=" + pollJitter + ", maxBackoff="
        + maxBackoff + ", stallAfter=" + stallAfter + '}';
  }

  /** Builds {@link WatchOptions}; starts from the defaults. */
  public static final class Builder {
    private Duration pollInterval = Duration.ofSeconds(10);
    private double pollJitter = 0.1;
    private Duration maxBackoff = Duration.ofMinutes(1);
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

    /** After failed polls the wait doubles from twice the interval up to this; default 1 minute. */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = Durations.positive(maxBackoff, "maxBackoff");
      return this;
    }

    /** How long a task that should be moving may stand still before {@code stalled}; default 5 minutes. */
    public Builder stallAfter(Duration stallAfter) {
      this.stallAfter = Durations.positive(stallAfter, "stallAfter");
      return this;
    }

    /** The time source and timer; default {@link PollTimer#system()}. For tests. */
    public Builder timer(PollTimer timer) {
      this.timer = Objects.requireNonNull(timer, "timer");
      return this;
    }

    public WatchOptions build() {
      return new WatchOptions(this);
    }
  }
}
