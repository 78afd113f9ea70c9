package io.htapsync.client.reliability;

import static io.htapsync.client.reliability.RawHttpServer.concat;
import static io.htapsync.client.reliability.RawHttpServer.head;
import static io.htapsync.client.reliability.RawHttpServer.response;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.htapsync.client.ClientTestSupport;
import io.htapsync.client.StarRocksReplicationClient;
import io.htapsync.client.auth.Credentials;
import io.htapsync.client.exception.HtapSyncException;
import io.htapsync.client.exception.ResponseDecodingException;
import io.htapsync.client.exception.ServerErrorException;
import io.htapsync.client.exception.ThrottledException;
import io.htapsync.client.exception.TransportException;
import io.htapsync.client.retry.RetryPolicy;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each network or server fault, sync and async: the documented exception, after the documented number
 * of attempts, and never later than the policy's deadline plus a small margin. Writes the measured
 * table to {@code target/reliability/fault-outcomes.md} (copied into RELIABILITY.md).
 */
class FaultToleranceTest {
  static final Duration CONNECT_TIMEOUT = Duration.ofMillis(300);
  static final Duration DEADLINE = Duration.ofSeconds(3);
  /** Scheduling slack on a shared, busy 2-core machine; every call must end within its bound plus this. */
  static final Duration MARGIN = Duration.ofSeconds(1);
  static final RetryPolicy POLICY = RetryPolicy.builder()
      .maxAttempts(3)
      .baseDelay(Duration.ofMillis(10))
      .maxDelay(Duration.ofMillis(40))
      .maxRetryAfter(Duration.ofSeconds(2))
      .deadline(DEADLINE)
      .build();
  /**
   * Answers that arrive at once get generous timeouts, so a busy machine cannot turn them into
   * timeouts; the timeout faults get a 300 ms read timeout, far inside the 3 s deadline, so that
   * their attempt counts do not depend on the machine's load either.
   */
  static final Settings PROMPT = new Settings(Duration.ofSeconds(2), Duration.ofSeconds(3), POLICY);
  static final Settings SHORT_READ = new Settings(Duration.ofMillis(300), Duration.ofSeconds(3), POLICY);
  /** For the waits the server asks for: one wait is enough to measure, and keeps the suite fast. */
  static final Settings TWO_ATTEMPTS = new Settings(Duration.ofSeconds(2), Duration.ofSeconds(3),
      POLICY.toBuilder().maxAttempts(2).build());
  static final Instant NOW = Instant.parse("2026-03-01T08:30:15Z");

  static final String PAGE = ClientTestSupport.pageBody(2, 0, 2);
  static final String ERROR_400 = "{\"error_code\":\"DBS.200022\",\"error_msg\":\"Instance not found.\"}";
  static final String THROTTLED = "{\"error_code\":\"APIGW.0308\",\"error_msg\":\"The throttling threshold has been reached\"}";
  static final String HTML_502 = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
      + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
  static final String HTML_504 = HTML_502.replace("502 Bad Gateway", "504 Gateway Time-out");

  private static final List<String> ROWS = new ArrayList<>();

  /** Per-attempt timeouts and the policy (whose deadline is the row's bound). */
  record Settings(Duration readTimeout, Duration callTimeout, RetryPolicy policy) {}

  /**
   * One fault. {@code script} null means nothing listens. {@code attempts} is what the client reports
   * (TransportException.attempts(), else the server's request count), or {@link #CUT_BY_DEADLINE}
   * when the deadline ends the call in the middle of an attempt, so that how many fit depends on
   * the machine; {@code atLeast} is the shortest time the call may take (waits the server asked for).
   */
  record Fault(String name, RawHttpServer.Script script, Class<? extends HtapSyncException> expected,
      int attempts, Duration atLeast, Settings settings, Consumer<HtapSyncException> check) {
    Duration bound() {
      return settings.policy().deadline();
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static final int CUT_BY_DEADLINE = -1;

  static Fault fault(String name, RawHttpServer.Script script, Class<? extends HtapSyncException> expected,
      int attempts, Consumer<HtapSyncException> check) {
    return new Fault(name, script, expected, attempts, Duration.ZERO, PROMPT, check);
  }

  static Fault timeoutFault(String name, RawHttpServer.Script script, int attempts) {
    return new Fault(name, script, TransportException.class, attempts, Duration.ZERO, SHORT_READ,
        e -> assertMessage(e, "timed out"));
  }

  static Stream<Fault> faults() {
    return Stream.of(
        fault("connection refused", null, TransportException.class, 3,
            e -> assertMessage(e, "ConnectException")),
        fault("reset (RST) before the response", (socket, out) -> RawHttpServer.reset(socket),
            TransportException.class, 3, e -> assertMessage(e, "failed")),
        fault("disconnect in the middle of a chunked body", FaultToleranceTest::halfAChunkThenClose,
            TransportException.class, 3, e -> assertMessage(e, "failed")),
        fault("truncated body: closed before Content-Length", (socket, out) -> {
          byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
          out.write(head(200, "OK", body.length));
          out.write(body, 0, body.length / 2);
          out.flush();
        }, TransportException.class, 3, e -> assertMessage(e, "unexpected end of stream")),
        timeoutFault("accepts and never answers (read timeout 300 ms)",
            (socket, out) -> RawHttpServer.stall(socket), 3),
        new Fault("never answers, deadline 700 ms cuts the attempts (10 allowed)", (socket, out) -> RawHttpServer.stall(socket),
            TransportException.class, CUT_BY_DEADLINE, Duration.ofMillis(650), new Settings(Duration.ofMillis(300),
            Duration.ofSeconds(3), POLICY.toBuilder().maxAttempts(10).deadline(Duration.ofMillis(700)).build()),
            e -> assertMessage(e, "timed out")),
        timeoutFault("body trickles 1 byte/450 ms (read timeout 300 ms)", trickle(450), 3),
        new Fault("body trickles 1 byte/100 ms, never ends (call timeout 500 ms, 2 attempts allowed)", trickle(100),
            TransportException.class, 2, Duration.ofMillis(1000), new Settings(Duration.ofMillis(300),
            Duration.ofMillis(500), POLICY.toBuilder().maxAttempts(2).build()), e -> assertMessage(e, "timed out")),
        timeoutFault("Content-Length 1000 bytes too large, connection kept open", (socket, out) -> {
          byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
          out.write(concat(head(200, "OK", body.length + 1000), body));
          out.flush();
          RawHttpServer.stall(socket);
        }, 3),
        fault("Content-Length 20 bytes, body longer", (socket, out) -> {
          out.write(concat(head(200, "OK", 20), PAGE.getBytes(StandardCharsets.UTF_8)));
          out.flush();
        }, ResponseDecodingException.class, 1, e -> assertEquals(
            "{\"total_count\":2,\"re", ((ResponseDecodingException) e).bodySnippet(), "exactly 20 bytes read")),
        fault("JSON cut short in a complete response", answer(response(200, "OK", PAGE.substring(0, 80))),
            ResponseDecodingException.class, 1, e -> assertMessage(e, "not the documented JSON")),
        fault("gzip that does not inflate", answer(response(200, "OK", PAGE, "Content-Encoding: gzip")),
            TransportException.class, 3, e -> assertMessage(e, "ID1ID2")),
        new Fault("429, Retry-After: 1 (seconds), 2 attempts allowed", answer(response(429, "Too Many Requests", THROTTLED,
            "Retry-After: 1")), ThrottledException.class, 2, Duration.ofSeconds(1), TWO_ATTEMPTS,
            e -> assertEquals(Duration.ofSeconds(1), ((ThrottledException) e).retryAfter().orElseThrow())),
        fault("429, Retry-After: 0000000000 (zero, zero-padded)", answer(response(429, "Too Many Requests",
            THROTTLED, "Retry-After: 0000000000")), ThrottledException.class, 3,
            e -> assertEquals(Duration.ZERO, ((ThrottledException) e).retryAfter().orElseThrow())),
        new Fault("503, Retry-After: HTTP date 1 s ahead, 2 attempts allowed", answer(response(503, "Service Unavailable",
            "{\"error_code\":\"DBS.200001\",\"error_msg\":\"busy\"}",
            "Retry-After: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(1).atOffset(ZoneOffset.UTC)))),
            ServerErrorException.class, 2, Duration.ofSeconds(1), TWO_ATTEMPTS,
            e -> assertEquals(503, ((ServerErrorException) e).httpStatus())),
        new Fault("503, Retry-After: 1, deadline 1.5 s: a second wait would pass it",
            answer(response(503, "Service Unavailable", "{}", "Retry-After: 1")), ServerErrorException.class, 2,
            Duration.ofSeconds(1), new Settings(Duration.ofSeconds(1), Duration.ofSeconds(3),
            POLICY.toBuilder().deadline(Duration.ofMillis(1500)).build()), e -> { }),
        fault("429, Retry-After: 3600 (over maxRetryAfter)", answer(response(429, "Too Many Requests", THROTTLED,
            "Retry-After: 3600")), ThrottledException.class, 1,
            e -> assertEquals(Duration.ofHours(1), ((ThrottledException) e).retryAfter().orElseThrow())),
        fault("503, Retry-After unparseable (\"soon\")", answer(response(503, "Service Unavailable", "{}",
            "Retry-After: soon")), ServerErrorException.class, 3, e -> { }),
        fault("502 HTML page from a proxy", answer(response(502, "Bad Gateway", HTML_502, "Content-Type: text/html")),
            ServerErrorException.class, 3, FaultToleranceTest::htmlSnippet),
        fault("504 HTML page from a proxy", answer(response(504, "Gateway Time-out", HTML_504, "Content-Type: text/html")),
            ServerErrorException.class, 3, FaultToleranceTest::htmlSnippet),
        fault("empty 200", answer(response(200, "OK", "")), ResponseDecodingException.class, 1,
            e -> assertMessage(e, "empty body")),
        fault("200 whose total_count is a 1,000,000-digit string", answer(response(200, "OK",
            "{\"total_count\":\"" + "1".repeat(1_000_000) + "\",\"replications\":[]}")),
            ResponseDecodingException.class, 1, e -> assertMessage(e, "total_count is not a whole number")),
        fault("200 carrying an error body", answer(response(200, "OK", ERROR_400)),
            ResponseDecodingException.class, 1, e -> assertMessage(e, "DBS.200022")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void endsInTheDocumentedExceptionWithinTheDeadline(Fault fault) throws Exception {
    Outcome sync = run(fault, false);
    Outcome async = run(fault, true);
    ROWS.add("| " + fault.name() + " | " + fault.expected().getSimpleName() + " | "
        + (fault.attempts() == CUT_BY_DEADLINE ? sync.attempts + " / " + async.attempts + " (deadline)" : sync.attempts)
        + " | " + sync.serverRequests + " | " + sync.millis + " | " + async.millis + " | "
        + (fault.atLeast().isZero() ? "" : "≥ " + fault.atLeast().toMillis() + ", ")
        + "≤ " + fault.bound().toMillis() + " |");
  }

  record Outcome(long millis, int attempts, int serverRequests) {}

  private Outcome run(Fault fault, boolean async) throws Exception {
    try (RawHttpServer server = fault.script() == null ? null : new RawHttpServer(fault.script());
        StarRocksReplicationClient client = client(server == null ? closedPort() : server.uri(), fault.settings())) {
      String mode = async ? "async" : "sync";
      long start = System.nanoTime();
      HtapSyncException e;
      if (async) {
        ExecutionException failed = assertThrows(ExecutionException.class, () -> client
            .listReplicationsAsync(ClientTestSupport.INSTANCE)
            .get(fault.bound().plus(MARGIN).toMillis(), TimeUnit.MILLISECONDS), mode);
        e = assertInstanceOf(HtapSyncException.class, failed.getCause(), mode);
      } else {
        e = assertThrows(HtapSyncException.class, () -> client.listReplications(ClientTestSupport.INSTANCE), mode);
      }
      long millis = (System.nanoTime() - start) / 1_000_000;

      assertEquals(fault.expected(), e.getClass(), mode + ": " + e);
      int serverRequests = server == null ? 0 : server.requestCount();
      int attempts = e instanceof TransportException ? ((TransportException) e).attempts() : serverRequests;
      if (fault.attempts() == CUT_BY_DEADLINE) {
        assertTrue(attempts >= 1 && attempts < fault.settings().policy().maxAttempts(), mode + " attempts: " + e);
      } else {
        assertEquals(fault.attempts(), attempts, mode + " attempts: " + e);
      }
      if (server != null) {
        assertEquals(attempts, serverRequests, mode + ": one server request per attempt");
      }
      assertTrue(millis <= fault.bound().plus(MARGIN).toMillis(),
          mode + " took " + millis + " ms; bound " + fault.bound().toMillis() + " ms + margin");
      assertTrue(millis >= fault.atLeast().toMillis(), mode + " took only " + millis + " ms");
      assertFalse(e.getMessage().contains("\n"), "one-line message: " + e.getMessage());
      fault.check().accept(e);
      return new Outcome(millis, attempts, serverRequests);
    }
  }

  private static StarRocksReplicationClient client(URI endpoint, Settings settings) {
    return StarRocksReplicationClient.builder()
        .endpoint(endpoint)
        .allowInsecureHttp()
        .projectId(ClientTestSupport.PROJECT)
        .credentials(Credentials.token(ClientTestSupport.TOKEN))
        .connectTimeout(CONNECT_TIMEOUT)
        .readTimeout(settings.readTimeout())
        .callTimeout(settings.callTimeout())
        .retryPolicy(settings.policy())
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .build();
  }

  /** A loopback port that nothing listens on: bound, then released. */
  private static URI closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
    }
  }

  private static RawHttpServer.Script answer(byte[] bytes) {
    return (socket, out) -> {
      out.write(bytes);
      out.flush();
    };
  }

  private static void halfAChunkThenClose(java.net.Socket socket, OutputStream out) throws IOException {
    byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
    out.write(head(200, "OK", -1, "Transfer-Encoding: chunked"));
    out.write((Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(body, 0, body.length / 2);
    out.flush();
  }

  /** Headers at once, then the body one byte per {@code periodMillis}; ends when the client leaves. */
  private static RawHttpServer.Script trickle(long periodMillis) {
    return (socket, out) -> {
      byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
      out.write(head(200, "OK", body.length));
      out.flush();
      for (byte b : body) {
        Thread.sleep(periodMillis);
        out.write(b);
        out.flush();
      }
    };
  }

  private static void assertMessage(HtapSyncException e, String expected) {
    assertTrue(e.getMessage().contains(expected), "expected \"" + expected + "\" in: " + e.getMessage());
  }

  private static void htmlSnippet(HtapSyncException e) {
    ServerErrorException server = (ServerErrorException) e;
    assertTrue(server.bodySnippet().startsWith("<html>"), server.bodySnippet());
    assertTrue(e.getMessage().contains("Gateway"), e.getMessage());
  }

  @AfterAll
  static void writeTable() throws IOException {
    Path out = Path.of("target", "reliability", "fault-outcomes.md");
    Files.createDirectories(out.getParent());
    List<String> lines = new ArrayList<>();
    lines.add("| fault | exception | attempts | server requests | sync ms | async ms | bound ms |");
    lines.add("| --- | --- | --- | --- | --- | --- | --- |");
    lines.addAll(ROWS);
    Files.write(out, lines, StandardCharsets.UTF_8);
  }
}
