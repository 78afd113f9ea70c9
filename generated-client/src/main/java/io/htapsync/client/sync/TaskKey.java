package io.htapsync.client.sync;

import io.htapsync.client.model.StarRocksReplicationInfo;

/**
 * Which task a row is, across polls: its name plus its source and target database, because one
 * task name can appear for more than one database pair. Any part may be null when the service left
 * it out.
 */
public record TaskKey(String name, String sourceDatabase, String targetDatabase) {

  public static TaskKey of(StarRocksReplicationInfo task) {
    return new TaskKey(task.getTaskName(), task.getSourceDatabase(), task.getTargetDatabase());
  }

  /** {@code name (source -> target)}, for messages and tables. */
  @Override
  public String toString() {
    return name + " (" + sourceDatabase + " -> " + targetDatabase + ")";
  }
}
