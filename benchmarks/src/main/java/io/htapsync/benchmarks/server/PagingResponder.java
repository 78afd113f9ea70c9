package io.htapsync.benchmarks.server;

import io.htapsync.benchmarks.fixture.PageJson;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Serves an instance with {@code total} tasks the way the service does: the page at {@code offset}
 * holds at most 50 tasks whatever {@code limit} asks for. Pages are rendered per request, so the
 * server holds no data that grows with {@code total}. The time spent rendering is counted, so that a
 * measurement can tell the server's share from the client's.
 */
public final class PagingResponder implements LoopbackHttpServer.Responder {
  private final long total;
  private final PageJson.Counters counters;
  private final AtomicLong renderNanos = new AtomicLong();

  public PagingResponder(long total, PageJson.Counters counters) {
    this.total = total;
    this.counters = counters;
  }

  @Override
  public byte[] respond(String target) {
    long start = System.nanoTime();
    long offset = queryLong(target, "offset", 0);
    long limit = queryLong(target, "limit", 100);
    int count = (int) Math.max(0, Math.min(Math.min(limit, PageJson.PAGE_SIZE), total - offset));
    String body = PageJson.page(total, offset, count, counters);
    byte[] response = LoopbackHttpServer.okJson(body.getBytes(StandardCharsets.UTF_8));
    renderNanos.addAndGet(System.nanoTime() - start);
    return response;
  }

  /** Nanoseconds spent rendering responses so far. */
  public long renderNanos() {
    return renderNanos.get();
  }

  private static long queryLong(String target, String name, long fallback) {
    int query = target.indexOf('?');
    if (query < 0) {
      return fallback;
    }
    for (String pair : target.substring(query + 1).split("&")) {
      if (pair.startsWith(name + "=")) {
        return Long.parseLong(pair.substring(name.length() + 1));
      }
    }
    return fallback;
  }
}
