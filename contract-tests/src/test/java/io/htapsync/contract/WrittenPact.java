package io.htapsync.contract;

import static io.htapsync.contract.ReplicationContract.PACT_FILE_NAME;

import java.nio.file.Files;
import java.nio.file.Path;

/** The pact file that the consumer tests wrote in this build. */
final class WrittenPact {
  private WrittenPact() {
  }

  static Path file() {
    String dir = System.getProperty("pact.rootDir");
    if (dir == null || dir.isBlank()) {
      throw new IllegalStateException(
          "System property pact.rootDir is not set; run the checks through Maven (mvn verify)");
    }
    Path file = Path.of(dir, PACT_FILE_NAME);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("No pact file at " + file
          + ": the consumer tests (*Test, surefire, phase test) write it before these checks run");
    }
    return file;
  }
}
