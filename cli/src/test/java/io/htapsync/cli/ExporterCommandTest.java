package io.htapsync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code htapsync exporter}'s usage errors: one message naming the option and the problem, the hint to
 * the exporter's help, exit 2, and nothing started (no sandbox, no listener, no polls).
 */
class ExporterCommandTest {
  static final Map<String, String> ENV = Map.of("HTAPSYNC_AUTH_TOKEN", "exporter-cli-test-token");
  static final String HINT = "Try 'htapsync exporter --help' for more information.";

  @TempDir
  Path dir;

  record Case(List<String> args, String firstLine) { }

  Path file(String name, String text) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, text, StandardCharsets.UTF_8);
    return f;
  }

  @Test
  void badOptionsExitTwoWithOneClearMessageAndStartNothing() throws IOException {
    Path good = file("fleet.yaml", """
        targets:
          - endpoint: http://127.0.0.1:1
            project: 2f6b0c9d8e7a41b3a5c4d6e8f0a1b2c3
            instances: [0f1e2d3c4b5a69788796a5b4c3d2e1f0in17]
        """);
    Path malformed = file("broken.yaml", "interval: 30s\ntargets: [\n");
    Path wrong = file("wrong.yaml", "interval: soon\ntargets:\n  - region: cn-north-4\n");
    Path notUtf8 = dir.resolve("latin1.yaml");
    Files.write(notUtf8, new byte[] {'t', 'a', 'r', 'g', 'e', 't', 's', ':', ' ', (byte) 0xE9, '\n'});
    List<Case> cases = new ArrayList<>(List.of(
        new Case(List.of("exporter", "--shard", "0/3"),
            "htapsync: --shard must be K/N with 1 <= K <= N, got 0/3"),
        new Case(List.of("exporter", "--shard", "4/3"),
            "htapsync: --shard must be K/N with 1 <= K <= N, got 4/3"),
        new Case(List.of("exporter", "--shard", "half"),
            "htapsync: --shard must be K/N (e.g. 1/3 for the first of three replicas), got 'half'"),
        new Case(List.of("exporter", "--listen", "9464"),
            "htapsync: --listen must be HOST:PORT (e.g. 127.0.0.1:9464 or [::1]:9464), got '9464'"),
        new Case(List.of("exporter", "--listen", "127.0.0.1:65536"),
            "htapsync: --listen must be HOST:PORT (e.g. 127.0.0.1:9464 or [::1]:9464), got '127.0.0.1:65536'"),
        new Case(List.of("exporter", "--listen", "127.0.0.1:http"),
            "htapsync: --listen must be HOST:PORT"),
        new Case(List.of("exporter", "--listen", "no_such_host.invalid:9464"),
            "htapsync: --listen no_such_host.invalid:9464: cannot resolve host 'no_such_host.invalid'"),
        new Case(List.of("exporter", "--token-env", "HTAPSYNC_EXPORTER_TEST_UNSET"),
            "htapsync: --token-env HTAPSYNC_EXPORTER_TEST_UNSET: that environment variable is not set"),
        new Case(List.of("exporter", "--config", dir.resolve("absent.yaml").toString()),
            "htapsync: --config " + dir.resolve("absent.yaml") + ": cannot read the fleet file: no such file"),
        new Case(List.of("exporter", "--config", dir.toString()),
            "htapsync: --config " + dir + ": cannot read the fleet file: "),
        new Case(List.of("exporter", "--config", notUtf8.toString()),
            "htapsync: --config " + notUtf8 + ": cannot read the fleet file: it is not UTF-8 text"),
        new Case(List.of("exporter", "--config", malformed.toString()),
            "htapsync: fleet file " + malformed + " has 1 problem:"),
        new Case(List.of("exporter", "--config", wrong.toString()),
            "htapsync: fleet file " + wrong + " has "),
        new Case(List.of("exporter", "--config", good.toString(), "--interval", "10ms"),
            "htapsync: --interval must be at least 100ms"),
        new Case(List.of("--region", "cn-north-4", "exporter", "--config", good.toString()),
            "htapsync: the exporter takes its targets from --config; --region, --endpoint and --project"
                + " do not apply to it"),
        new Case(List.of("exporter", "--shard"), "htapsync: Missing required parameter for option '--shard'"),
        new Case(List.of("exporter", "--listen", "127.0.0.1:0", "--colour"), "htapsync: Unknown option: '--colour'")));
    for (Case c : cases) {
      CliRun run = CliRun.run(ENV, c.args().toArray(new String[0]));
      String what = c.args() + ": " + run;
      assertEquals(ExitCode.USAGE, run.exit, what);
      assertEquals("", run.out, what);
      assertTrue(run.err.startsWith(c.firstLine()), what);
      assertTrue(run.err.endsWith(HINT + "\n"), what);
      assertFalse(run.err.contains("embedded sandbox"), "the sandbox never started: " + what);
      assertFalse(run.err.contains("exporter watching"), "the exporter never started: " + what);
      assertFalse(run.err.contains("Usage:"), "no usage dump: " + what);
      assertFalse(run.err.contains("Exception"), "no Java exception names: " + what);
    }
  }

  @Test
  void aMalformedFleetFileNamesEveryProblemWithItsLine() throws IOException {
    Path wrong = file("wrong.yaml", """
        interval: soon
        concurrency: 0
        targets:
          - region: cn-north-4
            project: short
            instances: [0f1e2d3c4b5a69788796a5b4c3d2e1f0in17]
        """);
    CliRun run = CliRun.run(ENV, "exporter", "--config", wrong.toString());
    assertEquals(ExitCode.USAGE, run.exit, run.toString());
    assertTrue(run.err.contains(wrong + ":line 1: interval:"), run.err);
    assertTrue(run.err.contains(wrong + ":line 2: concurrency: must be a whole number from 1 to 256"), run.err);
    assertTrue(run.err.contains(wrong + ":line 5: targets[0].project:"), run.err);
  }

  @Test
  void theTopLevelNamesTheExporterAmongTheCommands() {
    CliRun none = CliRun.run(Map.of());
    assertEquals(ExitCode.USAGE, none.exit, none.toString());
    assertTrue(none.err.startsWith("htapsync: a command is required: list, watch, exporter\n"), none.err);

    CliRun help = CliRun.run(Map.of(), "--help");
    assertEquals(ExitCode.OK, help.exit, help.toString());
    assertTrue(help.out.contains("exporter"), help.out);
    assertTrue(help.out.contains("Prometheus"), help.out);

    CliRun exporterHelp = CliRun.run(Map.of(), "exporter", "--help");
    assertEquals(ExitCode.OK, exporterHelp.exit, exporterHelp.toString());
    for (String option : List.of("--config", "--listen", "--shard", "--token-env", "--interval", "--stall-after")) {
      assertTrue(exporterHelp.out.contains(option), option + " in: " + exporterHelp.out);
    }
  }
}
