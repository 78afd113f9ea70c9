package io.htapsync.benchmarks.load;

import io.htapsync.client.StarRocksReplicationClient;
import io.htapsync.client.auth.Credentials;
import io.htapsync.client.exception.HtapSyncException;
import io.htapsync.sandbox.SandboxServer;
import io.htapsync.sandbox.data.DemoData;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sandbox under load: N concurrent clients (each its own {@link StarRocksReplicationClient},
 * as N services would be) call the embedded, spec-validating sandbox on loopback for a fixed time.
 * Prints calls, errors (by kind), spec violations the sandbox recorded, and latency percentiles.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.htapsync.benchmarks.load.SandboxLoad [clients] [seconds]}
 * (default 64 clients, 30 s). Exits 1 when any call failed or any exchange broke the spec.
 */
public final class SandboxLoad {
  private static final String[] INSTANCES = {DemoData.SALES_INSTANCE_ID, DemoData.WAREHOUSE_INSTANCE_ID,
      DemoData.EMPTY_INSTANCE_ID};

  /** What one run measured. */
  public static final class Result {
    public final int clients;
    public final long calls;
    public final long errors;
    public final int specViolations;
    public final double seconds;
    public final long p50Micros;
    public final long p99Micros;
    public final long maxMicros;

    Result(int clients, long calls, long errors, int specViolations, double seconds, long[] sortedNanos) {
      this.clients = clients;
      this.calls = calls;
      this.errors = errors;
      this.specViolations = specViolations;
      this.seconds = seconds;
      this.p50Micros = percentile(sortedNanos, 0.50) / 1000;
      this.p99Micros = percentile(sortedNanos, 0.99) / 1000;
      this.maxMicros = sortedNanos.length == 0 ? 0 : sortedNanos[sortedNanos.length - 1] / 1000;
    }

    @Override
    public String toString() {
      return String.format("sandbox load: %d clients, %.1f s: %d calls (%.0f/s), %d errors, %d spec violations;"
          + " latency p50 %d us, p99 %d us, max %d us", clients, seconds, calls, calls / seconds, errors,
          specViolations, p50Micros, p99Micros, maxMicros);
    }
  }

  private SandboxLoad() {}

  public static void main(String[] args) throws Exception {
    int clients = args.length > 0 ? Integer.parseInt(args[0]) : 64;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    Result result = run(clients, Duration.ofSeconds(seconds));
    System.out.println(result);
    System.exit(result.errors == 0 && result.specViolations == 0 ? 0 : 1);
  }

  /** Runs the load; bounded by {@code duration} (calls in flight then finish, within their deadline). */
  public static Result run(int clients, Duration duration) throws InterruptedException {
    try (SandboxServer sandbox = SandboxServer.start()) {
      List<long[]> latencies = new ArrayList<>();
      long[] counts = new long[clients];
      AtomicLong errors = new AtomicLong();
      CountDownLatch done = new CountDownLatch(clients);
      long end = System.nanoTime() + duration.toNanos();
      long start = System.nanoTime();
      for (int c = 0; c < clients; c++) {
        long[] samples = new long[1 << 16];
        latencies.add(samples);
        int id = c;
        Thread thread = new Thread(() -> {
          try (StarRocksReplicationClient client = StarRocksReplicationClient.builder()
              .endpoint(URI.create(sandbox.baseUrl())).allowInsecureHttp()
              .projectId(DemoData.PROJECT_ID).credentials(Credentials.token("load-test-token")).build()) {
            long n = 0;
            while (System.nanoTime() < end) {
              long t0 = System.nanoTime();
              try {
                client.listReplications(INSTANCES[(int) ((id + n) % INSTANCES.length)]);
              } catch (HtapSyncException e) {
                errors.incrementAndGet();
              }
              samples[(int) (n % samples.length)] = System.nanoTime() - t0;
              n++;
            }
            counts[id] = n;
          } finally {
            done.countDown();
          }
        }, "load-client-" + c);
        thread.start();
      }
      done.await();
      double seconds = (System.nanoTime() - start) / 1e9;
      long calls = Arrays.stream(counts).sum();
      long[] all = new long[(int) Math.min(calls, (long) clients * (1 << 16))];
      int k = 0;
      for (int c = 0; c < clients; c++) {
        int kept = (int) Math.min(counts[c], 1 << 16);
        System.arraycopy(latencies.get(c), 0, all, k, kept);
        k += kept;
      }
      Arrays.sort(all, 0, k);
      return new Result(clients, calls, errors.get(), sandbox.specViolations().size(), seconds,
          Arrays.copyOf(all, k));
    }
  }

  private static long percentile(long[] sorted, double p) {
    return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }
}
