package io.htapsync.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Rows 4b and 4c of the report alone, for re-measuring the launcher without the JMH runs
 * ({@code benchmarks/run.sh} measures them with everything else):
 * {@code java -cp benchmarks/target/benchmarks.jar io.htapsync.benchmarks.report.LauncherReport
 * --cli-jar cli/target/htapsync.jar --dist-home DIR --cache-home DIR [--cli-args "list ..."]}.
 * The load average is printed before and after, as the figures mean little without it.
 */
public final class LauncherReport {
  private LauncherReport() {
  }

  public static void main(String[] args) throws IOException, InterruptedException {
    Map<String, String> options = Report.options(args);
    List<String> cliArgs = Arrays.asList(options.getOrDefault("cli-args",
        "list --instance a3f5c7e9b1d24f6a8c0e2b4d6f8a0c1ein07").trim().split("\\s+"));
    String loadBefore = loadAverage();
    LauncherRows rows = LauncherRows.measure(options.get("dist-home"), options.get("cache-home"),
        Path.of(options.getOrDefault("cli-jar", "cli/target/htapsync.jar")), cliArgs, Report.LAUNCHER_PAIRS);
    Table table = new Table("#", "Measurement", "htapsync", "Baselines (same run)",
        "Vendor SDK (quoted, not measured)", "Ratio", "Target", "Result");
    Report.launcherLoopbackRow(table, rows.loopback);
    Report.launcherEmbeddedRow(table, rows.embedded, cliArgs);
    System.out.print(Report.machine() + "\nLoad average (1, 5, 15 min): before " + loadBefore + ", after "
        + loadAverage() + "\n\n" + table.render());
  }

  private static String loadAverage() throws IOException {
    Path loadavg = Path.of("/proc/loadavg");
    if (!Files.isReadable(loadavg)) {
      return "unknown";
    }
    String[] fields = Files.readString(loadavg).trim().split("\\s+");
    return String.join(" ", Arrays.copyOf(fields, Math.min(3, fields.length)));
  }
}
