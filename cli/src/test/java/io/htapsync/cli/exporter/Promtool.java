package io.htapsync.cli.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus' own tools for the tests. Debian's {@code prometheus} package brings them; {@code .ci/run}
 * installs it, so under CI (CI=true) a missing tool fails the test, and on a developer's machine
 * without it the test is skipped with a message saying how to get it.
 */
final class Promtool {
  private Promtool() {}

  /** The tool's path; skips (developer machine) or fails (CI) when it is not installed. */
  static String require(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
      File f = new File(dir, tool);
      if (f.canExecute()) {
        return f.getPath();
      }
    }
    String why = tool + " is not installed (apt-get install prometheus; .ci/run does it)";
    if ("true".equals(System.getenv("CI"))) {
      throw new AssertionError(why + ": under CI it must be there");
    }
    assumeTrue(false, why + ": skipped");
    return null;
  }

  /** Runs {@code promtool check metrics} on an exposition and asserts it is clean, with promtool's words. */
  static void assertCleanMetrics(byte[] exposition) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(require("promtool"), "check", "metrics").redirectErrorStream(true).start();
    try (OutputStream in = p.getOutputStream()) {
      in.write(exposition);
    }
    String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("promtool check metrics did not finish");
    }
    if (p.exitValue() != 0 || !said.isBlank()) {
      java.nio.file.Path kept = java.nio.file.Files.createTempFile("htapsync-exposition-", ".txt");
      java.nio.file.Files.write(kept, exposition);
      said = said + " (exposition kept in " + kept + ")";
    }
    assertEquals(0, p.exitValue(), "promtool check metrics: " + said);
    assertEquals("", said.trim(), "promtool check metrics found problems");
  }
}
