package io.htapsync.contract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.atlassian.oai.validator.report.ValidationReport;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every interaction of the written pact, request and response, conforms to the OpenAPI spec: the
 * consumer cannot expect what the spec does not promise, nor send what it does not accept.
 */
class PactSpecValidationIT {

  @TestFactory
  Stream<DynamicTest> everyInteractionConformsToTheSpec() {
    Map<String, ValidationReport> reports = PactSpecCheck.againstBundledSpec().validate(WrittenPact.file());
    assertFalse(reports.isEmpty(), "the pact file holds no interactions");
    return reports.entrySet().stream().map(entry -> dynamicTest(entry.getKey(), () ->
        assertTrue(PactSpecCheck.errorKeys(entry.getValue()).isEmpty(),
            () -> "'" + entry.getKey() + "' does not conform to " + BundledSpec.path() + ":\n"
                + PactSpecCheck.describe(entry.getValue()))));
  }
}
