package io.htapsync.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.htapsync.benchmarks.soak.ResourceSample;
import io.htapsync.benchmarks.soak.Soak;
import org.junit.jupiter.api.Test;

/**
 * A tiny soak (1,000 polls per phase), so benchmarks/soak.sh cannot rot. Its figures mean nothing and
 * are not checked beyond being there: the soak's verdict is the 100,000-poll run in RELIABILITY.md.
 */
class SoakSmokeTest {
  @Test
  void watchAndExporterPhasesRunAndSample() throws Exception {
    for (Soak.Phase phase : new Soak.Phase[] {Soak.watch(1_000, 0.1, "500"), Soak.exporter(1_000, 0.1, "500")}) {
      assertTrue(phase.polls() >= 1_000, phase.name() + ": " + phase.polls());
      assertTrue(phase.failedPolls() > 0 && phase.failedPolls() < phase.polls(), phase.name() + " failed "
          + phase.failedPolls() + " of " + phase.polls());
      assertEquals(10, phase.samples().size());
      for (ResourceSample s : phase.samples()) {
        assertTrue(s.heapAfterGcBytes() > 0 && s.liveThreads() > 0, s.toString());
      }
    }
  }
}
