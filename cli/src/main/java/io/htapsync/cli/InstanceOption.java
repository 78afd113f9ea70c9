package io.htapsync.cli;

import picocli.CommandLine.Option;

/** The instance a command works on; a mixin so every command names and describes it alike. */
final class InstanceOption {
  @Option(names = "--instance", required = true, paramLabel = "ID",
      description = "StarRocks instance ID (36 letters and digits).")
  String id;
}
