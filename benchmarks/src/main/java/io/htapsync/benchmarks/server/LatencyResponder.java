package io.htapsync.benchmarks.server;

import io.htapsync.benchmarks.fixture.PageJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Answers every request with the same page of {@code tasks} tasks after holding it for
 * {@code latency}, like a service that takes that long to answer. It counts the requests, how many
 * it held at once at most (the client's real parallelism against this one host) and how long the
 * holds really lasted (a sleep overshoots a little), so a measurement can compare itself with the
 * true floor rather than the nominal one.
 */
public final class LatencyResponder implements LoopbackHttpServer.Responder {
  private final long latencyNanos;
  private final byte[] response;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger peakInFlight = new AtomicInteger();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong heldNanos = new AtomicLong();

  public LatencyResponder(Duration latency, int tasks) {
    this.latencyNanos = latency.toNanos();
    this.response = LoopbackHttpServer.okJson(
        PageJson.page(tasks, 0, tasks, PageJson.Counters.NUMBERS).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public byte[] respond(String target) {
    int now = inFlight.incrementAndGet();
    peakInFlight.accumulateAndGet(now, Math::max);
    long start = System.nanoTime();
    try {
      if (latencyNanos > 0) {
        Thread.sleep(latencyNanos / 1_000_000, (int) (latencyNanos % 1_000_000));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      heldNanos.addAndGet(System.nanoTime() - start);
      requests.incrementAndGet();
      inFlight.decrementAndGet();
    }
    return response;
  }

  /** Requests answered so far. */
  public long requests() {
    return requests.get();
  }

  /** Most requests held at the same time so far. */
  public int peakInFlight() {
    return peakInFlight.get();
  }

  /** Forgets the peak, to measure the next phase alone. */
  public void resetPeak() {
    peakInFlight.set(inFlight.get());
  }

  /** Total nanoseconds requests were held so far. */
  public long heldNanos() {
    return heldNanos.get();
  }
}
