package io.htapsync.cli.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FleetFileParserTest {
  private static final String PROJECT = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
  private static final String ID1 = "a3f5c7e9b1d24f6a8c0e2b4d6f8a0c1ein07";
  private static final String ID2 = "5c1f7e2a9b3d4e6f8a0b1c2d3e4f5a6bin17";

  @Test
  void readsTheIssuesExample() {
    FleetFile fleet = FleetFileParser.parse("""
        interval: 30s          # poll period per instance, jittered
        concurrency: 16
        targets:
          - region: cn-north-4
            project: %s
            instances: [%s, %s]
          - endpoint: http://127.0.0.1:8080
            project: %s
            instances:
              - %s
            credentials:
              token_env: OTHER_TOKEN
        """.formatted(PROJECT, ID1, ID2, PROJECT, ID1), "fleet.yaml");
    assertEquals(Duration.ofSeconds(30), fleet.interval());
    assertEquals(16, fleet.concurrency());
    assertEquals(2, fleet.targets().size());
    assertEquals("cn-north-4", fleet.targets().get(0).region());
    assertEquals(List.of(ID1, ID2), fleet.targets().get(0).instances());
    assertEquals(URI.create("http://127.0.0.1:8080"), fleet.targets().get(1).endpoint());
    assertEquals("OTHER_TOKEN", fleet.targets().get(1).credentials().tokenEnv());
    assertEquals(FleetFile.CredentialVariables.STANDARD, fleet.targets().get(0).credentials());
    assertEquals(3, fleet.instanceCount());
  }

  @Test
  void acceptsJson() {
    FleetFile fleet = FleetFileParser.parse("""
        {"interval": "500ms", "targets": [{"region": "cn-north-4", "project": "%s", "instances": ["%s"]}]}
        """.formatted(PROJECT, ID1), "fleet.json");
    assertEquals(Duration.ofMillis(500), fleet.interval());
    assertEquals(FleetFileParser.DEFAULT_CONCURRENCY, fleet.concurrency());
    assertEquals(List.of(ID1), fleet.targets().get(0).instances());
  }

  @Test
  void malformedYamlNamesTheLine() {
    FleetFileException e = assertThrows(FleetFileException.class, () -> FleetFileParser.parse(
        "interval: 30s\ntargets:\n  - region: cn-north-4\n    project: [unclosed\n", "fleet.yaml"));
    assertTrue(e.getMessage().contains("fleet.yaml:line "), e.getMessage());
    assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
  }

  @Test
  void snakeYamlsOwnWordsStayOneLine() {
    // Found by FleetFileFuzzTest: for "%" SnakeYAML quotes the NUL it reads at the end of the input.
    FleetFileException e = assertThrows(FleetFileException.class, () -> FleetFileParser.parse("%", "fleet.yaml"));
    assertEquals(List.of("line 1: not valid YAML: expected alphabetic or numeric character, but found \\u0000(0)"
        + " (while scanning a directive)"), e.problems());
  }

  @Test
  void unknownKeysAreNamedWithTheirLine() {
    FleetFileException e = assertThrows(FleetFileException.class, () -> FleetFileParser.parse("""
        interval: 30s
        concurency: 4
        targets:
          - region: cn-north-4
            project: %s
            instance: [%s]
        """.formatted(PROJECT, ID1), "fleet.yaml"));
    assertTrue(e.problems().contains("line 2: the file: unknown key \"concurency\""
        + " (known: concurrency, interval, targets)"), e.problems().toString());
    assertTrue(e.problems().stream().anyMatch(p -> p.startsWith("line 6: targets[0]: unknown key \"instance\"")),
        e.problems().toString());
  }

  @Test
  void duplicateInstancesAndKeysAreRefused() {
    FleetFileException e = assertThrows(FleetFileException.class, () -> FleetFileParser.parse("""
        targets:
          - region: cn-north-4
            project: %1$s
            instances: [%2$s]
          - region: cn-north-4
            project: %1$s
            project: %1$s
            instances:
              - %2$s
        """.formatted(PROJECT, ID1), "fleet.yaml"));
    assertTrue(e.problems().contains("line 7: targets[1]: key 'project' appears twice (first at line 6:)"),
        e.problems().toString());
    assertTrue(e.problems().contains("line 9: targets[1].instances[0]: instance " + ID1
        + " is listed twice for this project and endpoint (first at line 4: targets[0].instances[0])"),
        e.problems().toString());
  }

  @Test
  void idsWithSlashOrDotDotAreRefused() {
    FleetFileException e = assertThrows(FleetFileException.class, () -> FleetFileParser.parse("""
        targets:
          - region: cn-north-4
            project: %s
            instances: ["../admin", "a/b", "ok..x", "semi;colon"]
        """.formatted(PROJECT), "fleet.yaml"));
    List<String> p = e.problems();
    assertEquals(4, p.size(), p.toString());
    assertTrue(p.get(0).startsWith("line 4: targets[0].instances[0]: instance ID \"../admin\" contains '/'"), p.get(0));
    assertTrue(p.get(1).startsWith("line 4: targets[0].instances[1]: instance ID \"a/b\" contains '/'"), p.get(1));
    assertTrue(p.get(2).startsWith("line 4: targets[0].instances[2]: instance ID \"ok..x\" contains '..'"), p.get(2));
    assertTrue(p.get(3).contains("must be letters and digits only"), p.get(3));
  }

  @Test
  void aHundredThousandInstancesIsOneClearError() {
    StringBuilder yaml = new StringBuilder("targets:\n  - region: cn-north-4\n    project: " + PROJECT
        + "\n    instances:\n");
    for (int i = 0; i < 100_000; i++) {
      yaml.append("      - ").append(String.format("i%035d", i)).append('\n');
    }
    // Over the size cap: refused before parsing, naming the limit.
    FleetFileException tooLarge = assertThrows(FleetFileException.class,
        () -> FleetFileParser.parse(yaml.toString(), "fleet.yaml"));
    assertEquals(1, tooLarge.problems().size());
    assertTrue(tooLarge.problems().get(0).contains("a fleet file is at most"), tooLarge.getMessage());

    // Under the size cap but over the instance cap (short ids): the entry past the limit is named.
    StringBuilder shortIds = new StringBuilder("targets:\n  - region: cn-north-4\n    project: " + PROJECT
        + "\n    instances: [");
    for (int i = 0; i < 100_000; i++) {
      shortIds.append(i == 0 ? "" : ",").append('i').append(i);
    }
    shortIds.append("]\n");
    FleetFileException tooMany = assertThrows(FleetFileException.class,
        () -> FleetFileParser.parse(shortIds.toString(), "fleet.yaml"));
    assertEquals(List.of("line 4: targets[0].instances[" + FleetFileParser.MAX_INSTANCES + "]: more than "
        + FleetFileParser.MAX_INSTANCES + " instances in one fleet file; split the fleet over several files"
        + " (one exporter each)"), tooMany.problems());
  }

  @Test
  void endpointWithUserInfoIsRefusedWithoutEchoingIt() {
    FleetFileException e = assertThrows(FleetFileException.class, () -> FleetFileParser.parse("""
        targets:
          - endpoint: https://admin:s3cret@gaussdb.example.com
            project: %s
            instances: [%s]
        """.formatted(PROJECT, ID1), "fleet.yaml"));
    assertEquals(List.of("line 2: targets[0].endpoint: the endpoint must not carry user info"
        + " (user:password@host); credentials come from the environment"), e.problems());
    assertFalse(e.getMessage().contains("s3cret"));
    // Found by FleetFileFuzzTest: a URL too broken to parse (no ':' after the scheme) was quoted whole.
    FleetFileException broken = assertThrows(FleetFileException.class, () -> FleetFileParser.parse("""
        targets:
          - endpoint: https//admin:s3cret@gaussdb.example.com
            project: %s
            instances: [%s]
        """.formatted(PROJECT, ID1), "fleet.yaml"));
    assertEquals(List.of("line 2: targets[0].endpoint: endpoint \"(user info hidden)@gaussdb.example.com\" must be"
        + " an https URL with a host"), broken.problems());
    assertFalse(broken.getMessage().contains("s3cret"));
  }

  @Test
  void plainHttpOnlyToLoopback() {
    FleetFileException e = assertThrows(FleetFileException.class, () -> FleetFileParser.parse("""
        targets:
          - endpoint: http://gaussdb.example.com
            project: %s
            instances: [%s]
        """.formatted(PROJECT, ID1), "fleet.yaml"));
    assertEquals(1, e.problems().size());
    assertTrue(e.problems().get(0).startsWith("line 2: targets[0].endpoint: endpoint \"http://gaussdb.example.com\""
        + " is plain http to a host that is not loopback"), e.getMessage());
    for (String loopback : List.of("http://127.0.0.1:1", "http://localhost:2", "http://[::1]:3")) {
      FleetFile ok = FleetFileParser.parse("targets: [{endpoint: '" + loopback + "', project: " + PROJECT
          + ", instances: [" + ID1 + "]}]", "fleet.yaml");
      assertEquals(URI.create(loopback), ok.targets().get(0).endpoint());
    }
  }

  @Test
  void badValuesAreEachNamed() {
    FleetFileException e = assertThrows(FleetFileException.class, () -> FleetFileParser.parse("""
        interval: soon
        concurrency: 0
        targets:
          - region: mars-1
            project: short
            instances: []
          - project: %s
            instances: [%s]
            credentials: {ak_env: MY_AK, token_env: "bad name"}
        """.formatted(PROJECT, ID1), "fleet.yaml"));
    List<String> p = e.problems();
    assertTrue(p.contains("line 1: interval: \"soon\" is not a duration; use e.g. 500ms, 30s, 2m or 1h"), p.toString());
    assertTrue(p.contains("line 2: concurrency: must be a whole number from 1 to 256, got \"0\""), p.toString());
    assertTrue(p.stream().anyMatch(s -> s.startsWith("line 4: targets[0].region: unknown region \"mars-1\"")), p.toString());
    assertTrue(p.contains("line 5: targets[0].project: a project ID is 32 letters and digits, got \"short\""), p.toString());
    assertTrue(p.contains("line 6: targets[0].instances: must be a list of at least one instance ID"), p.toString());
    assertTrue(p.contains("line 7: targets[1]: 'region' or 'endpoint' is required"), p.toString());
    assertTrue(p.contains("line 9: targets[1].credentials.token_env: not an environment variable name: \"bad name\""),
        p.toString());
    assertTrue(p.contains("line 9: targets[1].credentials: give token_env or ak_env/sk_env, not both"), p.toString());
  }

  @Test
  void emptyFileTagsAndAliasBombsAreRefused() {
    assertThrows(FleetFileException.class, () -> FleetFileParser.parse("", "fleet.yaml"));
    assertThrows(FleetFileException.class, () -> FleetFileParser.parse("- just\n- a list\n", "fleet.yaml"));
    FleetFileException tag = assertThrows(FleetFileException.class, () -> FleetFileParser.parse(
        "targets: !!javax.script.ScriptEngineManager [x]\n", "fleet.yaml"));
    assertTrue(tag.getMessage().contains("line 1"), tag.getMessage());
    StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
    for (char c = 'b'; c <= 'z'; c++) {
      char prev = (char) (c - 1);
      bomb.append(c).append(": &").append(c).append(" [*").append(prev).append(", *").append(prev)
          .append(", *").append(prev).append(", *").append(prev).append("]\n");
    }
    FleetFileException aliases = assertThrows(FleetFileException.class,
        () -> FleetFileParser.parse(bomb.toString(), "fleet.yaml"));
    assertTrue(aliases.getMessage().contains("line "), aliases.getMessage());
  }
}
