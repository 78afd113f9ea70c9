package io.htapsync.client.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.htapsync.client.ClientTestSupport;
import io.htapsync.client.StarRocksReplicationClient;
import io.htapsync.client.auth.Credentials;
import io.htapsync.client.retry.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile or mistaken builder and configuration arguments (ArgumentValidationTest covers the call
 * arguments): each fails at once with an IllegalArgumentException or IllegalStateException whose
 * message names the problem on one bounded line, never echoes a secret, and nothing is sent.
 */
class HostileArgumentsTest extends ClientTestSupport {
  static final String SECRET = "hostile-secret-value-0123456789";

  @FunctionalInterface
  interface Attempt {
    void run(MockWebServer server) throws Exception;
  }


  static StarRocksReplicationClient.Builder valid(MockWebServer server) {
    return StarRocksReplicationClient.builder()
        .endpoint(server.url("/").uri())
        .allowInsecureHttp()
        .projectId(ClientTestSupport.PROJECT)
        .credentials(Credentials.token(ClientTestSupport.TOKEN));
  }

  static Arguments bad(String name, String expected, Attempt attempt) {
    return Arguments.of(name, expected, attempt);
  }

  static Stream<Arguments> hostile() {
    return Stream.of(
        bad("region null", "unknown region null", s -> StarRocksReplicationClient.builder().region(null)),
        bad("region empty", "unknown region", s -> StarRocksReplicationClient.builder().region("")),
        bad("region with newline", "unknown region \"cn-north-4\\n", s -> StarRocksReplicationClient.builder()
            .region("cn-north-4\nX-Injected: 1")),
        bad("region with NUL", "unknown region \"cn-north-4\\u0000\"", s -> StarRocksReplicationClient.builder()
            .region("cn-north-4\u0000")),
        bad("region with ANSI escape", "\\u001b[31m", s -> StarRocksReplicationClient.builder()
            .region("\u001b[31mcn-north-4")),
        bad("region traversal", "unknown region \"../cn-north-4\"", s -> StarRocksReplicationClient.builder()
            .region("../cn-north-4")),
        bad("region zero-width space", "\\u200b", s -> StarRocksReplicationClient.builder()
            .region("cn-north-4\u200b")),
        bad("region upper case", "unknown region \"CN-NORTH-4\"", s -> StarRocksReplicationClient.builder()
            .region("CN-NORTH-4")),
        bad("region 10,000 chars", "10000 chars", s -> StarRocksReplicationClient.builder()
            .region("r".repeat(10_000))),
        bad("projectId traversal", "projectId must be 32 ASCII letters and digits",
            s -> StarRocksReplicationClient.builder().projectId("../../" + ClientTestSupport.PROJECT.substring(6))),
        bad("projectId %2F", "projectId must be 32", s -> StarRocksReplicationClient.builder()
            .projectId("9f8e7d6c5b4a3928%2F06f5e4d3c2b1a")),
        bad("projectId newline", "\\n", s -> StarRocksReplicationClient.builder()
            .projectId("9f8e7d6c5b4a39281706f5e4d3c2b1a\n")),
        bad("projectId unicode", "projectId must be 32", s -> StarRocksReplicationClient.builder()
            .projectId("９f8e7d6c5b4a39281706f5e4d3c2b1a0")),
        bad("projectId 10,000 chars", "(10000 chars)", s -> StarRocksReplicationClient.builder()
            .projectId("a".repeat(10_000))),
        bad("projectId blank", "projectId must not be blank", s -> StarRocksReplicationClient.builder()
            .projectId("  ")),
        bad("endpoint with user info", "user info", s -> valid(s)
            .endpoint(URI.create("https://admin:" + SECRET + "@example.com/")).build()),
        bad("endpoint ftp", "must be an https URL", s -> valid(s).endpoint(URI.create("ftp://example.com/")).build()),
        bad("endpoint with query", "must not have a query", s -> valid(s)
            .endpoint(URI.create("https://example.com/?x=1")).build()),
        bad("endpoint plain http without opt-in", "plain http", s -> StarRocksReplicationClient.builder()
            .endpoint(s.url("/").uri()).projectId(ClientTestSupport.PROJECT)
            .credentials(Credentials.token(ClientTestSupport.TOKEN)).build()),
        bad("user agent CRLF injection", "userAgent suffix must be non-blank printable ASCII",
            s -> valid(s).userAgent("app/1.0\r\nX-Injected: 1")),
        bad("user agent unicode", "printable ASCII", s -> valid(s).userAgent("app/１.0")),
        bad("token with newline", "token", s -> Credentials.token(SECRET + "\nX-Injected: 1")),
        bad("token with unicode", "token", s -> Credentials.token(SECRET + "é")),
        bad("SK blank", "sk", s -> Credentials.akSk("HPUAEXAMPLEKEY01", "  ")),
        bad("security token with space", "securityToken", s -> Credentials.akSk("HPUAEXAMPLEKEY01",
            "s3cr3tSKexample0123456789", SECRET + " x")),
        bad("connect timeout zero", "connectTimeout must be positive", s -> valid(s).connectTimeout(Duration.ZERO)),
        bad("read timeout negative", "readTimeout must be positive", s -> valid(s).readTimeout(Duration.ofSeconds(-1))),
        bad("call timeout negative", "callTimeout must be positive", s -> valid(s).callTimeout(Duration.ofMillis(-5))),
        bad("maxAttempts 0", "maxAttempts must be 1..100, got 0", s -> RetryPolicy.builder().maxAttempts(0)),
        bad("maxAttempts 101", "maxAttempts must be 1..100, got 101", s -> RetryPolicy.builder().maxAttempts(101)),
        bad("maxAttempts MIN_VALUE", "maxAttempts must be 1..100", s -> RetryPolicy.builder()
            .maxAttempts(Integer.MIN_VALUE)),
        bad("deadline zero", "deadline must be positive", s -> RetryPolicy.builder().deadline(Duration.ZERO)),
        bad("negative base delay", "baseDelay must not be negative", s -> RetryPolicy.builder()
            .baseDelay(Duration.ofMillis(-1))),
        bad("base delay over max delay", "exceeds maxDelay", s -> RetryPolicy.builder()
            .baseDelay(Duration.ofSeconds(20)).maxDelay(Duration.ofSeconds(1)).build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostile")
  void rejectedClearlyAndNothingSent(String name, String expected, Attempt attempt) {
    RuntimeException e = null;
    try {
      attempt.run(server);
    } catch (Exception thrown) {
      e = assertInstanceOf(RuntimeException.class, thrown);
    }
    assertTrue(e instanceof IllegalArgumentException || e instanceof IllegalStateException,
        name + ": expected a clear argument error, got " + e);
    String message = e.getMessage();
    assertTrue(message.contains(expected), name + ": expected \"" + expected + "\" in: " + message);
    assertFalse(message.contains("\n") || message.contains("\r") || message.contains("\u0000")
        || message.contains("\u001b"), name + ": one line, no control characters: " + message);
    assertTrue(message.length() < 512, name + ": bounded message, got " + message.length() + " chars");
    assertFalse(message.contains(SECRET), name + ": the message echoes a secret: " + message);
    assertEquals(0, server.getRequestCount(), name + ": nothing was sent");
  }
}
