package io.htapsync.cli.exporter;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.htapsync.cli.Loopback;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Any text as a fleet file: {@link FleetFileParser#parse} returns a fleet that keeps every promise the
 * exporter relies on, or throws a {@link FleetFileException} whose every problem names its line, on
 * one bounded line. Anything else escaping (a SnakeYAML exception, {@code NullPointerException},
 * {@code ClassCastException}, {@code StackOverflowError}, an {@code AssertionError} from the checks)
 * is a finding.
 *
 * <p>Every test run replays the committed inputs in {@code FleetFileFuzzTestInputs/anyTextAsAFleetFile/}
 * (regression mode); {@code cli/fuzz.sh} fuzzes.
 */
class FleetFileFuzzTest {
  /** "line N: " then one line of text: what FleetFileException promises for each problem. */
  private static final Pattern PROBLEM = Pattern.compile("line [1-9][0-9]*: [^\\n\\r\\u0000-\\u001f]{1,1000}");
  private static final Pattern INSTANCE_ID = Pattern.compile("[A-Za-z0-9]{1,64}");
  /** An endpoint's value where YAML or JSON has it as a key (other text, such as instance IDs, is not secret). */
  private static final Pattern ENDPOINT_VALUE = Pattern.compile(
      "(?m)(?:^[ \\t-]*endpoint|[\"']endpoint[\"'])[ \\t]*:[ \\t]*[\"']?([^\\s\"',}\\]]+)");
  private static final Pattern USER_INFO = Pattern.compile("([^@/:]{1,100}):([^@/:]{6,100})@");

  @FuzzTest(maxDuration = "5m")
  void anyTextAsAFleetFile(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    FleetFile fleet;
    try {
      fleet = FleetFileParser.parse(text, "fuzz.yaml");
    } catch (FleetFileException e) {
      checkRefusal(e, text);
      return;
    }
    checkFleet(fleet);
  }

  private static void checkRefusal(FleetFileException e, String text) {
    if (e.problems().isEmpty()) {
      throw new AssertionError("a refusal without a problem: " + e.getMessage());
    }
    for (String problem : e.problems()) {
      if (!PROBLEM.matcher(problem).matches()) {
        throw new AssertionError("a problem that does not name its line on one bounded line: " + problem);
      }
    }
    // An endpoint's user info (user:password@), even in a URL too broken to parse, is never echoed.
    Matcher endpoint = ENDPOINT_VALUE.matcher(text);
    while (endpoint.find()) {
      Matcher userInfo = USER_INFO.matcher(endpoint.group(1));
      while (userInfo.find()) {
        String password = userInfo.group(2);
        // Only a password that the file holds nowhere else: other values (an unknown key, say) may be quoted.
        boolean onlyThere = text.indexOf(password) == text.lastIndexOf(password);
        if (onlyThere && e.getMessage().contains(password)) {
          throw new AssertionError("the message echoes the password of an endpoint's user info");
        }
      }
    }
  }

  private static void checkFleet(FleetFile fleet) {
    if (fleet.targets().isEmpty()) {
      throw new AssertionError("a fleet without targets");
    }
    if (fleet.instanceCount() > FleetFileParser.MAX_INSTANCES) {
      throw new AssertionError(fleet.instanceCount() + " instances accepted");
    }
    if (fleet.interval().compareTo(FleetFileParser.MIN_INTERVAL) < 0) {
      throw new AssertionError("interval " + fleet.interval() + " accepted");
    }
    if (fleet.concurrency() < 1) {
      throw new AssertionError("concurrency " + fleet.concurrency() + " accepted");
    }
    Set<String> seen = new HashSet<>();
    for (FleetFile.Target target : fleet.targets()) {
      if ((target.region() == null) == (target.endpoint() == null)) {
        throw new AssertionError("a target needs exactly one of region and endpoint: " + target);
      }
      URI endpoint = target.endpoint();
      if (endpoint != null) {
        if (endpoint.getRawUserInfo() != null) {
          throw new AssertionError("an endpoint with user info accepted");
        }
        String scheme = endpoint.getScheme();
        if (!"https".equalsIgnoreCase(scheme) && !("http".equalsIgnoreCase(scheme) && Loopback.isLoopback(endpoint.getHost()))) {
          throw new AssertionError("endpoint " + endpoint + " accepted");
        }
      }
      if (target.instances().isEmpty()) {
        throw new AssertionError("a target without instances: " + target);
      }
      for (String id : target.instances()) {
        if (!INSTANCE_ID.matcher(id).matches()) {
          throw new AssertionError("instance id " + FleetFileParser.shown(id) + " accepted");
        }
        String where = (endpoint != null ? endpoint.toString() : target.region()) + "|" + target.projectId() + "|" + id;
        if (!seen.add(where)) {
          throw new AssertionError("a duplicate instance accepted: " + where);
        }
      }
    }
  }
}
