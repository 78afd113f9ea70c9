package io.htapsync.client.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/**
 * Every expected canonical request below is written out by hand from the algorithm; expected
 * signatures come from {@link IndependentCrypto}, not from the signer.
 */
class AkSkSignerTest {
  private static final String AK = "HPUAEXAMPLEKEY01";
  private static final String SK = "s3cr3tSKexample0123456789";
  private static final String DATE = "20260301T083015Z";
  private static final String EMPTY_HASH =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  // --- The vendor's worked example (api-facts.md), byte for byte. ---

  private static final URI EXAMPLE_URL =
      URI.create(
          "https://gaussdb.ap-southeast-1.myhuaweicloud.com/v3/9f8e7d6c5b4a39281706f5e4d3c2b1a0"
              + "/instances/5c1f7e2a9b3d4e6f8a0b1c2d3e4f5a6bin07/starrocks/databases/replication"
              + "?offset=20&limit=50");

  private static Map<String, String> exampleHeaders() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-Language", "zh-cn");
    headers.put("X-Project-Id", "9f8e7d6c5b4a39281706f5e4d3c2b1a0");
    headers.put("X-Sdk-Date", DATE);
    headers.put("Content-Type", "application/json");
    return headers;
  }

  @Test
  void workedExampleCanonicalRequest() {
    String expected =
        "GET\n"
            + "/v3/9f8e7d6c5b4a39281706f5e4d3c2b1a0/instances/5c1f7e2a9b3d4e6f8a0b1c2d3e4f5a6bin07"
            + "/starrocks/databases/replication/\n"
            + "limit=50&offset=20\n"
            + "host:gaussdb.ap-southeast-1.myhuaweicloud.com\n"
            + "x-language:zh-cn\n"
            + "x-project-id:9f8e7d6c5b4a39281706f5e4d3c2b1a0\n"
            + "x-sdk-date:20260301T083015Z\n"
            + "\n"
            + "host;x-language;x-project-id;x-sdk-date\n"
            + EMPTY_HASH;
    assertEquals(expected, AkSkSigner.canonicalRequest("GET", EXAMPLE_URL, exampleHeaders(), null));
  }

  @Test
  void workedExampleStringToSignAndAuthorization() {
    String canonical = AkSkSigner.canonicalRequest("GET", EXAMPLE_URL, exampleHeaders(), null);
    String stringToSign = AkSkSigner.stringToSign(DATE, canonical);
    assertEquals(
        "SDK-HMAC-SHA256\n20260301T083015Z\n"
            + "3dd829b6fbbe6d99cdafb6a0a72d5065828338850b8a232633d1f27c46730a4b",
        stringToSign);
    assertEquals(
        "dbb6faa175684695bd8b4be26fdac365e626e4d6712a7fc13265118b6820befe",
        AkSkSigner.signature(stringToSign, SK));
    assertEquals(
        "SDK-HMAC-SHA256 Access=HPUAEXAMPLEKEY01, "
            + "SignedHeaders=host;x-language;x-project-id;x-sdk-date, "
            + "Signature=dbb6faa175684695bd8b4be26fdac365e626e4d6712a7fc13265118b6820befe",
        AkSkSigner.sign("GET", EXAMPLE_URL, exampleHeaders(), null, AK, SK));
  }

  @Test
  void workedExampleEmptyBodyArrayHashesLikeNoBody() {
    assertEquals(
        AkSkSigner.sign("GET", EXAMPLE_URL, exampleHeaders(), null, AK, SK),
        AkSkSigner.sign("GET", EXAMPLE_URL, exampleHeaders(), new byte[0], AK, SK));
  }

  // --- Encoding, built the way Retrofit builds URLs (HttpUrl.Builder.addQueryParameter). ---

  @Test
  void queryValuesAreDecodedThenEncodedWithTheSignerRule() throws Exception {
    HttpUrl url =
        new HttpUrl.Builder()
            .scheme("https")
            .host("gaussdb.cn-north-4.myhuaweicloud.com")
            .addPathSegments("v3/p1/search")
            .addQueryParameter("space", "a b")
            .addQueryParameter("plus", "1+1")
            .addQueryParameter("slash", "x/y")
            .addQueryParameter("tilde", "~keep-_.")
            .addQueryParameter("accent", "café")
            .addQueryParameter("cjk", "数据")
            .addQueryParameter("name with space", "v")
            .build();
    String expected =
        "GET\n"
            + "/v3/p1/search/\n"
            + "accent=caf%C3%A9&cjk=%E6%95%B0%E6%8D%AE&name%20with%20space=v&plus=1%2B1"
            + "&slash=x%2Fy&space=a%20b&tilde=~keep-_.\n"
            + "host:gaussdb.cn-north-4.myhuaweicloud.com\n"
            + "x-sdk-date:20260301T083015Z\n"
            + "\n"
            + "host;x-sdk-date\n"
            + EMPTY_HASH;
    Map<String, String> headers = Map.of("X-Sdk-Date", DATE);
    assertEquals(expected, AkSkSigner.canonicalRequest("GET", url.uri(), headers, null));
    assertEquals(
        IndependentCrypto.expectedAuthorization(expected, DATE, "host;x-sdk-date", AK, SK),
        AkSkSigner.sign("GET", url.uri(), headers, null, AK, SK));
  }

  @Test
  void rawQueryPlusIsASpaceButEncodedPlusStaysAPlus() {
    // OkHttp's HttpUrl.queryParameter reads a raw '+' as a space; signing must mean the same.
    URI url = URI.create("https://h.example/p?space=a+b&plus=1%2B1&lower=caf%c3%a9&raw=café");
    assertEquals("lower=caf%C3%A9&plus=1%2B1&raw=caf%C3%A9&space=a%20b",
        AkSkSigner.canonicalQuery(url));
  }

  @Test
  void repeatedQueryNamesSortByNameThenValue() {
    URI url = URI.create("https://h.example/p?limit=5&a=2&a=10&a=1&flag");
    assertEquals("a=1&a=10&a=2&flag=&limit=5", AkSkSigner.canonicalQuery(url));
  }

  @Test
  void emptyQueryIsAnEmptyLine() {
    String expected =
        "GET\n/v3/x/\n\nhost:h.example\nx-sdk-date:20260301T083015Z\n\nhost;x-sdk-date\n"
            + EMPTY_HASH;
    Map<String, String> headers = Map.of("X-Sdk-Date", DATE);
    assertEquals(expected,
        AkSkSigner.canonicalRequest("GET", URI.create("https://h.example/v3/x"), headers, null));
    assertEquals(expected,
        AkSkSigner.canonicalRequest("GET", URI.create("https://h.example/v3/x?"), headers, null));
    assertEquals("", AkSkSigner.canonicalQuery(URI.create("https://h.example/v3/x?&&")));
  }

  @Test
  void pathSegmentsAreEncodedOneByOne() {
    HttpUrl url =
        new HttpUrl.Builder()
            .scheme("https")
            .host("h.example")
            .addPathSegment("a b")
            .addPathSegment("c+d")
            .addPathSegment("e/f")
            .addPathSegment("数据")
            .addPathSegment("g~h")
            .build();
    assertEquals("/a%20b/c%2Bd/e%2Ff/%E6%95%B0%E6%8D%AE/g~h/", AkSkSigner.canonicalUri(url.uri()));
    assertEquals("/v3/x/", AkSkSigner.canonicalUri(URI.create("https://h.example/v3/x/")));
    assertEquals("/", AkSkSigner.canonicalUri(URI.create("https://h.example")));
    assertEquals("/", AkSkSigner.canonicalUri(URI.create("https://h.example/")));
    // A byte that is not UTF-8 is signed as itself, not as a replacement character.
    assertEquals("/%FF/", AkSkSigner.canonicalUri(URI.create("https://h.example/%ff")));
  }

  @Test
  void hostCarriesThePortOnlyWhenItIsNotTheSchemeDefault() throws Exception {
    Map<String, String> headers = Map.of("X-Sdk-Date", DATE);
    URI url = URI.create("https://Gaussdb.Example.COM:8443/v3/x?limit=1");
    String expected =
        "GET\n/v3/x/\nlimit=1\nhost:gaussdb.example.com:8443\nx-sdk-date:20260301T083015Z\n\n"
            + "host;x-sdk-date\n" + EMPTY_HASH;
    assertEquals(expected, AkSkSigner.canonicalRequest("GET", url, headers, null));
    assertEquals(
        IndependentCrypto.expectedAuthorization(expected, DATE, "host;x-sdk-date", AK, SK),
        AkSkSigner.sign("GET", url, headers, null, AK, SK));

    assertEquals("h.example", AkSkSigner.hostHeader(URI.create("https://h.example:443/")));
    assertEquals("h.example", AkSkSigner.hostHeader(URI.create("http://h.example:80/")));
    assertEquals("h.example:443", AkSkSigner.hostHeader(URI.create("http://h.example:443/")));
    assertEquals("127.0.0.1:8080", AkSkSigner.hostHeader(URI.create("http://127.0.0.1:8080/")));
    // The same rule as OkHttp's Host header.
    HttpUrl okUrl = HttpUrl.get("https://H.Example:8443/x");
    assertEquals("h.example:8443", AkSkSigner.hostHeader(okUrl.uri()));
  }

  @Test
  void headersAreLowerCasedTrimmedSortedAndContentTypeIsLeftOut() throws Exception {
    Headers headers =
        Headers.of(
            "X-B", "  two  ",
            "x-a", "1",
            "X-A", "0",
            "Content-Type", "application/json",
            "X-Sdk-Date", DATE);
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    URI url = URI.create("https://h.example/v3/items");
    String expected =
        "POST\n/v3/items/\n\n"
            + "host:h.example\nx-a:0\nx-a:1\nx-b:two\nx-sdk-date:20260301T083015Z\n\n"
            + "host;x-a;x-b;x-sdk-date\n"
            + "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a";
    assertEquals(expected, AkSkSigner.canonicalRequest("POST", url, headers, body));
    assertEquals(
        IndependentCrypto.expectedAuthorization(expected, DATE, "host;x-a;x-b;x-sdk-date", AK, SK),
        AkSkSigner.sign("POST", url, headers, body, AK, SK));
  }

  @Test
  void anExplicitHostHeaderIsSignedAsGiven() {
    Map<String, String> headers = Map.of("X-Sdk-Date", DATE, "Host", "proxy.example:8080");
    String canonical =
        AkSkSigner.canonicalRequest("GET", URI.create("https://h.example/"), headers, null);
    assertTrue(canonical.contains("\nhost:proxy.example:8080\n"), canonical);
    assertFalse(canonical.contains("h.example\n"), canonical);
  }

  @Test
  void sdkDateIsUtcInTheVendorFormat() {
    assertEquals(DATE, AkSkSigner.sdkDate(Instant.parse("2026-03-01T08:30:15.999Z")));
  }

  @Test
  void badArgumentsAreNamed() {
    Map<String, String> headers = Map.of("X-Sdk-Date", DATE);
    assertMessageContains("X-Sdk-Date",
        () -> AkSkSigner.sign("GET", EXAMPLE_URL, Map.of("X-A", "1"), null, AK, SK));
    assertMessageContains("ak", () -> AkSkSigner.sign("GET", EXAMPLE_URL, headers, null, " ", SK));
    assertMessageContains("sk", () -> AkSkSigner.sign("GET", EXAMPLE_URL, headers, null, AK, null));
    assertMessageContains("method", () -> AkSkSigner.canonicalRequest("", EXAMPLE_URL, headers, null));
    assertMessageContains("url", () -> AkSkSigner.canonicalRequest("GET", null, headers, null));
    assertMessageContains("headersToSign",
        () -> AkSkSigner.canonicalRequest("GET", EXAMPLE_URL, (Map<String, String>) null, null));
    assertMessageContains("host",
        () -> AkSkSigner.canonicalRequest("GET", URI.create("/relative"), headers, null));
  }

  @Test
  void aHeaderValueWithALineBreakIsRejectedWithoutQuotingIt() {
    Map<String, String> headers = Map.of("X-Sdk-Date", DATE, "X-Security-Token", "secret\nvalue");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AkSkSigner.canonicalRequest("GET", EXAMPLE_URL, headers, null));
    assertTrue(e.getMessage().contains("X-Security-Token"), e.getMessage());
    assertFalse(e.getMessage().contains("secret"), e.getMessage());
  }

  private static void assertMessageContains(String expected, Runnable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
