package io.htapsync.cli.exporter;

import java.util.List;

/** A fleet file that cannot be used; the message lists each problem with its line and entry. */
public final class FleetFileException extends IllegalArgumentException {
  private static final int SHOWN = 20;
  private final List<String> problems;

  FleetFileException(String source, List<String> problems) {
    super(message(source, problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem, as {@code line N: path: what is wrong}. */
  public List<String> problems() {
    return problems;
  }

  private static String message(String source, List<String> problems) {
    StringBuilder m = new StringBuilder("fleet file ").append(source).append(" has ")
        .append(problems.size()).append(problems.size() == 1 ? " problem:" : " problems:");
    problems.stream().limit(SHOWN).forEach(p -> m.append("\n  ").append(source).append(':').append(p));
    if (problems.size() > SHOWN) {
      m.append("\n  ... and ").append(problems.size() - SHOWN).append(" more");
    }
    return m.toString();
  }
}
