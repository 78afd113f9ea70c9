package io.htapsync.sandbox.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The instances the sandbox answers for. Mutable and thread-safe, so that tests (and Pact provider
 * states) can change what the running server returns between requests; {@link #reset()} goes back
 * to the data the server started with.
 */
public final class Dataset {

    private final List<StarRocksInstance> initial;
    private final Map<String, StarRocksInstance> byInstanceId = new LinkedHashMap<>();

    /** A dataset holding {@code initial}; duplicate instance ids are rejected. */
    public Dataset(List<StarRocksInstance> initial) {
        this.initial = List.copyOf(initial);
        reset();
    }

    /** The instance, if it exists and belongs to the project. */
    public synchronized Optional<StarRocksInstance> find(String projectId, String instanceId) {
        StarRocksInstance instance = byInstanceId.get(instanceId);
        return instance != null && instance.visibleTo(projectId) ? Optional.of(instance) : Optional.empty();
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
        byInstanceId.put(instance.instanceId(), instance);
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
            if (byInstanceId.putIfAbsent(instance.instanceId(), instance) != null) {
                throw new IllegalArgumentException("instance_id " + instance.instanceId() + " appears twice");
            }
        }
    }

    /** A snapshot of the current instances, in insertion order. */
    public synchronized List<StarRocksInstance> instances() {
        return List.copyOf(new ArrayList<>(byInstanceId.values()));
    }
}
