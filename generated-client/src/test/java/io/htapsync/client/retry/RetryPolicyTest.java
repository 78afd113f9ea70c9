package io.htapsync.client.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  final RetryPolicy policy = RetryPolicy.builder()
      .baseDelay(Duration.ofMillis(100)).maxDelay(Duration.ofMillis(1000))
      .maxRetryAfter(Duration.ofSeconds(30)).build();

  @Test
  void fullJitterBoundDoublesPerAttemptUpToTheMax() {
    assertEquals(Duration.ofMillis(100), policy.delayBeforeRetry(1, Optional.empty(), () -> 1.0).orElseThrow());
    assertEquals(Duration.ofMillis(200), policy.delayBeforeRetry(2, Optional.empty(), () -> 1.0).orElseThrow());
    assertEquals(Duration.ofMillis(400), policy.delayBeforeRetry(3, Optional.empty(), () -> 1.0).orElseThrow());
    assertEquals(Duration.ofMillis(1000), policy.delayBeforeRetry(10, Optional.empty(), () -> 1.0).orElseThrow());
    assertEquals(Duration.ofMillis(1000), policy.delayBeforeRetry(99, Optional.empty(), () -> 1.0).orElseThrow());
  }

  @Test
  void jitterSpreadsBetweenZeroAndTheBound() {
    assertEquals(Duration.ZERO, policy.delayBeforeRetry(3, Optional.empty(), () -> 0.0).orElseThrow());
    assertEquals(Duration.ofMillis(200), policy.delayBeforeRetry(3, Optional.empty(), () -> 0.5).orElseThrow());
  }

  @Test
  void retryAfterWinsUpToTheCapAndBeyondItEndsRetries() {
    assertEquals(Duration.ofSeconds(5),
        policy.delayBeforeRetry(1, Optional.of(Duration.ofSeconds(5)), () -> 0.0).orElseThrow());
    assertEquals(Optional.empty(), policy.delayBeforeRetry(1, Optional.of(Duration.ofSeconds(31)), () -> 0.0));
  }

  @Test
  void defaultsRetryTheDocumentedTransientStatusesOnly() {
    RetryPolicy defaults = RetryPolicy.defaults();
    for (int status : new int[] {429, 502, 503, 504}) {
      assertTrue(defaults.retriesStatus(status), "retries " + status);
    }
    for (int status : new int[] {400, 401, 403, 404, 500}) {
      assertTrue(!defaults.retriesStatus(status), "does not retry " + status);
    }
    assertEquals(3, defaults.maxAttempts());
    assertEquals(1, RetryPolicy.none().maxAttempts());
  }

  @Test
  void badSettingsAreRejectedByName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RetryPolicy.builder().maxAttempts(0));
    assertTrue(e.getMessage().contains("maxAttempts"));
    e = assertThrows(IllegalArgumentException.class,
        () -> RetryPolicy.builder().baseDelay(Duration.ofSeconds(20)).maxDelay(Duration.ofSeconds(1)).build());
    assertTrue(e.getMessage().contains("baseDelay"));
    e = assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder().deadline(Duration.ZERO));
    assertTrue(e.getMessage().contains("deadline"));
  }

  @Test
  void retryAfterParsesSecondsAndHttpDates() {
    Clock clock = Clock.fixed(Instant.parse("2026-03-01T08:30:15Z"), ZoneOffset.UTC);
    assertEquals(Optional.of(Duration.ofSeconds(120)), RetryAfter.parse("120", clock));
    assertEquals(Optional.of(Duration.ofSeconds(45)), RetryAfter.parse("Sun, 01 Mar 2026 08:31:00 GMT", clock));
    assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("Sun, 01 Mar 2026 08:00:00 GMT", clock));
    assertEquals(Optional.empty(), RetryAfter.parse("soon", clock));
    assertEquals(Optional.empty(), RetryAfter.parse(null, clock));
    assertEquals(Optional.of(Duration.ofSeconds(999_999_999L)), RetryAfter.parse("99999999999999999999", clock));
  }
}
