package io.htapsync.client;

import static io.htapsync.client.TestResources.response;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.htapsync.client.exception.ApiException;
import io.htapsync.client.exception.ClientErrorException;
import io.htapsync.client.exception.ResponseDecodingException;
import io.htapsync.client.exception.ServerErrorException;
import io.htapsync.client.exception.ThrottledException;
import io.htapsync.client.retry.RetryPolicy;
import java.time.Duration;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.Test;

/** Each kind of error answer, case by case: modeled, gateway, other forms, not JSON, empty. */
class ErrorMappingTest extends ClientTestSupport {

  StarRocksReplicationClient noRetries() {
    return track(builder().retryPolicy(RetryPolicy.none()).build());
  }

  @Test
  void documented400IsAClientErrorWithCodeMessageAndRequestId() {
    server.enqueue(json(400, response("error-400.json")));
    ClientErrorException e = assertThrows(ClientErrorException.class, () -> client().listReplications(INSTANCE));
    assertEquals(400, e.httpStatus());
    assertEquals("DBS.200022", e.errorCode());
    assertEquals("Instance not found.", e.errorMessage());
    assertEquals("req-400", e.requestId());
    assertEquals("HTTP 400 DBS.200022: Instance not found. (request id req-400)", e.getMessage());
    assertEquals(1, server.getRequestCount(), "400 is not retried");
  }

  @Test
  void documented500IsAServerErrorAndIsNotRetried() {
    server.enqueue(json(500, response("error-500.json")));
    ServerErrorException e = assertThrows(ServerErrorException.class, () -> client().listReplications(INSTANCE));
    assertEquals("DBS.200001", e.errorCode());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void gatewayErrorBodyGivesItsRequestIdWhenNoHeaderDoes() {
    server.enqueue(new MockResponse().setResponseCode(401).setBody("{\"error_code\":\"APIGW.0301\","
        + "\"error_msg\":\"Incorrect IAM authentication information: token expired\","
        + "\"request_id\":\"gw-123\"}"));
    ClientErrorException e = assertThrows(ClientErrorException.class, () -> client().listReplications(INSTANCE));
    assertEquals(401, e.httpStatus());
    assertEquals("APIGW.0301", e.errorCode());
    assertEquals("gw-123", e.requestId());
  }

  @Test
  void codeAndMessageFormIsReadToo() {
    server.enqueue(json(403, "{\"code\":\"IAM.0003\",\"message\":\"Forbidden\"}"));
    ApiException e = assertThrows(ApiException.class, () -> client().listReplications(INSTANCE));
    assertEquals("IAM.0003", e.errorCode());
    assertEquals("Forbidden", e.errorMessage());
  }

  @Test
  void unknownErrorStatusWithUnknownJsonKeepsASnippet() {
    server.enqueue(json(409, "{\"weird\":true}"));
    ApiException e = assertThrows(ClientErrorException.class, () -> client().listReplications(INSTANCE));
    assertNull(e.errorCode());
    assertEquals("{\"weird\":true}", e.bodySnippet());
    assertTrue(e.getMessage().contains("body: {\"weird\":true}"), e.getMessage());
  }

  @Test
  void htmlFromAProxyGivesABoundedOneLineSnippetAfterRetries() {
    String html = "<html>\n<head><title>502 Bad Gateway</title></head>\n<body>" + "x".repeat(5000)
        + "</body></html>";
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse().setResponseCode(502).setHeader("Content-Type", "text/html").setBody(html));
    }
    ServerErrorException e = assertThrows(ServerErrorException.class, () -> client().listReplications(INSTANCE));
    assertEquals(502, e.httpStatus());
    assertNull(e.errorCode());
    assertTrue(e.bodySnippet().startsWith("<html>\\n<head><title>502 Bad Gateway"), e.bodySnippet());
    assertTrue(e.bodySnippet().length() < 300, "snippet is bounded: " + e.bodySnippet().length());
    assertFalse(e.getMessage().contains("\n"));
    assertEquals(3, server.getRequestCount(), "502 is retried up to maxAttempts");
  }

  @Test
  void emptyErrorBodySaysSo() {
    server.enqueue(new MockResponse().setResponseCode(404));
    ApiException e = assertThrows(ClientErrorException.class, () -> noRetries().listReplications(INSTANCE));
    assertEquals("", e.bodySnippet());
    assertEquals("HTTP 404 with an empty body", e.getMessage());
  }

  @Test
  void throttledCarriesTheServersHint() {
    server.enqueue(json(429, "{\"error_code\":\"APIGW.0308\",\"error_msg\":\"throttled\"}")
        .setHeader("Retry-After", "7"));
    ThrottledException e = assertThrows(ThrottledException.class, () -> noRetries().listReplications(INSTANCE));
    assertEquals(Duration.ofSeconds(7), e.retryAfter().orElseThrow());
    assertEquals("APIGW.0308", e.errorCode());
  }

  @Test
  void aNonJson200IsADecodingErrorWithSnippetAndRequestId() {
    server.enqueue(ok("<html>maintenance</html>"));
    ResponseDecodingException e = assertThrows(ResponseDecodingException.class,
        () -> client().listReplications(INSTANCE));
    assertEquals("req-200", e.requestId());
    assertEquals("<html>maintenance</html>", e.bodySnippet());
    assertEquals(1, server.getRequestCount(), "a decoding error is not retried");
  }

  @Test
  void wrongTypesAreADecodingError() {
    server.enqueue(ok("{\"total_count\":true,\"replications\":[]}"));
    ResponseDecodingException e = assertThrows(ResponseDecodingException.class,
        () -> client().listReplications(INSTANCE));
    assertTrue(e.getMessage().contains("Expected a number or a numeric string"), e.getMessage());
  }

  @Test
  void aNonNumericTotalCountIsADecodingError() {
    server.enqueue(ok("{\"total_count\":\"lots\",\"replications\":[]}"));
    ResponseDecodingException e = assertThrows(ResponseDecodingException.class,
        () -> client().listReplications(INSTANCE));
    assertTrue(e.getMessage().contains("total_count is not a whole number: \"lots\""), e.getMessage());
  }

  @Test
  void anEmpty200IsADecodingError() {
    server.enqueue(ok(""));
    ResponseDecodingException e = assertThrows(ResponseDecodingException.class,
        () -> client().listReplications(INSTANCE));
    assertTrue(e.getMessage().contains("HTTP 200 with an empty body"), e.getMessage());
  }

  @Test
  void a200CarryingAnErrorBodyIsADecodingErrorThatShowsIt() {
    server.enqueue(ok(response("error-400.json")));
    ResponseDecodingException e = assertThrows(ResponseDecodingException.class,
        () -> client().listReplications(INSTANCE));
    assertTrue(e.getMessage().contains("body has no total_count"), e.getMessage());
    assertTrue(e.bodySnippet().contains("DBS.200022"), e.bodySnippet());
  }

  @Test
  void aNullDocumentIsADecodingError() {
    server.enqueue(ok("null"));
    ResponseDecodingException e = assertThrows(ResponseDecodingException.class,
        () -> client().listReplications(INSTANCE));
    assertTrue(e.getMessage().contains("expected a JSON object but was NULL"), e.getMessage());
  }

  @Test
  void trailingGarbageAfterTheObjectIsADecodingError() {
    server.enqueue(ok("{\"total_count\":0} {\"total_count\":1}"));
    assertThrows(ResponseDecodingException.class, () -> client().listReplications(INSTANCE));
  }

  @Test
  void deeplyNestedJsonDoesNotOverflowTheStack() {
    server.enqueue(ok("{\"total_count\":0,\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}"));
    assertInstanceOf(ResponseDecodingException.class,
        assertThrows(RuntimeException.class, () -> client().listReplications(INSTANCE)));
  }
}
