package io.htapsync.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import io.htapsync.benchmarks.exporter.FleetScanMeasurement;
import io.htapsync.benchmarks.exporter.MetricsRenderMeasurement;
import io.htapsync.benchmarks.paging.PagingMeasurement;
import io.htapsync.benchmarks.paired.PairedMeasurement;
import io.htapsync.benchmarks.report.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark and measurement of run.sh once, very briefly, so that `mvn verify` notices when
 * one breaks (a client change that a benchmark no longer compiles or runs against, a baseline that
 * decodes something else). The figures it produces mean nothing and are not checked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BenchmarksSmokeTest {
  private static final Set<String> JMH_BENCHMARKS = Set.of(
      "DecodeBenchmark.client[NUMBERS]", "DecodeBenchmark.client[STRINGS]",
      "DecodeBenchmark.clientModelGsonOnly[NUMBERS]", "DecodeBenchmark.clientModelGsonOnly[STRINGS]",
      "DecodeBenchmark.plainGson[NUMBERS]", "DecodeBenchmark.plainGson[STRINGS]",
      "DecodeBenchmark.streamingJsonReader[NUMBERS]", "DecodeBenchmark.streamingJsonReader[STRINGS]",
      "CallBenchmark.client", "CallBenchmark.rawOkHttpGson", "CallBenchmark.retrofitAdapterConverter");

  @TempDir
  Path dir;

  private Collection<RunResult> jmhResults;
  private Path jmhJson;

  @BeforeAll
  void runEveryJmhBenchmarkOnce() throws Exception {
    jmhJson = Files.createTempFile("htapsync-jmh-smoke-", ".json");
    Options options = new OptionsBuilder()
        .include("io\\.htapsync\\.benchmarks\\.(decode|call)\\.")
        .forks(0)
        .warmupIterations(0)
        .measurementIterations(1)
        .measurementTime(TimeValue.milliseconds(100))
        .shouldFailOnError(true)
        .result(jmhJson.toString())
        .resultFormat(ResultFormatType.JSON)
        .build();
    jmhResults = new Runner(options).run();
  }

  @Test
  void everyJmhBenchmarkProducedAScore() {
    Set<String> names = new TreeSet<>();
    for (RunResult result : jmhResults) {
      String benchmark = result.getParams().getBenchmark();
      String simple = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
      String param = result.getParams().getParam("counters");
      names.add(param == null ? simple : simple + "[" + param + "]");
      double score = result.getPrimaryResult().getScore();
      assertTrue(score > 0 && Double.isFinite(score), benchmark + " scored " + score);
    }
    assertEquals(new TreeSet<>(JMH_BENCHMARKS), names);
  }

  @Test
  void pagingWalksEveryTaskAndWeighsTheHeap() throws IOException {
    Map<String, String> result = PagingMeasurement.measure(1_000, 0, 1);

    assertEquals("1000", result.get("paging.tasks"));
    assertEquals("20", result.get("paging.pages"));
    assertEquals("100", result.get("paging.checkpoint"));
    assertTrue(Long.parseLong(result.get("paging.heapAtCheckpointBytes")) > 0, result.toString());
    assertTrue(Long.parseLong(result.get("paging.heapAtEndBytes")) > 0, result.toString());
    assertTrue(Double.parseDouble(result.get("paging.nanosPerTask")) > 0, result.toString());
  }

  @Test
  void fleetScanPollsEveryInstanceThroughTheExporterInParallel() throws Exception {
    Map<String, String> result = FleetScanMeasurement.measure(40, Duration.ofMillis(20), 8, 2, 0, 2);

    assertEquals("100.0", result.get("fleet.floorMillis"));
    assertEquals(2, result.get("fleet.scanMillis").split(",").length, result.toString());
    // More than OkHttp's default of 5 per host: the exporter's dispatcher is sized to the concurrency.
    assertEquals("8", result.get("fleet.peakInFlight"), result.toString());
    assertTrue(Double.parseDouble(result.get("fleet.medianMillis")) >= 100, result.toString());
    assertTrue(Long.parseLong(result.get("fleet.heapAfterGcBytes")) > 0, result.toString());
  }

  @Test
  void renderScrapesEveryTaskThroughTheMetricsServer() throws Exception {
    Map<String, String> result = MetricsRenderMeasurement.measure(20, 2, 0, 30);

    assertEquals("10", result.get("render.instances"));
    // 8 series a task (synced, stalled, progress, the stage set), and catch-up progress while one runs.
    assertTrue(Long.parseLong(result.get("render.taskSeries")) >= 20 * 8, result.toString());
    for (String run : new String[] {"synchronous", "staticSocket", "staticJdkClient", "background",
        "backgroundOpenMetrics", "backgroundGzip", "backgroundJdkClient", "render", "gzip", "micrometerRender",
        "micrometerCollect"}) {
      assertTrue(Double.parseDouble(result.get("render." + run + ".p99Millis")) > 0, result.toString());
    }
    // The background cases ran while polls changed the meters, and renderings went on meanwhile.
    assertTrue(Long.parseLong(result.get("render.background.polls")) > 0, result.toString());
    assertTrue(Long.parseLong(result.get("render.background.renderings")) > 0, result.toString());
    assertTrue(Double.parseDouble(result.get("render.servedAge.maxMillis")) >= 0, result.toString());
  }

  @Test
  void reportPrintsEveryRowFromTheMeasurements() throws Exception {
    Path paired = dir.resolve("paired.properties");
    Path paging = dir.resolve("paging.properties");
    write(paired, PairedMeasurement.measure(200, 200));
    write(paging, PagingMeasurement.measure(1_000, 0, 1));
    Path fleet = dir.resolve("fleet.properties");
    write(fleet, FleetScanMeasurement.measure(20, Duration.ofMillis(5), 4, 1, 0, 1));
    Path render = dir.resolve("render.properties");
    write(render, MetricsRenderMeasurement.measure(10, 1, 0, 2));
    // Real jars in the dependency:list format, as run.sh gets them from Maven.
    Path dependencies = dir.resolve("runtime-dependencies.txt");
    Files.writeString(dependencies, "The following files have been resolved:\n"
        + "   com.google.code.gson:gson:jar:2.x:compile:" + jarOf(Gson.class) + " -- module com.google.gson\n"
        + "   com.squareup.okhttp3:okhttp:jar:4.x:compile:" + jarOf(OkHttpClient.class) + " (optional)\n");

    String report = Report.render(Map.of(
        "jmh", jmhJson.toString(),
        "paired", paired.toString(),
        "paging", paging.toString(),
        "fleet", fleet.toString(),
        "fleet-large", fleet.toString(),
        "render", render.toString(),
        "render-large", render.toString(),
        "client-jar", jarOf(Gson.class).toString(),
        "dependencies", dependencies.toString(),
        "cli-jar", dir.resolve("no-such-cli.jar").toString()));

    for (String row : new String[] {"| 1a ", "| 1b ", "| 2 ", "| 3 ", "| 4 ", "| 4b ", "| 4c ", "| 5 ", "| 6a ", "| 6b ",
        "| 6b' ", "| 6c ", "| 6c' "}) {
      assertTrue(report.contains(row), "no row " + row.trim() + " in\n" + report);
    }
    assertTrue(report.contains("n/a (no CLI yet)"), report);
    assertTrue(report.contains("n/a (no distribution: pass --dist-home)"), report);
    assertTrue(report.contains("2 jars"), "the client jar plus gson; okhttp is optional:\n" + report);
    long verdicts = report.lines().filter(l -> l.matches(".*\\| (PASS|MISS) +\\|$")).count();
    assertEquals(9, verdicts, report); // 6c' shows scale and has no verdict
  }

  private static void write(Path file, Map<String, String> values) throws IOException {
    Files.writeString(file, values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("\n")));
  }

  private static Path jarOf(Class<?> type) throws Exception {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}
