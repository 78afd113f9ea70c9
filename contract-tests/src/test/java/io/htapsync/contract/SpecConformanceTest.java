package io.htapsync.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.htapsync.client.Language;
import io.htapsync.client.StarRocksReplicationClient;
import io.htapsync.client.auth.Credentials;
import io.htapsync.client.exception.ApiException;
import io.htapsync.client.region.RegionEndpoints;
import io.htapsync.client.retry.RetryPolicy;
import io.htapsync.sandbox.RecordedExchange;
import io.htapsync.sandbox.data.DemoData;
import io.htapsync.sandbox.junit.SandboxExtension;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The spec tied to the code: reads the YAML and holds the client's region table, its argument checks and the
 * sandbox's own request checks to what the spec's servers and parameters say. Values are derived from the spec
 * (its bounds, one past them, its patterns), so changing the spec, the client or the sandbox alone fails here.
 */
class SpecConformanceTest {
  // The sandbox's own checks answer 400 DBS.200001 with their reason; a request only the spec validator caught
  // says so in this prefix, which means the sandbox's own check has drifted from the spec.
  private static final String SPEC_FALLBACK = "request breaks the spec";
  private static final String TOKEN = "spec-conformance-token";

  @RegisterExtension
  static final SandboxExtension SANDBOX = SandboxExtension.builder().failOnRequestViolations(false).build();

  private static final OpenAPI SPEC = new OpenAPIV3Parser().readContents(BundledSpec.text()).getOpenAPI();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void regionTableIsTheSpecsServers() {
    Map<String, URI> fromSpec = new TreeMap<>();
    for (Server server : SPEC.getServers()) {
      var region = server.getVariables().get("region");
      assertNotNull(region, server.getUrl() + " has no region variable");
      assertTrue(region.getEnum().contains(region.getDefault()), server.getUrl() + ": default not in enum");
      for (String name : region.getEnum()) {
        URI previous = fromSpec.put(name, URI.create(server.getUrl().replace("{region}", name)));
        assertEquals(null, previous, "region " + name + " is listed by two servers");
      }
    }
    assertEquals(fromSpec.keySet(), new TreeSet<>(RegionEndpoints.knownRegions()));
    fromSpec.forEach((name, endpoint) -> assertEquals(endpoint, RegionEndpoints.endpointOf(name), name));
  }

  @Test
  void instanceIdRuleIsTheSpecsInClientAndSandbox() throws Exception {
    Schema<?> schema = parameterSchema("InstanceId");
    String example = (String) SPEC.getComponents().getParameters().get("InstanceId").getExample();
    for (String id : idCandidates(schema, example)) {
      boolean valid = valid(schema, id);
      boolean clientAccepts = clientAcceptsInstance(id);
      assertEquals(valid, clientAccepts, "client on instance id \"" + id + "\" (spec says valid=" + valid + ")");
      assertSandboxAgrees(valid, pathFor(DemoData.PROJECT_ID, id), Map.of(), "instance id " + id);
    }
  }

  @Test
  void projectIdRuleIsTheSpecsInClientAndSandbox() throws Exception {
    Schema<?> schema = parameterSchema("ProjectId");
    String example = (String) SPEC.getComponents().getParameters().get("ProjectId").getExample();
    for (String id : idCandidates(schema, example)) {
      boolean valid = valid(schema, id);
      boolean clientAccepts;
      try {
        StarRocksReplicationClient.builder().endpoint(URI.create(SANDBOX.baseUrl())).allowInsecureHttp()
            .projectId(id).credentials(Credentials.token(TOKEN)).build().close();
        clientAccepts = true;
      } catch (IllegalArgumentException e) {
        clientAccepts = false;
      }
      assertEquals(valid, clientAccepts, "client on project id \"" + id + "\" (spec says valid=" + valid + ")");
      assertSandboxAgrees(valid, pathFor(id, DemoData.SALES_INSTANCE_ID), Map.of(), "project id " + id);
    }
  }

  @Test
  void limitAndOffsetBoundsAreTheSpecsInClientAndSandbox() throws Exception {
    Schema<?> limit = parameterSchema("Limit");
    Schema<?> offset = parameterSchema("Offset");
    int min = limit.getMinimum().intValueExact();
    int max = limit.getMaximum().intValueExact();
    int offsetMin = offset.getMinimum().intValueExact();
    assertEquals("int32", offset.getFormat(), "offset is an int32: the client pages with ints");
    try (StarRocksReplicationClient client = client()) {
      for (int value : new int[] {min - 1, min, max, max + 1}) {
        boolean valid = value >= min && value <= max;
        assertEquals(valid, accepts(() -> client.listReplications(DemoData.SALES_INSTANCE_ID, 0, value)),
            "client on limit " + value);
        assertSandboxAgrees(valid, pathFor(DemoData.PROJECT_ID, DemoData.SALES_INSTANCE_ID),
            Map.of("limit", String.valueOf(value)), "limit " + value);
      }
      for (int value : new int[] {offsetMin - 1, offsetMin}) {
        boolean valid = value >= offsetMin;
        assertEquals(valid, accepts(() -> client.listReplications(DemoData.SALES_INSTANCE_ID, value, min)),
            "client on offset " + value);
        assertSandboxAgrees(valid, pathFor(DemoData.PROJECT_ID, DemoData.SALES_INSTANCE_ID),
            Map.of("offset", String.valueOf(value)), "offset " + value);
      }
      assertSandboxAgrees(false, pathFor(DemoData.PROJECT_ID, DemoData.SALES_INSTANCE_ID),
          Map.of("offset", String.valueOf(Integer.MAX_VALUE + 1L)), "offset beyond int32");

      // A call without a page size asks for the spec's default.
      SANDBOX.server().clearRecordedExchanges();
      client.listReplications(DemoData.SALES_INSTANCE_ID);
      RecordedExchange exchange = SANDBOX.recordedExchanges().get(0);
      assertEquals(String.valueOf(limit.getDefault()), exchange.queryParameter("limit").orElseThrow());
      assertEquals(String.valueOf(offset.getDefault()), exchange.queryParameter("offset").orElseThrow());
    }
  }

  @Test
  void languagesAreTheSpecsInClientAndSandbox() throws Exception {
    Schema<?> language = parameterSchema("XLanguage");
    Set<String> fromSpec = language.getEnum().stream().map(String::valueOf).collect(Collectors.toSet());
    assertEquals(fromSpec, Arrays.stream(Language.values()).map(Language::headerValue).collect(Collectors.toSet()));
    assertEquals(language.getDefault(), Language.EN_US.headerValue(), "the client's default is the spec's");
    for (String value : List.of("en-us", "zh-cn", "fr-fr", "EN-US")) {
      HttpResponse<String> answer = send(pathFor(DemoData.PROJECT_ID, DemoData.SALES_INSTANCE_ID), Map.of(), value);
      assertSandboxAnswer(fromSpec.contains(value), answer, "X-Language " + value);
    }
  }

  /** Lengths at and one past the spec's bounds, made of the example's characters, plus characters it refuses. */
  private static List<String> idCandidates(Schema<?> schema, String example) {
    Set<String> ids = new LinkedHashSet<>();
    ids.add(example);
    for (int length : new int[] {schema.getMinLength() - 1, schema.getMinLength(), schema.getMaxLength(),
        schema.getMaxLength() + 1, 1}) {
      ids.add(example.repeat(2).substring(0, length));
    }
    ids.add(example.substring(0, 8) + "-" + example.substring(9));
    ids.add(example.substring(1) + "_");
    return new ArrayList<>(ids);
  }

  private static boolean valid(Schema<?> schema, String value) {
    return value.length() >= schema.getMinLength() && value.length() <= schema.getMaxLength()
        && Pattern.compile(schema.getPattern()).matcher(value).find();
  }

  private static boolean clientAcceptsInstance(String id) {
    try (StarRocksReplicationClient client = client()) {
      return accepts(() -> client.listReplications(id, 0, 10));
    }
  }

  /** True unless the client refuses the arguments before sending; what the server answers does not matter. */
  private static boolean accepts(Runnable call) {
    try {
      call.run();
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    } catch (ApiException e) {
      return true;
    }
  }

  private static void assertSandboxAgrees(boolean valid, String path, Map<String, String> query, String what)
      throws IOException, InterruptedException {
    assertSandboxAnswer(valid, send(path, query, "en-us"), what);
  }

  private static void assertSandboxAnswer(boolean valid, HttpResponse<String> answer, String what) {
    boolean parameterError = answer.statusCode() == 400 && answer.body().contains("DBS.200001");
    String detail = answer.headers().firstValue("X-Sandbox-Detail").orElse("");
    if (valid) {
      assertTrue(!parameterError, "sandbox refused " + what + " that the spec allows: " + detail);
    } else {
      assertTrue(parameterError, "sandbox accepted " + what + " that the spec refuses: HTTP " + answer.statusCode());
      assertTrue(!detail.startsWith(SPEC_FALLBACK),
          "sandbox's own checks let " + what + " through; only its spec validator caught it: " + detail);
    }
  }

  private static HttpResponse<String> send(String path, Map<String, String> query, String language)
      throws IOException, InterruptedException {
    String q = query.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
    HttpRequest request = HttpRequest.newBuilder(URI.create(SANDBOX.baseUrl() + path + (q.isEmpty() ? "" : "?" + q)))
        .header("X-Auth-Token", TOKEN).header("X-Language", language).GET().build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static String pathFor(String project, String instance) {
    return "/v3/" + project + "/instances/" + instance + "/starrocks/databases/replication";
  }

  private static Schema<?> parameterSchema(String name) {
    var parameter = SPEC.getComponents().getParameters().get(name);
    assertNotNull(parameter, "the spec has no parameter " + name);
    return parameter.getSchema();
  }

  private static StarRocksReplicationClient client() {
    return StarRocksReplicationClient.builder().endpoint(URI.create(SANDBOX.baseUrl())).allowInsecureHttp()
        .projectId(DemoData.PROJECT_ID).credentials(Credentials.token(TOKEN)).retryPolicy(RetryPolicy.none())
        .build();
  }
}
