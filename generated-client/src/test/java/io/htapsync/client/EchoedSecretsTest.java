package io.htapsync.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.htapsync.client.auth.Credentials;
import io.htapsync.client.exception.ApiException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/** A server that echoes the credentials back in its error body: a BODY log and the message hide them. */
class EchoedSecretsTest extends ClientTestSupport {
  final List<String> log = new CopyOnWriteArrayList<>();

  /** Answers 401 with a body quoting every credential header the request carried. */
  private void echoCredentials() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String echoed = "token=" + request.getHeader("X-Auth-Token") + " authorization="
            + request.getHeader("Authorization") + " security=" + request.getHeader("X-Security-Token");
        return json(401, "{\"error_code\":\"APIGW.0301\",\"error_msg\":\"rejected " + echoed + "\"}");
      }
    });
  }

  private String visible(StarRocksReplicationClient client) {
    ApiException e = assertThrows(ApiException.class, () -> client.listReplications(INSTANCE));
    return String.join("\n", log) + "\n" + e.getMessage() + "\n" + e.errorMessage() + "\n" + e.bodySnippet();
  }

  @Test
  void anEchoedTokenIsRedactedInTheLoggedBodyAndTheMessage() throws Exception {
    echoCredentials();
    String shown = visible(track(builder().httpLogging(HttpLogLevel.BODY, log::add).build()));
    assertTrue(server.takeRequest().getHeader("X-Auth-Token").equals(TOKEN), "the token was sent");
    assertTrue(log.stream().anyMatch(line -> line.contains("\"error_msg\":\"rejected token=██")),
        "the body is logged, the token redacted:\n" + shown);
    assertFalse(shown.contains(TOKEN), shown);
  }

  @Test
  void anEchoedSignatureAndSecurityTokenAreRedacted() throws Exception {
    echoCredentials();
    String shown = visible(track(builder()
        .credentials(Credentials.akSk(SecretsTest.AK, SecretsTest.SK, SecretsTest.SECURITY_TOKEN))
        .httpLogging(HttpLogLevel.BODY, log::add).build()));
    String authorization = server.takeRequest().getHeader("Authorization");
    String signature = authorization.substring(authorization.indexOf("Signature=") + "Signature=".length());
    assertTrue(log.stream().anyMatch(line -> line.contains("authorization=██")), shown);
    for (String secret : List.of(signature, SecretsTest.SECURITY_TOKEN, SecretsTest.SK)) {
      assertFalse(shown.contains(secret), "leaked " + secret.substring(0, 4) + "…:\n" + shown);
    }
  }
}
