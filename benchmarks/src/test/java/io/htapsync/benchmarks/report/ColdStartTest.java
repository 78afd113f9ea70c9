package io.htapsync.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColdStartTest {
  @TempDir
  Path dir;

  @Test
  void aMissingCliIsReportedAsNotThereYet() throws Exception {
    ColdStart.Outcome outcome = ColdStart.measure(dir.resolve("htapsync.jar"), List.of("list"), 2);
    assertEquals("n/a (no CLI yet)", outcome.unavailable);
  }

  @Test
  void medianWallTimeAndTheTimingBreakdownOfEachPhase() throws Exception {
    ColdStart.Outcome outcome = ColdStart.measure(fakeCliJar(), List.of("list", "--sandbox"), 2);

    assertNull(outcome.unavailable);
    assertEquals(2, outcome.runs);
    assertTrue(outcome.medianMillis > 0, "median " + outcome.medianMillis);
    assertEquals(Map.of("jvm_start", 12.0, "sandbox_start", 34.5, "first_call", 56.0), outcome.phaseMedians);
  }

  @Test
  void aFailingCliIsReportedWithItsExitCodeAndMessage() throws Exception {
    ColdStart.Outcome outcome = ColdStart.measure(fakeCliJar(), List.of("fail"), 2);
    assertEquals("n/a (CLI exit 3: htapsync: unknown command fail)", outcome.unavailable);
  }

  /** A jar of only a manifest that runs FakeCli from the test classes. */
  private Path fakeCliJar() throws Exception {
    Path classes = Path.of(FakeCli.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeCli.class.getName());
    manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classes.toUri().toString());
    Path jar = dir.resolve("htapsync.jar");
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream unused = new JarOutputStream(out, manifest)) {
      // The manifest is the whole jar.
    }
    return jar;
  }
}
