package io.htapsync.contract;

import static io.htapsync.contract.ReplicationContract.CONSUMER;
import static io.htapsync.contract.ReplicationContract.PROVIDER;
import static io.htapsync.contract.ReplicationContract.STATE_120_TASKS;
import static io.htapsync.contract.ReplicationContract.STATE_INTERNAL_ERROR;
import static io.htapsync.contract.ReplicationContract.STATE_MISSING_INSTANCE;
import static io.htapsync.contract.ReplicationContract.STATE_NO_TASKS;
import static io.htapsync.contract.ReplicationContract.STATE_ONE_TASK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the written pact file says, read as JSON: who it is between, which situations it covers,
 * and that each counter is pinned to "JSON number or numeric string" with the spec's own pattern.
 */
class PactFileRulesIT {
  private static JsonObject pact;
  private static List<JsonObject> interactions;

  @BeforeAll
  static void readThePactFile() throws IOException {
    pact = JsonParser.parseString(Files.readString(WrittenPact.file())).getAsJsonObject();
    interactions = new ArrayList<>();
    pact.getAsJsonArray("interactions").forEach(i -> interactions.add(i.getAsJsonObject()));
  }

  @Test
  void isAV4PactBetweenTheClientAndTheApi() {
    assertEquals(CONSUMER, pact.getAsJsonObject("consumer").get("name").getAsString());
    assertEquals(PROVIDER, pact.getAsJsonObject("provider").get("name").getAsString());
    assertEquals("4.0", pact.getAsJsonObject("metadata").getAsJsonObject("pactSpecification")
        .get("version").getAsString());
  }

  @Test
  void coversEverySituation() {
    assertEquals(6, interactions.size(), "interactions: " + descriptions());
    Set<String> states = interactions.stream()
        .flatMap(i -> stream(i.getAsJsonArray("providerStates")))
        .map(state -> state.getAsJsonObject().get("name").getAsString())
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(new TreeSet<>(Set.of(STATE_ONE_TASK, STATE_120_TASKS, STATE_NO_TASKS,
        STATE_MISSING_INSTANCE, STATE_INTERNAL_ERROR)), states);
    assertTrue(interactions.stream()
            .anyMatch(i -> "50".equals(queryValue(i, "offset")) && "50".equals(queryValue(i, "limit"))),
        "no interaction asks for offset=50&limit=50");
  }

  @Test
  void holdsTheInstanceNotFoundAndInternalErrorInteractions() {
    assertEquals("DBS.200022", errorCodeOf(only(400), STATE_MISSING_INSTANCE));
    assertEquals("DBS.200001", errorCodeOf(only(500), STATE_INTERNAL_ERROR));
  }

  @Test
  void pinsEveryCounterToEitherFormWithTheSpecsPattern() {
    Set<String> count = Set.of("integer", "regex " + BundledSpec.stringPattern("Count"));
    Set<String> numberOrString = Set.of("number", "regex " + BundledSpec.stringPattern("Percentage"));
    Set<String> numberOrStringOrNull = Set.of("number", "regex " + BundledSpec.stringPattern("NullablePercentage"),
        "null");

    List<JsonObject> pages = withStatus(200);
    assertEquals(4, pages.size(), "200 interactions: " + descriptions());
    int withTasks = 0;
    for (JsonObject page : pages) {
      JsonObject rules = bodyRules(page);
      assertEquals(count, orMatchers(rules, "$.total_count"), description(page));
      if (responseBody(page).getAsJsonArray("replications").size() > 0) {
        withTasks++;
        assertEquals(numberOrString, orMatchers(rules, "$.replications[*].percentage"), description(page));
        assertEquals(numberOrStringOrNull, orMatchers(rules, "$.replications[*].catchup_percentage"),
            description(page));
        assertTrue(orMatchers(rules, "$.replications[*].catchup_stage").contains("null"), description(page));
      }
    }
    assertEquals(3, withTasks, "200 interactions that carry tasks");
  }

  /** The matchers of an OR rule as "number", "null" or "regex <pattern>". */
  private static Set<String> orMatchers(JsonObject rules, String path) {
    JsonObject rule = rules.getAsJsonObject(path);
    assertNotNull(rule, () -> "no matching rule at " + path + " in " + rules.keySet());
    assertEquals("OR", rule.get("combine").getAsString(), () -> "rule at " + path + " does not combine with OR");
    return stream(rule.getAsJsonArray("matchers"))
        .map(JsonElement::getAsJsonObject)
        .map(m -> m.has("regex") ? m.get("match").getAsString() + " " + m.get("regex").getAsString()
            : m.get("match").getAsString())
        .collect(Collectors.toSet());
  }

  private static JsonObject bodyRules(JsonObject interaction) {
    JsonObject rules = interaction.getAsJsonObject("response").getAsJsonObject("matchingRules");
    assertNotNull(rules, () -> "no response matching rules in " + description(interaction));
    return rules.getAsJsonObject("body");
  }

  private static String errorCodeOf(JsonObject interaction, String state) {
    assertEquals(state, interaction.getAsJsonArray("providerStates").get(0).getAsJsonObject()
        .get("name").getAsString());
    return responseBody(interaction).get("error_code").getAsString();
  }

  private static JsonObject only(int status) {
    List<JsonObject> found = withStatus(status);
    assertEquals(1, found.size(), () -> "interactions with status " + status + ": " + descriptions());
    return found.get(0);
  }

  private static List<JsonObject> withStatus(int status) {
    return interactions.stream()
        .filter(i -> i.getAsJsonObject("response").get("status").getAsInt() == status)
        .collect(Collectors.toList());
  }

  private static JsonObject responseBody(JsonObject interaction) {
    return interaction.getAsJsonObject("response").getAsJsonObject("body").getAsJsonObject("content");
  }

  // A V4 pact stores the query as a map of name to list of values.
  private static String queryValue(JsonObject interaction, String name) {
    JsonObject query = interaction.getAsJsonObject("request").getAsJsonObject("query");
    if (query == null || !query.has(name)) {
      return null;
    }
    return query.getAsJsonArray(name).get(0).getAsString();
  }

  private static String description(JsonObject interaction) {
    return interaction.get("description").getAsString();
  }

  private static List<String> descriptions() {
    return interactions.stream().map(PactFileRulesIT::description).collect(Collectors.toList());
  }

  private static Stream<JsonElement> stream(JsonArray array) {
    return StreamSupport.stream(array.spliterator(), false);
  }
}
