package io.htapsync.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.htapsync.benchmarks.watch.WatchHeapMeasurement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs run.sh's watcher-heap measurement briefly (500 polls instead of 10,000), so that `mvn verify`
 * notices when it breaks. The heap figures it produces are not checked: a short run on a shared
 * machine says nothing about them; BENCHMARKS.md has the real run.
 */
class WatchHeapSmokeTest {
  @Test
  void watchesThroughProgressAndFailedPollsAndWeighsTheHeapTenTimes() throws Exception {
    Map<String, String> result = WatchHeapMeasurement.measure(500, 5, false);

    assertEquals("500", result.get("watch.polls"), result.toString());
    assertEquals("10", result.get("watch.failedPolls"), "every 50th request fails: " + result);
    assertEquals("5", result.get("watch.events.task_appeared"), result.toString());
    assertTrue(Long.parseLong(result.get("watch.events.progress")) > 400, result.toString());
    for (int polls = 50; polls <= 500; polls += 50) {
      assertTrue(Long.parseLong(result.get("watch.heapAt." + polls)) > 0, polls + ": " + result);
    }
  }
}
