package io.htapsync.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/**
 * The provider verification can fail: the same verification as {@link SandboxProviderVerificationIT},
 * run on a pact whose expectations the sandbox cannot meet, reports those interactions as failed
 * and passes the one it can meet.
 */
class WrongPactFailsProviderVerificationIT {

  /** Run only through the engine below: failsafe does not pick up nested classes. */
  @Provider(ReplicationContract.PROVIDER)
  @PactFolder("pacts-the-sandbox-cannot-meet")
  static class VerificationOfAWrongPact extends SandboxProviderVerification {
  }

  @Test
  void failsEveryInteractionTheSandboxCannotMeet() {
    Map<String, TestExecutionResult> results = new TreeMap<>();
    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(VerificationOfAWrongPact.class))
        .execute()
        .testEvents()
        .finished()
        .stream()
        .forEach(event -> results.put(interaction(event), event.getRequiredPayload(TestExecutionResult.class)));

    assertEquals(3, results.size(), () -> "verified interactions: " + results.keySet());
    results.forEach((description, result) -> {
      boolean expectedToFail = description.contains("WRONG:");
      assertEquals(expectedToFail ? TestExecutionResult.Status.FAILED : TestExecutionResult.Status.SUCCESSFUL,
          result.getStatus(), () -> description + ": " + result.getThrowable().map(Throwable::getMessage).orElse(""));
    });
    assertFailureMentions(results, "expecting 404", "404");
    assertFailureMentions(results, "task_owner", "task_owner");
  }

  private static void assertFailureMentions(Map<String, TestExecutionResult> results, String interaction,
      String expected) {
    TestExecutionResult result = results.entrySet().stream()
        .filter(e -> e.getKey().contains(interaction)).findFirst().orElseThrow().getValue();
    String message = result.getThrowable().map(Throwable::getMessage).orElse("");
    assertTrue(message.contains(expected), () -> "failure of '" + interaction + "' does not name " + expected
        + ":\n" + message);
  }

  private static String interaction(Event event) {
    assertEquals(EventType.FINISHED, event.getType());
    return event.getTestDescriptor().getDisplayName();
  }
}
