package io.htapsync.sandbox.time;

import java.time.Duration;
import java.util.function.Supplier;

/** Simulated time: real time since the start times a speed factor (0 stops it at the start). */
public final class SimulatedTime implements Supplier<Duration> {

    private final ElapsedClock clock;
    private final double speed;

    /** @param speed simulated seconds per real second, as {@code SandboxOptions} checked it */
    public SimulatedTime(ElapsedClock clock, double speed) {
        this.clock = clock;
        this.speed = speed;
    }

    @Override
    public Duration get() {
        // Saturates rather than wraps after about 292 simulated years.
        return Duration.ofNanos((long) (clock.elapsed().toNanos() * speed));
    }
}
