package io.htapsync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.htapsync.sandbox.data.DemoData;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every exit code, and --help on every command. */
class ExitCodeTest {
  static final Map<String, String> TOKEN_ENV = Map.of("HTAPSYNC_AUTH_TOKEN", "cli-test-token",
      "HUAWEICLOUD_SDK_PROJECT_ID", DemoData.PROJECT_ID);

  @Test
  void apiErrorIs1AndNamesStatusCodeMessageAndRequestId() {
    CliRun run = CliRun.run(Map.of(), "list", "--instance", "ffffffffffffffffffffffffffffffffin07");
    assertEquals(ExitCode.API_ERROR, run.exit, run.toString());
    assertTrue(run.err.contains("HTTP 400"), run.err);
    assertTrue(run.err.contains("error code: DBS.200022"), run.err);
    assertTrue(run.err.contains("message:    Instance not found."), run.err);
    assertTrue(run.err.matches("(?s).*request id: [^-\\s].*"), run.err);
  }

  @Test
  void usageErrorsAre2() {
    CliRun missing = CliRun.run(Map.of(), "list");
    assertEquals(ExitCode.USAGE, missing.exit, missing.toString());
    assertTrue(missing.err.contains("Missing required option: '--instance=ID'"), missing.err);

    CliRun badLimit = CliRun.run(Map.of(), "list", "--instance", DemoData.SALES_INSTANCE_ID, "--limit", "0");
    assertEquals(ExitCode.USAGE, badLimit.exit, badLimit.toString());
    assertTrue(badLimit.err.contains("limit must be 1..100, got 0"), badLimit.err);

    CliRun both = CliRun.run(Map.of(), "list", "--instance", DemoData.SALES_INSTANCE_ID, "--all", "--offset", "5");
    assertEquals(ExitCode.USAGE, both.exit, both.toString());

    CliRun badId = CliRun.run(Map.of(), "list", "--instance", "../../etc");
    assertEquals(ExitCode.USAGE, badId.exit, badId.toString());
    assertTrue(badId.err.contains("--instance must contain only"), badId.err);

    CliRun region = CliRun.run(TOKEN_ENV, "--region", "mars-1", "list", "--instance", DemoData.SALES_INSTANCE_ID);
    assertEquals(ExitCode.USAGE, region.exit, region.toString());
    assertTrue(region.err.contains("unknown region \"mars-1\""), region.err);

    CliRun noCredentials = CliRun.run(Map.of(), "--project", DemoData.PROJECT_ID, "--region", "cn-north-4", "list", "--instance",
        DemoData.SALES_INSTANCE_ID);
    assertEquals(ExitCode.USAGE, noCredentials.exit, noCredentials.toString());
    assertTrue(noCredentials.err.contains("HTAPSYNC_AUTH_TOKEN"), noCredentials.err);

    CliRun plainHttp = CliRun.run(TOKEN_ENV, "--endpoint", "http://example.com", "list", "--instance",
        DemoData.SALES_INSTANCE_ID);
    assertEquals(ExitCode.USAGE, plainHttp.exit, plainHttp.toString());
    assertTrue(plainHttp.err.contains("must be https"), plainHttp.err);

    CliRun interval = CliRun.run(Map.of(), "watch", "--instance", DemoData.SALES_INSTANCE_ID, "--interval", "soon");
    assertEquals(ExitCode.USAGE, interval.exit, interval.toString());
    assertTrue(interval.err.contains("'soon' is not a duration"), interval.err);
  }

  @Test
  void networkFailureIs3() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    CliRun run = CliRun.run(TOKEN_ENV, "--endpoint", "http://127.0.0.1:" + closedPort, "list", "--instance",
        DemoData.SALES_INSTANCE_ID);
    assertEquals(ExitCode.NETWORK, run.exit, run.toString());
    assertTrue(run.err.contains("network failure"), run.err);
    assertTrue(run.err.contains("after 3 attempts"), run.err);
  }

  @Test
  void undecodableResponseIs4() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse().setBody("<html>maintenance</html>"));
      CliRun run = CliRun.run(TOKEN_ENV, "--endpoint", server.url("/").toString(), "list", "--instance",
          DemoData.SALES_INSTANCE_ID);
      assertEquals(ExitCode.UNDECODABLE, run.exit, run.toString());
      assertTrue(run.err.contains("could not be read"), run.err);
      assertEquals("cli-test-token", server.takeRequest().getHeader("X-Auth-Token"));
    }
  }

  /** Every command, found from the command tree, so a command added later is covered too. */
  @Test
  void helpOnEveryCommandPrintsUsageAndNothingOnStderr() {
    List<List<String>> commands = new ArrayList<>();
    collect(new HtapSyncCli(Map.of(), false).commandLine(), new ArrayList<>(), commands);
    assertTrue(commands.contains(List.of("list")) && commands.contains(List.of("watch")), commands.toString());
    for (List<String> command : commands) {
      List<String> args = new ArrayList<>(command);
      args.add("--help");
      CliRun run = CliRun.run(Map.of(), args.toArray(new String[0]));
      assertEquals(ExitCode.OK, run.exit, args + ": " + run);
      String usage = ("Usage: htapsync " + String.join(" ", command)).trim();
      assertTrue(run.out.startsWith(usage), args + ": " + run.out);
      assertEquals("", run.err, args + " --help writes nothing to stderr");
    }
    assertTrue(CliRun.run(Map.of(), "--help").out.contains("Exit codes: 0 ok, 1 API error"));
  }

  private static void collect(CommandLine command, List<String> path, List<List<String>> commands) {
    commands.add(List.copyOf(path));
    for (Map.Entry<String, CommandLine> sub : command.getSubcommands().entrySet()) {
      List<String> subPath = new ArrayList<>(path);
      subPath.add(sub.getKey());
      collect(sub.getValue(), subPath, commands);
    }
  }

  @Test
  void noCommandIsAUsageError() {
    CliRun run = CliRun.run(Map.of());
    assertEquals(ExitCode.USAGE, run.exit, run.toString());
    assertTrue(run.err.contains("a command is required"), run.err);
  }
}
