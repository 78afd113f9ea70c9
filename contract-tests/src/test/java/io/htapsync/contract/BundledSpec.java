package io.htapsync.contract;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The OpenAPI spec as the htapsync-api-spec jar ships it on the classpath. */
final class BundledSpec {
  // Maven passes the parent pom's htapsync.spec.path; the default lets an IDE run the tests too.
  private static final String PATH =
      System.getProperty("htapsync.spec.path", "io/htapsync/spec/starrocks-replication.yaml");

  private BundledSpec() {
  }

  static String path() {
    return PATH;
  }

  /** The spec's YAML text. */
  static String text() {
    try (InputStream in = BundledSpec.class.getClassLoader().getResourceAsStream(PATH)) {
      if (in == null) {
        throw new IllegalStateException("The spec is not on the classpath at " + PATH
            + "; it comes from the htapsync-api-spec jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the spec at " + PATH, e);
    }
  }

  /** The pattern of the string branch of the oneOf schema {@code schemaName} (Count, Percentage, ...). */
  static String stringPattern(String schemaName) {
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(text());
    OpenAPI api = result.getOpenAPI();
    if (api == null) {
      throw new IllegalStateException("The spec at " + PATH + " does not parse: " + result.getMessages());
    }
    Schema<?> schema = api.getComponents().getSchemas().get(schemaName);
    if (schema == null || schema.getOneOf() == null) {
      throw new IllegalStateException("The spec has no oneOf schema " + schemaName);
    }
    return schema.getOneOf().stream()
        .filter(branch -> "string".equals(branch.getType()))
        .map(Schema::getPattern)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(schemaName + " has no string branch"));
  }
}
