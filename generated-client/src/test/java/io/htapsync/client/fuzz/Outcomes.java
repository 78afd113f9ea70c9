package io.htapsync.client.fuzz;

import io.htapsync.client.exception.HtapSyncException;

/** What every fuzz target asserts about the exceptions it is allowed to end with. */
final class Outcomes {
  /** Longest message: three bounded excerpts whose characters may each be escaped to six. */
  static final int MAX_MESSAGE = 16 * 1024;

  private Outcomes() {}

  /** Our exception, with a message a log line can hold: present, one line, bounded. */
  static void assertReadable(HtapSyncException e) {
    String message = e.getMessage();
    if (message == null || message.isEmpty()) {
      throw new AssertionError("no message", e);
    }
    if (message.indexOf('\n') >= 0 || message.indexOf('\r') >= 0) {
      throw new AssertionError("message spans lines: " + message, e);
    }
    if (message.length() > MAX_MESSAGE) {
      throw new AssertionError("message of " + message.length() + " chars", e);
    }
  }
}
