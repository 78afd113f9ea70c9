package io.htapsync.cli.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The alert rules shipped in metrics/alerts, checked and unit-tested by Prometheus' own promtool. */
class AlertRulesTest {
  static final Path ALERTS = Path.of("..", "metrics", "alerts");

  static String run(String... args) throws Exception {
    String[] command = new String[args.length + 1];
    command[0] = Promtool.require("promtool");
    System.arraycopy(args, 0, command, 1, args.length);
    Process p = new ProcessBuilder(command).directory(ALERTS.toFile()).redirectErrorStream(true).start();
    String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("promtool did not finish: " + said);
    }
    assertEquals(0, p.exitValue(), said);
    return said;
  }

  @Test
  void rulesAreValid() throws Exception {
    run("check", "rules", "htapsync-alerts.yml");
  }

  @Test
  void eachRuleFiresAndDoesNotFireAsItsUnitTestsSay() throws Exception {
    run("test", "rules", "htapsync-alerts.test.yml");
  }
}
