package io.htapsync.client.reliability;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.htapsync.client.ClientTestSupport;
import io.htapsync.client.HttpLogLevel;
import io.htapsync.client.StarRocksReplicationClient;
import io.htapsync.client.auth.Credentials;
import io.htapsync.client.exception.HtapSyncException;
import io.htapsync.client.exception.ResponseDecodingException;
import io.htapsync.client.exception.ServerErrorException;
import io.htapsync.client.exception.ThrottledException;
import io.htapsync.client.exception.TransportException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * With full HTTP logging on, each kind of failure, blocking and async, with a token and with AK/SK
 * plus a security token: neither the log, nor any exception in the chain (messages, toString, stack
 * trace text), nor the client's toString holds the token, the SK, a request's signature or the
 * security token. The credentials are sent (checked on the server side), so their absence is not
 * for want of trying.
 */
class SecretsUnderFailureTest extends ClientTestSupport {
  static final String TOKEN = "MIIEtoken-reliability-0123456789abcdef";
  static final String AK = "HPUAEXAMPLEKEY77";
  static final String SK = "reliabilitySKvalue0123456789abcdefXYZ";
  static final String SECURITY_TOKEN = "gQpzZXNzaW9uLXJlbGlhYmlsaXR5LXRva2Vu-temporary";

  enum Failure {
    TRANSPORT(TransportException.class, server -> {
      for (int i = 0; i < 3; i++) {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
      }
    }),
    TIMEOUT(TransportException.class, server -> {
      for (int i = 0; i < 3; i++) {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
      }
    }),
    DECODING(ResponseDecodingException.class, server -> server.enqueue(new MockResponse()
        .setBody("{\"total_count\":{\"nested\":\"not a number\"},\"replications\":[]}"))),
    THROTTLING(ThrottledException.class, server -> server.enqueue(new MockResponse().setResponseCode(429)
        .setHeader("Retry-After", "3600")
        .setBody("{\"error_code\":\"APIGW.0308\",\"error_msg\":\"The throttling threshold has been reached\"}"))),
    SERVER_ERROR(ServerErrorException.class, server -> {
      for (int i = 0; i < 3; i++) {
        server.enqueue(new MockResponse().setResponseCode(503).setBody("<html>503 Service Unavailable</html>"));
      }
    });

    final Class<? extends HtapSyncException> expected;
    final Consumer<MockWebServer> script;

    Failure(Class<? extends HtapSyncException> expected, Consumer<MockWebServer> script) {
      this.expected = expected;
      this.script = script;
    }
  }

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (Failure failure : Failure.values()) {
      for (String credentials : List.of("token", "AK/SK + security token")) {
        for (boolean async : List.of(false, true)) {
          cases.add(Arguments.of(failure, credentials, async));
        }
      }
    }
    return cases.stream();
  }

  final List<String> log = new CopyOnWriteArrayList<>();

  @ParameterizedTest(name = "{0}, {1}, async={2}")
  @MethodSource("cases")
  void noSecretInLogsOrExceptions(Failure failure, String credentialKind, boolean async) throws Exception {
    failure.script.accept(server);
    boolean token = credentialKind.equals("token");
    try (StarRocksReplicationClient client = StarRocksReplicationClient.builder()
        .endpoint(server.url("/").uri())
        .allowInsecureHttp()
        .projectId(ClientTestSupport.PROJECT)
        .credentials(token ? Credentials.token(TOKEN) : Credentials.akSk(AK, SK, SECURITY_TOKEN))
        .readTimeout(Duration.ofMillis(200))
        .retryPolicy(ClientTestSupport.FAST_RETRIES)
        .httpLogging(HttpLogLevel.BODY, log::add)
        .build()) {
      HtapSyncException e;
      if (async) {
        ExecutionException wrapped = assertThrows(ExecutionException.class,
            () -> client.listReplicationsAsync(ClientTestSupport.INSTANCE).get(10, TimeUnit.SECONDS));
        e = assertInstanceOf(HtapSyncException.class, wrapped.getCause());
      } else {
        e = assertThrows(HtapSyncException.class, () -> client.listReplications(ClientTestSupport.INSTANCE));
      }
      assertInstanceOf(failure.expected, e);

      List<String> secrets = new ArrayList<>(token ? List.of(TOKEN) : List.of(SK, SECURITY_TOKEN));
      int requests = server.getRequestCount();
      assertTrue(requests >= 1, "a request was sent");
      for (int i = 0; i < requests; i++) {
        RecordedRequest sent = server.takeRequest(1, TimeUnit.SECONDS);
        if (token) {
          assertTrue(TOKEN.equals(sent.getHeader("X-Auth-Token")), "the token was sent");
        } else {
          String authorization = sent.getHeader("Authorization");
          String signature = authorization.substring(authorization.indexOf("Signature=") + "Signature=".length());
          assertTrue(signature.matches("[0-9a-f]{64}"), "a signature was sent");
          assertTrue(SECURITY_TOKEN.equals(sent.getHeader("X-Security-Token")), "the security token was sent");
          secrets.add(signature);
        }
      }

      String visible = String.join("\n", log) + "\n" + everythingAbout(e) + "\n" + client;
      assertTrue(log.stream().anyMatch(line -> line.startsWith("--> GET")), "the request was logged:\n" + visible);
      assertTrue(visible.contains(token ? "X-Auth-Token: ██" : "Authorization: ██"),
          "the credential header is logged, redacted:\n" + visible);
      for (String secret : secrets) {
        assertFalse(visible.contains(secret), "leaked " + secret.substring(0, 6) + "…:\n" + visible);
      }
    }
  }

  /** Everything a caller could print of an exception: the whole chain, with stack traces. */
  private static String everythingAbout(Throwable e) {
    StringWriter text = new StringWriter();
    e.printStackTrace(new PrintWriter(text));
    for (Throwable t = e; t != null; t = t.getCause()) {
      text.append('\n').append(String.valueOf(t.getMessage())).append('\n').append(t.toString());
    }
    return text.toString();
  }
}
