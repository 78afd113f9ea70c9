package io.htapsync.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.htapsync.client.auth.Credentials;
import io.htapsync.client.region.RegionEndpoints;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class BuilderTest extends ClientTestSupport {

  @Test
  void allTwentyRegionsResolveUnderTheirHostPattern() {
    assertEquals(20, RegionEndpoints.knownRegions().size());
    Map<String, String> samples = Map.of(
        "cn-north-4", "https://gaussdb.cn-north-4.myhuaweicloud.com",
        "sa-brazil-1", "https://gaussdb.sa-brazil-1.myhuaweicloud.com",
        "ap-southeast-1", "https://gaussdbformysql.ap-southeast-1.myhuaweicloud.com",
        "me-east-1", "https://gaussdbformysql.me-east-1.myhuaweicloud.com",
        "af-south-1", "https://gaussdb-mysql.af-south-1.myhuaweicloud.com",
        "cn-southwest-3", "https://gaussdb-mysql.cn-southwest-3.myhuaweicloud.com");
    samples.forEach((region, url) -> assertEquals(URI.create(url), RegionEndpoints.endpointOf(region)));
    long gaussdb = RegionEndpoints.knownRegions().stream()
        .filter(r -> RegionEndpoints.endpointOf(r).getHost().startsWith("gaussdb.")).count();
    long formysql = RegionEndpoints.knownRegions().stream()
        .filter(r -> RegionEndpoints.endpointOf(r).getHost().startsWith("gaussdbformysql.")).count();
    long dash = RegionEndpoints.knownRegions().stream()
        .filter(r -> RegionEndpoints.endpointOf(r).getHost().startsWith("gaussdb-mysql.")).count();
    assertEquals(List.of(11L, 5L, 4L), List.of(gaussdb, formysql, dash));
  }

  @Test
  void anUnknownRegionListsTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> StarRocksReplicationClient.builder().region("cn-north-99"));
    assertTrue(e.getMessage().contains("unknown region \"cn-north-99\""), e.getMessage());
    assertTrue(e.getMessage().contains("cn-north-4") && e.getMessage().contains("la-north-2"), e.getMessage());
  }

  @Test
  void aRegionClientToStringShowsNoSecret() {
    try (StarRocksReplicationClient client = StarRocksReplicationClient.builder().region("cn-north-4")
        .projectId(PROJECT).credentials(Credentials.token(TOKEN)).build()) {
      String text = client.toString();
      assertTrue(text.contains("https://gaussdb.cn-north-4.myhuaweicloud.com/"), text);
      assertFalse(text.contains(TOKEN), text);
    }
  }

  @Test
  void plainHttpNeedsAnExplicitOptIn() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> StarRocksReplicationClient.builder()
        .endpoint(URI.create("http://example.test")).projectId(PROJECT).credentials(Credentials.token(TOKEN))
        .build());
    assertTrue(e.getMessage().contains("allowInsecureHttp()"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> StarRocksReplicationClient.builder()
        .endpoint(URI.create("ftp://example.test")).projectId(PROJECT).credentials(Credentials.token(TOKEN))
        .build());
  }

  @Test
  void aPlainHttpClientSetsUpNoTlsAndAnHttpsOneDoes() {
    try (StarRocksReplicationClient client = StarRocksReplicationClient.builder()
        .endpoint(URI.create("http://127.0.0.1:9")).allowInsecureHttp()
        .projectId(PROJECT).credentials(Credentials.token(TOKEN)).build()) {
      OkHttpClient http = client.httpClient();
      assertEquals(List.of(ConnectionSpec.CLEARTEXT), http.connectionSpecs());
      // OkHttp's own sign that it built no SSLSocketFactory: "CLEARTEXT-only client".
      assertThrows(IllegalStateException.class, http::sslSocketFactory);
    }
    try (StarRocksReplicationClient client = StarRocksReplicationClient.builder().region("cn-north-4")
        .projectId(PROJECT).credentials(Credentials.token(TOKEN)).build()) {
      OkHttpClient http = client.httpClient();
      assertTrue(http.connectionSpecs().stream().anyMatch(ConnectionSpec::isTls), http.connectionSpecs().toString());
      assertNotNull(http.sslSocketFactory());
    }
  }

  @Test
  void missingPiecesAreNamed() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> StarRocksReplicationClient.builder().region("cn-north-4").projectId(PROJECT).build());
    assertTrue(e.getMessage().startsWith("credentials are required"), e.getMessage());
    e = assertThrows(IllegalStateException.class,
        () -> StarRocksReplicationClient.builder().region("cn-north-4").credentials(Credentials.token(TOKEN)).build());
    assertTrue(e.getMessage().startsWith("projectId is required"), e.getMessage());
    e = assertThrows(IllegalStateException.class,
        () -> StarRocksReplicationClient.builder().projectId(PROJECT).credentials(Credentials.token(TOKEN)).build());
    assertTrue(e.getMessage().startsWith("an endpoint is required"), e.getMessage());
  }

  @Test
  void projectIdIsChecked() {
    for (String bad : new String[] {"short", PROJECT + "0", "9f8e7d6c-5b4a-3928-1706-f5e4d3c2b1a", " "}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> StarRocksReplicationClient.builder().projectId(bad));
      assertTrue(e.getMessage().startsWith("projectId "), e.getMessage());
    }
  }

  @Test
  void projectIdComesFromTheEnvironmentCredentialsWhenNotSet() throws Exception {
    Credentials fromEnv = Credentials.fromEnvironment(Map.of(
        "HUAWEICLOUD_SDK_AK", "HPUAEXAMPLEKEY01", "HUAWEICLOUD_SDK_SK", "s3cr3tSKexample0123456789",
        "HUAWEICLOUD_SDK_PROJECT_ID", PROJECT));
    server.enqueue(ok(pageBody(0, 0, 0)));
    track(builder().credentials(fromEnv).build()).listReplications(INSTANCE);
    var request = server.takeRequest();
    assertTrue(request.getPath().startsWith("/v3/" + PROJECT + "/"));
    assertTrue(request.getHeader("Authorization").startsWith("SDK-HMAC-SHA256 Access=HPUAEXAMPLEKEY01, "));
  }

  @Test
  void timeoutsMustBePositive() {
    assertThrows(IllegalArgumentException.class,
        () -> StarRocksReplicationClient.builder().readTimeout(Duration.ZERO));
    assertThrows(IllegalArgumentException.class,
        () -> StarRocksReplicationClient.builder().connectTimeout(Duration.ofSeconds(-1)));
  }

  @Test
  void aSharedOkHttpClientKeepsRunningAfterClose() {
    OkHttpClient shared = new OkHttpClient();
    try {
      server.enqueue(ok(pageBody(0, 0, 0)));
      server.enqueue(ok(pageBody(0, 0, 0)));
      StarRocksReplicationClient client = builder().okHttpClient(shared).build();
      client.listReplications(INSTANCE);
      client.close();
      assertFalse(shared.dispatcher().executorService().isShutdown());
      assertThrows(IllegalStateException.class, () -> client.listReplications(INSTANCE));
      StarRocksReplicationClient second = track(builder().okHttpClient(shared).build());
      assertEquals(0, second.listReplications(INSTANCE).totalCount());
    } finally {
      shared.dispatcher().executorService().shutdown();
      shared.connectionPool().evictAll();
    }
  }
}
