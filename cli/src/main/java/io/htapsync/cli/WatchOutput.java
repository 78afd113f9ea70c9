package io.htapsync.cli;

import io.htapsync.client.sync.SyncListener;
import java.io.PrintWriter;

/** How {@code watch} shows what it sees. Lower-case names so that {@code --output jsonl} reads naturally. */
enum WatchOutput {
  /** The tasks as a table, redrawn after every poll; failed polls shown in place. */
  table {
    @Override
    SyncListener view(PrintWriter out, String instanceId, boolean terminal) {
      return new WatchTableView(out, instanceId, terminal);
    }
  },
  /** One JSON object per event per line, for scripts and log shippers. */
  jsonl {
    @Override
    SyncListener view(PrintWriter out, String instanceId, boolean terminal) {
      return new EventJsonLines(out);
    }
  };

  abstract SyncListener view(PrintWriter out, String instanceId, boolean terminal);
}
