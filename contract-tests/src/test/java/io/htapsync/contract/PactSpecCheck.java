package io.htapsync.contract;

import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.SynchronousRequestResponse;
import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.pact.PactRequest;
import com.atlassian.oai.validator.pact.PactResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.report.ValidationReport.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Validates every interaction of a pact file, request and response, against the OpenAPI spec.
 *
 * <p>What is checked is each interaction's example: the request the consumer sends and the
 * response the mock server served to it. The file is read back the way a provider verification
 * would read it, so a check of the written file covers what Pact actually recorded.
 */
final class PactSpecCheck {
  private final OpenApiInteractionValidator validator;

  private PactSpecCheck(OpenApiInteractionValidator validator) {
    this.validator = validator;
  }

  /** A check against the spec that the htapsync-api-spec jar carries. */
  static PactSpecCheck againstBundledSpec() {
    return new PactSpecCheck(
        OpenApiInteractionValidator.createForInlineApiSpecification(BundledSpec.text()).build());
  }

  /** One report per interaction, keyed by the interaction's description, in file order. */
  Map<String, ValidationReport> validate(Path pactFile) {
    if (!Files.isRegularFile(pactFile)) {
      throw new IllegalArgumentException("No pact file at " + pactFile);
    }
    Map<String, ValidationReport> reports = new LinkedHashMap<>();
    for (Interaction interaction : DefaultPactReader.INSTANCE.loadPact(pactFile.toFile()).getInteractions()) {
      reports.put(interaction.getDescription(), validate(interaction));
    }
    return reports;
  }

  private ValidationReport validate(Interaction interaction) {
    if (!interaction.isSynchronousRequestResponse()) {
      return ValidationReport.singleton(ValidationReport.Message
          .create("htapsync.pact.notHttp", "Not an HTTP request/response interaction; the spec describes only HTTP")
          .build());
    }
    SynchronousRequestResponse http = interaction.asSynchronousRequestResponse();
    return validator.validate(PactRequest.of(http.getRequest()), PactResponse.of(http.getResponse()));
  }

  /** The keys of a report's error messages, e.g. {@code validation.response.body.schema.oneOf}. */
  static Set<String> errorKeys(ValidationReport report) {
    return report.getMessages().stream()
        .filter(message -> message.getLevel() == Level.ERROR)
        .map(ValidationReport.Message::getKey)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** Every message of a report, one a line, for a failure message. */
  static String describe(ValidationReport report) {
    return report.getMessages().stream()
        .map(m -> m.getLevel() + " " + m.getKey() + ": " + m.getMessage())
        .collect(Collectors.joining("\n"));
  }
}
