package io.htapsync.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HumanDurationTest {
  @Test
  void readsAsPeopleWriteIt() {
    assertEquals("500 ms", HumanDuration.of(Duration.ofMillis(500)));
    assertEquals("2 s", HumanDuration.of(Duration.ofSeconds(2)));
    assertEquals("1.25 s", HumanDuration.of(Duration.ofMillis(1250)));
    assertEquals("20 min 0 s", HumanDuration.of(Duration.ofMinutes(20)));
    assertEquals("30 min 5 s", HumanDuration.of(Duration.ofSeconds(1805)));
    assertEquals("3 h 5 min", HumanDuration.of(Duration.ofMinutes(185)));
    assertEquals("20 min 0 s", HumanDuration.of(Duration.ofMinutes(-20)), "a sign is the caller's to word");
  }
}
