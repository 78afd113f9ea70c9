package io.htapsync.spec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example in the spec must validate against its own schema, and instances that break the
 * contract must not: otherwise the examples (which other languages' docs and tests show) and the
 * schemas could drift apart unnoticed.
 */
class SpecExamplesTest {
  static final String SPEC_RESOURCE = "io/htapsync/spec/starrocks-replication.yaml";
  static final String PROJECT = "9f8e7d6c5b4a39281706f5e4d3c2b1a0";
  static final String INSTANCE = "0123456789abcdef0123456789abcdefin07";
  static final String PATH_TEMPLATE = "/v3/{project_id}/instances/{instance_id}/starrocks/databases/replication";

  static final String SPEC = readSpec();
  static final OpenApiInteractionValidator VALIDATOR =
      OpenApiInteractionValidator.createForInlineApiSpecification(SPEC).build();

  static String readSpec() {
    try (InputStream in = SpecExamplesTest.class.getClassLoader().getResourceAsStream(SPEC_RESOURCE)) {
      assertNotNull(in, "spec not on the classpath at " + SPEC_RESOURCE);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static OpenAPI parsed() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    var result = new OpenAPIV3Parser().readContents(SPEC, null, options);
    assertTrue(result.getMessages().isEmpty(), "spec parse messages: " + result.getMessages());
    return result.getOpenAPI();
  }

  static Operation operation() {
    return parsed().getPaths().get(PATH_TEMPLATE).getGet();
  }

  static String path(String project, String instance) {
    return PATH_TEMPLATE.replace("{project_id}", project).replace("{instance_id}", instance);
  }

  static ValidationReport validateResponse(int status, String json) {
    return validateResponse(status, "application/json", json);
  }

  static ValidationReport validateResponse(int status, String mediaType, String body) {
    return VALIDATOR.validateResponse(path(PROJECT, INSTANCE), Request.Method.GET,
        SimpleResponse.Builder.status(status).withContentType(mediaType).withBody(body).build());
  }

  static ValidationReport validateRequest(SimpleRequest request) {
    return VALIDATOR.validateRequest(request);
  }

  static SimpleRequest.Builder request(String project, String instance) {
    return SimpleRequest.Builder.get(path(project, instance))
        .withHeader("X-Auth-Token", "token-value")
        .withHeader("X-Language", "en-us");
  }

  @TestFactory
  Stream<DynamicTest> everyResponseExampleValidatesAgainstItsSchema() {
    List<DynamicTest> tests = new ArrayList<>();
    operation().getResponses().forEach((status, response) -> {
      assertNotNull(response.getContent(), "response " + status + " has no content");
      response.getContent().forEach((mediaType, media) -> {
        assertNotNull(media.getExamples(), "response " + status + " " + mediaType + " has no examples");
        for (Map.Entry<String, Example> example : media.getExamples().entrySet()) {
          Object value = example.getValue().getValue();
          String body = value instanceof String ? (String) value : Json.pretty(value);
          tests.add(DynamicTest.dynamicTest(status + " " + mediaType + " " + example.getKey(), () -> {
            ValidationReport report = validateResponse(Integer.parseInt(status), mediaType, body);
            assertFalse(report.hasErrors(), () -> "example " + example.getKey() + ": " + report.getMessages());
          }));
        }
      });
    });
    assertTrue(tests.size() >= 10, "expected examples for 200 (2), 400, 401, 403, 429, 500, 502, 503, 504");
    return tests.stream();
  }

  @Test
  void parameterExamplesValidate() {
    Map<String, Parameter> parameters = parsed().getComponents().getParameters();
    String project = (String) parameters.get("ProjectId").getExample();
    String instance = (String) parameters.get("InstanceId").getExample();
    ValidationReport report = validateRequest(request(project, instance).withQueryParam("offset", "0")
        .withQueryParam("limit", "100").build());
    assertFalse(report.hasErrors(), () -> report.getMessages().toString());
  }

  @Test
  void stageCasingsSeenFromTheServiceValidate() {
    for (String stage : List.of("incremental", "Incremental", "Wait", "wait", "full", "cancelled",
        "paused", "SomethingNew")) {
      String body = "{\"total_count\":\"1\",\"replications\":[{\"status\":\"Yes\",\"stage\":\"" + stage
          + "\",\"catchup_stage\":\"" + stage + "\"}]}";
      ValidationReport report = validateResponse(200, body);
      assertFalse(report.hasErrors(), () -> stage + ": " + report.getMessages());
    }
  }

  @Test
  void decimalsAndNullsInNumericFieldsValidate() {
    String body = "{\"total_count\":3,\"replications\":["
        + "{\"percentage\":99.5,\"catchup_percentage\":\"99.5\"},"
        + "{\"percentage\":\"100.0\",\"catchup_percentage\":null,\"catchup_stage\":null},"
        + "{\"percentage\":0,\"catchup_percentage\":0,\"is_need_repair\":\"false\",\"is_main_task\":\"true\"}],"
        + "\"ext_text\":null}";
    ValidationReport report = validateResponse(200, body);
    assertFalse(report.hasErrors(), () -> report.getMessages().toString());
  }

  @Test
  void theCodeMessageErrorFormValidates() {
    ValidationReport report = validateResponse(403, "{\"code\":\"IAM.0003\",\"message\":\"Forbidden\"}");
    assertFalse(report.hasErrors(), () -> report.getMessages().toString());
  }

  static Stream<Arguments> badResponses() {
    return Stream.of(
        Arguments.of("total_count is missing", 200, "{\"replications\":[]}"),
        Arguments.of("total_count is a boolean", 200, "{\"total_count\":true,\"replications\":[]}"),
        Arguments.of("total_count is not numeric text", 200, "{\"total_count\":\"many\",\"replications\":[]}"),
        Arguments.of("percentage is an object", 200,
            "{\"total_count\":1,\"replications\":[{\"percentage\":{\"value\":1}}]}"),
        Arguments.of("replications is an object", 200, "{\"total_count\":1,\"replications\":{}}"),
        Arguments.of("ext_text is too long", 200, "{\"total_count\":0,\"ext_text\":\"01234567890\"}"),
        Arguments.of("error without error_code", 400, "{\"error_msg\":\"Instance not found.\"}"),
        Arguments.of("error_code is a number", 500, "{\"error_code\":200022,\"error_msg\":\"x\"}"),
        Arguments.of("a JSON body on 503 where the spec says a proxy's HTML", 503, "{\"error_code\":\"X\"}"),
        Arguments.of("total_count is null", 200, "{\"total_count\":null}"),
        Arguments.of("total_count is negative", 200, "{\"total_count\":-1}"),
        Arguments.of("total_count is fractional", 200, "{\"total_count\":\"1.5\"}"),
        Arguments.of("percentage is null", 200, "{\"total_count\":1,\"replications\":[{\"percentage\":null}]}"),
        Arguments.of("percentage above 100", 200, "{\"total_count\":1,\"replications\":[{\"percentage\":100.5}]}"),
        Arguments.of("catchup_percentage negative", 200,
            "{\"total_count\":1,\"replications\":[{\"catchup_percentage\":\"-1\"}]}"),
        Arguments.of("is_need_repair is a JSON boolean", 200,
            "{\"total_count\":1,\"replications\":[{\"is_need_repair\":true}]}"),
        Arguments.of("is_main_task is neither true nor false", 200,
            "{\"total_count\":1,\"replications\":[{\"is_main_task\":\"yes\"}]}"),
        Arguments.of("error body of neither form", 403, "{\"code\":\"IAM.0003\"}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badResponses")
  void badResponsesAreRejected(String why, int status, String body) {
    assertTrue(validateResponse(status, body).hasErrors(), why + " should not validate");
  }

  static Stream<Arguments> badRequests() {
    return Stream.of(
        Arguments.of("instance id is a UUID", request(PROJECT, "6f1c2e4a-9b3d-4e6f-8a0b-1c2d3e4f5a6b").build()),
        Arguments.of("instance id too short", request(PROJECT, "abc").build()),
        Arguments.of("project id with a dash", request("9f8e7d6c-5b4a-3928-1706-f5e4d3c2b1a0", INSTANCE).build()),
        Arguments.of("limit 0", request(PROJECT, INSTANCE).withQueryParam("limit", "0").build()),
        Arguments.of("limit 101", request(PROJECT, INSTANCE).withQueryParam("limit", "101").build()),
        Arguments.of("limit is text", request(PROJECT, INSTANCE).withQueryParam("limit", "ten").build()),
        Arguments.of("negative offset", request(PROJECT, INSTANCE).withQueryParam("offset", "-1").build()),
        Arguments.of("no credentials at all", SimpleRequest.Builder.get(path(PROJECT, INSTANCE))
            .withHeader("X-Language", "en-us").build()),
        Arguments.of("unknown language", SimpleRequest.Builder.get(path(PROJECT, INSTANCE))
            .withHeader("X-Auth-Token", "t").withHeader("X-Language", "fr-fr").build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void badRequestsAreRejected(String why, SimpleRequest request) {
    assertTrue(validateRequest(request).hasErrors(), why + " should not validate");
  }
}
