package io.htapsync.cli.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MetricsServerTest {
  final AtomicInteger renders = new AtomicInteger();
  final MetricsServer.Exposition exposition = openMetrics -> {
    renders.incrementAndGet();
    return (openMetrics ? "# TYPE x gauge\nx 1\n# EOF\n" : "# TYPE x gauge\nx 1\n").getBytes(StandardCharsets.UTF_8);
  };
  final HttpClient http = HttpClient.newHttpClient();
  MetricsServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.address().getPort() + path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesBothFormatsByAcceptAndHealthAndNothingElse() throws Exception {
    server = MetricsServer.start(new InetSocketAddress("127.0.0.1", 0), exposition, null);
    HttpResponse<String> text = get("/metrics");
    assertEquals(200, text.statusCode());
    assertEquals("text/plain; version=0.0.4; charset=utf-8", text.headers().firstValue("Content-Type").orElseThrow());
    HttpResponse<String> om = get("/metrics", "Accept",
        "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5");
    assertEquals("application/openmetrics-text; version=1.0.0; charset=utf-8",
        om.headers().firstValue("Content-Type").orElseThrow());
    assertTrue(om.body().endsWith("# EOF\n"));
    assertEquals(200, get("/healthz").statusCode());
    assertEquals(404, get("/").statusCode());
    assertEquals(404, get("/metrics/../admin").statusCode());
    assertEquals(404, get("/metricsx").statusCode());
    HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
        + server.address().getPort() + "/metrics")).POST(HttpRequest.BodyPublishers.ofString("x")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(405, post.statusCode());
  }

  @Test
  void gzipWhenTheScraperAcceptsItAsPrometheusDoes() throws Exception {
    server = MetricsServer.start(new InetSocketAddress("127.0.0.1", 0), exposition, null);
    HttpResponse<byte[]> gz = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
        + server.address().getPort() + "/metrics")).header("Accept-Encoding", "gzip").build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, gz.statusCode());
    assertEquals("gzip", gz.headers().firstValue("Content-Encoding").orElseThrow());
    assertEquals("# TYPE x gauge\nx 1\n", new String(CachedExpositionTest.gunzip(gz.body()), StandardCharsets.UTF_8));
    HttpResponse<String> plain = get("/metrics", "Accept-Encoding", "gzip;q=0, identity");
    assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty());
    assertEquals("# TYPE x gauge\nx 1\n", plain.body());
  }

  @Test
  void acceptEncodingIsReadAsHttpMeansIt() {
    assertTrue(MetricsServer.acceptsGzip(List.of("gzip")));
    assertTrue(MetricsServer.acceptsGzip(List.of("br, GZIP;q=0.5")));
    assertTrue(MetricsServer.acceptsGzip(List.of("deflate", "x-gzip")));
    assertFalse(MetricsServer.acceptsGzip(null));
    assertFalse(MetricsServer.acceptsGzip(List.of("identity")));
    assertFalse(MetricsServer.acceptsGzip(List.of("gzip;q=0")));
    assertFalse(MetricsServer.acceptsGzip(List.of("gzip; q=0.0")));
    assertFalse(MetricsServer.acceptsGzip(List.of("gzip;q=abc")));
    assertFalse(MetricsServer.acceptsGzip(List.of("gzipped")));
  }

  @Test
  void aBearerTokenProtectsMetricsButNotHealth() throws Exception {
    server = MetricsServer.start(new InetSocketAddress("127.0.0.1", 0), exposition, "s3cret-token");
    assertEquals(401, get("/metrics").statusCode());
    assertEquals(401, get("/metrics", "Authorization", "Bearer wrong").statusCode());
    assertEquals(401, get("/metrics", "Authorization", "Bearer s3cret-token-and-more").statusCode());
    assertEquals(401, get("/metrics", "Authorization", "Bearer s3cret-toke").statusCode());
    assertEquals(401, get("/metrics", "Authorization", "Basic s3cret-token").statusCode());
    HttpResponse<String> denied = get("/metrics", "Authorization", "Bearer wrong");
    assertTrue(denied.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Bearer"));
    assertTrue(!denied.body().contains("s3cret"));
    int before = renders.get();
    get("/metrics", "Authorization", "Bearer nope");
    assertEquals(before, renders.get(), "a refused scrape renders nothing");
    assertEquals(200, get("/metrics", "Authorization", "Bearer s3cret-token").statusCode());
    assertEquals(200, get("/healthz").statusCode());
  }
}
