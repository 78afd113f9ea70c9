package io.htapsync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.htapsync.sandbox.SandboxOptions;
import io.htapsync.sandbox.SandboxServer;
import io.htapsync.sandbox.data.DemoData;
import io.htapsync.sandbox.data.ReplicationTask;
import io.htapsync.sandbox.data.StarRocksInstance;
import io.htapsync.sandbox.fault.InjectedFailure;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WatchCommandTest {
  static final String INSTANCE = "0f1e2d3c4b5a69788796a5b4c3d2e1f0in17";
  static final Map<String, String> ENV = Map.of("HTAPSYNC_AUTH_TOKEN", "watch-token",
      "HUAWEICLOUD_SDK_PROJECT_ID", DemoData.PROJECT_ID);

  SandboxServer sandbox;

  static ReplicationTask synced(String name) {
    return ReplicationTask.builder(name, "src_" + name, "dst_" + name).stage("Incremental").percentage("100")
        .build();
  }

  static ReplicationTask catchingUp(String name) {
    return ReplicationTask.builder(name, "src_" + name, "dst_" + name).stage("incremental").percentage("100")
        .catchup("full", "42.5").build();
  }

  @BeforeEach
  void start() {
    sandbox = SandboxServer.start(SandboxOptions.builder()
        .data(List.of(StarRocksInstance.anyProject(INSTANCE, List.of(synced("a"), catchingUp("b")))))
        .build());
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  void untilSyncedExitsZeroOnceEveryTaskIsIncrementalWithCatchUpDoneRedrawingInPlace() throws Exception {
    Thread later = new Thread(() -> {
      try {
        Thread.sleep(400);
      } catch (InterruptedException e) {
        return;
      }
      sandbox.dataset().put(INSTANCE, List.of(synced("a"), synced("b")));
    });
    later.start();
    CliRun run = CliRun.run(ENV, true, "--endpoint", sandbox.baseUrl(), "watch", "--instance", INSTANCE,
        "--interval", "100ms", "--until-synced");
    later.join();
    assertEquals(ExitCode.OK, run.exit, run.toString());
    assertTrue(run.out.contains("1 of 2 tasks synced"), run.out);
    assertTrue(run.out.contains("2 of 2 tasks synced"), run.out);
    assertTrue(run.out.contains("\033[4A\033[J"), "later frames redraw over the previous 4 lines");
    assertTrue(run.out.contains("full 42.5%"), "catch-up shown: " + run.out);
    assertTrue(run.err.contains("all 2 tasks are synced"), run.err);
  }

  @Test
  void withoutATerminalFramesFollowEachOtherPlainly() {
    Thread later = new Thread(() -> {
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        return;
      }
      sandbox.dataset().put(INSTANCE, List.of(synced("a"), synced("b")));
    });
    later.start();
    CliRun run = CliRun.run(ENV, false, "--endpoint", sandbox.baseUrl(), "watch", "--instance", INSTANCE,
        "--interval", "100ms", "--until-synced");
    assertEquals(ExitCode.OK, run.exit, run.toString());
    assertFalse(run.out.contains("\033["), "no escape codes when stdout is not a terminal");
    assertTrue(run.out.contains("tasks synced\nTASK"), run.out);
  }

  @Test
  void anInstanceWithoutTasksIsNotSyncedYet() {
    sandbox.dataset().put(INSTANCE, List.of());
    Thread later = new Thread(() -> {
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        return;
      }
      sandbox.dataset().put(INSTANCE, List.of(synced("a")));
    });
    later.start();
    CliRun run = CliRun.run(ENV, "--endpoint", sandbox.baseUrl(), "watch", "--instance", INSTANCE,
        "--interval", "100ms", "--until-synced");
    assertEquals(ExitCode.OK, run.exit, run.toString());
    assertTrue(run.out.contains("0 of 0 tasks synced"), run.out);
    assertTrue(run.err.contains("all 1 tasks are synced"), run.err);
  }

  /**
   * The signal goes out only once the poll has reached the server (which never answers), so a slow
   * JVM start cannot make the signal arrive before the handler or between polls.
   */
  @Test
  void ctrlCInTheMiddleOfASlowPollStopsAtOnce() throws Exception {
    try (SilentServer silent = new SilentServer()) {
      String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
      ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
          HtapSyncCli.class.getName(), "--endpoint", silent.baseUrl(), "watch", "--instance", INSTANCE);
      builder.environment().putAll(ENV);
      Process process = builder.start();
      try {
        assertTrue(silent.requestArrived.await(60, TimeUnit.SECONDS), "the poll reached the server");
        long signalled = System.nanoTime();
        assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor());
        assertTrue(process.waitFor(3, TimeUnit.SECONDS), "exited soon after Ctrl-C");
        long tookMillis = (System.nanoTime() - signalled) / 1_000_000;
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(ExitCode.OK, process.exitValue(), err);
        assertTrue(err.contains("watch stopped"), err);
        assertTrue(tookMillis < 3000, "took " + tookMillis + " ms");
        assertEquals(1, silent.connections.get(), "no poll after Ctrl-C");
      } finally {
        process.destroyForcibly();
      }
    }
  }

  /** Accepts connections on an ephemeral loopback port, reads the request and never answers. */
  static final class SilentServer implements AutoCloseable {
    final ServerSocket socket;
    final CountDownLatch requestArrived = new CountDownLatch(1);
    final AtomicInteger connections = new AtomicInteger();
    final List<Socket> accepted = new CopyOnWriteArrayList<>();
    final Thread acceptor;

    SilentServer() throws IOException {
      socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
      acceptor = new Thread(() -> {
        try {
          while (true) {
            Socket connection = socket.accept();
            accepted.add(connection);
            connections.incrementAndGet();
            // The request line and headers have arrived: the client is now waiting on its answer.
            new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.US_ASCII))
                .readLine();
            requestArrived.countDown();
          }
        } catch (IOException closed) {
          // close() ends the loop
        }
      }, "silent-server");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    String baseUrl() {
      return "http://127.0.0.1:" + socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
      socket.close();
      for (Socket s : accepted) {
        s.close();
      }
    }
  }

  @Test
  void watchErrorsUseTheSameExitCodes() {
    CliRun run = CliRun.run(ENV, "--endpoint", sandbox.baseUrl(), "watch", "--instance",
        "ffffffffffffffffffffffffffffffffin07", "--interval", "100ms");
    assertEquals(ExitCode.API_ERROR, run.exit, run.toString());
  }

  @Test
  void ctrlCStopsAWatchCleanly() throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        HtapSyncCli.class.getName(), "--endpoint", sandbox.baseUrl(), "watch", "--instance", INSTANCE,
        "--interval", "200ms");
    builder.environment().putAll(ENV);
    Process process = builder.start();
    process.getOutputStream().close();
    try {
      // Wait for the first frame, so the signal arrives while the watch is running.
      byte[] first = new byte[4];
      assertEquals(4, process.getInputStream().readNBytes(first, 0, 4), "watch printed a frame");
      Thread.sleep(300);
      Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start();
      assertEquals(0, kill.waitFor());
      assertTrue(process.waitFor(10, TimeUnit.SECONDS), "exited after Ctrl-C");
      String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(ExitCode.OK, process.exitValue(), err);
      assertTrue(err.contains("watch stopped"), err);
    } finally {
      process.destroyForcibly();
    }
  }

  static final Set<String> EVENT_NAMES = Set.of("task_appeared", "task_disappeared", "stage_changed",
      "status_changed", "progress", "stalled", "poll_failed", "recovered", "synced");

  /** Runs {@code action} on its own thread once the sandbox has answered {@code requests} requests. */
  Thread afterRequests(int requests, Runnable action) {
    Thread thread = new Thread(() -> {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (sandbox.recordedExchanges().size() < requests && System.nanoTime() < deadline) {
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          return;
        }
      }
      action.run();
    }, "after-requests");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  CliRun watchJsonlUntilSynced() {
    return CliRun.run(ENV, "--endpoint", sandbox.baseUrl(), "watch", "--instance", INSTANCE,
        "--interval", "100ms", "--output", "jsonl", "--until-synced");
  }

  /**
   * After the first answer, the next {@code requests} requests fail with {@code failure} (counted, not
   * timed, so a slow machine cannot dodge them); the first good poll after finds every task synced.
   */
  Thread failuresAfterTheFirstPollThenSynced(int requests, InjectedFailure failure) {
    return afterRequests(1, () -> {
      sandbox.failNext(requests, failure); // before the data changes: no poll sees synced data first
      sandbox.dataset().put(INSTANCE, List.of(synced("a"), synced("b")));
    });
  }

  /** Every stdout line parsed as one JSON object, with the fields every line must have checked. */
  static List<JsonObject> jsonLines(CliRun run) {
    List<JsonObject> lines = new ArrayList<>();
    for (String line : run.out.split("\n")) {
      JsonObject json = JsonParser.parseString(line).getAsJsonObject();
      Instant time = Instant.parse(json.get("time").getAsString());
      assertTrue(json.get("time").getAsString().endsWith("Z"), "UTC: " + line);
      assertTrue(Math.abs(Duration.between(time, Instant.now()).toMinutes()) < 5, "a time of this run: " + line);
      assertTrue(EVENT_NAMES.contains(json.get("event").getAsString()), line);
      assertEquals(INSTANCE, json.get("instance").getAsString(), line);
      lines.add(json);
    }
    return lines;
  }

  static List<String> events(List<JsonObject> lines) {
    return lines.stream().map(l -> l.get("event").getAsString()).collect(Collectors.toList());
  }

  static JsonObject first(List<JsonObject> lines, String event, String task) {
    return lines.stream().filter(l -> l.get("event").getAsString().equals(event))
        .filter(l -> task == null || task.equals(l.get("task").getAsString())).findFirst()
        .orElseThrow(() -> new AssertionError("no " + event + " for " + task + " in " + lines));
  }

  @Test
  void jsonlPrintsOneObjectPerEventWithTaskChangesAndPercentagesAsNumbers() throws Exception {
    Thread later = afterRequests(1, () -> sandbox.dataset().put(INSTANCE, List.of(synced("a"),
        ReplicationTask.builder("b", "src_b", "dst_b").stage("incremental").percentage("100")
            .catchup("incremental", "100").build())));
    CliRun run = watchJsonlUntilSynced();
    later.join();
    assertEquals(ExitCode.OK, run.exit, run.toString());
    List<JsonObject> lines = jsonLines(run);
    List<String> events = events(lines);
    assertEquals(List.of("task_appeared", "task_appeared"), events.subList(0, 2), run.out);
    assertEquals("synced", events.get(events.size() - 1), "the last line: " + run.out);

    JsonObject appeared = first(lines, "task_appeared", "b");
    assertEquals("src_b", appeared.get("source_database").getAsString());
    assertEquals("dst_b", appeared.get("target_database").getAsString());
    assertEquals("catching_up", appeared.get("state").getAsString());
    assertTrue(appeared.get("percentage").getAsJsonPrimitive().isNumber(), appeared.toString());
    assertEquals(new BigDecimal("42.5"), appeared.get("catchup_percentage").getAsBigDecimal());

    JsonObject stage = first(lines, "stage_changed", "b");
    assertEquals("catchup_stage", stage.get("field").getAsString());
    assertEquals("full", stage.get("from").getAsString());
    assertEquals("incremental", stage.get("to").getAsString());
    assertEquals("synced", stage.get("state").getAsString());

    JsonObject progress = first(lines, "progress", "b");
    assertTrue(progress.get("catchup_percentage").getAsJsonPrimitive().isNumber(), progress.toString());
    assertEquals(0, new BigDecimal("100").compareTo(progress.get("catchup_percentage").getAsBigDecimal()));
    assertEquals("catchup_percentage", progress.get("field").getAsString(), progress.toString());
    assertTrue(progress.get("from").getAsJsonPrimitive().isNumber(), progress.toString());
    assertEquals(new BigDecimal("42.5"), progress.get("from").getAsBigDecimal());
    assertEquals(0, new BigDecimal("100").compareTo(progress.get("to").getAsBigDecimal()));

    JsonObject synced = first(lines, "synced", null);
    assertFalse(synced.has("task"), "an instance event names no task: " + synced);
    assertFalse(events.contains("poll_failed"), run.out);
    assertTrue(run.err.contains("all 2 tasks are synced"), run.err);
  }

  @Test
  void untilSyncedWithATimeoutExits5WhenNeverSynced() {
    long start = System.nanoTime();
    CliRun run = CliRun.run(ENV, "--endpoint", sandbox.baseUrl(), "watch", "--instance", INSTANCE,
        "--interval", "1s", "--until-synced", "--timeout", "2s");
    long tookMillis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(ExitCode.TIMED_OUT, run.exit, run.toString());
    assertTrue(run.err.contains("was not synced within 2 s: "), run.err);
    assertTrue(run.err.contains("1 of 2 tasks synced"), "the last snapshot: " + run.err);
    assertTrue(tookMillis >= 2000, "not before the timeout: " + tookMillis + " ms");
    assertTrue(run.out.contains("1 of 2 tasks synced"), run.out);
    // 1s between polls on a loopback endpoint: a poll at the start and one about a second later.
    assertTrue(sandbox.recordedExchanges().size() >= 2, sandbox.recordedExchanges().size() + " polls");
  }

  /** Three answers of the service's 500: the client does not retry them, so each is one failed poll. */
  @Test
  void jsonlOutlivesAnOutageAndExits0OnceSynced() throws Exception {
    Thread outage = failuresAfterTheFirstPollThenSynced(3, InjectedFailure.internalError());
    CliRun run = watchJsonlUntilSynced();
    outage.join();
    assertEquals(ExitCode.OK, run.exit, run.toString());
    List<JsonObject> lines = jsonLines(run);
    List<String> events = events(lines);
    int failed = events.indexOf("poll_failed");
    int recovered = events.indexOf("recovered");
    assertTrue(failed > 0 && recovered > failed, "poll_failed, then recovered: " + events);
    assertEquals(List.of("poll_failed", "poll_failed", "poll_failed", "recovered"),
        events.subList(failed, recovered + 1), run.out);
    assertTrue(events.indexOf("synced") > recovered, "synced after the outage: " + events);
    JsonObject failure = lines.get(failed);
    assertEquals(500, failure.get("http_status").getAsInt(), failure.toString());
    assertEquals("DBS.200001", failure.get("error_code").getAsString(), failure.toString());
    assertEquals(1, failure.get("failed_polls").getAsInt(), failure.toString());
    assertEquals(3, lines.get(failed + 2).get("failed_polls").getAsInt(), run.out);
    assertTrue(failure.get("error").getAsString().startsWith("HTTP 500 DBS.200001: "), failure.toString());
    assertEquals(3, lines.get(recovered).get("failed_polls").getAsInt(), "recovered counts the failed polls");
  }

  /** A proxy's 503 with Retry-After: 1 for all three of the client's attempts: one failed poll. */
  @Test
  void theTableShowsAFailedPollInPlaceAndKeepsRunning() throws Exception {
    Thread outage = failuresAfterTheFirstPollThenSynced(3, InjectedFailure.unavailable(Duration.ofSeconds(1)));
    CliRun run = CliRun.run(ENV, true, "--endpoint", sandbox.baseUrl(), "watch", "--instance", INSTANCE,
        "--interval", "100ms", "--until-synced");
    outage.join();
    assertEquals(ExitCode.OK, run.exit, run.toString());
    Matcher failed = Pattern.compile("last poll failed: [^\\n]*HTTP 503[^\\n]*; showing data from (\\d\\d:\\d\\d:\\d\\d);"
        + " retrying\\n").matcher(run.out);
    assertTrue(failed.find(), run.out);
    Matcher frame = Pattern.compile("(?m)(?:^|\\[J)(\\d\\d:\\d\\d:\\d\\d)  " + INSTANCE + "  1 of 2 tasks synced$")
        .matcher(run.out.substring(0, failed.start()));
    String shown = null;
    while (frame.find()) {
      shown = frame.group(1);
    }
    assertEquals(shown, failed.group(1), "the failure names the time of the frame it leaves on screen: " + run.out);
    String before = run.out.substring(0, failed.start());
    String redrawn = before.substring(before.lastIndexOf("\033[J") + 3);
    assertTrue(before.contains("\033[J") && redrawn.matches("(?s)\\d\\d:\\d\\d:\\d\\d  " + INSTANCE
        + "  1 of 2 tasks synced\nTASK .*"), "on a terminal the failure is drawn in place, under the last frame: "
        + run.out);
    assertTrue(run.out.indexOf("2 of 2 tasks synced") > failed.end(), "then recovered: " + run.out);
    assertTrue(run.err.contains("all 2 tasks are synced"), run.err);
  }

  @Test
  void aNonRetryableErrorEndsTheWaitAtOnceWithExit1() {
    String unknown = "ffffffffffffffffffffffffffffffffin07";
    for (String output : List.of("table", "jsonl")) {
      sandbox.clearRecordedExchanges();
      CliRun run = CliRun.run(ENV, "--endpoint", sandbox.baseUrl(), "watch", "--instance", unknown,
          "--interval", "100ms", "--output", output, "--until-synced", "--timeout", "1m");
      assertEquals(ExitCode.API_ERROR, run.exit, run.toString());
      assertTrue(run.err.contains("error code: DBS.200022"), run.err);
      assertEquals(1, sandbox.recordedExchanges().size(), "one poll, no retry: " + output);
    }
  }

  @Test
  void timeoutWithoutUntilSyncedIsAUsageError() {
    CliRun run = CliRun.run(ENV, "--endpoint", sandbox.baseUrl(), "watch", "--instance", INSTANCE,
        "--timeout", "5s");
    assertEquals(ExitCode.USAGE, run.exit, run.toString());
    assertTrue(run.err.contains("--timeout needs --until-synced"), run.err);
  }
}
