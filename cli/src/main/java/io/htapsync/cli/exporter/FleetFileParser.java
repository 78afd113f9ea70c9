package io.htapsync.cli.exporter;

import io.htapsync.cli.DurationConverter;
import io.htapsync.cli.Loopback;
import io.htapsync.client.region.RegionEndpoints;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a fleet file (YAML, or JSON, which is YAML too) into a checked {@link FleetFile}. Every
 * problem is collected with its line and entry (e.g. {@code line 7: targets[0].instances[2]: ...})
 * and reported together, so one run shows all of them and nothing starts on a half-valid file.
 *
 * <p>The file is composed to nodes (never to Java objects: no tags are honoured), aliases and nesting
 * are bounded, and so are the file's size and its number of instances.
 */
public final class FleetFileParser {
  /** Most instances one exporter watches; a larger fleet is split over several files. */
  public static final int MAX_INSTANCES = 10_000;
  /** Largest fleet file read, in characters; 10,000 instances take about 0.5 MB. */
  static final int MAX_CHARS = 2 * 1024 * 1024;
  static final int MAX_CONCURRENCY = 256;
  static final Duration MIN_INTERVAL = Duration.ofMillis(100);
  /** Past this many problems the rest of the file is not worth reading. */
  private static final int MAX_PROBLEMS = 100;
  private static final Pattern PROJECT_ID = Pattern.compile("[A-Za-z0-9]{32}");
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
  private static final int MAX_INSTANCE_ID_LENGTH = 64;

  private static final Set<String> TOP_KEYS = Set.of("interval", "concurrency", "targets");
  private static final Set<String> TARGET_KEYS = Set.of("region", "endpoint", "project", "instances", "credentials");
  private static final Set<String> CREDENTIAL_KEYS = Set.of("ak_env", "sk_env", "security_token_env", "token_env");

  static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
  static final int DEFAULT_CONCURRENCY = 16;

  private final String source;
  private final List<String> problems = new ArrayList<>();
  /** Instance key (endpoint, project, id) to where it was first listed. */
  private final Map<String, String> seen = new HashMap<>();
  private int instanceCount;
  private boolean tooMany;

  private FleetFileParser(String source) {
    this.source = source;
  }

  /** Reads and checks {@code file}. */
  public static FleetFile read(Path file) throws IOException {
    long size = Files.size(file);
    if (size > MAX_CHARS * 4L) {
      throw new FleetFileException(file.toString(), List.of("line 1: the file is " + size
          + " bytes; a fleet file is at most " + MAX_CHARS + " characters (" + MAX_INSTANCES + " instances)"));
    }
    return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
  }

  /**
   * Checks {@code text}; {@code source} names it in messages.
   *
   * @throws FleetFileException listing every problem found
   */
  public static FleetFile parse(String text, String source) {
    return new FleetFileParser(source).parse(text);
  }

  private FleetFile parse(String text) {
    if (text.length() > MAX_CHARS) {
      throw fail("line 1: the file is " + text.length() + " characters; a fleet file is at most "
          + MAX_CHARS + " (" + MAX_INSTANCES + " instances)");
    }
    Node root;
    try {
      root = yaml().compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      throw fail(at(e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark())
          + "not valid YAML: " + escaped(e.getProblem())
          + (e.getContext() != null ? " (" + escaped(e.getContext()) + ")" : ""));
    } catch (YAMLException | IllegalArgumentException e) {
      // SnakeYAML also throws IllegalArgumentException, without a position (a tag such as "!A%a").
      throw fail("line 1: not a usable YAML file: " + escaped(e.getMessage()));
    }
    if (root == null) {
      throw fail("line 1: the file is empty; it needs at least 'targets:'");
    }
    Map<String, Node> top = mapping(root, "the file", TOP_KEYS);
    if (top == null) {
      throw new FleetFileException(source, problems);
    }
    Duration interval = top.containsKey("interval") ? interval(top.get("interval")) : DEFAULT_INTERVAL;
    int concurrency = top.containsKey("concurrency") ? concurrency(top.get("concurrency")) : DEFAULT_CONCURRENCY;
    List<FleetFile.Target> targets = new ArrayList<>();
    Node targetsNode = top.get("targets");
    if (targetsNode == null) {
      problem(root, "the file", "'targets' is missing: list at least one target");
    } else if (!(targetsNode instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
      problem(targetsNode, "targets", "must be a list of at least one target");
    } else {
      List<Node> items = seq.getValue();
      for (int i = 0; i < items.size() && problems.size() < MAX_PROBLEMS; i++) {
        FleetFile.Target target = target(items.get(i), "targets[" + i + "]");
        if (target != null) {
          targets.add(target);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new FleetFileException(source, problems);
    }
    return new FleetFile(interval, concurrency, targets);
  }

  private FleetFile.Target target(Node node, String path) {
    int before = problems.size();
    Map<String, Node> keys = mapping(node, path, TARGET_KEYS);
    if (keys == null) {
      return null;
    }
    String region = keys.containsKey("region") ? scalar(keys.get("region"), path + ".region") : null;
    URI endpoint = keys.containsKey("endpoint") ? endpoint(keys.get("endpoint"), path + ".endpoint") : null;
    if (keys.containsKey("region") && keys.containsKey("endpoint")) {
      problem(node, path, "give 'region' or 'endpoint', not both");
    } else if (!keys.containsKey("region") && !keys.containsKey("endpoint")) {
      problem(node, path, "'region' or 'endpoint' is required");
    } else if (region != null) {
      try {
        RegionEndpoints.endpointOf(region);
      } catch (IllegalArgumentException e) {
        problem(keys.get("region"), path + ".region", e.getMessage());
      }
    }
    String project = null;
    if (!keys.containsKey("project")) {
      problem(node, path, "'project' is required (the 32-character project ID)");
    } else {
      project = scalar(keys.get("project"), path + ".project");
      if (project != null && !PROJECT_ID.matcher(project).matches()) {
        problem(keys.get("project"), path + ".project", "a project ID is 32 letters and digits, got "
            + shown(project));
        project = null;
      }
    }
    FleetFile.CredentialVariables credentials = keys.containsKey("credentials")
        ? credentials(keys.get("credentials"), path + ".credentials") : FleetFile.CredentialVariables.STANDARD;
    List<String> instances = new ArrayList<>();
    Node list = keys.get("instances");
    if (list == null) {
      problem(node, path, "'instances' is required: a list of instance IDs");
    } else if (!(list instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
      problem(list, path + ".instances", "must be a list of at least one instance ID");
    } else {
      String where = (endpoint != null ? endpoint.toString() : region) + "|" + project;
      List<Node> ids = seq.getValue();
      for (int i = 0; i < ids.size() && !tooMany && problems.size() < MAX_PROBLEMS; i++) {
        String idPath = path + ".instances[" + i + "]";
        String id = instanceId(ids.get(i), idPath);
        if (id == null) {
          continue;
        }
        if (++instanceCount > MAX_INSTANCES) {
          tooMany = true;
          problem(ids.get(i), idPath, "more than " + MAX_INSTANCES + " instances in one fleet file;"
              + " split the fleet over several files (one exporter each)");
          break;
        }
        String firstSeen = seen.putIfAbsent(where + "|" + id, line(ids.get(i)) + idPath);
        if (firstSeen != null) {
          problem(ids.get(i), idPath, "instance " + id + " is listed twice for this project and endpoint"
              + " (first at " + firstSeen + ")");
          continue;
        }
        instances.add(id);
      }
    }
    if (problems.size() > before) {
      return null;
    }
    return new FleetFile.Target(region, endpoint, project, instances, credentials);
  }

  private String instanceId(Node node, String path) {
    String id = scalar(node, path);
    if (id == null) {
      return null;
    }
    String why = null;
    if (id.isEmpty()) {
      why = "an instance ID must not be empty";
    } else if (id.contains("/") || id.contains("..")) {
      why = "instance ID " + shown(id) + " contains " + (id.contains("/") ? "'/'" : "'..'")
          + ": an instance ID is letters and digits only";
    } else if (id.length() > MAX_INSTANCE_ID_LENGTH) {
      why = "instance ID is " + id.length() + " characters; an instance ID is 36 letters and digits";
    } else if (!id.chars().allMatch(FleetFileParser::isLetterOrDigit)) {
      why = "instance ID " + shown(id) + " must be letters and digits only";
    }
    if (why != null) {
      problem(node, path, why);
      return null;
    }
    return id;
  }

  private URI endpoint(Node node, String path) {
    String text = scalar(node, path);
    if (text == null) {
      return null;
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      problem(node, path, "not a URL: " + e.getReason());
      return null;
    }
    if (uri.getRawUserInfo() != null) {
      // Not echoed: the user info may be a password.
      problem(node, path, "the endpoint must not carry user info (user:password@host); credentials come"
          + " from the environment");
      return null;
    }
    String scheme = uri.getScheme();
    if (uri.getHost() == null || scheme == null
        || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
      problem(node, path, "endpoint " + shownEndpoint(text) + " must be an https URL with a host");
      return null;
    }
    if ("http".equalsIgnoreCase(scheme) && !Loopback.isLoopback(uri.getHost())) {
      problem(node, path, "endpoint " + shownEndpoint(text) + " is plain http to a host that is not loopback;"
          + " use https (plain http only for 127.0.0.1, [::1] or localhost)");
      return null;
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      problem(node, path, "endpoint " + shownEndpoint(text) + " must not have a query or fragment");
      return null;
    }
    return uri;
  }

  private FleetFile.CredentialVariables credentials(Node node, String path) {
    Map<String, Node> keys = mapping(node, path, CREDENTIAL_KEYS);
    if (keys == null) {
      return FleetFile.CredentialVariables.STANDARD;
    }
    Map<String, String> names = new HashMap<>();
    keys.forEach((key, value) -> {
      String name = scalar(value, path + "." + key);
      if (name != null && !ENV_NAME.matcher(name).matches()) {
        problem(value, path + "." + key, "not an environment variable name: " + shown(name));
      } else if (name != null) {
        names.put(key, name);
      }
    });
    boolean akSk = keys.containsKey("ak_env") || keys.containsKey("sk_env") || keys.containsKey("security_token_env");
    if (akSk && keys.containsKey("token_env")) {
      problem(node, path, "give token_env or ak_env/sk_env, not both");
    } else if (akSk && !(keys.containsKey("ak_env") && keys.containsKey("sk_env"))) {
      problem(node, path, "ak_env and sk_env go together");
    }
    return new FleetFile.CredentialVariables(names.get("ak_env"), names.get("sk_env"),
        names.get("security_token_env"), names.get("token_env"));
  }

  private Duration interval(Node node) {
    String text = scalar(node, "interval");
    if (text == null) {
      return DEFAULT_INTERVAL;
    }
    try {
      Duration d = new DurationConverter().convert(text);
      if (d.compareTo(MIN_INTERVAL) < 0) {
        problem(node, "interval", "must be at least " + MIN_INTERVAL.toMillis() + "ms, got " + shown(text));
      }
      return d;
    } catch (RuntimeException e) {
      problem(node, "interval", shown(text) + " is not a duration; use e.g. 500ms, 30s, 2m or 1h");
      return DEFAULT_INTERVAL;
    }
  }

  private int concurrency(Node node) {
    String text = scalar(node, "concurrency");
    if (text != null) {
      try {
        int n = Integer.parseInt(text);
        if (n >= 1 && n <= MAX_CONCURRENCY) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      problem(node, "concurrency", "must be a whole number from 1 to " + MAX_CONCURRENCY + ", got " + shown(text));
    }
    return DEFAULT_CONCURRENCY;
  }

  /** The keys of a mapping, each checked against {@code known} and for duplicates; null if not a mapping. */
  private Map<String, Node> mapping(Node node, String path, Set<String> known) {
    if (!(node instanceof MappingNode map)) {
      problem(node, path, "must be a mapping of " + String.join(", ", known.stream().sorted().toList()));
      return null;
    }
    Map<String, Node> keys = new LinkedHashMap<>();
    Map<String, Node> keyNodes = new HashMap<>();
    for (NodeTuple tuple : map.getValue()) {
      Node keyNode = tuple.getKeyNode();
      if (!(keyNode instanceof ScalarNode scalarKey)) {
        problem(keyNode, path, "keys must be plain names");
        continue;
      }
      String key = scalarKey.getValue();
      if (!known.contains(key)) {
        problem(keyNode, path, "unknown key " + shown(key) + " (known: "
            + String.join(", ", known.stream().sorted().toList()) + ")");
      } else if (keys.containsKey(key)) {
        problem(keyNode, path, "key '" + key + "' appears twice (first at " + line(keyNodes.get(key)).trim() + ")");
      } else {
        keys.put(key, tuple.getValueNode());
        keyNodes.put(key, keyNode);
      }
    }
    return keys;
  }

  private String scalar(Node node, String path) {
    if (node instanceof ScalarNode scalar) {
      return scalar.getValue();
    }
    problem(node, path, "must be a single value, not a " + (node instanceof SequenceNode ? "list" : "mapping"));
    return null;
  }

  private void problem(Node node, String path, String what) {
    if (problems.size() < MAX_PROBLEMS) {
      problems.add(line(node) + path + ": " + what);
    }
  }

  private FleetFileException fail(String problem) {
    return new FleetFileException(source, List.of(problem));
  }

  private static String line(Node node) {
    return at(node.getStartMark());
  }

  private static String at(Mark mark) {
    return mark == null ? "" : "line " + (mark.getLine() + 1) + ": ";
  }

  private static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true); // reported by mapping(..) with both lines
    options.setMaxAliasesForCollections(20);
    options.setNestingDepthLimit(20);
    options.setAllowRecursiveKeys(false);
    options.setCodePointLimit(MAX_CHARS);
    options.setProcessComments(false);
    return new Yaml(new SafeConstructor(options));
  }

  /**
   * An endpoint as a message shows it: {@link #shown}, and nothing before its last {@code @}. A URL
   * too broken to parse (a missing {@code :} after the scheme, say) can still carry
   * {@code user:password@}, which must not reach a message.
   */
  static String shownEndpoint(String text) {
    int at = text.lastIndexOf('@');
    return at < 0 ? shown(text) : shown("(user info hidden)@" + text.substring(at + 1));
  }

  /**
   * SnakeYAML's own words, which quote the character it stopped at raw (a NUL at the end of the
   * input, a tab): control characters escaped, bounded, so a problem stays one line.
   */
  static String escaped(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    text.codePoints().limit(300).forEach(c -> {
      if (c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029) {
        b.append(String.format("\\u%04x", c));
      } else {
        b.appendCodePoint(c);
      }
    });
    return b.toString();
  }

  /** A value from the file as a message shows it: quoted, control characters escaped, bounded. */
  static String shown(String value) {
    StringBuilder b = new StringBuilder("\"");
    value.codePoints().limit(60).forEach(c -> {
      if (c < 0x20 || c == 0x7f || c == '"' || c == '\\') {
        b.append(String.format("\\u%04x", c));
      } else {
        b.appendCodePoint(c);
      }
    });
    if (value.codePointCount(0, value.length()) > 60) {
      b.append("...");
    }
    return b.append('"').toString();
  }

  private static boolean isLetterOrDigit(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
}
