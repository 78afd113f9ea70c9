package io.htapsync.sandbox.junit;

import static io.htapsync.sandbox.TestHttp.get;
import static io.htapsync.sandbox.TestHttp.listPath;
import static io.htapsync.sandbox.data.DemoData.SALES_INSTANCE_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.htapsync.sandbox.SandboxOptions;
import io.htapsync.sandbox.TestHttp;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Runs small test classes through the JUnit engine to see what the extension does to their results:
 * a spec-breaking response must fail the test that caused it.
 */
class SandboxExtensionScenariosTest {

    private static final String SCENARIO = "htapsync.sandbox.scenario";

    @Test
    void strictSandboxFailsTheTestWhoseResponseBrokeTheSpec() {
        events(StrictScenario.class).assertThatEvents().haveExactly(1, event(test("requestsOnce"),
                finishedWithFailure(instanceOf(SpecViolationError.class),
                        message(m -> m.contains("the sandbox built responses that break the spec")
                                && m.contains("/total_count")))));
    }

    @Test
    void lenientSandboxLetsTheSameTestPass() {
        events(LenientScenario.class).assertThatEvents()
                .haveExactly(1, event(test("requestsOnce"), finishedSuccessfully()));
    }

    @Test
    void requestViolationsFailTheTestOnlyWhenAskedFor() {
        events(RequestViolationScenario.class).assertThatEvents()
                .haveExactly(1, event(test("sendsLimitZero"), finishedWithFailure(instanceOf(SpecViolationError.class),
                        message(m -> m.contains("the client sent requests that break the spec")
                                && m.contains("limit")))))
                .haveExactly(1, event(test("sendsAValidRequest"), finishedSuccessfully()));
    }

    @Test
    void instanceFieldGivesEachTestItsOwnSandboxAndClosesIt() {
        PerTestScenario.URLS.clear();

        events(PerTestScenario.class).assertThatEvents()
                .haveExactly(2, event(test(), finishedSuccessfully()));

        assertEquals(2, PerTestScenario.URLS.size());
        assertNotEquals(PerTestScenario.URLS.get(0), PerTestScenario.URLS.get(1));
        for (String url : PerTestScenario.URLS) {
            assertThrows(UncheckedIOException.class, () -> get(url, listPath(SALES_INSTANCE_ID)));
        }
    }

    private static Events events(Class<?> scenario) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter(SCENARIO, "true")
                .selectors(selectClass(scenario))
                .execute()
                .testEvents();
    }

    /** Keeps the scenarios from running on their own (surefire skips nested classes anyway). */
    static final class OnlyAsScenario implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(SCENARIO).isPresent()
                    ? ConditionEvaluationResult.enabled("run by SandboxExtensionScenariosTest")
                    : ConditionEvaluationResult.disabled("only run by SandboxExtensionScenariosTest");
        }
    }

    @ExtendWith(OnlyAsScenario.class)
    static class StrictScenario {
        @RegisterExtension
        static SandboxExtension sandbox = SandboxExtension.builder()
                .options(SandboxOptions.builder().successBodyRewriter(body -> {
                    body.addProperty("total_count", "lots");
                    return body;
                }).build())
                .build();

        @Test
        void requestsOnce() {
            assertEquals(500, get(sandbox.baseUrl(), listPath(SALES_INSTANCE_ID)).status());
        }
    }

    @ExtendWith(OnlyAsScenario.class)
    static class LenientScenario {
        @RegisterExtension
        static SandboxExtension sandbox = SandboxExtension.builder()
                .options(SandboxOptions.builder().strict(false).successBodyRewriter(body -> {
                    body.addProperty("total_count", "lots");
                    return body;
                }).build())
                .build();

        @Test
        void requestsOnce() {
            assertEquals(200, get(sandbox.baseUrl(), listPath(SALES_INSTANCE_ID)).status());
        }
    }

    @ExtendWith(OnlyAsScenario.class)
    static class RequestViolationScenario {
        @RegisterExtension
        static SandboxExtension sandbox = SandboxExtension.builder().failOnRequestViolations(true).build();

        @Test
        void sendsLimitZero() {
            assertEquals(400, get(sandbox.baseUrl(), listPath(SALES_INSTANCE_ID) + "?limit=0").status());
        }

        @Test
        void sendsAValidRequest() {
            assertEquals(200, get(sandbox.baseUrl(), listPath(SALES_INSTANCE_ID) + "?limit=1").status());
        }
    }

    @ExtendWith(OnlyAsScenario.class)
    static class PerTestScenario {
        static final List<String> URLS = new CopyOnWriteArrayList<>();

        @RegisterExtension
        SandboxExtension sandbox = SandboxExtension.withDefaults();

        @Test
        void first() {
            URLS.add(sandbox.baseUrl());
            assertEquals(200, TestHttp.get(sandbox.baseUrl(), listPath(SALES_INSTANCE_ID)).status());
        }

        @Test
        void second() {
            URLS.add(sandbox.baseUrl());
            assertEquals(200, TestHttp.get(sandbox.baseUrl(), listPath(SALES_INSTANCE_ID)).status());
        }
    }
}
