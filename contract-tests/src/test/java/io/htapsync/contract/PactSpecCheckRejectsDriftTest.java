package io.htapsync.contract;

import static io.htapsync.contract.ReplicationContract.CONSUMER;
import static io.htapsync.contract.ReplicationContract.INSTANCE_ID;
import static io.htapsync.contract.ReplicationContract.MISSING_INSTANCE_ID;
import static io.htapsync.contract.ReplicationContract.PACT_FILE_NAME;
import static io.htapsync.contract.ReplicationContract.PROVIDER;
import static io.htapsync.contract.ReplicationContract.STATE_MISSING_INSTANCE;
import static io.htapsync.contract.ReplicationContract.STATE_NO_TASKS;
import static io.htapsync.contract.ReplicationContract.STATE_ONE_TASK;
import static io.htapsync.contract.ReplicationRequests.listRequest;
import static io.htapsync.contract.ReplicationRequests.respond;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import au.com.dius.pact.consumer.ConsumerPactBuilder;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslResponse;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import com.atlassian.oai.validator.report.ValidationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The spec check is not vacuous: pacts that drift from the spec in one place each, written to a
 * file the way the consumer tests write theirs, fail it with exactly the message naming the drift.
 */
class PactSpecCheckRejectsDriftTest {
  private static final String UUID_SHAPED_ID = "01234567-89ab-cdef-0123-456789abcdef";

  @TempDir
  Path pactDir;

  static Stream<Arguments> driftedPacts() {
    PactDslJsonBody booleanCount = new PactDslJsonBody().booleanValue("total_count", true);
    booleanCount.array("replications").closeArray();

    PactDslJsonBody errorWithoutCode = new PactDslJsonBody().stringType("error_msg", "Instance not found.");

    return Stream.of(
        Arguments.of("total_count sent as a boolean",
            respond(listRequest(provider().given(STATE_NO_TASKS), "boolean count", INSTANCE_ID), 200, booleanCount),
            "validation.response.body.schema.oneOf"),
        Arguments.of("instance id typed as a UUID",
            respond(listRequest(provider().given(STATE_NO_TASKS), "uuid instance id", UUID_SHAPED_ID), 200, emptyPage()),
            "validation.request.parameter.schema.pattern"),
        Arguments.of("limit beyond the documented 100",
            respond(listRequest(provider().given(STATE_ONE_TASK), "limit 500", INSTANCE_ID).query("limit=500"),
                200, emptyPage()),
            "validation.request.parameter.schema.maximum"),
        Arguments.of("error body without error_code",
            respond(listRequest(provider().given(STATE_MISSING_INSTANCE), "error without code", MISSING_INSTANCE_ID),
                400, errorWithoutCode),
            // ApiError is a oneOf of the documented form and {"code","message"}: it matches neither.
            "validation.response.body.schema.oneOf"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("driftedPacts")
  void rejectsThePactWithTheMessageNamingTheDrift(String drift,
      PactDslResponse interaction, String expectedKey) {
    ValidationReport report = onlyReport(writeAndCheck(interaction.toPact(V4Pact.class)));

    assertEquals(Set.of(expectedKey), PactSpecCheck.errorKeys(report), () -> PactSpecCheck.describe(report));
  }

  @Test
  void acceptsTheSameFramingWithAValidBody() {
    ValidationReport report = onlyReport(writeAndCheck(
        respond(listRequest(provider().given(STATE_NO_TASKS), "valid empty page", INSTANCE_ID), 200, emptyPage())
            .toPact(V4Pact.class)));

    assertTrue(PactSpecCheck.errorKeys(report).isEmpty(), () -> PactSpecCheck.describe(report));
  }

  private Map<String, ValidationReport> writeAndCheck(V4Pact pact) {
    pact.write(pactDir.toString(), PactSpecVersion.V4);
    Path file = pactDir.resolve(PACT_FILE_NAME);
    assertTrue(Files.isRegularFile(file), "pact not written to " + file);
    return PactSpecCheck.againstBundledSpec().validate(file);
  }

  private static ValidationReport onlyReport(Map<String, ValidationReport> reports) {
    assertEquals(1, reports.size(), () -> "interactions: " + reports.keySet());
    return reports.values().iterator().next();
  }

  private static PactDslWithProvider provider() {
    return ConsumerPactBuilder.consumer(CONSUMER).hasPactWith(PROVIDER);
  }

  private static PactDslJsonBody emptyPage() {
    PactDslJsonBody body = new PactDslJsonBody();
    MixedFields.count(body, "total_count", 0);
    body.array("replications").closeArray();
    return body;
  }
}
