package io.htapsync.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.htapsync.benchmarks.load.SandboxLoad;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A two-second run of the sandbox load, so benchmarks/load.sh cannot rot. */
class SandboxLoadSmokeTest {
  @Test
  void shortLoadRunHasNoErrorsAndNoSpecViolations() throws Exception {
    SandboxLoad.Result result = SandboxLoad.run(8, Duration.ofSeconds(2));
    assertTrue(result.calls > 0, result.toString());
    assertEquals(0, result.errors, result.toString());
    assertEquals(0, result.specViolations, result.toString());
    assertTrue(result.p99Micros >= result.p50Micros && result.p50Micros > 0, result.toString());
  }
}
