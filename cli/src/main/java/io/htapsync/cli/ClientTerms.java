package io.htapsync.cli;

import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The client's argument checks ({@link io.htapsync.client.RequestArguments}) speak Java: "instanceId
 * must ...". The CLI runs those same checks on what the user typed and restates a failure with the
 * option the user wrote ("--instance must ..."), so the rules live once, in the client.
 */
final class ClientTerms {
  private ClientTerms() {}

  /** A usage error for {@code command}, the message's leading Java name replaced by its option. */
  static ParameterException usageError(CommandLine command, IllegalArgumentException e,
      Map<String, String> optionByJavaName) {
    return new ParameterException(command, restate(e.getMessage(), optionByJavaName));
  }

  static String restate(String message, Map<String, String> optionByJavaName) {
    for (Map.Entry<String, String> name : optionByJavaName.entrySet()) {
      if (message.startsWith(name.getKey() + " ")) {
        return name.getValue() + message.substring(name.getKey().length());
      }
    }
    // Not in the expected form: still say which option it is about.
    return String.join("/", optionByJavaName.values()) + ": " + message;
  }
}
