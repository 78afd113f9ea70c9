package io.htapsync.benchmarks.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Prints the one table of {@code benchmarks/run.sh}: each measurement beside its baseline from the
 * same run, as a ratio checked against the issue's target. Ratios are judged on the interleaved
 * (paired) measurement, which a drifting machine load cannot bias; the ratio of the JMH trials, run
 * one after the other, is shown beside it. The vendor column quotes the reference figures given in
 * the issue and in api-facts.md (their machine, not measured here), for orientation only.
 *
 * <p>Arguments: {@code --jmh FILE --paired FILE --paging FILE --client-jar FILE --dependencies FILE
 * --cli-jar FILE [--cli-args "list ..."] [--dist-home DIR --cache-home DIR] [--settings TEXT]}; with
 * {@code --dist-home} (the untarred distribution) the launcher rows are measured too, with
 * {@code --cache-home} as its XDG_CACHE_HOME. The exporter's rows come from {@code --fleet FILE}
 * (FleetScanMeasurement, under -Xmx64m), {@code --fleet-large FILE} (the same with more tasks per
 * instance) and {@code --render FILE} (MetricsRenderMeasurement); each is printed when given.
 */
public final class Report {
  static final double DECODE_TARGET = 1.15;
  static final double CALL_TARGET = 1.05;
  static final double HEAP_GROWTH_TARGET_MIB = 5;
  static final long FOOTPRINT_TARGET_BYTES = 4_000_000;
  static final int COLD_START_RUNS = 10;
  static final int LAUNCHER_PAIRS = 11;
  static final double LAUNCHER_RATIO_TARGET = 0.6;
  static final double LAUNCHER_LOOPBACK_TARGET_MS = 300;
  static final double LAUNCHER_EMBEDDED_TARGET_MS = 500;
  static final double FLEET_SCAN_TARGET = 1.3;
  static final double EXPORTER_HEAP_TARGET_MIB = 64;
  static final double RENDER_P99_TARGET_MS = 20;

  private static final double MIB = 1024.0 * 1024.0;

  private Report() {}

  public static void main(String[] args) throws Exception {
    System.out.print(render(options(args)));
  }

  /** The header lines and the table, for the options {@link #main} takes (names without "--"). */
  public static String render(Map<String, String> options) throws IOException, InterruptedException {
    if (options.containsKey("exporter-only")) {
      // Section 6 alone, from its measurements' outputs: for rerunning the exporter's rows by themselves.
      Table table = new Table("#", "Measurement", "htapsync", "Baselines (same run)",
          "Vendor SDK (quoted, not measured)", "Ratio", "Target", "Result");
      exporterRows(table, options);
      return machine() + "\n\n" + table.render();
    }
    JmhResults jmh = JmhResults.read(Path.of(required(options, "jmh")));
    Properties paired = properties(Path.of(required(options, "paired")));
    Properties paging = properties(Path.of(required(options, "paging")));
    Footprint footprint = Footprint.of(Path.of(required(options, "client-jar")),
        Path.of(required(options, "dependencies")));
    List<String> cliArgs = Arrays.asList(options.getOrDefault("cli-args", "list --instance a3f5c7e9b1d24f6a8c0e2b4d6f8a0c1ein07").trim().split("\\s+"));
    ColdStart.Outcome coldStart = ColdStart.measure(Path.of(required(options, "cli-jar")), cliArgs, COLD_START_RUNS);
    LauncherRows launcher = LauncherRows.measure(options.get("dist-home"), options.get("cache-home"),
        Path.of(required(options, "cli-jar")), cliArgs, LAUNCHER_PAIRS);

    Table table = new Table("#", "Measurement", "htapsync", "Baselines (same run)",
        "Vendor SDK (quoted, not measured)", "Ratio", "Target", "Result");
    decodeRow(table, jmh, paired, "1a", "NUMBERS", "numbers");
    decodeRow(table, jmh, paired, "1b", "STRINGS", "strings");
    callRow(table, jmh, paired);
    pagingRow(table, paging);
    coldStartRow(table, coldStart, cliArgs);
    launcherLoopbackRow(table, launcher.loopback);
    launcherEmbeddedRow(table, launcher.embedded, cliArgs);
    footprintRow(table, footprint);
    exporterRows(table, options);
    return machine() + "\nJMH: " + options.getOrDefault("settings", "see run.sh") + "\n\n" + table.render();
  }

  /** Rows 6a-6c' for the measurements' outputs that are given. */
  private static void exporterRows(Table table, Map<String, String> options) throws IOException {
    if (options.containsKey("fleet")) {
      Properties fleet = properties(Path.of(options.get("fleet")));
      fleetScanRow(table, fleet);
      exporterHeapRow(table, "6b", fleet);
    }
    if (options.containsKey("fleet-large")) {
      exporterHeapRow(table, "6b'", properties(Path.of(options.get("fleet-large"))));
    }
    if (options.containsKey("render")) {
      renderRow(table, "6c", properties(Path.of(options.get("render"))), true);
      if (options.containsKey("render-large")) {
        renderRow(table, "6c'", properties(Path.of(options.get("render-large"))), false);
      }
    }
  }

  private static void decodeRow(Table table, JmhResults jmh, Properties paired, String id, String counters,
      String label) {
    String params = "counters=" + counters;
    JmhResults.Result client = jmh.get("DecodeBenchmark.client", params);
    JmhResults.Result plain = jmh.get("DecodeBenchmark.plainGson", params);
    JmhResults.Result streaming = jmh.get("DecodeBenchmark.streamingJsonReader", params);
    JmhResults.Result modelOnly = jmh.get("DecodeBenchmark.clientModelGsonOnly", params);
    String prefix = "paired.decode." + counters;
    double ratio = number(paired, prefix + ".ratio");
    table.row(id, "Decode a 50-task page, counters as " + label,
        "JMH " + micros(client) + " (" + perSecond(client.score) + " pages/s), "
            + bytes(client.allocatedBytesPerOp) + "/page; paired p50 " + fixed(number(paired, prefix
            + ".client.medianMicros"), 1) + " us",
        "plain Gson: JMH " + micros(plain) + ", " + bytes(plain.allocatedBytesPerOp) + "/page; paired p50 "
            + fixed(number(paired, prefix + ".baseline.medianMicros"), 1) + " us. JsonReader by hand: JMH "
            + micros(streaming) + ". Generated model via Gson alone: JMH " + micros(modelOnly),
        "37 us (27,000 pages/s)",
        pairedRatio(paired, prefix) + " plain Gson; JMH means " + ratio(client.score / plain.score),
        "<= " + DECODE_TARGET + "x", verdict(ratio <= DECODE_TARGET));
  }

  private static void callRow(Table table, JmhResults jmh, Properties paired) {
    JmhResults.Result client = jmh.get("CallBenchmark.client", "");
    JmhResults.Result raw = jmh.get("CallBenchmark.rawOkHttpGson", "");
    double ratio = number(paired, "paired.call.ratio");
    table.row("2", "listReplications end to end, loopback, sequential calls",
        "paired p50 " + fixed(number(paired, "paired.call.client.medianMicros"), 1) + " us, p99 "
            + fixed(number(paired, "paired.call.client.p99Micros"), 1) + " us; JMH p50 "
            + fixed(client.percentile(50.0), 1) + " us, p99 " + fixed(client.percentile(99.0), 1) + " us, "
            + bytes(client.allocatedBytesPerOp) + "/call",
        "raw OkHttp + plain Gson: paired p50 " + fixed(number(paired, "paired.call.baseline.medianMicros"), 1)
            + " us, p99 " + fixed(number(paired, "paired.call.baseline.p99Micros"), 1) + " us; JMH p50 "
            + fixed(raw.percentile(50.0), 1) + " us, p99 " + fixed(raw.percentile(99.0), 1) + " us, "
            + bytes(raw.allocatedBytesPerOp) + "/call",
        "p50 556 us (1,700 calls/s)",
        pairedRatio(paired, "paired.call") + " raw OkHttp at p50; JMH p50s "
            + ratio(client.percentile(50.0) / raw.percentile(50.0)),
        "<= " + CALL_TARGET + "x", verdict(ratio <= CALL_TARGET));
  }

  /** "1.02x paired (fifths 1.01-1.04)". */
  private static String pairedRatio(Properties paired, String prefix) {
    return ratio(number(paired, prefix + ".ratio")) + " paired (fifths " + fixed(number(paired, prefix
        + ".ratioLowestFifth"), 2) + "-" + fixed(number(paired, prefix + ".ratioHighestFifth"), 2) + ")";
  }

  private static void pagingRow(Table table, Properties paging) {
    long tasks = Long.parseLong(paging.getProperty("paging.tasks"));
    long checkpoint = Long.parseLong(paging.getProperty("paging.checkpoint"));
    double atCheckpoint = Long.parseLong(paging.getProperty("paging.heapAtCheckpointBytes")) / MIB;
    double atEnd = Long.parseLong(paging.getProperty("paging.heapAtEndBytes")) / MIB;
    double growth = atEnd - atCheckpoint;
    double nanosPerTask = Double.parseDouble(paging.getProperty("paging.nanosPerTask"));
    double serverNanosPerTask = Double.parseDouble(paging.getProperty("paging.serverNanosPerTask"));
    table.row("3", "streamReplications over " + count(tasks) + " tasks ("
            + count(Long.parseLong(paging.getProperty("paging.pages"))) + " pages of 50)",
        fixed(nanosPerTask / 1000, 2) + " us/task (median of " + paging.getProperty("paging.timedWalks")
            + " walks after " + paging.getProperty("paging.warmupWalks") + " warm-up walks; loopback server's"
            + " rendering " + fixed(serverNanosPerTask / 1000, 2) + " of it); heap after GC "
            + fixed(atCheckpoint, 2) + " MiB at " + count(checkpoint) + ", " + fixed(atEnd, 2) + " MiB at "
            + count(tasks),
        "-", "no pagination helper", String.format(Locale.ROOT, "%+.2f MiB", growth),
        "growth < " + fixed(HEAP_GROWTH_TARGET_MIB, 0) + " MiB", verdict(growth < HEAP_GROWTH_TARGET_MIB));
  }

  private static void coldStartRow(Table table, ColdStart.Outcome outcome, List<String> cliArgs) {
    String what = "Cold start: java -jar cli/target/htapsync.jar " + String.join(" ", cliArgs);
    if (outcome.unavailable != null) {
      table.row("4", what, outcome.unavailable, "-", "-", "-", "-", "-");
      return;
    }
    String phases = outcome.phaseMedians.isEmpty() ? " (no HTAPSYNC_TIMING breakdown printed)"
        : outcome.phaseMedians.entrySet().stream()
            .map(e -> e.getKey().replace('_', ' ') + " " + fixed(e.getValue(), 0) + " ms")
            .collect(Collectors.joining(", ", " (", ")"));
    table.row("4", what, "median " + fixed(outcome.medianMillis, 0) + " ms of " + outcome.runs + " runs" + phases,
        "-", "-", "-", "no target", "-");
  }

  static void launcherLoopbackRow(Table table, LauncherStart.Outcome outcome) {
    String what = "Installed launcher: bin/htapsync list --endpoint http://127.0.0.1:PORT (sandbox in the report's"
        + " JVM), alternating with java -jar";
    String target = "<= " + LAUNCHER_RATIO_TARGET + "x and <= " + fixed(LAUNCHER_LOOPBACK_TARGET_MS, 0) + " ms";
    if (outcome.unavailable != null) {
      table.row("4b", what, outcome.unavailable, "-", "-", "-", target, "-");
      return;
    }
    double ratio = outcome.medianMillisA / outcome.medianMillisB;
    table.row("4b", what, launcherFigure(outcome),
        "java -jar cli/target/htapsync.jar, same arguments: median " + fixed(outcome.medianMillisB, 0) + " ms",
        "-", ratio(ratio) + " of medians (median of pair ratios " + ratio(outcome.medianPairRatio) + ")", target,
        verdict(ratio <= LAUNCHER_RATIO_TARGET && outcome.medianMillisA <= LAUNCHER_LOOPBACK_TARGET_MS));
  }

  static void launcherEmbeddedRow(Table table, LauncherStart.Outcome outcome, List<String> cliArgs) {
    String what = "Installed launcher, embedded sandbox (the default): bin/htapsync " + String.join(" ", cliArgs)
        + ", alternating with java -jar";
    String target = "<= " + fixed(LAUNCHER_EMBEDDED_TARGET_MS, 0) + " ms";
    if (outcome.unavailable != null) {
      table.row("4c", what, outcome.unavailable, "-", "-", "-", target, "-");
      return;
    }
    table.row("4c", what, launcherFigure(outcome),
        "java -jar cli/target/htapsync.jar, same arguments: median " + fixed(outcome.medianMillisB, 0) + " ms",
        "-", ratio(outcome.medianMillisA / outcome.medianMillisB) + " of medians (median of pair ratios "
            + ratio(outcome.medianPairRatio) + ")", target,
        verdict(outcome.medianMillisA <= LAUNCHER_EMBEDDED_TARGET_MS));
  }

  private static String launcherFigure(LauncherStart.Outcome outcome) {
    return "median " + fixed(outcome.medianMillisA, 0) + " ms of " + outcome.pairs + " runs; the first run (making"
        + " the CDS archive, not counted) " + fixed(outcome.firstRunMillisA, 0) + " ms";
  }

  private static void footprintRow(Table table, Footprint footprint) {
    double ofVendor = footprint.bytes / 17_700_000.0;
    String optional = footprint.optionalJars.isEmpty() ? ""
        : "; +" + footprint.optionalJars.size() + " optional jar (" + kilobytes(footprint.optionalBytes)
            + ") only with httpLogging";
    table.row("5", "Client runtime footprint (client jar + runtime dependencies)",
        footprint.jars.size() + " jars, " + kilobytes(footprint.bytes) + optional, "-", "22 jars, 17.7 MB",
        ratio(ofVendor) + " vendor size", "< 4 MB", verdict(footprint.bytes < FOOTPRINT_TARGET_BYTES));
  }

  private static void fleetScanRow(Table table, Properties fleet) {
    double floor = number(fleet, "fleet.floorMillis");
    double median = number(fleet, "fleet.medianMillis");
    double ratio = median / floor;
    table.row("6a", "Exporter full scan: " + count((long) number(fleet, "fleet.instances")) + " instances ("
            + fleet.getProperty("fleet.tasksPerInstance") + " task(s) each) behind " + fleet.getProperty("fleet.latencyMillis")
            + " ms of loopback latency, concurrency " + fleet.getProperty("fleet.concurrency") + ", -Xmx"
            + Math.round(number(fleet, "fleet.maxHeapBytes") / MIB) + "m",
        "median " + fixed(median, 0) + " ms of " + fleet.getProperty("fleet.scanMillis").split(",").length
            + " scans (" + fixed(number(fleet, "fleet.minMillis"), 0) + "-" + fixed(number(fleet, "fleet.maxMillis"), 0)
            + " ms; all: " + fleet.getProperty("fleet.scanMillis") + "); peak " + fleet.getProperty("fleet.peakInFlight")
            + " in flight at the server; GC " + fleet.getProperty("fleet.gcMillisDuringTimedScans")
            + " ms during them; a fresh exporter's first scan " + fixed(number(fleet, "fleet.firstScanMillis"), 0) + " ms",
        "floor " + fixed(floor, 1) + " ms (instances x latency / concurrency); the server's real hold averaged "
            + fleet.getProperty("fleet.meanHeldMillis") + " ms",
        "-", ratio(ratio) + " the floor", "<= " + FLEET_SCAN_TARGET + "x", verdict(ratio <= FLEET_SCAN_TARGET));
  }

  private static void exporterHeapRow(Table table, String id, Properties fleet) {
    double heap = number(fleet, "fleet.heapAfterGcBytes") / MIB;
    table.row(id, "Exporter heap watching " + count((long) number(fleet, "fleet.instances")) + " instances x "
            + fleet.getProperty("fleet.tasksPerInstance") + " task(s) (" + count((long) number(fleet,
            "fleet.expositionSamples")) + " samples), after GC, both formats scraped and cached, -Xmx"
            + Math.round(number(fleet, "fleet.maxHeapBytes") / MIB) + "m",
        fixed(heap, 1) + " MiB used after GC (" + fixed(number(fleet, "fleet.expositionTextBytes") / MIB, 1)
            + " MiB per cached rendering; GC " + fleet.getProperty("fleet.gc") + ")",
        "the loopback server alone: " + fixed(number(fleet, "fleet.heapBaselineBytes") / MIB, 1) + " MiB",
        "-", "-", "<= " + fixed(EXPORTER_HEAP_TARGET_MIB, 0) + " MiB", verdict(heap <= EXPORTER_HEAP_TARGET_MIB));
  }

  /** @param judged whether the row is the issue's (10,000 task series) and gets a verdict, or only shows scale */
  private static void renderRow(Table table, String id, Properties render, boolean judged) {
    // The verdict takes the worst of the three forms a scraper can ask for, and of the two clients.
    double p99 = Math.max(Math.max(number(render, "render.background.p99Millis"),
        number(render, "render.backgroundJdkClient.p99Millis")), Math.max(
        number(render, "render.backgroundOpenMetrics.p99Millis"), number(render, "render.backgroundGzip.p99Millis")));
    table.row(id, "GET /metrics, " + count((long) number(render, "render.taskSeries")) + " task series ("
            + count((long) number(render, "render.tasks")) + " tasks, " + count((long) number(render, "render.samples"))
            + " samples, " + fixed(number(render, "render.bytes") / MIB, 1) + " MiB), rendered in the background while "
            + render.getProperty("render.background.polls") + " polls change the meters",
        "text p50 " + render.getProperty("render.background.p50Millis") + ", p99 "
            + render.getProperty("render.background.p99Millis") + ", max " + render.getProperty("render.background.maxMillis")
            + " ms of " + render.getProperty("render.timedScrapes") + " scrapes; OpenMetrics p50 "
            + render.getProperty("render.backgroundOpenMetrics.p50Millis") + ", p99 "
            + render.getProperty("render.backgroundOpenMetrics.p99Millis") + " ms; OpenMetrics+gzip ("
            + fixed(number(render, "render.gzipBytes") / 1024, 0) + " KiB) p50 "
            + render.getProperty("render.backgroundGzip.p50Millis") + ", p99 "
            + render.getProperty("render.backgroundGzip.p99Millis") + " ms; " + render.getProperty(
            "render.background.renderings") + " renderings meanwhile; served data's age p50 "
            + render.getProperty("render.servedAge.p50Millis") + ", max " + render.getProperty("render.servedAge.maxMillis")
            + " ms (scraper: one kept-alive socket reading the body as Prometheus does; the JDK's HttpClient,"
            + " text: p50 " + render.getProperty("render.backgroundJdkClient.p50Millis") + ", p99 "
            + render.getProperty("render.backgroundJdkClient.p99Millis") + " ms)",
        "the same bytes already in memory, same server: socket p50 " + render.getProperty("render.staticSocket.p50Millis")
            + ", p99 " + render.getProperty("render.staticSocket.p99Millis") + " ms, JDK HttpClient p50 "
            + render.getProperty("render.staticJdkClient.p50Millis") + ", p99 "
            + render.getProperty("render.staticJdkClient.p99Millis") + " ms; re-rendered each scrape: p50 " + render.getProperty("render.synchronous.p50Millis") + ", p99 "
            + render.getProperty("render.synchronous.p99Millis") + " ms; rendering alone (no HTTP): p50 "
            + render.getProperty("render.render.p50Millis") + ", p99 " + render.getProperty("render.render.p99Millis")
            + " ms, gzip p50 " + render.getProperty("render.gzip.p50Millis") + " ms; the same snapshots in Micrometer's"
            + " registry (how the exporter rendered before): p50 " + render.getProperty("render.micrometerRender.p50Millis")
            + ", p99 " + render.getProperty("render.micrometerRender.p99Millis") + " ms (its collect alone p50 "
            + render.getProperty("render.micrometerCollect.p50Millis") + " ms)",
        "-", "-", judged ? "p99 <= " + fixed(RENDER_P99_TARGET_MS, 0) + " ms" : "- (scale)",
        judged ? verdict(p99 <= RENDER_P99_TARGET_MS) : "-");
  }

  static String machine() {
    String cpu = "unknown CPU";
    String memory = "unknown memory";
    try {
      cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(cpu);
      memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
          .map(l -> fixed(Long.parseLong(l.replaceAll("\\D", "")) / MIB, 1) + " GiB RAM").findFirst().orElse(memory);
    } catch (IOException | RuntimeException e) {
      // Not Linux: the rest of the report stands without it.
    }
    return "htapsync benchmarks, " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "\n"
        + "Machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + cpu + ", " + memory + "\n"
        + "JDK: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + "\n"
        + "Load average at the report: " + loadAverage();
  }

  /** The 1, 5 and 15 minute load averages: on a shared machine they say how much the figures can be trusted. */
  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2] + " (" + Runtime.getRuntime().availableProcessors()
          + " cores)";
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static String micros(JmhResults.Result r) {
    String error = Double.isNaN(r.scoreError) ? "" : " +-" + fixed(r.scoreError, 1);
    return fixed(r.score, 1) + error + " us";
  }

  private static String perSecond(double micros) {
    return count(Math.round(1e6 / micros));
  }

  private static String bytes(double b) {
    return Double.isNaN(b) ? "? B" : count(Math.round(b)) + " B";
  }

  private static String kilobytes(long b) {
    return count(Math.round(b / 1000.0)) + " kB";
  }

  private static String ratio(double r) {
    return fixed(r, 2) + "x";
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String fixed(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  private static String verdict(boolean pass) {
    return pass ? "PASS" : "MISS";
  }

  private static Properties properties(Path file) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    return properties;
  }

  private static double number(Properties properties, String key) {
    String value = properties.getProperty(key);
    if (value == null) {
      throw new IllegalStateException("no " + key + " in the measurement output");
    }
    return Double.parseDouble(value);
  }

  static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value pairs, got " + String.join(" ", args));
      }
      options.put(args[i].substring(2), args[++i]);
    }
    return options;
  }

  private static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null) {
      throw new IllegalArgumentException("missing --" + name);
    }
    return value;
  }
}
