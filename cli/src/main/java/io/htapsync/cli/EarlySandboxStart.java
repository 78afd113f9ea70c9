package io.htapsync.cli;

import io.htapsync.sandbox.SandboxServer;

/**
 * Starts the embedded sandbox's slow part (building its spec validator) on a background thread as
 * the JVM starts, before picocli has even built its command model, when the arguments say that a
 * {@code list} will run against the embedded sandbox. The validator then gets built while picocli
 * and the client set up, instead of after them; the first request still waits until it is ready, so
 * every request and response is validated as before. A wrong guess only costs CPU: the thread is a
 * daemon and the validator is only built, never used.
 */
final class EarlySandboxStart {
  private EarlySandboxStart() {
  }

  static void startIfEmbeddedList(String[] args) {
    if (isEmbeddedList(args)) {
      SandboxServer.prepare();
    }
  }

  /**
   * A {@code list} with no {@code --endpoint} and no {@code --region}, not asking for help or the
   * version. Judged on the raw words, so picocli still decides what they mean.
   */
  static boolean isEmbeddedList(String[] args) {
    boolean list = false;
    for (String arg : args) {
      if (arg.equals("--")) {
        break;
      }
      if (arg.startsWith("--endpoint") || arg.startsWith("--region") || arg.equals("--help") || arg.equals("-h")
          || arg.equals("--version") || arg.equals("-V")) {
        return false;
      }
      list |= arg.equals("list");
    }
    return list;
  }
}
