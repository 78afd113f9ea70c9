package io.htapsync.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LauncherStartTest {
  @Test
  void mediansOfBothCommandsAndOfTheirPairRatios() throws Exception {
    LauncherStart.Outcome outcome = LauncherStart.measure(List.of("sh", "-c", "exit 0"),
        List.of("sh", "-c", "sleep 0.2"), Map.of(), 3);

    assertNull(outcome.unavailable);
    assertEquals(3, outcome.pairs);
    assertTrue(outcome.medianMillisB >= 200, "B sleeps 0.2 s: " + outcome.medianMillisB);
    assertTrue(outcome.medianMillisA < outcome.medianMillisB, outcome.medianMillisA + " vs " + outcome.medianMillisB);
    assertTrue(outcome.medianPairRatio > 0 && outcome.medianPairRatio < 1, "ratio " + outcome.medianPairRatio);
    assertTrue(outcome.firstRunMillisA > 0);
  }

  @Test
  void aFailingRunIsReportedWithItsExitCodeAndLastStderrLine() throws Exception {
    LauncherStart.Outcome outcome = LauncherStart.measure(List.of("sh", "-c", "echo first >&2; echo no Java >&2; exit 2"),
        List.of("sh", "-c", "exit 0"), Map.of(), 3);
    assertEquals("n/a (sh exit 2: no Java)", outcome.unavailable);
  }
}
