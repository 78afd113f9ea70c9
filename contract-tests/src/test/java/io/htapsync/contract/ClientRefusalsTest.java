package io.htapsync.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.htapsync.client.ReplicationPage;
import io.htapsync.client.StarRocksReplicationClient;
import io.htapsync.client.auth.Credentials;
import io.htapsync.client.exception.ResponseDecodingException;
import io.htapsync.client.json.NumericString;
import io.htapsync.client.model.StarRocksReplicationInfo;
import io.htapsync.client.retry.RetryPolicy;
import io.htapsync.sandbox.validation.SpecValidator;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The other half of "what the spec allows, the client accepts" (spec-tools' Prism check is the first): every
 * shape of 200 body the client refuses is also invalid against the spec, checked with the sandbox's
 * swagger-request-validator. And for a corpus of counter values in both JSON forms, each value the spec allows in
 * {@code total_count}, {@code percentage} or {@code catchup_percentage} decodes and converts as the CLI uses it.
 */
class ClientRefusalsTest {
  private static final String PROJECT = ReplicationContract.PROJECT_ID;
  private static final String INSTANCE = ReplicationContract.INSTANCE_ID;
  private static final String PATH = ReplicationContract.replicationsPath(INSTANCE);
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final AtomicReference<String> BODY = new AtomicReference<>();
  private static HttpServer server;
  private static StarRocksReplicationClient client;

  @BeforeAll
  static void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      byte[] body = BODY.get().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.getResponseHeaders().set("X-Request-Id", "refusals");
      exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    client = StarRocksReplicationClient.builder()
        .endpoint(URI.create("http://127.0.0.1:" + server.getAddress().getPort())).allowInsecureHttp()
        .projectId(PROJECT).credentials(Credentials.token("refusals-token")).retryPolicy(RetryPolicy.none())
        .build();
  }

  @AfterAll
  static void stop() {
    client.close();
    server.stop(0);
  }

  static Stream<Arguments> refusedBodies() {
    return Stream.of(
        Arguments.of("total_count missing", "{\"replications\":[]}"),
        Arguments.of("total_count null", "{\"total_count\":null,\"replications\":[]}"),
        Arguments.of("total_count negative", "{\"total_count\":-1}"),
        Arguments.of("total_count negative string", "{\"total_count\":\"-1\"}"),
        Arguments.of("total_count fractional", "{\"total_count\":1.5}"),
        Arguments.of("total_count fractional string", "{\"total_count\":\"1.5\"}"),
        Arguments.of("total_count not numeric", "{\"total_count\":\"lots\"}"),
        Arguments.of("total_count empty string", "{\"total_count\":\"\"}"),
        Arguments.of("total_count boolean", "{\"total_count\":true}"),
        Arguments.of("total_count object", "{\"total_count\":{\"value\":1}}"),
        Arguments.of("total_count array", "{\"total_count\":[1]}"),
        Arguments.of("total_count beyond a long", "{\"total_count\":10000000000000000000}"),
        Arguments.of("total_count string beyond a long", "{\"total_count\":\"99999999999999999999\"}"),
        Arguments.of("percentage boolean", "{\"total_count\":1,\"replications\":[{\"percentage\":true}]}"),
        Arguments.of("percentage object", "{\"total_count\":1,\"replications\":[{\"percentage\":{}}]}"),
        Arguments.of("catchup_percentage array",
            "{\"total_count\":1,\"replications\":[{\"catchup_percentage\":[0]}]}"),
        Arguments.of("a null task", "{\"total_count\":1,\"replications\":[null]}"),
        Arguments.of("a task that is a string", "{\"total_count\":1,\"replications\":[\"task\"]}"),
        Arguments.of("replications an object", "{\"total_count\":1,\"replications\":{}}"),
        Arguments.of("task_name an object", "{\"total_count\":1,\"replications\":[{\"task_name\":{\"a\":1}}]}"),
        Arguments.of("stage an array", "{\"total_count\":1,\"replications\":[{\"stage\":[\"full\"]}]}"),
        Arguments.of("body an array", "[{\"total_count\":1}]"),
        Arguments.of("body a string", "\"total_count\""),
        Arguments.of("body not JSON", "<html>maintenance</html>"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedBodies")
  void whatTheClientRefusesTheSpecRefuses(String why, String body) {
    BODY.set(body);
    assertThrows(ResponseDecodingException.class, () -> client.listReplications(INSTANCE, 0, 10),
        why + ": the client accepted it");
    List<String> violations = spec(body);
    assertFalse(violations.isEmpty(), why + ": the spec allows what the client refuses");
  }

  @Test
  void everyCounterValueTheSpecAllowsDecodesAndConverts() {
    List<String> candidates = List.of("0", "1", "7", "42", "100", "999", "999999999999999999", "-1", "-0", "0.0",
        "0.5", "1.5", "99.5", "99.99", "100.0", "100.5", "101", "1e2", "1E1", "1000000000000000000",
        "\"0\"", "\"007\"", "\"1\"", "\"999999999999999999\"", "\"9999999999999999999\"", "\"99.5\"", "\"100.0\"",
        "\"100.00\"", "\"0.0\"", "\"5\"", "\"100.5\"", "\"101\"", "\"-1\"", "\"+1\"", "\" 1\"", "\"1 \"",
        "\"1e2\"", "\"\"", "\"abc\"", "\".5\"", "\"5.\"", "null", "true");
    List<String> allowed = new ArrayList<>();
    for (String value : candidates) {
      checkField(value, "{\"total_count\":" + value + ",\"replications\":[]}", allowed, page -> {
        assertTrue(page.totalCount() >= 0, "total_count " + page.totalCount());
      });
      checkField(value, "{\"total_count\":1,\"replications\":[{\"percentage\":" + value + "}]}", allowed,
          page -> percentage(page.replications().get(0).getPercentage()));
      checkField(value, "{\"total_count\":1,\"replications\":[{\"catchup_percentage\":" + value + "}]}", allowed,
          page -> percentage(page.replications().get(0).getCatchupPercentage()));
    }
    // The corpus reaches both sides of every bound: some values of each field are allowed, some are not.
    assertTrue(allowed.stream().anyMatch(a -> a.startsWith("total_count")), "no total_count allowed");
    assertTrue(allowed.stream().anyMatch(a -> a.startsWith("{\"total_count\":1,\"replications\":[{\"percentage")),
        "no percentage allowed");
    assertTrue(allowed.size() < candidates.size() * 3, "every value allowed: " + allowed);
  }

  /** If the spec allows {@code body}, the client must decode it and {@code use} must succeed. */
  private static void checkField(String value, String body, List<String> allowed,
      java.util.function.Consumer<ReplicationPage> use) {
    if (!spec(body).isEmpty()) {
      return;
    }
    allowed.add(body.startsWith("{\"total_count\":" + value) ? "total_count " + value : body);
    BODY.set(body);
    try {
      use.accept(client.listReplications(INSTANCE, 0, 10));
    } catch (RuntimeException | AssertionError e) {
      throw new AssertionError("the spec allows " + body + " but the client fails on it: " + e, e);
    }
  }

  private static void percentage(NumericString value) {
    if (value == null) {
      return;
    }
    BigDecimal decimal = value.asBigDecimal();
    assertTrue(decimal.signum() >= 0 && decimal.compareTo(HUNDRED) <= 0, "percentage " + value);
  }

  private static List<String> spec(String body) {
    return SpecValidator.fromClasspath().validateResponse("GET", PATH, 200,
        Map.of("Content-Type", "application/json", "X-Request-Id", "refusals"), body);
  }

  @Test
  void aPageInTheSpecsFormsDecodesThroughTheCannedServer() {
    // Shows the canned server and client above work, so the refusals are the client's and not the harness's.
    BODY.set("{\"total_count\":\"2\",\"replications\":[{\"percentage\":\"99.5\",\"catchup_percentage\":null}]}");
    ReplicationPage page = client.listReplications(INSTANCE, 0, 10);
    assertEquals(2, page.totalCount());
    StarRocksReplicationInfo task = page.replications().get(0);
    assertEquals(new BigDecimal("99.5"), task.getPercentage().asBigDecimal());
    assertEquals(null, task.getCatchupPercentage());
  }
}
