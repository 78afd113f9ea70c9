package io.htapsync.client.sync;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What {@link WaitOptions} and {@link WatchOptions} share: how often to poll, how to back off after
 * failed polls, when a task counts as stalled, and the timer. Defaults: every 10 s give or take 10 %,
 * backing off from twice the interval doubling up to 1 minute, stalled after 5 minutes.
 */
public abstract class PollOptions {
  private final Duration pollInterval;
  private final double pollJitter;
  private final Duration maxBackoff;
  private final Duration stallAfter;
  private final PollTimer timer;

  PollOptions(Builder<?> b) {
    this.pollInterval = b.pollInterval;
    this.pollJitter = b.pollJitter;
    this.maxBackoff = b.maxBackoff;
    this.stallAfter = b.stallAfter;
    this.timer = b.timer;
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
    return new PollPacing(pollInterval, pollJitter, maxBackoff, () -> ThreadLocalRandom.current().nextDouble());
  }

  /** {@code pollInterval=..., jitter=..., maxBackoff=..., stallAfter=...}, for the subclasses' toString. */
  String pollingText() {
    return "pollInterval=" + pollInterval + ", jitter=" + pollJitter + ", maxBackoff=" + maxBackoff
        + ", stallAfter=" + stallAfter;
  }

  /** The shared setters; each returns the concrete builder, so calls chain with its own. */
  public abstract static class Builder<B extends Builder<B>> {
    private Duration pollInterval = Duration.ofSeconds(10);
    private double pollJitter = 0.1;
    private Duration maxBackoff = Duration.ofMinutes(1);
    private Duration stallAfter = Duration.ofMinutes(5);
    private PollTimer timer = PollTimer.system();

    Builder() {}

    abstract B self();

    /** Time between the end of one poll and the start of the next; default 10 s. */
    public B pollInterval(Duration interval) {
      this.pollInterval = Durations.positive(interval, "pollInterval");
      return self();
    }

    /** Each interval is spread by up to this fraction either way (0..1; default 0.1). */
    public B pollJitter(double fraction) {
      this.pollJitter = Durations.fraction(fraction, "pollJitter");
      return self();
    }

    /** After failed polls the wait doubles from twice the interval up to this; default 1 minute. */
    public B maxBackoff(Duration maxBackoff) {
      this.maxBackoff = Durations.positive(maxBackoff, "maxBackoff");
      return self();
    }

    /** How long a task that should be moving may stand still before {@code stalled}; default 5 minutes. */
    public B stallAfter(Duration stallAfter) {
      this.stallAfter = Durations.positive(stallAfter, "stallAfter");
      return self();
    }

    /** The time source and timer; default {@link PollTimer#system()}. For tests. */
    public B timer(PollTimer timer) {
      this.timer = Objects.requireNonNull(timer, "timer");
      return self();
    }
  }
}
