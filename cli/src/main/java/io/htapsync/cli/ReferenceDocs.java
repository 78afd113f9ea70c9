package io.htapsync.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Build-time generator (run by the cli module's pom, never by users): the shell completion script and
 * the AsciiDoc man page sources of every command, from the same command model {@code main} runs, so
 * neither can drift from the options. The pom turns the AsciiDoc into {@code man/man1/*.1}.
 *
 * <p>Arguments: the output folder and the version; the folder receives {@code completion/htapsync.bash},
 * {@code completion/htapsync.zsh} and {@code man-adoc/*.adoc}.
 */
public final class ReferenceDocs {
  private ReferenceDocs() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: ReferenceDocs OUTPUT_DIR VERSION");
    }
    Path out = Path.of(args[0]);
    CommandLine commandLine = new HtapSyncCli(Map.of(), false).commandLine();
    // The build's classes have no jar manifest yet, so the version comes from the pom.
    String[] version = {"htapsync " + args[1]};

    // picocli's script completes in bash, and in zsh through bashcompinit; one file under each name
    // so each shell's users find theirs.
    String script = AutoComplete.bash("htapsync", commandLine);
    Path completion = Files.createDirectories(out.resolve("completion"));
    Files.writeString(completion.resolve("htapsync.bash"), script, StandardCharsets.UTF_8);
    Files.writeString(completion.resolve("htapsync.zsh"), script, StandardCharsets.UTF_8);

    File adoc = Files.createDirectories(out.resolve("man-adoc")).toFile();
    prepareForManPages(commandLine, version);
    int status = ManPageGenerator.generateManPage(adoc, null, new boolean[0], true, commandLine.getCommandSpec());
    if (status != 0) {
      throw new IllegalStateException("picocli's ManPageGenerator exited " + status);
    }
  }

  /**
   * Every page names the version. ManPageGenerator prints descriptions as format strings, while usage
   * help forgives a lone '%' (as in "at 100%."): such signs are doubled so both render the same text.
   */
  private static void prepareForManPages(CommandLine commandLine, String[] version) {
    commandLine.getCommandSpec().versionProvider(() -> version);
    UsageMessageSpec usage = commandLine.getCommandSpec().usageMessage();
    usage.description(escape(usage.description()));
    usage.header(escape(usage.header()));
    usage.footer(escape(usage.footer()));
    commandLine.getSubcommands().values().forEach(sub -> prepareForManPages(sub, version));
  }

  private static String[] escape(String[] lines) {
    return Arrays.stream(lines).map(line -> LONE_PERCENT.matcher(line).replaceAll("%%")).toArray(String[]::new);
  }

  private static final Pattern LONE_PERCENT = Pattern.compile("(?<!%)%(?![n%])");
}
