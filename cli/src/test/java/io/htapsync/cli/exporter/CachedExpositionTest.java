package io.htapsync.cli.exporter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The coalescing of {@link CachedExposition} with a renderer that shows which "generation" of the
 * meters it read, how long it took, and on which thread it ran.
 */
class CachedExpositionTest {
  /** What the meters hold: bumped before each {@code changed()}, as a poll updates meters first. */
  final AtomicLong generation = new AtomicLong();
  final List<Render> renders = new CopyOnWriteArrayList<>();
  final AtomicInteger attempts = new AtomicInteger();
  volatile long renderMillis = 0;
  volatile boolean failing;
  CachedExposition exposition;

  record Render(long startNanos, long endNanos, String thread, boolean openMetrics) { }

  byte[] render(boolean openMetrics) {
    attempts.incrementAndGet();
    long start = System.nanoTime();
    long seen = generation.get();
    if (failing) {
      throw new IllegalStateException("broken meter");
    }
    if (renderMillis > 0) {
      try {
        Thread.sleep(renderMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    renders.add(new Render(start, System.nanoTime(), Thread.currentThread().getName(), openMetrics));
    return ((openMetrics ? "om " : "text ") + seen).getBytes(StandardCharsets.UTF_8);
  }

  CachedExposition exposition(Duration maxInterval, int costFactor) {
    exposition = new CachedExposition(this::render, maxInterval, costFactor);
    return exposition;
  }

  @AfterEach
  void close() {
    if (exposition != null) {
      exposition.close();
    }
  }

  void change() {
    generation.incrementAndGet();
    exposition.changed();
  }

  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** Waits until a scrape of the format gets {@code expected}; returns how long that took. */
  long awaitServed(String expected, boolean openMetrics, Duration within) throws InterruptedException {
    long start = System.nanoTime();
    String served;
    while (!(served = served(openMetrics)).equals(expected)) {
      if (System.nanoTime() - start > within.toNanos()) {
        throw new AssertionError("still serving '" + served + "' after " + within + ", expected '" + expected + "'");
      }
      Thread.sleep(2);
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  String served(boolean openMetrics) {
    try {
      return text(exposition.render(openMetrics));
    } catch (IllegalStateException e) {
      return "(failed: " + e.getCause().getMessage() + ")";
    }
  }

  @Test
  void theFirstScrapeRendersAtOnceAndLaterScrapesNeverRender() throws Exception {
    exposition(Duration.ofMillis(50), 10);
    change();
    Thread.sleep(100); // nobody asked for a format yet: nothing is rendered in the background
    assertEquals(0, renders.size());
    assertEquals("text 1", text(exposition.render(false)), "the first scrape renders what exists");
    assertEquals(1, renders.size());
    for (int i = 0; i < 200; i++) {
      assertEquals("text 1", text(exposition.render(false)));
    }
    assertEquals(1, renders.size(), "scrapes without a change share one rendering");

    // Changes while scrapes go on: every rendering after the first runs on the background thread.
    ExecutorService scrapers = Executors.newFixedThreadPool(4);
    try {
      AtomicBoolean stop = new AtomicBoolean();
      List<Future<Integer>> scraping = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        scraping.add(scrapers.submit(() -> {
          int n = 0;
          while (!stop.get()) {
            assertTrue(text(exposition.render(false)).startsWith("text "));
            n++;
          }
          return n;
        }));
      }
      for (int i = 0; i < 20; i++) {
        change();
        Thread.sleep(10);
      }
      awaitServed("text 21", false, Duration.ofSeconds(5));
      stop.set(true);
      for (Future<Integer> f : scraping) {
        assertTrue(f.get() > 0);
      }
    } finally {
      scrapers.shutdownNow();
    }
    assertEquals(Thread.currentThread().getName(), renders.get(0).thread(), "the first scrape rendered");
    for (Render r : renders.subList(1, renders.size())) {
      assertEquals("htapsync-exporter-render", r.thread(), "a scrape never renders once a rendering exists");
    }
  }

  @Test
  void manyChangesGiveFewRenderingsAtLeastTheIntervalApartAndTheLastChangeIsRendered() throws Exception {
    // A cost factor this high makes the interval the only spacing: at most one rendering per 100 ms.
    Duration interval = Duration.ofMillis(100);
    exposition(interval, 1_000_000);
    exposition.render(false);
    renders.clear();
    ExecutorService pollers = Executors.newFixedThreadPool(4);
    long start = System.nanoTime();
    try {
      List<Future<?>> polls = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        polls.add(pollers.submit(() -> {
          for (int i = 0; i < 2_500; i++) {
            change();
            if (i % 100 == 0) {
              Thread.sleep(10);
            }
          }
          return null;
        }));
      }
      for (Future<?> f : polls) {
        f.get();
      }
    } finally {
      pollers.shutdownNow();
    }
    long stormMillis = (System.nanoTime() - start) / 1_000_000;
    long waited = awaitServed("text 10000", false, Duration.ofSeconds(5));
    long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(renders.size() <= elapsedMillis / interval.toMillis() + 1,
        renders.size() + " renderings for 10,000 changes in " + elapsedMillis + " ms");
    assertTrue(renders.size() >= 2, "renderings went on during the changes: " + renders.size());
    for (int i = 1; i < renders.size(); i++) {
      long apart = (renders.get(i).startNanos() - renders.get(i - 1).startNanos()) / 1_000_000;
      assertTrue(apart >= interval.toMillis() - 2, "renderings " + (i - 1) + " and " + i + " only " + apart
          + " ms apart");
    }
    assertTrue(waited <= interval.toMillis() + 1_000, "the last change was served " + waited + " ms after the"
        + " changes stopped");
    System.out.printf("coalescing: 10,000 changes in %d ms, %d renderings, the last served %d ms after the last"
        + " change%n", stormMillis, renders.size(), waited);
    // No change, no rendering.
    int before = renders.size();
    Thread.sleep(3 * interval.toMillis());
    assertEquals(before, renders.size());
  }

  @Test
  void renderingsWaitTenTimesTheirCostSoTheyKeepAtMostATenthOfACoreBusy() throws Exception {
    renderMillis = 15;
    exposition(Duration.ofSeconds(10), 10);
    exposition.render(true);
    long start = System.nanoTime();
    while (System.nanoTime() - start < Duration.ofMillis(1200).toNanos()) {
      change();
      Thread.sleep(5);
    }
    awaitServed("om " + generation.get(), true, Duration.ofSeconds(5));
    long busy = 0;
    for (int i = 1; i < renders.size(); i++) {
      Render last = renders.get(i - 1);
      long cost = last.endNanos() - last.startNanos();
      long apart = renders.get(i).startNanos() - last.startNanos();
      assertTrue(apart >= 10 * cost - 2_000_000, "rendering " + i + " started " + apart / 1e6 + " ms after the last,"
          + " which took " + cost / 1e6 + " ms");
      busy += cost;
    }
    assertTrue(renders.size() >= 3, renders.size() + " renderings");
    assertTrue(renders.stream().allMatch(Render::openMetrics), "only the format asked for is rendered");
    System.out.printf("cost factor: %d renderings of >= 15 ms in %d ms, busy %d ms%n", renders.size(),
        (System.nanoTime() - start) / 1_000_000, busy / 1_000_000);
  }

  @Test
  void eachFormatAndItsGzipFormIsKeptOnceAsked() throws Exception {
    exposition(Duration.ofMillis(20), 10);
    change();
    assertEquals("text 1", text(exposition.render(false)));
    assertEquals("om 1", text(gunzip(exposition.renderGzipped(true))));
    change();
    awaitServed("text 2", false, Duration.ofSeconds(5));
    awaitServed("om 2", true, Duration.ofSeconds(5));
    assertEquals("om 2", text(gunzip(exposition.renderGzipped(true))));
    assertEquals("text 2", text(gunzip(exposition.renderGzipped(false))));
    byte[] gz = exposition.renderGzipped(false);
    assertArrayEquals(gz, exposition.renderGzipped(false), "the gzip form is compressed once per rendering");
  }

  @Test
  void aFailedRenderingFailsItsScrapesUntilTheNextChangeRendersAgain() throws Exception {
    exposition(Duration.ofMillis(20), 10);
    failing = true;
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> exposition.render(false));
    assertEquals("broken meter", e.getCause().getMessage());
    assertThrows(IllegalStateException.class, () -> exposition.render(false), "until a change, no new rendering");
    assertEquals(1, attempts.get(), "scrapes do not retry the failed rendering");
    failing = false;
    change();
    awaitServed("text 1", false, Duration.ofSeconds(5));
  }

  @Test
  void afterCloseNothingRendersAndTheLastRenderingIsStillServed() throws Exception {
    exposition(Duration.ofMillis(20), 10);
    exposition.render(false);
    exposition.close();
    int before = renders.size();
    change();
    Thread.sleep(100);
    assertEquals(before, renders.size());
    assertEquals("text 0", text(exposition.render(false)));
  }

  static byte[] gunzip(byte[] gz) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      return in.readAllBytes();
    }
  }
}
