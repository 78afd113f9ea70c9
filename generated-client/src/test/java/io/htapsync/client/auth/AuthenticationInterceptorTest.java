package io.htapsync.client.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.htapsync.client.exception.CredentialsException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real HTTP through OkHttp, with a retry interceptor placed BEFORE the authentication one. */
class AuthenticationInterceptorTest {
  private static final String AK = "HPUAEXAMPLEKEY01";
  private static final String SK = "s3cr3tSKexample0123456789";
  private static final String SECURITY_TOKEN = "gQpzZWN1cml0eS10b2tlbi1leGFtcGxl";
  private static final String PROJECT = "9f8e7d6c5b4a39281706f5e4d3c2b1a0";
  private static final String PATH =
      "/v3/" + PROJECT + "/instances/5c1f7e2a9b3d4e6f8a0b1c2d3e4f5a6bin07"
          + "/starrocks/databases/replication";

  private final MockWebServer server = new MockWebServer();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:30:15Z"));

  @BeforeEach
  void start() throws IOException {
    server.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  @Test
  void theTokenSupplierIsAskedOncePerAttempt() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    Credentials credentials = Credentials.token(() -> "token-" + calls.incrementAndGet());
    server.enqueue(new MockResponse().setResponseCode(503));
    server.enqueue(new MockResponse().setBody("{}"));

    try (Response response = call(credentials)) {
      assertEquals(200, response.code());
    }
    assertEquals(2, calls.get());
    assertEquals("token-1", takeRequest().getHeader("X-Auth-Token"));
    assertEquals("token-2", takeRequest().getHeader("X-Auth-Token"));
  }

  @Test
  void eachAttemptIsSignedAfreshWithItsOwnDate() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(503));
    server.enqueue(new MockResponse().setBody("{}"));

    try (Response response = call(Credentials.akSk(AK, SK))) {
      assertEquals(200, response.code());
    }
    RecordedRequest first = takeRequest();
    RecordedRequest second = takeRequest();
    assertEquals("20260301T083015Z", first.getHeader("X-Sdk-Date"));
    assertEquals("20260301T083017Z", second.getHeader("X-Sdk-Date"));
    assertNotEquals(first.getHeader("Authorization"), second.getHeader("Authorization"));
    for (RecordedRequest recorded : new RecordedRequest[] {first, second}) {
      assertNull(recorded.getHeader("X-Security-Token"));
      assertSignedAsExpected(recorded, "", "host;x-language;x-project-id;x-sdk-date");
    }
  }

  @Test
  void temporaryCredentialsSendAndSignTheSecurityToken() throws Exception {
    server.enqueue(new MockResponse().setBody("{}"));

    try (Response response = call(Credentials.akSk(AK, SK, SECURITY_TOKEN))) {
      assertEquals(200, response.code());
    }
    RecordedRequest recorded = takeRequest();
    assertEquals(SECURITY_TOKEN, recorded.getHeader("X-Security-Token"));
    assertSignedAsExpected(recorded, "x-security-token:" + SECURITY_TOKEN + "\n",
        "host;x-language;x-project-id;x-sdk-date;x-security-token");
  }

  @Test
  void aCredentialsFailureReachesTheCaller() {
    OkHttpClient client = new OkHttpClient.Builder()
        .addInterceptor(new AuthenticationInterceptor(Credentials.token(() -> null), PROJECT, clock))
        .build();
    Request request = new Request.Builder().url(server.url(PATH)).build();
    assertThrows(CredentialsException.class, () -> client.newCall(request).execute().close());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void constructorArgumentsAreChecked() {
    Credentials credentials = Credentials.token("t");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new AuthenticationInterceptor(null, PROJECT, clock));
    assertTrue(e.getMessage().startsWith("credentials "), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new AuthenticationInterceptor(credentials, "", clock));
    assertTrue(e.getMessage().startsWith("projectId "), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new AuthenticationInterceptor(credentials, PROJECT, null));
    assertTrue(e.getMessage().startsWith("clock "), e.getMessage());
  }

  /**
   * Checks the signature the server received against a canonical request written out here, with
   * the Host header the server actually got (which also checks the signer's host rule).
   */
  private void assertSignedAsExpected(
      RecordedRequest recorded, String extraCanonicalHeaders, String signedHeaders)
      throws Exception {
    String host = recorded.getHeader("Host");
    assertEquals(server.getHostName() + ":" + server.getPort(), host);
    String date = recorded.getHeader("X-Sdk-Date");
    String canonical =
        "GET\n"
            + PATH + "/\n"
            + "limit=10&offset=0\n"
            + "host:" + host + "\n"
            + "x-language:en-us\n"
            + "x-project-id:" + PROJECT + "\n"
            + "x-sdk-date:" + date + "\n"
            + extraCanonicalHeaders
            + "\n"
            + signedHeaders + "\n"
            + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    assertEquals(PROJECT, recorded.getHeader("X-Project-Id"));
    assertEquals(
        IndependentCrypto.expectedAuthorization(canonical, date, signedHeaders, AK, SK),
        recorded.getHeader("Authorization"));
  }

  private Response call(Credentials credentials) throws IOException {
    OkHttpClient client = new OkHttpClient.Builder()
        .addInterceptor(new RetryOnceOn503(clock))
        .addInterceptor(new AuthenticationInterceptor(credentials, PROJECT, clock))
        .build();
    Request request = new Request.Builder()
        .url(server.url(PATH).newBuilder()
            .addQueryParameter("offset", "0")
            .addQueryParameter("limit", "10")
            .build())
        .header("X-Language", "en-us")
        .build();
    return client.newCall(request).execute();
  }

  private RecordedRequest takeRequest() throws InterruptedException {
    RecordedRequest recorded = server.takeRequest(5, TimeUnit.SECONDS);
    assertTrue(recorded != null, "the server received no request");
    return recorded;
  }

  /** Stands in for the client's retry policy: one retry, two seconds later. */
  private static final class RetryOnceOn503 implements Interceptor {
    private final MutableClock clock;

    RetryOnceOn503(MutableClock clock) {
      this.clock = clock;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
      Response response = chain.proceed(chain.request());
      if (response.code() != 503) {
        return response;
      }
      response.close();
      clock.advance(Duration.ofSeconds(2));
      return chain.proceed(chain.request());
    }
  }
}
