package io.htapsync.benchmarks.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The results of a JMH run, read from its JSON result file ({@code -rf json}). */
public final class JmhResults {
  /** One benchmark's figures; times in the benchmark's output unit (microseconds here). */
  public static final class Result {
    public final double score;
    public final double scoreError;
    public final String unit;
    private final Map<Double, Double> percentiles;
    /** Bytes allocated per operation by the whole JVM (gc profiler), or NaN without {@code -prof gc}. */
    public final double allocatedBytesPerOp;

    Result(double score, double scoreError, String unit, Map<Double, Double> percentiles, double allocated) {
      this.score = score;
      this.scoreError = scoreError;
      this.unit = unit;
      this.percentiles = percentiles;
      this.allocatedBytesPerOp = allocated;
    }

    /** A SampleTime percentile, e.g. {@code percentile(50.0)}. */
    public double percentile(double p) {
      Double value = percentiles.get(p);
      if (value == null) {
        throw new IllegalStateException("no p" + p + " in the results (only SampleTime benchmarks have percentiles)");
      }
      return value;
    }
  }

  private final Map<String, Result> results;

  private JmhResults(Map<String, Result> results) {
    this.results = results;
  }

  public static JmhResults read(Path file) throws IOException {
    Map<String, Result> results = new HashMap<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      JsonArray runs = JsonParser.parseReader(reader).getAsJsonArray();
      for (JsonElement element : runs) {
        JsonObject run = element.getAsJsonObject();
        results.put(key(shortName(run.get("benchmark").getAsString()), params(run)), result(run));
      }
    }
    return new JmhResults(results);
  }

  /**
   * @param benchmark class and method, e.g. {@code DecodeBenchmark.client}
   * @param params e.g. {@code counters=NUMBERS}, or empty
   * @throws IllegalStateException naming the benchmark when the run did not produce it
   */
  public Result get(String benchmark, String params) {
    Result result = results.get(key(benchmark, params));
    if (result == null) {
      throw new IllegalStateException("no JMH result for " + key(benchmark, params) + "; have " + results.keySet());
    }
    return result;
  }

  private static Result result(JsonObject run) {
    JsonObject primary = run.getAsJsonObject("primaryMetric");
    Map<Double, Double> percentiles = new HashMap<>();
    JsonObject scorePercentiles = primary.getAsJsonObject("scorePercentiles");
    if (scorePercentiles != null) {
      scorePercentiles.entrySet().forEach(e -> percentiles.put(Double.parseDouble(e.getKey()),
          e.getValue().getAsDouble()));
    }
    double allocated = Double.NaN;
    JsonObject secondary = run.getAsJsonObject("secondaryMetrics");
    if (secondary != null && secondary.has("gc.alloc.rate.norm")) {
      allocated = secondary.getAsJsonObject("gc.alloc.rate.norm").get("score").getAsDouble();
    }
    return new Result(primary.get("score").getAsDouble(), number(primary.get("scoreError")),
        primary.get("scoreUnit").getAsString(), percentiles, allocated);
  }

  /** JMH writes "NaN" as a string when it cannot compute an error (a single iteration). */
  private static double number(JsonElement element) {
    try {
      return element == null ? Double.NaN : element.getAsDouble();
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static String params(JsonObject run) {
    JsonObject params = run.getAsJsonObject("params");
    if (params == null) {
      return "";
    }
    return params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().getAsString()).sorted()
        .collect(Collectors.joining(","));
  }

  private static String shortName(String benchmark) {
    String[] parts = benchmark.split("\\.");
    return parts[parts.length - 2] + "." + parts[parts.length - 1];
  }

  private static String key(String benchmark, String params) {
    return params.isEmpty() ? benchmark : benchmark + "[" + params + "]";
  }
}
