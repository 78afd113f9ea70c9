package io.htapsync.cli;

import io.htapsync.client.RequestArguments;
import io.htapsync.client.region.RegionEndpoints;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * Where to call and as whom; shared by every command. Each value is checked while the command line is
 * parsed, so a bad one is a usage error before anything starts.
 */
final class GlobalOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  String region;
  String endpoint;
  String project;

  @Option(names = "--language", scope = ScopeType.INHERIT, paramLabel = "LANG", defaultValue = "en-us",
      description = "Language of error messages: en-us or zh-cn (default: ${DEFAULT-VALUE}).")
  String language;

  @Option(names = "--region", scope = ScopeType.INHERIT, paramLabel = "REGION",
      description = "Region whose endpoint to call, e.g. cn-north-4.")
  void setRegion(String value) {
    try {
      RegionEndpoints.endpointOf(value);
    } catch (IllegalArgumentException e) {
      // The client's message ends by pointing Java callers at endpoint(URI); point at the option instead.
      String message = e.getMessage();
      int javaHint = message.indexOf(". For another endpoint");
      throw new ParameterException(command.commandLine(), (javaHint < 0 ? message : message.substring(0, javaHint))
          + ". For another endpoint pass --endpoint URL.");
    }
    region = value;
  }

  @Option(names = "--endpoint", scope = ScopeType.INHERIT, paramLabel = "URL",
      description = "Endpoint URL (https; http only for loopback). Overrides --region.")
  void setEndpoint(String value) {
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      // The reason and index, not the text: a mistyped URL may still carry user:password@.
      throw new ParameterException(command.commandLine(), "--endpoint is not a URL: " + e.getReason()
          + " at index " + e.getIndex());
    }
    if (uri.getRawUserInfo() != null) {
      throw new ParameterException(command.commandLine(), "--endpoint must not carry user info"
          + " (user:password@host); credentials come from the environment");
    }
    if ("http".equalsIgnoreCase(uri.getScheme()) && !isLoopback(uri.getHost())) {
      throw new ParameterException(command.commandLine(), "--endpoint " + value + " must be https"
          + " (plain http only for 127.0.0.1 or localhost)");
    }
    endpoint = value;
  }

  @Option(names = "--project", scope = ScopeType.INHERIT, paramLabel = "ID",
      description = "Project ID (32 letters and digits). Default: $HUAWEICLOUD_SDK_PROJECT_ID.")
  void setProject(String value) {
    try {
      project = RequestArguments.projectId(value);
    } catch (IllegalArgumentException e) {
      throw ClientTerms.usageError(command.commandLine(), e, Map.of("projectId", "--project"));
    }
  }

  boolean usesEmbeddedSandbox() {
    return endpoint == null && region == null;
  }

  static boolean isLoopback(String host) {
    return "127.0.0.1".equals(host) || "localhost".equalsIgnoreCase(host) || "[::1]".equals(host);
  }
}
