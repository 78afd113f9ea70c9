package io.htapsync.client.sync;

/**
 * How a watch polls. Immutable; {@link #defaults()} polls every 10 s (give or take 10 %), backs off
 * after failed polls from 20 s doubling up to 1 minute, and calls a task stalled after 5 minutes
 * without movement. All its settings are {@link PollOptions}'.
 */
public final class WatchOptions extends PollOptions {
  private WatchOptions(Builder b) {
    super(b);
  }

  public static WatchOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String toString() {
    return "WatchOptions{" + pollingText() + '}';
  }

  /** Builds {@link WatchOptions}; starts from the defaults. */
  public static final class Builder extends PollOptions.Builder<Builder> {
    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    public WatchOptions build() {
      return new WatchOptions(this);
    }
  }
}
