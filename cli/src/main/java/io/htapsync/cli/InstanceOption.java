package io.htapsync.cli;

import io.htapsync.client.RequestArguments;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The instance a command works on; a mixin so every command names, describes and checks it alike. */
final class InstanceOption {
  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  String id;

  /** Checked while parsing, by the client's own rule: a bad ID never starts the sandbox or reaches the service. */
  @Option(names = "--instance", required = true, paramLabel = "ID",
      description = "StarRocks instance ID (36 letters and digits).")
  void setId(String value) {
    try {
      id = RequestArguments.instanceId(value);
    } catch (IllegalArgumentException e) {
      throw ClientTerms.usageError(command.commandLine(), e, Map.of("instanceId", "--instance"));
    }
  }
}
