package io.htapsync.sandbox.data;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The instances the sandbox answers for. Mutable and thread-safe, so that tests (and Pact provider
 * states) can change what the running server returns between requests; {@link #reset()} goes back
 * to the data the server started with. A {@link SimulatedInstance} is answered as it stands at the
 * current simulated time.
 */
public final class Dataset {

    private final List<StarRocksInstance> initial;
    private final List<SimulatedInstance> initialSimulated;
    private final Supplier<Duration> simulatedTime;
    private final long seed;
    private final Map<String, Served> byInstanceId = new LinkedHashMap<>();

    /** A dataset holding {@code initial}; duplicate instance ids are rejected. */
    public Dataset(List<StarRocksInstance> initial) {
        this(initial, List.of(), () -> Duration.ZERO, 0);
    }

    /**
     * A dataset holding fixed and simulated instances; duplicate instance ids are rejected.
     *
     * @param simulatedTime the simulated time since the start, read on every lookup
     * @param seed          the seed the simulated instances' timings are drawn from
     */
    public Dataset(List<StarRocksInstance> initial, List<SimulatedInstance> simulated, Supplier<Duration> simulatedTime,
                   long seed) {
        this.initial = List.copyOf(initial);
        this.initialSimulated = List.copyOf(simulated);
        this.simulatedTime = Objects.requireNonNull(simulatedTime, "simulatedTime");
        this.seed = seed;
        reset();
    }

    /** The instance as it stands now, if it exists and belongs to the project. */
    public Optional<StarRocksInstance> find(String projectId, String instanceId) {
        Served served;
        synchronized (this) {
            served = byInstanceId.get(instanceId);
        }
        if (served == null) {
            return Optional.empty();
        }
        StarRocksInstance instance = served.now(simulatedTime, seed);
        return instance.visibleTo(projectId) ? Optional.of(instance) : Optional.empty();
    }

    /** Adds or replaces an instance answering under any project id. */
    public Dataset put(String instanceId, List<ReplicationTask> tasks) {
        return put(StarRocksInstance.anyProject(instanceId, tasks));
    }

    /** Adds or replaces an instance that belongs to one project. */
    public Dataset put(String projectId, String instanceId, List<ReplicationTask> tasks) {
        return put(new StarRocksInstance(projectId, instanceId, null, tasks));
    }

    /** Adds or replaces an instance. */
    public synchronized Dataset put(StarRocksInstance instance) {
        byInstanceId.put(instance.instanceId(), new Served(instance, null));
        return this;
    }

    /** Adds or replaces an instance with one whose tasks move with the simulated time. */
    public synchronized Dataset put(SimulatedInstance instance) {
        byInstanceId.put(instance.instanceId(), new Served(null, instance));
        return this;
    }

    /** Removes an instance; later requests for it get "Instance not found.". Returns whether it existed. */
    public synchronized boolean remove(String instanceId) {
        return byInstanceId.remove(instanceId) != null;
    }

    /** Removes every instance. */
    public synchronized void clear() {
        byInstanceId.clear();
    }

    /** Goes back to the instances the dataset was created with. */
    public synchronized void reset() {
        byInstanceId.clear();
        for (StarRocksInstance instance : initial) {
            putNew(instance.instanceId(), new Served(instance, null));
        }
        for (SimulatedInstance instance : initialSimulated) {
            putNew(instance.instanceId(), new Served(null, instance));
        }
    }

    /** A snapshot of the current instances (simulated ones as they stand now), in insertion order. */
    public List<StarRocksInstance> instances() {
        List<Served> served;
        synchronized (this) {
            served = new ArrayList<>(byInstanceId.values());
        }
        return served.stream().map(s -> s.now(simulatedTime, seed)).toList();
    }

    private void putNew(String instanceId, Served served) {
        if (byInstanceId.putIfAbsent(instanceId, served) != null) {
            throw new IllegalArgumentException("instance_id " + instanceId + " appears twice");
        }
    }

    /** One of the two: a fixed instance or a simulated one. */
    private record Served(StarRocksInstance fixed, SimulatedInstance simulated) {
        StarRocksInstance now(Supplier<Duration> time, long seed) {
            return fixed != null ? fixed : simulated.at(time.get(), seed);
        }
    }
}
