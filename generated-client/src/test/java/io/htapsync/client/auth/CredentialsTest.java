package io.htapsync.client.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.htapsync.client.exception.CredentialsException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class CredentialsTest {
  private static final String AK = "HPUAEXAMPLEKEY01";
  private static final String SK = "s3cr3tSKexample0123456789";
  private static final String SECURITY_TOKEN = "gQpzZWN1cml0eS10b2tlbi1leGFtcGxl";
  private static final String TOKEN = "MIIT0ken-Example-Secret-Value";
  private static final String PROJECT = "9f8e7d6c5b4a39281706f5e4d3c2b1a0";
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-01T08:30:15Z"), ZoneOffset.UTC);
  private static final Request GET =
      new Request.Builder()
          .url("https://gaussdb.ap-southeast-1.myhuaweicloud.com/v3/" + PROJECT
              + "/instances/5c1f7e2a9b3d4e6f8a0b1c2d3e4f5a6bin07/starrocks/databases/replication"
              + "?offset=20&limit=50")
          .header("X-Language", "zh-cn")
          .build();

  // --- Arguments ---

  @Test
  void nullOrBlankArgumentsAreRejectedByName() {
    assertIllegalArgument("token", () -> Credentials.token((String) null));
    assertIllegalArgument("token", () -> Credentials.token(" \t"));
    assertIllegalArgument("tokenSupplier", () -> Credentials.token((Supplier<String>) null));
    assertIllegalArgument("ak", () -> Credentials.akSk(null, SK));
    assertIllegalArgument("ak", () -> Credentials.akSk("", SK));
    assertIllegalArgument("sk", () -> Credentials.akSk(AK, null));
    assertIllegalArgument("sk", () -> Credentials.akSk(AK, "  "));
    assertIllegalArgument("securityToken", () -> Credentials.akSk(AK, SK, null));
    assertIllegalArgument("securityToken", () -> Credentials.akSk(AK, SK, ""));
    assertIllegalArgument("env", () -> Credentials.fromEnvironment(null));

    Credentials credentials = Credentials.akSk(AK, SK);
    assertIllegalArgument("request", () -> credentials.authenticate(null, PROJECT, CLOCK));
    assertIllegalArgument("clock", () -> credentials.authenticate(GET, PROJECT, null));
    assertIllegalArgument("projectId", () -> credentials.authenticate(GET, " ", CLOCK));
    Credentials token = Credentials.token(TOKEN);
    assertIllegalArgument("request", () -> token.authenticate(null, PROJECT, CLOCK));
    assertIllegalArgument("clock", () -> token.authenticate(GET, PROJECT, null));
  }

  @Test
  void aTokenThatCannotBeAHeaderIsRejectedWithoutShowingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Credentials.token(TOKEN + "\n"));
    assertTrue(e.getMessage().startsWith("token "), e.getMessage());
    assertNoSecret(e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Credentials.akSk(AK, SK, "tök" + SECURITY_TOKEN));
    assertTrue(e.getMessage().startsWith("securityToken "), e.getMessage());
    assertNoSecret(e.getMessage());
  }

  // --- toString ---

  @Test
  void toStringShowsNoSecret() {
    assertEquals("Credentials.token(****)", Credentials.token(TOKEN).toString());
    assertEquals("Credentials.token(supplier)", Credentials.token(() -> TOKEN).toString());
    assertEquals("Credentials.akSk(ak=HPUA****01, sk=****)", Credentials.akSk(AK, SK).toString());
    assertEquals("Credentials.akSk(ak=HPUA****01, sk=****, securityToken=****)",
        Credentials.akSk(AK, SK, SECURITY_TOKEN).toString());
    assertEquals("Credentials.akSk(ak=****, sk=****)", Credentials.akSk("SHORTAK", SK).toString());
    Credentials fromEnv = Credentials.fromEnvironment(Map.of(
        "HUAWEICLOUD_SDK_AK", AK, "HUAWEICLOUD_SDK_SK", SK,
        "HUAWEICLOUD_SDK_SECURITY_TOKEN", SECURITY_TOKEN, "HUAWEICLOUD_SDK_PROJECT_ID", PROJECT));
    assertEquals("Credentials.akSk(ak=HPUA****01, sk=****, securityToken=****, projectId="
        + PROJECT + ")", fromEnv.toString());
    for (Credentials c : new Credentials[] {Credentials.token(TOKEN), fromEnv}) {
      assertNoSecret(c.toString());
      assertNoSecret(new AuthenticationInterceptor(c, PROJECT, CLOCK).toString());
    }
  }

  // --- Token ---

  @Test
  void tokenIsSentAsXAuthTokenReplacingAnyGivenOne() {
    Request withOld = GET.newBuilder().header("X-Auth-Token", "old").build();
    Request authenticated = Credentials.token(TOKEN).authenticate(withOld, PROJECT, CLOCK);
    assertEquals(1, authenticated.headers("X-Auth-Token").size());
    assertEquals(TOKEN, authenticated.header("X-Auth-Token"));
    assertNull(authenticated.header("Authorization"));
    assertNull(authenticated.header("X-Sdk-Date"));
    assertEquals(GET.url(), authenticated.url());
  }

  @Test
  void aSupplierThatReturnsNothingUsableFailsClearly() {
    CredentialsException e = assertThrows(CredentialsException.class,
        () -> Credentials.token(() -> null).authenticate(GET, PROJECT, CLOCK));
    assertTrue(e.getMessage().contains("token supplier"), e.getMessage());
    assertThrows(CredentialsException.class,
        () -> Credentials.token(() -> "  ").authenticate(GET, PROJECT, CLOCK));
    e = assertThrows(CredentialsException.class,
        () -> Credentials.token(() -> TOKEN + "\r\n").authenticate(GET, PROJECT, CLOCK));
    assertNoSecret(e.getMessage());
  }

  // --- AK/SK ---

  @Test
  void akSkSignsTheWorkedExampleRequest() throws Exception {
    Request signed = Credentials.akSk(AK, SK).authenticate(GET, PROJECT, CLOCK);
    assertEquals("20260301T083015Z", signed.header("X-Sdk-Date"));
    assertEquals(PROJECT, signed.header("X-Project-Id"));
    assertNull(signed.header("X-Security-Token"));
    // Same URL, headers and date as the vendor's worked example, so the same signature.
    assertEquals(
        "SDK-HMAC-SHA256 Access=HPUAEXAMPLEKEY01, "
            + "SignedHeaders=host;x-language;x-project-id;x-sdk-date, "
            + "Signature=dbb6faa175684695bd8b4be26fdac365e626e4d6712a7fc13265118b6820befe",
        signed.header("Authorization"));
  }

  @Test
  void temporaryCredentialsSendAndSignTheSecurityToken() throws Exception {
    Request signed = Credentials.akSk(AK, SK, SECURITY_TOKEN).authenticate(GET, PROJECT, CLOCK);
    assertEquals(SECURITY_TOKEN, signed.header("X-Security-Token"));
    String canonical =
        "GET\n"
            + "/v3/9f8e7d6c5b4a39281706f5e4d3c2b1a0/instances/5c1f7e2a9b3d4e6f8a0b1c2d3e4f5a6bin07"
            + "/starrocks/databases/replication/\n"
            + "limit=50&offset=20\n"
            + "host:gaussdb.ap-southeast-1.myhuaweicloud.com\n"
            + "x-language:zh-cn\n"
            + "x-project-id:9f8e7d6c5b4a39281706f5e4d3c2b1a0\n"
            + "x-sdk-date:20260301T083015Z\n"
            + "x-security-token:" + SECURITY_TOKEN + "\n"
            + "\n"
            + "host;x-language;x-project-id;x-sdk-date;x-security-token\n"
            + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    assertEquals(
        IndependentCrypto.expectedAuthorization(canonical, "20260301T083015Z",
            "host;x-language;x-project-id;x-sdk-date;x-security-token", AK, SK),
        signed.header("Authorization"));
  }

  @Test
  void projectIdComesFromTheArgumentThenTheEnvironmentElseIsLeftOut() {
    Credentials env = Credentials.fromEnvironment(Map.of(
        "HUAWEICLOUD_SDK_AK", AK, "HUAWEICLOUD_SDK_SK", SK,
        "HUAWEICLOUD_SDK_PROJECT_ID", "0123456789abcdef0123456789abcdef"));
    assertEquals("0123456789abcdef0123456789abcdef",
        env.authenticate(GET, null, CLOCK).header("X-Project-Id"));
    assertEquals(PROJECT, env.authenticate(GET, PROJECT, CLOCK).header("X-Project-Id"));

    Request signed = Credentials.akSk(AK, SK).authenticate(GET, null, CLOCK);
    assertNull(signed.header("X-Project-Id"));
    assertTrue(signed.header("Authorization").contains("SignedHeaders=host;x-language;x-sdk-date,"),
        signed.header("Authorization"));
  }

  @Test
  void aStaleAuthorizationHeaderIsReplacedNotSigned() {
    Request stale = GET.newBuilder().header("Authorization", "SDK-HMAC-SHA256 old").build();
    Request signed = Credentials.akSk(AK, SK).authenticate(stale, PROJECT, CLOCK);
    assertEquals(1, signed.headers("Authorization").size());
    assertFalse(signed.header("Authorization").contains("authorization"));
    assertEquals(Credentials.akSk(AK, SK).authenticate(GET, PROJECT, CLOCK).header("Authorization"),
        signed.header("Authorization"));
  }

  @Test
  void aBodyIsHashedAndStillSent() throws Exception {
    String json = "{\"name\":\"x\"}";
    Request post = new Request.Builder()
        .url("https://h.example/v3/items")
        .post(RequestBody.create(json, MediaType.get("application/json")))
        .build();
    Request signed = Credentials.akSk(AK, SK).authenticate(post, null, CLOCK);
    String canonical = "POST\n/v3/items/\n\nhost:h.example\nx-sdk-date:20260301T083015Z\n\n"
        + "host;x-sdk-date\n"
        + "0229d37e33daae149bf40543a5ce1db4459d10f830d5139279aa2bfd5f6485a1";
    assertEquals(IndependentCrypto.expectedAuthorization(
            canonical, "20260301T083015Z", "host;x-sdk-date", AK, SK),
        signed.header("Authorization"));
    Buffer sent = new Buffer();
    signed.body().writeTo(sent);
    assertEquals(json, sent.readUtf8());
    assertEquals(post.body().contentType(), signed.body().contentType());
  }

  // --- Environment ---

  @Test
  void environmentWithAkSkSignsAndExposesTheProjectId() {
    Credentials c = Credentials.fromEnvironment(Map.of(
        "HUAWEICLOUD_SDK_AK", AK, "HUAWEICLOUD_SDK_SK", SK, "HUAWEICLOUD_SDK_PROJECT_ID", PROJECT));
    assertEquals(Optional.of(PROJECT), c.projectId());
    assertInstanceOf(AkSkCredentials.class, c);
    assertEquals(Credentials.akSk(AK, SK).authenticate(GET, PROJECT, CLOCK).headers(),
        c.authenticate(GET, PROJECT, CLOCK).headers());
  }

  @Test
  void environmentWithATokenSendsIt() {
    Credentials c = Credentials.fromEnvironment(Map.of("HTAPSYNC_AUTH_TOKEN", TOKEN));
    assertEquals(Optional.empty(), c.projectId());
    assertEquals(TOKEN, c.authenticate(GET, PROJECT, CLOCK).header("X-Auth-Token"));
  }

  @Test
  void akSkTakesPrecedenceOverAToken() {
    Credentials c = Credentials.fromEnvironment(Map.of(
        "HUAWEICLOUD_SDK_AK", AK, "HUAWEICLOUD_SDK_SK", SK, "HTAPSYNC_AUTH_TOKEN", TOKEN));
    Request signed = c.authenticate(GET, PROJECT, CLOCK);
    assertNull(signed.header("X-Auth-Token"));
    assertTrue(signed.header("Authorization").startsWith("SDK-HMAC-SHA256 Access=" + AK));
  }

  @Test
  void halfAnAkSkPairNamesTheMissingVariable() {
    assertEnvError(Map.of("HUAWEICLOUD_SDK_AK", AK, "HTAPSYNC_AUTH_TOKEN", TOKEN),
        "HUAWEICLOUD_SDK_AK is set but HUAWEICLOUD_SDK_SK is not");
    assertEnvError(Map.of("HUAWEICLOUD_SDK_SK", SK),
        "HUAWEICLOUD_SDK_SK is set but HUAWEICLOUD_SDK_AK is not");
    // Blank counts as unset.
    assertEnvError(Map.of("HUAWEICLOUD_SDK_AK", " ", "HUAWEICLOUD_SDK_SK", SK),
        "HUAWEICLOUD_SDK_SK is set but HUAWEICLOUD_SDK_AK is not");
    assertEnvError(Map.of("HUAWEICLOUD_SDK_SECURITY_TOKEN", SECURITY_TOKEN,
            "HTAPSYNC_AUTH_TOKEN", TOKEN),
        "HUAWEICLOUD_SDK_SECURITY_TOKEN is set but HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK");
  }

  @Test
  void noCredentialsNamesEveryVariable() {
    Map<String, String> env = new HashMap<>();
    env.put("HUAWEICLOUD_SDK_PROJECT_ID", PROJECT);
    env.put("HTAPSYNC_AUTH_TOKEN", "");
    CredentialsException e =
        assertThrows(CredentialsException.class, () -> Credentials.fromEnvironment(env));
    for (String name : new String[] {"HUAWEICLOUD_SDK_AK", "HUAWEICLOUD_SDK_SK",
        "HUAWEICLOUD_SDK_SECURITY_TOKEN", "HUAWEICLOUD_SDK_PROJECT_ID", "HTAPSYNC_AUTH_TOKEN"}) {
      assertTrue(e.getMessage().contains(name), e.getMessage());
    }
  }

  @Test
  void anUnsendableEnvironmentValueNamesTheVariableNotTheValue() {
    assertEnvError(Map.of("HTAPSYNC_AUTH_TOKEN", TOKEN + "\n"), "HTAPSYNC_AUTH_TOKEN contains");
    assertEnvError(Map.of("HUAWEICLOUD_SDK_AK", AK, "HUAWEICLOUD_SDK_SK", SK,
        "HUAWEICLOUD_SDK_SECURITY_TOKEN", " " + SECURITY_TOKEN), "HUAWEICLOUD_SDK_SECURITY_TOKEN");
  }

  private static void assertEnvError(Map<String, String> env, String expected) {
    CredentialsException e =
        assertThrows(CredentialsException.class, () -> Credentials.fromEnvironment(env));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertNoSecret(e.getMessage());
  }

  private static void assertIllegalArgument(String name, Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().startsWith(name + " "), e.getMessage());
  }

  static void assertNoSecret(String text) {
    for (String secret : new String[] {SK, TOKEN, SECURITY_TOKEN, AK}) {
      assertFalse(text.contains(secret), () -> "secret leaked: " + text);
    }
  }
}
