package io.htapsync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.htapsync.sandbox.SandboxOptions;
import io.htapsync.sandbox.SandboxServer;
import io.htapsync.sandbox.data.DemoData;
import io.htapsync.sandbox.data.ReplicationTask;
import io.htapsync.sandbox.data.StarRocksInstance;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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

  @Test
  void ctrlCInTheMiddleOfASlowPollStopsAtOnce() throws Exception {
    sandbox.close();
    sandbox = SandboxServer.start(SandboxOptions.builder().latency(java.time.Duration.ofSeconds(8))
        .data(List.of(StarRocksInstance.anyProject(INSTANCE, List.of(synced("a"))))).build());
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        HtapSyncCli.class.getName(), "--endpoint", sandbox.baseUrl(), "watch", "--instance", INSTANCE);
    builder.environment().putAll(ENV);
    Process process = builder.start();
    try {
      Thread.sleep(1500); // started and waiting on the 8 s answer
      long signalled = System.nanoTime();
      assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor());
      assertTrue(process.waitFor(3, TimeUnit.SECONDS), "exited soon after Ctrl-C");
      long tookMillis = (System.nanoTime() - signalled) / 1_000_000;
      String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(ExitCode.OK, process.exitValue(), err);
      assertTrue(err.contains("watch stopped"), err);
      assertTrue(tookMillis < 3000, "took " + tookMillis + " ms");
    } finally {
      process.destroyForcibly();
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
}
