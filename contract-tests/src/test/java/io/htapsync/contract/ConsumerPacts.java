package io.htapsync.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The pact folders of every consumer this build verifies: the Java client's, which this module's
 * consumer tests write to {@code pact.rootDir}; the pacts other languages' consumers published to
 * this repository ({@code htapsync.published.pacts.dir}, src/test/pacts/published: the part of a Pact
 * Broker a build without one needs, so a plain {@code mvn verify} verifies every consumer);
 * and any further folders named (comma-separated) by {@code htapsync.consumer.pact.dirs}, e.g. a
 * consumer's freshly written pact before it is published.
 */
final class ConsumerPacts {
  static final String OTHER_FOLDERS_PROPERTY = "htapsync.consumer.pact.dirs";
  static final String PUBLISHED_FOLDER_PROPERTY = "htapsync.published.pacts.dir";

  private ConsumerPacts() {
  }

  static List<Path> folders() {
    List<Path> folders = new ArrayList<>();
    folders.add(WrittenPact.file().getParent());
    String published = System.getProperty(PUBLISHED_FOLDER_PROPERTY, "");
    if (published.isBlank()) {
      throw new IllegalStateException("System property " + PUBLISHED_FOLDER_PROPERTY
          + " is not set; run the checks through Maven (mvn verify)");
    }
    folders.add(Path.of(published));
    String others = System.getProperty(OTHER_FOLDERS_PROPERTY, "");
    Arrays.stream(others.split(","))
        .map(String::trim)
        .filter(name -> !name.isEmpty())
        .map(Path::of)
        .forEach(folders::add);
    return folders;
  }

  /** Every pact file of every folder; a named folder without one is an error, not a pass. */
  static List<Path> files() {
    List<Path> files = new ArrayList<>();
    for (Path folder : folders()) {
      List<Path> inFolder = pactFiles(folder);
      if (inFolder.isEmpty()) {
        throw new IllegalStateException("No pact file (*.json) in " + folder
            + ", named by " + OTHER_FOLDERS_PROPERTY + ", " + PUBLISHED_FOLDER_PROPERTY + " or pact.rootDir");
      }
      files.addAll(inFolder);
    }
    return files;
  }

  private static List<Path> pactFiles(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new IllegalStateException("Pact folder " + folder + " does not exist");
    }
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + folder, e);
    }
  }
}
