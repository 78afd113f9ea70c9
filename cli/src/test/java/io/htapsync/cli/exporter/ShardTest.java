package io.htapsync.cli.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ShardTest {
  static final String PROJECT = "2f6b0c9d8e7a41b3a5c4d6e8f0a1b2c3";

  static String id(int i) {
    return String.format("%032xin07", i * 2654435761L);
  }

  @Test
  void everyInstanceIsInExactlyOneShardAndShardsAreEven() {
    int n = 3;
    int[] counts = new int[n];
    for (int i = 0; i < 3000; i++) {
      int owners = 0;
      for (int k = 1; k <= n; k++) {
        if (new Shard(k, n).contains(PROJECT, id(i))) {
          owners++;
          counts[k - 1]++;
        }
      }
      assertEquals(1, owners, id(i));
    }
    for (int c : counts) {
      assertTrue(c > 850 && c < 1150, "uneven split: " + java.util.Arrays.toString(counts));
    }
  }

  @Test
  void theHashIsStableAcrossRunsAndReleases() {
    // The first 8 bytes of SHA-256("abc") (FIPS 180-2's test vector): replicas of different versions
    // and JVMs must split a fleet the same way.
    assertEquals(0xba7816bf8f01cfeaL, Shard.hash("abc"));
    assertTrue(Shard.ALL.contains(PROJECT, id(1)));
  }

  @Test
  void parsesAndRefuses() {
    assertEquals(new Shard(2, 3), Shard.parse("2/3"));
    assertThrows(IllegalArgumentException.class, () -> Shard.parse("0/3"));
    assertThrows(IllegalArgumentException.class, () -> Shard.parse("4/3"));
    assertThrows(IllegalArgumentException.class, () -> Shard.parse("two"));
  }
}
