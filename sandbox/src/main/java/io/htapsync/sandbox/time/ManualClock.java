package io.htapsync.sandbox.time;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that moves only when told, for tests of simulated progress and scripted outages: give it to
 * {@code SandboxOptions.Builder.clock(..)} and {@link #advance(Duration)} instead of sleeping.
 * Thread-safe.
 */
public final class ManualClock implements InstantSource {

    private final AtomicReference<Instant> now;

    /** A clock standing at {@code start}. */
    public ManualClock(Instant start) {
        this.now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
    }

    /** A clock standing at an arbitrary fixed instant. */
    public ManualClock() {
        this(Instant.parse("2026-03-01T00:00:00Z"));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    /** Moves the clock forward; a negative step is refused, as no sandbox clock goes back. */
    public ManualClock advance(Duration step) {
        if (step == null || step.isNegative()) {
            throw new IllegalArgumentException("a clock step must be zero or more, got " + step);
        }
        now.updateAndGet(t -> t.plus(step));
        return this;
    }

    @Override
    public String toString() {
        return "ManualClock[" + now.get() + "]";
    }
}
