package io.htapsync.sandbox.data;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A StarRocks instance and its synchronization tasks, in the order the service lists them.
 *
 * @param projectId  the project that owns the instance, or null to answer under any project id
 * @param instanceId 36 letters and digits (real ones end in {@code in07} or {@code in17})
 * @param extText    the page's {@code ext_text} (0 to 10 characters), usually null
 * @param tasks      the tasks, copied
 */
public record StarRocksInstance(String projectId, String instanceId, String extText, List<ReplicationTask> tasks) {

    /** Same patterns as the spec's path parameters: an id that breaks them could never be requested. */
    static final Pattern PROJECT_ID = Pattern.compile("[A-Za-z0-9]{32}");
    static final Pattern INSTANCE_ID = Pattern.compile("[A-Za-z0-9]{36}");

    /** Checks ids and copies the task list. */
    public StarRocksInstance {
        if (projectId != null && !PROJECT_ID.matcher(projectId).matches()) {
            throw new IllegalArgumentException("project_id must be 32 letters and digits, got \"" + projectId + "\"");
        }
        if (instanceId == null || !INSTANCE_ID.matcher(instanceId).matches()) {
            throw new IllegalArgumentException(
                    "instance_id must be 36 letters and digits (e.g. ending in in07 or in17), got "
                            + (instanceId == null ? "null" : "\"" + instanceId + "\""));
        }
        if (extText != null && extText.length() > 10) {
            throw new IllegalArgumentException("ext_text must be at most 10 characters, got " + extText.length());
        }
        if (tasks == null) {
            throw new IllegalArgumentException("tasks must not be null (use an empty list)");
        }
        tasks = List.copyOf(tasks);
    }

    /** An instance reachable under any project id, as provider states usually want. */
    public static StarRocksInstance anyProject(String instanceId, List<ReplicationTask> tasks) {
        return new StarRocksInstance(null, instanceId, null, tasks);
    }

    /** Whether a request under {@code requestedProjectId} may see this instance. */
    public boolean visibleTo(String requestedProjectId) {
        return projectId == null || projectId.equals(requestedProjectId);
    }
}
