package io.htapsync.sandbox.fault;

import io.htapsync.sandbox.time.ElapsedClock;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Chooses which requests fail: first any failures queued with {@link #failNext}, then any outage
 * window the request falls in, then every Nth request, then a random fraction. Thread-safe.
 */
public final class FaultInjector {

    private final double rate;
    private final int every;
    private final InjectedFailure scheduled;
    private final Random random;
    private final List<Outage> outages;
    private final ElapsedClock clock;
    private final Deque<InjectedFailure> queued = new ArrayDeque<>();
    private final List<Outage> addedOutages = new ArrayList<>();

    /**
     * @param rate      fraction of requests to fail, 0 to 1
     * @param every     fail every Nth request (1-based count), 0 for never
     * @param scheduled the failure used for {@code rate} and {@code every}
     * @param seed      random seed, so that a fraction fails the same requests on every run
     */
    public FaultInjector(double rate, int every, InjectedFailure scheduled, long seed) {
        this(rate, every, scheduled, seed, List.of(), new ElapsedClock(InstantSource.system()));
    }

    /**
     * @param outages windows timed by {@code clock}, which the owner restarts on reset
     */
    public FaultInjector(double rate, int every, InjectedFailure scheduled, long seed, List<Outage> outages,
                         ElapsedClock clock) {
        this.rate = rate;
        this.every = every;
        this.scheduled = scheduled;
        this.random = new Random(seed);
        this.outages = List.copyOf(outages);
        this.clock = clock;
    }

    /** Queues failures for the next requests, in order. */
    public synchronized void failNext(List<InjectedFailure> failures) {
        queued.addAll(failures);
    }

    /** Fails every request with {@code failure} for {@code duration} from now. */
    public synchronized void outageFor(Duration duration, InjectedFailure failure) {
        Duration now = clock.elapsed();
        addedOutages.add(new Outage(now, now.plus(duration), failure));
    }

    /** Forgets queued failures and outages added with {@link #outageFor}; the configured windows stay. */
    public synchronized void clearQueued() {
        queued.clear();
        addedOutages.clear();
    }

    /** The failure for request number {@code requestNumber} (1-based), if it should fail. */
    public synchronized Optional<InjectedFailure> failureFor(long requestNumber) {
        // Drawn on every request, so that which requests a fraction fails does not depend on the other rules.
        double draw = random.nextDouble();
        if (!queued.isEmpty()) {
            return Optional.of(queued.removeFirst());
        }
        Optional<InjectedFailure> outage = outageNow();
        if (outage.isPresent()) {
            return outage;
        }
        if (every > 0 && requestNumber % every == 0) {
            return Optional.of(scheduled);
        }
        if (draw < rate) {
            return Optional.of(scheduled);
        }
        return Optional.empty();
    }

    private Optional<InjectedFailure> outageNow() {
        Duration now = clock.elapsed();
        addedOutages.removeIf(o -> o.to().compareTo(now) <= 0);
        for (List<Outage> windows : List.of(addedOutages, outages)) {
            for (Outage window : windows) {
                if (window.covers(now)) {
                    return Optional.of(window.failure());
                }
            }
        }
        return Optional.empty();
    }
}
