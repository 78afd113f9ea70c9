package io.htapsync.benchmarks.report;

import io.htapsync.sandbox.SandboxOptions;
import io.htapsync.sandbox.SandboxServer;
import io.htapsync.sandbox.data.DemoData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The two launcher rows of the report: {@code bin/htapsync list} against a loopback sandbox, and with
 * the CLI's default embedded sandbox, each beside {@code java -jar} with the same arguments.
 */
final class LauncherRows {
  final LauncherStart.Outcome loopback;
  final LauncherStart.Outcome embedded;

  private LauncherRows(LauncherStart.Outcome loopback, LauncherStart.Outcome embedded) {
    this.loopback = loopback;
    this.embedded = embedded;
  }

  static LauncherRows measure(String distributionHome, String cacheHome, Path cliJar, List<String> embeddedArgs,
      int pairs) throws IOException, InterruptedException {
    if (distributionHome == null || !Files.isExecutable(Path.of(distributionHome, "bin", "htapsync"))) {
      LauncherStart.Outcome none = LauncherStart.Outcome.unavailable("n/a (no distribution: pass --dist-home)");
      return new LauncherRows(none, none);
    }
    if (!Files.isRegularFile(cliJar)) {
      LauncherStart.Outcome none = LauncherStart.Outcome.unavailable("n/a (no CLI jar)");
      return new LauncherRows(none, none);
    }
    Path home = Path.of(distributionHome);
    Path cache = cacheHome != null ? Files.createDirectories(Path.of(cacheHome))
        : Files.createTempDirectory("htapsync-bench-cache");
    // A cache folder per row: each row's first run makes the archive from its own command, as a user's would.
    Map<String, String> env = Map.of("JAVA_HOME", System.getProperty("java.home"),
        "XDG_CACHE_HOME", Files.createDirectories(cache.resolve("embedded")).toString());

    LauncherStart.Outcome loopback;
    try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults())) {
      List<String> args = new ArrayList<>(List.of("--endpoint", sandbox.baseUrl(), "--project", DemoData.PROJECT_ID,
          "list", "--instance", DemoData.SALES_INSTANCE_ID));
      List<List<String>> commands = LauncherStart.commands(home, cliJar, args);
      Map<String, String> withToken = new HashMap<>(env);
      withToken.put("HTAPSYNC_AUTH_TOKEN", "benchmark-token");
      withToken.put("XDG_CACHE_HOME", Files.createDirectories(cache.resolve("loopback")).toString());
      loopback = LauncherStart.measure(commands.get(0), commands.get(1), withToken, pairs);
    }
    List<List<String>> commands = LauncherStart.commands(home, cliJar, embeddedArgs);
    LauncherStart.Outcome embedded = LauncherStart.measure(commands.get(0), commands.get(1), env, pairs);
    return new LauncherRows(loopback, embedded);
  }
}
