package io.htapsync.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code htapsync}: lists and watches StarRocks data synchronization tasks, and exports a fleet's state to
 * Prometheus ({@code exporter}). With no endpoint and no
 * region it runs against an embedded sandbox, so it works on a fresh machine without credentials.
 */
@Command(name = "htapsync", mixinStandardHelpOptions = true, versionProvider = HtapSyncCli.Version.class,
    subcommands = {ListCommand.class, WatchCommand.class, ExporterCommand.class},
    description = "Watch TaurusDB to StarRocks data synchronization tasks.",
    footer = {"", "Credentials come from the environment: HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK",
        "(with HUAWEICLOUD_SDK_SECURITY_TOKEN for temporary ones), or HTAPSYNC_AUTH_TOKEN.",
        "Exit codes: 0 ok, 1 API error, 2 usage error, 3 network failure or timeout,",
        "4 undecodable response, 5 watch --until-synced timed out before synced, 70 internal error."})
public final class HtapSyncCli implements Runnable {
  @Mixin
  GlobalOptions options = new GlobalOptions();

  @Spec
  CommandSpec spec;

  final Map<String, String> env;
  final Timing timing;
  /** True when stdout is a terminal, so watch may redraw in place. */
  final boolean interactive;
  /** The watch in progress, which Ctrl-C stops; null otherwise. */
  volatile WatchCommand activeWatch;

  HtapSyncCli(Map<String, String> env, boolean interactive) {
    this.env = env;
    this.interactive = interactive;
    this.timing = new Timing("1".equals(env.get("HTAPSYNC_TIMING")));
  }

  public static void main(String[] args) {
    EarlySandboxStart.startIfEmbeddedList(args);
    HtapSyncCli cli = new HtapSyncCli(System.getenv(), System.console() != null);
    CommandLine commandLine = cli.commandLine();
    installInterruptHandler(cli);
    int exit = commandLine.execute(args);
    cli.timing.report(commandLine.getErr());
    commandLine.getErr().flush();
    System.exit(exit);
  }

  CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(this);
    commandLine.setExecutionExceptionHandler(new ErrorReporter());
    commandLine.setParameterExceptionHandler(HtapSyncCli::reportUsageError);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    return commandLine;
  }

  /** One line naming the problem and where to read more; the full usage would bury that line. */
  private static int reportUsageError(CommandLine.ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    err.println("htapsync: " + e.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    printHelpHint(command, err);
    return ExitCode.USAGE;
  }

  /** The line after every usage error: where that command's options and variables are described. */
  static void printHelpHint(CommandLine command, PrintWriter err) {
    err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
  }

  Connection connect(PrintWriter err) {
    return Connection.open(options, env, err, timing);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "a command is required: " + String.join(", ", spec.subcommands().keySet()));
  }

  /** Ctrl-C stops a running watch cleanly (exit 0) instead of killing the JVM mid-frame. */
  private static void installInterruptHandler(HtapSyncCli cli) {
    try {
      sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> {
        WatchCommand watch = cli.activeWatch;
        if (watch != null) {
          // Polls run on the client's threads, so the command is free to wake now, even mid-poll.
          watch.stopByUser();
        } else {
          System.exit(130);
        }
      });
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      // No signal support here: Ctrl-C falls back to the JVM's default (exit 130).
    }
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = HtapSyncCli.class.getPackage().getImplementationVersion();
      return new String[] {"htapsync " + (version == null ? "dev" : version)};
    }
  }
}
