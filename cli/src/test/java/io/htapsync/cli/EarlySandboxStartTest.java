package io.htapsync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which raw command lines start the embedded sandbox's validator before picocli has parsed them. */
class EarlySandboxStartTest {

  @ParameterizedTest(name = "[{0}] -> {1}")
  @CsvSource(delimiter = '|', value = {
      "list --instance a3f5c7e9b1d24f6a8c0e2b4d6f8a0c1ein07 | true",
      "--language zh-cn list --instance X --output json | true",
      "list --all --instance X | true",
      "--endpoint http://127.0.0.1:8080 list --instance X | false",
      "list --endpoint=https://gaussdb.example.test --instance X | false",
      "--region cn-north-4 list --instance X | false",
      "list --region=cn-north-4 --instance X | false",
      "list --help | false",
      "list -h | false",
      "--version | false",
      "watch --instance X | false",
      "exporter --fleet f.yaml | false",
      "'' | false",
      "-- list | false",
  })
  void guessesFromTheRawWords(String commandLine, boolean early) {
    String[] args = commandLine.isBlank() ? new String[0] : commandLine.split(" ");
    assertEquals(early, EarlySandboxStart.isEmbeddedList(args));
  }
}
