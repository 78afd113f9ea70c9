package io.htapsync.sandbox.fault;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Chooses which requests fail: first any failures queued with {@link #failNext}, then every Nth
 * request, then a random fraction. Thread-safe.
 */
public final class FaultInjector {

    private final double rate;
    private final int every;
    private final InjectedFailure scheduled;
    private final Random random;
    private final Deque<InjectedFailure> queued = new ArrayDeque<>();

    /**
     * @param rate      fraction of requests to fail, 0 to 1
     * @param every     fail every Nth request (1-based count), 0 for never
     * @param scheduled the failure used for {@code rate} and {@code every}
     * @param seed      random seed, so that a fraction fails the same requests on every run
     */
    public FaultInjector(double rate, int every, InjectedFailure scheduled, long seed) {
        this.rate = rate;
        this.every = every;
        this.scheduled = scheduled;
        this.random = new Random(seed);
    }

    /** Queues failures for the next requests, in order. */
    public synchronized void failNext(List<InjectedFailure> failures) {
        queued.addAll(failures);
    }

    /** Forgets queued failures. */
    public synchronized void clearQueued() {
        queued.clear();
    }

    /** The failure for request number {@code requestNumber} (1-based), if it should fail. */
    public synchronized Optional<InjectedFailure> failureFor(long requestNumber) {
        // Drawn on every request, so that which requests a fraction fails does not depend on the other rules.
        double draw = random.nextDouble();
        if (!queued.isEmpty()) {
            return Optional.of(queued.removeFirst());
        }
        if (every > 0 && requestNumber % every == 0) {
            return Optional.of(scheduled);
        }
        if (draw < rate) {
            return Optional.of(scheduled);
        }
        return Optional.empty();
    }
}
