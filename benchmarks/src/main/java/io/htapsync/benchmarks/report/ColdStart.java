package io.htapsync.benchmarks.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wall time of {@code java -jar htapsync.jar <args>}, each run a fresh JVM. With {@code
 * HTAPSYNC_TIMING=1} the CLI is expected to print, on stderr, {@code jvm_start_ms=N},
 * {@code sandbox_start_ms=N} and {@code first_call_ms=N} (anywhere on a line, e.g. {@code
 * htapsync-timing jvm_start_ms=180 sandbox_start_ms=95 first_call_ms=210}); the phases it prints are
 * reported as medians, the others are left out.
 */
public final class ColdStart {
  static final List<String> PHASES = List.of("jvm_start", "sandbox_start", "first_call");
  private static final Pattern PHASE = Pattern.compile("\\b(jvm_start|sandbox_start|first_call)_ms=(\\d+(?:\\.\\d+)?)");
  private static final long RUN_TIMEOUT_SECONDS = 60;

  /** Median wall time and median phase times of the runs, or why there are none. */
  public static final class Outcome {
    public final String unavailable;
    public final double medianMillis;
    public final int runs;
    public final Map<String, Double> phaseMedians;

    Outcome(String unavailable, double medianMillis, int runs, Map<String, Double> phaseMedians) {
      this.unavailable = unavailable;
      this.medianMillis = medianMillis;
      this.runs = runs;
      this.phaseMedians = phaseMedians;
    }
  }

  private ColdStart() {}

  /** One discarded run (it fills the OS file cache), then {@code runs} measured ones. */
  public static Outcome measure(Path cliJar, List<String> args, int runs) throws IOException, InterruptedException {
    if (!Files.isRegularFile(cliJar)) {
      return new Outcome("n/a (no CLI yet)", Double.NaN, 0, Map.of());
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-jar", cliJar.toString()));
    command.addAll(args);
    double[] wall = new double[runs];
    Map<String, double[]> phases = new LinkedHashMap<>();
    for (int i = -1; i < runs; i++) {
      Path stderr = Files.createTempFile("htapsync-cli-", ".err");
      try {
        ProcessBuilder builder = new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(stderr.toFile());
        builder.environment().put("HTAPSYNC_TIMING", "1");
        long start = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          return new Outcome("n/a (CLI run took over " + RUN_TIMEOUT_SECONDS + " s)", Double.NaN, 0, Map.of());
        }
        long nanos = System.nanoTime() - start;
        String err = Files.readString(stderr, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
          return new Outcome("n/a (CLI exit " + process.exitValue() + ": " + firstLine(err) + ")", Double.NaN, 0,
              Map.of());
        }
        if (i >= 0) {
          wall[i] = nanos / 1e6;
          Matcher m = PHASE.matcher(err);
          while (m.find()) {
            phases.computeIfAbsent(m.group(1), k -> filledWithNaN(runs))[i] = Double.parseDouble(m.group(2));
          }
        }
      } finally {
        Files.deleteIfExists(stderr);
      }
    }
    Map<String, Double> phaseMedians = new LinkedHashMap<>();
    for (String phase : PHASES) {
      double[] values = phases.get(phase);
      if (values != null && Arrays.stream(values).noneMatch(Double::isNaN)) {
        phaseMedians.put(phase, median(values));
      }
    }
    return new Outcome(null, median(wall), runs, phaseMedians);
  }

  private static double[] filledWithNaN(int n) {
    double[] values = new double[n];
    Arrays.fill(values, Double.NaN);
    return values;
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static String firstLine(String text) {
    String line = text.strip().lines().findFirst().orElse("no output on stderr");
    return line.length() > 120 ? line.substring(0, 120) + "..." : line;
  }
}
