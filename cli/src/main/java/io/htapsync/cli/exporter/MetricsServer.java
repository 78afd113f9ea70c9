package io.htapsync.cli.exporter;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The exporter's HTTP side: {@code /metrics} (Prometheus text 0.0.4, or OpenMetrics when the
 * {@code Accept} header asks for it; gzip-compressed when {@code Accept-Encoding} allows, as Prometheus
 * sends it), {@code /healthz}, and 404 for anything else. It only serves what the poller last stored:
 * no request here ever reaches the API, so a scrape storm cannot.
 *
 * <p>With a bearer token, {@code /metrics} answers 401 to a missing or wrong one; the comparison
 * takes the same time wherever the first difference is. {@code /healthz} stays open for probes.
 */
public final class MetricsServer implements AutoCloseable {
  static final String TEXT_0_0_4 = "text/plain; version=0.0.4; charset=utf-8";
  static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";
  /** Scrapes served at once; more wait in the accept queue, so a storm costs latency, not memory. */
  private static final int HANDLER_THREADS = 4;

  static {
    beforeAnyHttpServer();
  }

  /**
   * Turns on TCP_NODELAY for the JDK's HTTP server. It writes a response's headers and its body
   * separately; without it Nagle's algorithm holds the body until the scraper's delayed ACK of the
   * headers, about 40 ms on Linux, which was most of a small scrape's time (see BENCHMARKS.md, row 6c).
   * The JDK reads the switch once, when the first server of the JVM starts, so the exporter calls
   * this before the embedded sandbox starts; an explicit {@code -Dsun.net.httpserver.nodelay} wins.
   */
  public static void beforeAnyHttpServer() {
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  /** Renders the latest snapshots; must be cheap and must not call the API. */
  public interface Exposition {
    byte[] render(boolean openMetrics);

    /** The same, gzip-compressed (for a scraper that accepts gzip, as Prometheus does). */
    default byte[] renderGzipped(boolean openMetrics) {
      return gzip(render(openMetrics));
    }
  }

  private final HttpServer server;
  private final ExecutorService handlers;
  private final Exposition exposition;
  private final byte[] token;

  private MetricsServer(HttpServer server, ExecutorService handlers, Exposition exposition, String token) {
    this.server = server;
    this.handlers = handlers;
    this.exposition = exposition;
    this.token = token == null ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Binds {@code address} (port 0 for an ephemeral one) and starts serving.
   *
   * @param bearerToken the token {@code /metrics} requires, or null for none
   */
  public static MetricsServer start(InetSocketAddress address, Exposition exposition, String bearerToken)
      throws IOException {
    HttpServer server = HttpServer.create(address, 64);
    AtomicInteger n = new AtomicInteger();
    ExecutorService handlers = Executors.newFixedThreadPool(HANDLER_THREADS, r -> {
      Thread t = new Thread(r, "htapsync-exporter-http-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    MetricsServer metrics = new MetricsServer(server, handlers, exposition, bearerToken);
    server.setExecutor(handlers);
    server.createContext("/", metrics::handle);
    server.start();
    return metrics;
  }

  /** The bound address (with the real port when 0 was asked for). */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      String path = exchange.getRequestURI().getRawPath();
      String method = exchange.getRequestMethod();
      if (!path.equals("/metrics") && !path.equals("/healthz")) {
        send(exchange, 404, "not found: the exporter serves /metrics and /healthz\n");
        return;
      }
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        send(exchange, 405, "method not allowed: use GET\n");
        return;
      }
      if (path.equals("/healthz")) {
        send(exchange, 200, "ok\n");
        return;
      }
      if (token != null && !authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"htapsync exporter\"");
        send(exchange, 401, "unauthorized: /metrics needs the exporter's bearer token\n");
        return;
      }
      boolean openMetrics = wantsOpenMetrics(exchange.getRequestHeaders().getFirst("Accept"));
      boolean gzip = acceptsGzip(exchange.getRequestHeaders().get("Accept-Encoding"));
      byte[] body = gzip ? exposition.renderGzipped(openMetrics) : exposition.render(openMetrics);
      exchange.getResponseHeaders().set("Content-Type", openMetrics ? OPENMETRICS : TEXT_0_0_4);
      exchange.getResponseHeaders().set("Vary", "Accept, Accept-Encoding");
      if (gzip) {
        exchange.getResponseHeaders().set("Content-Encoding", "gzip");
      }
      sendBytes(exchange, 200, body);
    } catch (RuntimeException e) {
      // A bug in rendering: the scrape fails visibly (500) and the exporter goes on.
      send(exchange, 500, "internal error while rendering metrics\n");
    }
  }

  private boolean authorized(String header) {
    byte[] given = header == null ? new byte[0] : header.getBytes(StandardCharsets.UTF_8);
    // MessageDigest.isEqual does not stop at the first differing byte.
    return MessageDigest.isEqual(given, token);
  }

  static boolean wantsOpenMetrics(String accept) {
    return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("application/openmetrics-text");
  }

  /**
   * Whether an {@code Accept-Encoding} header accepts gzip: a {@code gzip} (or {@code x-gzip}) coding
   * whose {@code q} is not 0. Anything unclear gets the identity encoding, which every scraper reads.
   */
  static boolean acceptsGzip(List<String> acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    for (String header : acceptEncoding) {
      for (String coding : header.split(",")) {
        String[] parts = coding.split(";");
        String name = parts[0].trim();
        if (!name.equalsIgnoreCase("gzip") && !name.equalsIgnoreCase("x-gzip")) {
          continue;
        }
        for (int i = 1; i < parts.length; i++) {
          String param = parts[i].trim();
          if (param.regionMatches(true, 0, "q=", 0, 2)) {
            try {
              return Double.parseDouble(param.substring(2).trim()) > 0;
            } catch (NumberFormatException e) {
              return false;
            }
          }
        }
        return true;
      }
    }
    return false;
  }

  /**
   * Gzip at the fastest level: a 3 MiB exposition shrinks about 48 times in about 5 ms (BENCHMARKS.md,
   * row 6c). Public for the benchmarks, which time it.
   */
  public static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 16 + 64);
    try (GZIPOutputStream gz = new FastGzipOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
    }
    return out.toByteArray();
  }

  /** GZIPOutputStream with its deflater at {@link Deflater#BEST_SPEED} (its constructor offers no level). */
  private static final class FastGzipOutputStream extends GZIPOutputStream {
    FastGzipOutputStream(OutputStream out) throws IOException {
      super(out, 64 * 1024);
      def.setLevel(Deflater.BEST_SPEED);
    }
  }

  private static void send(HttpExchange exchange, int status, String text) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    sendBytes(exchange, status, text.getBytes(StandardCharsets.UTF_8));
  }

  private static void sendBytes(HttpExchange exchange, int status, byte[] body) throws IOException {
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    handlers.shutdownNow();
    try {
      handlers.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
