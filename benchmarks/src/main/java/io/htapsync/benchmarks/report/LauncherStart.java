package io.htapsync.benchmarks.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Wall time of two commands started alternately (A B, B A, A B, ...), each run a fresh process, so
 * that a change in the machine's load hits both alike: the installed launcher ({@code bin/htapsync})
 * beside plain {@code java -jar} with the same arguments. One warm-up run of each comes first and is
 * not counted; A's warm-up is reported apart, since the launcher makes its class-data-sharing archive
 * then (the cache folder starts empty).
 */
public final class LauncherStart {
  private static final long RUN_TIMEOUT_SECONDS = 60;

  /** Medians of A and B, the median of the per-pair ratios A/B, or why there are none. */
  public static final class Outcome {
    public final String unavailable;
    public final double firstRunMillisA;
    public final double medianMillisA;
    public final double medianMillisB;
    public final double medianPairRatio;
    public final int pairs;

    Outcome(String unavailable, double firstRunMillisA, double medianMillisA, double medianMillisB,
        double medianPairRatio, int pairs) {
      this.unavailable = unavailable;
      this.firstRunMillisA = firstRunMillisA;
      this.medianMillisA = medianMillisA;
      this.medianMillisB = medianMillisB;
      this.medianPairRatio = medianPairRatio;
      this.pairs = pairs;
    }

    static Outcome unavailable(String why) {
      return new Outcome(why, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
    }
  }

  private LauncherStart() {}

  public static Outcome measure(List<String> a, List<String> b, Map<String, String> env, int pairs)
      throws IOException, InterruptedException {
    double[] timesA = new double[pairs];
    double[] timesB = new double[pairs];
    double[] ratios = new double[pairs];
    double firstA;
    try {
      firstA = run(a, env);
      run(b, env);
      for (int i = 0; i < pairs; i++) {
        if (i % 2 == 0) {
          timesA[i] = run(a, env);
          timesB[i] = run(b, env);
        } else {
          timesB[i] = run(b, env);
          timesA[i] = run(a, env);
        }
        ratios[i] = timesA[i] / timesB[i];
      }
    } catch (RunFailed e) {
      return Outcome.unavailable(e.getMessage());
    }
    return new Outcome(null, firstA, ColdStart.median(timesA), ColdStart.median(timesB), ColdStart.median(ratios),
        pairs);
  }

  /** Milliseconds from start to exit of one run, which must exit 0. */
  private static double run(List<String> command, Map<String, String> env)
      throws IOException, InterruptedException, RunFailed {
    Path stderr = Files.createTempFile("htapsync-launcher-", ".err");
    try {
      ProcessBuilder builder = new ProcessBuilder(command)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(stderr.toFile());
      // The user's own HTAPSYNC_* / cloud variables would change what the CLI does.
      builder.environment().keySet().removeIf(n -> n.startsWith("HTAPSYNC_") || n.startsWith("HUAWEICLOUD_SDK_"));
      builder.environment().putAll(env);
      long start = System.nanoTime();
      Process process = builder.start();
      if (!process.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new RunFailed("n/a (" + command.get(0) + " took over " + RUN_TIMEOUT_SECONDS + " s)");
      }
      double millis = (System.nanoTime() - start) / 1e6;
      if (process.exitValue() != 0) {
        String err = Files.readString(stderr, StandardCharsets.UTF_8).strip();
        String line = err.lines().reduce((first, second) -> second).orElse("no output on stderr");
        throw new RunFailed("n/a (" + command.get(0) + " exit " + process.exitValue() + ": "
            + (line.length() > 120 ? line.substring(0, 120) + "..." : line) + ")");
      }
      return millis;
    } finally {
      Files.deleteIfExists(stderr);
    }
  }

  /** The launcher's and plain java's command lines for the same CLI arguments. */
  static List<List<String>> commands(Path distributionHome, Path cliJar, List<String> cliArgs) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> launcher = new ArrayList<>(List.of(distributionHome.resolve("bin/htapsync").toString()));
    launcher.addAll(cliArgs);
    List<String> plain = new ArrayList<>(List.of(java, "-jar", cliJar.toString()));
    plain.addAll(cliArgs);
    return List.of(launcher, plain);
  }

  private static final class RunFailed extends Exception {
    RunFailed(String message) {
      super(message);
    }
  }
}
