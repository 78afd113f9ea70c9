package io.htapsync.contract;

import static io.htapsync.contract.ReplicationContract.INSTANCE_ID;
import static io.htapsync.contract.ReplicationContract.MISSING_INSTANCE_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.State;
import io.htapsync.sandbox.SandboxServer;
import io.htapsync.sandbox.data.ReplicationTask;
import io.htapsync.sandbox.fault.InjectedFailure;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Replays pacts against a running provider, the sandbox, with each provider state mapped onto
 * sandbox data. A subclass names the provider and where its pacts come from. The sandbox also
 * validates every request and response against the spec as it serves them.
 */
abstract class SandboxProviderVerification {
  private static SandboxServer sandbox;

  @BeforeAll
  static void startProvider() {
    sandbox = SandboxServer.start();
  }

  @AfterAll
  static void stopProvider() {
    sandbox.close();
  }

  @BeforeEach
  void pointAtTheProvider(PactVerificationContext context) {
    sandbox.reset();
    context.setTarget(new HttpTestTarget("127.0.0.1", sandbox.port()));
  }

  @AfterEach
  void theProviderStayedWithinTheSpec() {
    assertEquals(List.of(), sandbox.specViolations(), "the sandbox answered outside the spec");
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void verify(PactVerificationContext context) {
    context.verifyInteraction();
  }

  @State(ReplicationContract.STATE_ONE_TASK)
  void oneTask() {
    // Carries every field either interaction of this state looks at, the optional ones included.
    sandbox.dataset().put(INSTANCE_ID, List.of(
        ReplicationTask.builder("sales_to_starrocks", "sales", "sales_olap")
            .catchup("incremental", "99.5").flags(false, true).build()));
  }

  @State(ReplicationContract.STATE_120_TASKS)
  void hundredTwentyTasks() {
    List<ReplicationTask> tasks = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      tasks.add(ReplicationTask.builder("task_" + i, "db_" + i, "olap_" + i).build());
    }
    sandbox.dataset().put(INSTANCE_ID, tasks);
  }

  @State(ReplicationContract.STATE_NO_TASKS)
  void noTasks() {
    sandbox.dataset().put(INSTANCE_ID, List.of());
  }

  @State(ReplicationContract.STATE_MISSING_INSTANCE)
  void missingInstance() {
    sandbox.dataset().remove(MISSING_INSTANCE_ID);
  }

  @State(ReplicationContract.STATE_INTERNAL_ERROR)
  void internalError() {
    sandbox.dataset().put(INSTANCE_ID, List.of());
    sandbox.failNext(InjectedFailure.internalError());
  }
}
