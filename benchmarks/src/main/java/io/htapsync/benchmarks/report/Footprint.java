package io.htapsync.benchmarks.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The jars an application gets by depending on htapsync-client: the client jar plus its runtime
 * dependencies, read from {@code mvn dependency:list -DincludeScope=runtime
 * -DoutputAbsoluteArtifactFilename=true}. Optional dependencies are not passed on to users, so they
 * are counted apart.
 */
public final class Footprint {
  // groupId:artifactId:type[:classifier]:version:scope:/absolute/path.jar [(optional)] [-- module ...]
  private static final Pattern LINE = Pattern.compile("^\\s*([^:\\s]+:[^:\\s]+):\\S*?:(/\\S+\\.jar)(.*)$");

  public final List<Path> jars;
  public final long bytes;
  public final List<Path> optionalJars;
  public final long optionalBytes;

  private Footprint(List<Path> jars, long bytes, List<Path> optionalJars, long optionalBytes) {
    this.jars = jars;
    this.bytes = bytes;
    this.optionalJars = optionalJars;
    this.optionalBytes = optionalBytes;
  }

  /**
   * @throws IllegalStateException if the list names no jar or a jar that does not exist
   */
  public static Footprint of(Path clientJar, Path dependencyList) throws IOException {
    List<Path> jars = new ArrayList<>(List.of(clientJar));
    List<Path> optional = new ArrayList<>();
    for (String line : Files.readAllLines(dependencyList, StandardCharsets.UTF_8)) {
      Matcher m = LINE.matcher(line);
      if (m.matches()) {
        (m.group(3).contains("(optional)") ? optional : jars).add(Path.of(m.group(2)));
      }
    }
    if (jars.size() == 1) {
      throw new IllegalStateException(dependencyList + " lists no runtime jar; is it mvn dependency:list output"
          + " with -DoutputAbsoluteArtifactFilename=true?");
    }
    return new Footprint(jars, size(jars), optional, size(optional));
  }

  private static long size(List<Path> jars) throws IOException {
    long total = 0;
    for (Path jar : jars) {
      if (!Files.isRegularFile(jar)) {
        throw new IllegalStateException("listed jar does not exist: " + jar);
      }
      total += Files.size(jar);
    }
    return total;
  }
}
