package io.htapsync.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;

/**
 * With {@code HTAPSYNC_TIMING=1}, one stderr line splitting the run into JVM start, sandbox start
 * and first call, so cold-start benchmarks can attribute time without guessing.
 */
final class Timing {
  private final boolean enabled;
  private final long mainEntered = System.currentTimeMillis();
  private long sandboxNanos = -1;
  private long firstCallNanos = -1;

  Timing(boolean enabled) {
    this.enabled = enabled;
  }

  void sandboxStarted(long nanos) {
    sandboxNanos = nanos;
  }

  void firstCallDone(long nanos) {
    if (firstCallNanos < 0) {
      firstCallNanos = nanos;
    }
  }

  void report(PrintWriter err) {
    if (!enabled) {
      return;
    }
    long jvmStart = mainEntered - ManagementFactory.getRuntimeMXBean().getStartTime();
    err.printf("htapsync-timing: jvm_start_ms=%d sandbox_start_ms=%s first_call_ms=%s%n", jvmStart,
        sandboxNanos < 0 ? "n/a" : String.valueOf(sandboxNanos / 1_000_000),
        firstCallNanos < 0 ? "n/a" : String.valueOf(firstCallNanos / 1_000_000));
  }
}
