package io.htapsync.contract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.atlassian.oai.validator.report.ValidationReport;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every interaction of every consumer's pact ({@link ConsumerPacts}), request and response,
 * conforms to the OpenAPI spec: a consumer cannot expect what the spec does not promise, nor send
 * what it does not accept.
 */
class PactSpecValidationIT {

  @TestFactory
  Stream<DynamicContainer> everyInteractionConformsToTheSpec() {
    PactSpecCheck check = PactSpecCheck.againstBundledSpec();
    return ConsumerPacts.files().stream().map(file -> dynamicContainer(file.getFileName().toString(),
        interactions(check, file)));
  }

  private static Stream<DynamicTest> interactions(PactSpecCheck check, Path file) {
    Map<String, ValidationReport> reports = check.validate(file);
    assertFalse(reports.isEmpty(), () -> file + " holds no interactions");
    return reports.entrySet().stream().map(entry -> dynamicTest(entry.getKey(), () ->
        assertTrue(PactSpecCheck.errorKeys(entry.getValue()).isEmpty(),
            () -> file.getFileName() + ": '" + entry.getKey() + "' does not conform to "
                + BundledSpec.path() + ":\n" + PactSpecCheck.describe(entry.getValue()))));
  }
}
