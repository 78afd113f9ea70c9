package io.htapsync.cli.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Monitoring with Prometheus" YAML, read by what reads it for real: its fleet file by
 * {@link FleetFileParser}, its scrape config (with the shipped alert rules beside it) by
 * {@code promtool check config}. The blocks are found by their first line ({@code # fleet.yaml},
 * {@code # prometheus.yml}).
 */
class ReadmeMonitoringTest {
  static final Path README = Path.of(System.getProperty("htapsync.repository.root", ".."), "README.md");

  @TempDir
  Path dir;

  static String yamlBlock(String firstLine) throws IOException {
    List<String> lines = Files.readAllLines(README, StandardCharsets.UTF_8);
    List<String> found = new ArrayList<>();
    for (int i = 0; i < lines.size() - 1; i++) {
      if (lines.get(i).trim().equals("```yaml") && lines.get(i + 1).startsWith(firstLine)) {
        StringBuilder block = new StringBuilder();
        for (int j = i + 1; j < lines.size() && !lines.get(j).trim().equals("```"); j++) {
          block.append(lines.get(j)).append('\n');
        }
        found.add(block.toString());
      }
    }
    assertEquals(1, found.size(), "one ```yaml block starting with '" + firstLine + "' in " + README);
    return found.get(0);
  }

  @Test
  void theFleetFileIsValid() throws IOException {
    FleetFile fleet = FleetFileParser.parse(yamlBlock("# fleet.yaml"), "README.md");
    assertEquals(2, fleet.targets().size());
    assertEquals(3, fleet.instanceCount());
    assertEquals(16, fleet.concurrency());
    assertEquals("SINGAPORE_AK", fleet.targets().get(1).credentials().akEnv());
  }

  @Test
  void theScrapeConfigAndItsRulesPassPromtool() throws Exception {
    String promtool = Promtool.require("promtool");
    String config = yamlBlock("# prometheus.yml");
    assertTrue(config.contains("job_name: htapsync"), "the rules' exporter-down alert needs job=\"htapsync\"");
    Files.writeString(dir.resolve("prometheus.yml"), config);
    Files.copy(AlertRulesTest.ALERTS.resolve("htapsync-alerts.yml"), dir.resolve("htapsync-alerts.yml"));
    Process p = new ProcessBuilder(promtool, "check", "config", "prometheus.yml").directory(dir.toFile())
        .redirectErrorStream(true).start();
    String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "promtool did not finish: " + said);
    assertEquals(0, p.exitValue(), said);
    assertTrue(said.contains("SUCCESS: 1 rule files found"), "the alert rules were loaded and checked: " + said);
  }
}
