package io.htapsync.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.htapsync.client.auth.Credentials;
import io.htapsync.client.exception.ApiException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/** With full HTTP logging on and a failing call, no secret shows anywhere a user could see it. */
class SecretsTest extends ClientTestSupport {
  static final String AK = "HPUAEXAMPLEKEY01";
  static final String SK = "s3cr3tSKexample0123456789";
  static final String SECURITY_TOKEN = "gQpzZXNzaW9uLXRva2VuLXZhbHVl-temporary";

  final List<String> log = new CopyOnWriteArrayList<>();

  String everythingVisible(StarRocksReplicationClient client, ApiException e) {
    return String.join("\n", log) + "\n" + e.getMessage() + "\n" + e + "\n" + client;
  }

  @Test
  void tokenNeverAppears() throws Exception {
    server.enqueue(json(401, "{\"error_code\":\"APIGW.0301\",\"error_msg\":\"Incorrect IAM authentication"
        + " information: token expired\",\"request_id\":\"gw-1\"}"));
    StarRocksReplicationClient client = track(builder().httpLogging(HttpLogLevel.BODY, log::add).build());
    ApiException e = assertThrows(ApiException.class, () -> client.listReplications(INSTANCE));

    RecordedRequest sent = server.takeRequest();
    assertTrue(TOKEN.equals(sent.getHeader("X-Auth-Token")), "the token was sent");
    String visible = everythingVisible(client, e);
    assertTrue(visible.contains("X-Auth-Token: ██"), "the header is logged, redacted:\n" + visible);
    assertTrue(visible.contains("APIGW.0301"), "the failure is logged");
    assertFalse(visible.contains(TOKEN), visible);
  }

  @Test
  void skSignatureAndSecurityTokenNeverAppear() throws Exception {
    server.enqueue(json(401, "{\"error_code\":\"APIGW.0301\",\"error_msg\":\"verify aksk signature fail\"}"));
    StarRocksReplicationClient client = track(builder()
        .credentials(Credentials.akSk(AK, SK, SECURITY_TOKEN))
        .httpLogging(HttpLogLevel.BODY, log::add).build());
    ApiException e = assertThrows(ApiException.class, () -> client.listReplications(INSTANCE));

    RecordedRequest sent = server.takeRequest();
    String authorization = sent.getHeader("Authorization");
    String signature = authorization.substring(authorization.indexOf("Signature=") + "Signature=".length());
    assertTrue(signature.matches("[0-9a-f]{64}"), authorization);
    assertTrue(SECURITY_TOKEN.equals(sent.getHeader("X-Security-Token")));

    String visible = everythingVisible(client, e);
    assertTrue(visible.contains("Authorization: ██"), visible);
    for (String secret : List.of(SK, signature, SECURITY_TOKEN)) {
      assertFalse(visible.contains(secret), "leaked " + secret.substring(0, 4) + "…:\n" + visible);
    }
  }
}
