package io.htapsync.benchmarks.paired;

import java.util.Arrays;

/**
 * Times two operations alternately (A B, B A, A B, ...) in one thread, so that whatever else the
 * machine does at any moment slows both alike. Comparing two JMH trials run one after the other
 * cannot do that: on a shared machine the load drifts between them by more than the 5 % a target
 * may allow. The result is each operation's latency distribution and the ratio of their medians,
 * also per fifth of the run, which shows how stable the ratio was.
 */
public final class Interleaved {
  /** An operation to time; its result is kept so the JIT cannot drop the work. */
  @FunctionalInterface
  public interface Operation {
    Object run() throws Exception;
  }

  /** Latency percentiles in microseconds, and how the ratio of medians varied across the run. */
  public static final class Comparison {
    public final Distribution a;
    public final Distribution b;
    /** Median of A over median of B, for the whole run. */
    public final double ratio;
    public final double lowestBlockRatio;
    public final double highestBlockRatio;

    Comparison(Distribution a, Distribution b, double[] blockRatios) {
      this.a = a;
      this.b = b;
      this.ratio = a.median / b.median;
      this.lowestBlockRatio = Arrays.stream(blockRatios).min().orElse(Double.NaN);
      this.highestBlockRatio = Arrays.stream(blockRatios).max().orElse(Double.NaN);
    }
  }

  /** One operation's samples, summarised. */
  public static final class Distribution {
    public final int samples;
    public final double median;
    public final double p99;

    Distribution(long[] nanos, int count) {
      long[] sorted = Arrays.copyOf(nanos, count);
      Arrays.sort(sorted);
      this.samples = count;
      this.median = percentile(sorted, 0.50) / 1000.0;
      this.p99 = percentile(sorted, 0.99) / 1000.0;
    }
  }

  private static final int BLOCKS = 5;

  private static volatile Object sink;

  private Interleaved() {}

  /**
   * @param warmupMillis alternating untimed runs first, for the JIT
   * @param measureMillis how long to alternate timed runs
   * @throws Exception the first failure of either operation: a failing call must not be timed
   */
  public static Comparison compare(Operation a, Operation b, long warmupMillis, long measureMillis) throws Exception {
    long warmupEnd = System.nanoTime() + warmupMillis * 1_000_000;
    while (System.nanoTime() < warmupEnd) {
      sink = a.run();
      sink = b.run();
    }
    long[] nanosA = new long[1 << 16];
    long[] nanosB = new long[1 << 16];
    int count = 0;
    long end = System.nanoTime() + measureMillis * 1_000_000;
    while (System.nanoTime() < end) {
      if (count == nanosA.length) {
        nanosA = Arrays.copyOf(nanosA, count * 2);
        nanosB = Arrays.copyOf(nanosB, count * 2);
      }
      if ((count & 1) == 0) {
        nanosA[count] = time(a);
        nanosB[count] = time(b);
      } else {
        nanosB[count] = time(b);
        nanosA[count] = time(a);
      }
      count++;
    }
    if (count < BLOCKS * 2) {
      throw new IllegalStateException("only " + count + " samples in " + measureMillis + " ms; measure longer");
    }
    double[] blockRatios = new double[BLOCKS];
    int perBlock = count / BLOCKS;
    for (int i = 0; i < BLOCKS; i++) {
      long[] blockA = Arrays.copyOfRange(nanosA, i * perBlock, (i + 1) * perBlock);
      long[] blockB = Arrays.copyOfRange(nanosB, i * perBlock, (i + 1) * perBlock);
      Arrays.sort(blockA);
      Arrays.sort(blockB);
      blockRatios[i] = (double) percentile(blockA, 0.5) / percentile(blockB, 0.5);
    }
    return new Comparison(new Distribution(nanosA, count), new Distribution(nanosB, count), blockRatios);
  }

  private static long time(Operation operation) throws Exception {
    long start = System.nanoTime();
    Object result = operation.run();
    long nanos = System.nanoTime() - start;
    sink = result;
    return nanos;
  }

  private static long percentile(long[] sorted, double p) {
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
