package io.htapsync.sandbox.time;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;

/**
 * Time since the sandbox started (or was last reset): what simulated progress and scripted outages
 * are timed against. Thread-safe.
 */
public final class ElapsedClock {

    private final InstantSource source;
    private volatile Instant start;

    public ElapsedClock(InstantSource source) {
        this.source = Objects.requireNonNull(source, "source");
        this.start = source.instant();
    }

    /** Time since the start; zero if the source has gone back. */
    public Duration elapsed() {
        Duration elapsed = Duration.between(start, source.instant());
        return elapsed.isNegative() ? Duration.ZERO : elapsed;
    }

    /** Starts counting again from now. */
    public void restart() {
        start = source.instant();
    }
}
