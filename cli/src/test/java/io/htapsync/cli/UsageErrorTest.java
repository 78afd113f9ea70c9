package io.htapsync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.htapsync.sandbox.data.DemoData;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

/**
 * Usage errors as a user at a terminal meets them: one line in the CLI's own terms (options and
 * environment variables, not the Java API), a hint where to read more, exit 2, and nothing started.
 */
class UsageErrorTest {
  /** 70 characters: too long for an instance ID by any rule. */
  static final String TOO_LONG_ID = "a".repeat(68) + "07";
  static final Map<String, String> TOKEN_ONLY = Map.of("HTAPSYNC_AUTH_TOKEN", "cli-test-token");

  /** What the user typed, the line stderr must start with, and the command whose help the hint names. */
  record Case(List<String> args, String firstLine, String helpOf) {
    Case(List<String> args, String firstLine) {
      this(args, firstLine, "htapsync " + args.stream().filter(a -> a.equals("list") || a.equals("watch"))
          .findFirst().orElseThrow());
    }
  }

  static final List<Case> BEFORE_THE_SANDBOX = List.of(
      new Case(List.of("list", "--instance", "../../etc"),
          "htapsync: --instance must contain only ASCII letters and digits"),
      new Case(List.of("list", "--instance", TOO_LONG_ID),
          "htapsync: --instance is 70 chars long"),
      // One short of the spec's 36: refused here, never sent.
      new Case(List.of("list", "--instance", "a".repeat(31) + "in07"),
          "htapsync: --instance is 35 chars long"),
      new Case(List.of("list", "--instance", ""), "htapsync: --instance must not be blank"),
      new Case(List.of("--project", "not-a-project", "list", "--instance", DemoData.SALES_INSTANCE_ID),
          "htapsync: --project must be 32 ASCII letters and digits, got \"not-a-project\" (13 chars)", "htapsync"),
      // A global option's hint names the top command's help, where global options are described.
      new Case(List.of("list", "--instance", DemoData.SALES_INSTANCE_ID, "--project", "short"),
          "htapsync: --project must be 32 ASCII letters and digits", "htapsync"),
      new Case(List.of("list", "--instance", DemoData.SALES_INSTANCE_ID, "--limit", "0"),
          "htapsync: --limit must be 1..100, got 0"),
      new Case(List.of("list", "--instance", DemoData.SALES_INSTANCE_ID, "--limit", "101"),
          "htapsync: --limit must be 1..100, got 101"),
      new Case(List.of("list", "--instance", DemoData.SALES_INSTANCE_ID, "--offset", "-1"),
          "htapsync: --offset must be >= 0, got -1"),
      new Case(List.of("watch", "--instance", "../../etc"),
          "htapsync: --instance must contain only ASCII letters and digits"),
      new Case(List.of("watch", "--instance", DemoData.SALES_INSTANCE_ID, "--interval", "0s"),
          "htapsync: Invalid value for option '--interval': '0s' is not a positive duration"),
      new Case(List.of("--endpoint", "https://user:s3cret@127.0.0.1:1", "list", "--instance",
          DemoData.SALES_INSTANCE_ID), "htapsync: --endpoint must not carry user info (user:password@host);"
          + " credentials come from the environment", "htapsync"),
      new Case(List.of("--endpoint", "https://user:s3cret@exa mple.com", "list", "--instance",
          DemoData.SALES_INSTANCE_ID), "htapsync: --endpoint is not a URL: Illegal character in authority at index",
          "htapsync"),
      new Case(List.of("list"), "htapsync: Missing required option: '--instance=ID'"),
      new Case(List.of("list", "--instance", DemoData.SALES_INSTANCE_ID, "--colour"),
          "htapsync: Unknown option: '--colour'"));

  @Test
  void badArgumentsAreOneLineAndAHintBeforeTheEmbeddedSandboxStarts() {
    for (Case c : BEFORE_THE_SANDBOX) {
      CliRun run = CliRun.run(Map.of(), c.args().toArray(new String[0]));
      String what = c.args() + ": " + run;
      assertEquals(ExitCode.USAGE, run.exit, what);
      assertEquals("", run.out, what);
      String[] lines = run.err.split("\n");
      assertTrue(lines[0].startsWith(c.firstLine()), what);
      assertEquals("Try '" + c.helpOf() + " --help' for more information.", lines[lines.length - 1], what);
      assertTrue(lines.length <= 3, "one line, perhaps a suggestion, and the hint: " + what);
      assertFalse(run.err.contains("embedded sandbox"), "the sandbox never started: " + what);
      assertFalse(run.err.contains("Usage:"), "no usage dump: " + what);
      assertSpeaksTheCli(run, what);
      assertFalse(run.err.contains("s3cret"), "no password echoed: " + what);
    }
  }

  @Test
  void aWrongLengthInstanceIdNeverReachesTheService() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      CliRun run = CliRun.run(ExitCodeTest.TOKEN_ENV, "--endpoint", server.url("/").toString(), "list",
          "--instance", TOO_LONG_ID);
      assertEquals(ExitCode.USAGE, run.exit, run.toString());
      assertTrue(run.err.startsWith("htapsync: --instance is 70 chars long"), run.err);
      assertEquals(0, server.getRequestCount(), "nothing sent");
    }
  }

  @Test
  void noCommandNamesTheCommandsAndTheHint() {
    CliRun run = CliRun.run(Map.of());
    assertEquals(ExitCode.USAGE, run.exit, run.toString());
    assertTrue(run.err.startsWith("htapsync: a command is required: list, watch, exporter\n"), run.err);
    assertTrue(run.err.endsWith("Try 'htapsync --help' for more information.\n"), run.err);
    assertEquals(2, run.err.split("\n").length, run.err);
  }

  @Test
  void aMistypedCommandGetsASuggestion() {
    CliRun run = CliRun.run(Map.of(), "lst", "--instance", DemoData.SALES_INSTANCE_ID);
    assertEquals(ExitCode.USAGE, run.exit, run.toString());
    assertTrue(run.err.contains("Did you mean"), run.err);
    assertTrue(run.err.contains("list"), run.err);
    assertFalse(run.err.contains("Usage:"), run.err);
  }

  @Test
  void configurationErrorsNameOptionsAndVariablesNotJava() {
    CliRun noProject = CliRun.run(TOKEN_ONLY, "--region", "cn-north-4", "list", "--instance",
        DemoData.SALES_INSTANCE_ID);
    assertEquals(ExitCode.USAGE, noProject.exit, noProject.toString());
    assertEquals("htapsync: a project is required: pass --project ID or set HUAWEICLOUD_SDK_PROJECT_ID\n"
        + "Try 'htapsync list --help' for more information.\n", noProject.err);

    CliRun badEnvProject = CliRun.run(Map.of("HTAPSYNC_AUTH_TOKEN", "t", "HUAWEICLOUD_SDK_PROJECT_ID", "p1"),
        "--region", "cn-north-4", "list", "--instance", DemoData.SALES_INSTANCE_ID);
    assertEquals(ExitCode.USAGE, badEnvProject.exit, badEnvProject.toString());
    assertTrue(badEnvProject.err.startsWith(
        "htapsync: HUAWEICLOUD_SDK_PROJECT_ID must be 32 ASCII letters and digits"), badEnvProject.err);

    CliRun region = CliRun.run(TOKEN_ONLY, "--region", "mars-1", "list", "--instance", DemoData.SALES_INSTANCE_ID);
    assertEquals(ExitCode.USAGE, region.exit, region.toString());
    assertTrue(region.err.startsWith("htapsync: unknown region \"mars-1\"; known regions: "), region.err);
    assertTrue(region.err.contains("cn-north-4"), region.err);
    assertTrue(region.err.contains("For another endpoint pass --endpoint URL."), region.err);

    CliRun noCredentials = CliRun.run(Map.of(), "--project", DemoData.PROJECT_ID, "--region", "cn-north-4",
        "list", "--instance", DemoData.SALES_INSTANCE_ID);
    assertEquals(ExitCode.USAGE, noCredentials.exit, noCredentials.toString());
    assertTrue(noCredentials.err.contains("HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK"), noCredentials.err);
    assertTrue(noCredentials.err.contains("HTAPSYNC_AUTH_TOKEN"), noCredentials.err);

    assertTrue(noCredentials.err.endsWith("\nTry 'htapsync list --help' for more information.\n"), noCredentials.err);

    for (CliRun run : List.of(noProject, badEnvProject, region, noCredentials)) {
      assertSpeaksTheCli(run, run.toString());
    }
  }

  /** No builder methods, Java parameter names or Java types: the user has none of them at a terminal. */
  static void assertSpeaksTheCli(CliRun run, String what) {
    for (String java : List.of("(..)", "(URI)", "Credentials.", "projectId", "instanceId", "Exception")) {
      assertFalse(run.err.contains(java), "mentions " + java + ": " + what);
    }
  }
}
