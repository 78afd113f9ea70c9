package io.htapsync.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;

/** Runs the CLI in-process with captured output and a given environment. */
final class CliRun {
  final int exit;
  final String out;
  /**
   * Everything written to stderr: the command's own messages, then whatever went to {@code System.err}
   * directly during the run (picocli's warnings, for one, bypass the command's writer).
   */
  final String err;

  private CliRun(int exit, String out, String err) {
    this.exit = exit;
    this.out = out;
    this.err = err;
  }

  static CliRun run(Map<String, String> env, String... args) {
    return run(env, false, args);
  }

  static CliRun run(Map<String, String> env, boolean interactive, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    ByteArrayOutputStream systemErr = new ByteArrayOutputStream();
    PrintStream originalSystemErr = System.err;
    int exit;
    System.setErr(new PrintStream(systemErr, true, StandardCharsets.UTF_8));
    try {
      CommandLine commandLine = new HtapSyncCli(env, interactive).commandLine();
      commandLine.setOut(new PrintWriter(out, true));
      commandLine.setErr(new PrintWriter(err, true));
      exit = commandLine.execute(args);
    } finally {
      System.setErr(originalSystemErr);
    }
    return new CliRun(exit, out.toString(), err + systemErr.toString(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
