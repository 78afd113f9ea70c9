package io.htapsync.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Where to call and as whom; shared by every command. */
final class GlobalOptions {
  @Option(names = "--region", scope = ScopeType.INHERIT, paramLabel = "REGION",
      description = "Region whose endpoint to call, e.g. cn-north-4.")
  String region;

  @Option(names = "--endpoint", scope = ScopeType.INHERIT, paramLabel = "URL",
      description = "Endpoint URL (https; http only for loopback). Overrides --region.")
  String endpoint;

  @Option(names = "--project", scope = ScopeType.INHERIT, paramLabel = "ID",
      description = "Project ID (32 letters and digits). Default: $HUAWEICLOUD_SDK_PROJECT_ID.")
  String project;

  @Option(names = "--language", scope = ScopeType.INHERIT, paramLabel = "LANG", defaultValue = "en-us",
      description = "Language of error messages: en-us or zh-cn (default: ${DEFAULT-VALUE}).")
  String language;
}
