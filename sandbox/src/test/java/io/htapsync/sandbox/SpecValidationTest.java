package io.htapsync.sandbox;

import static io.htapsync.sandbox.TestHttp.get;
import static io.htapsync.sandbox.TestHttp.listPath;
import static io.htapsync.sandbox.data.DemoData.EMPTY_INSTANCE_ID;
import static io.htapsync.sandbox.data.DemoData.SALES_INSTANCE_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.htapsync.sandbox.TestHttp.Answer;
import io.htapsync.sandbox.fault.InjectedFailure;
import io.htapsync.sandbox.junit.SandboxExtension;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Responses are checked against the spec; one that breaks it is caught. The strict-mode tests start
 * their sandbox by hand: a withheld response is what they test, and {@link SandboxExtension} would
 * (rightly) fail any test that produced one.
 */
class SpecValidationTest {

    /** Breaks the NumericString pattern of total_count. */
    private static final UnaryOperator<JsonObject> BAD_TOTAL = body -> {
        body.addProperty("total_count", "lots");
        return body;
    };

    @Test
    void strictModeWithholdsASpecBreakingResponseAndSaysWhy() {
        try (SandboxServer sandbox = SandboxServer.start(
                SandboxOptions.builder().successBodyRewriter(BAD_TOTAL).build())) {
            Answer answer = get(sandbox.baseUrl(), listPath(SALES_INSTANCE_ID));

            assertEquals(500, answer.status());
            JsonObject body = answer.json();
            assertEquals("SANDBOX.0001", body.get("error_code").getAsString());
            assertTrue(body.get("error_msg").getAsString().contains("breaks the OpenAPI spec"));
            assertTrue(body.get("error_msg").getAsString().contains("/total_count"), body.toString());
            List<RecordedExchange> violations = sandbox.specViolations();
            assertEquals(1, violations.size());
            assertTrue(violations.get(0).responseViolations().stream().anyMatch(v -> v.contains("/total_count")),
                    violations.get(0).responseViolations().toString());
        }
    }

    @Test
    void strictModeCatchesAWrongShapeToo() {
        try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.builder()
                .successBodyRewriter(body -> {
                    body.addProperty("replications", "none");
                    return body;
                }).build())) {
            assertEquals(500, get(sandbox.baseUrl(), listPath(EMPTY_INSTANCE_ID)).status());
            assertTrue(sandbox.specViolations().get(0).responseViolations().stream()
                    .anyMatch(v -> v.contains("/replications")));
        }
    }

    @Nested
    class Lenient {

        @RegisterExtension
        SandboxExtension sandbox = SandboxExtension.builder()
                .options(SandboxOptions.builder().strict(false).successBodyRewriter(BAD_TOTAL).build()).build();

        @Test
        void sendsItAnywayButRecordsTheViolation() {
            Answer answer = get(sandbox.baseUrl(), listPath(SALES_INSTANCE_ID));

            assertEquals(200, answer.status());
            assertEquals("lots", answer.json().get("total_count").getAsString());
            assertEquals(1, sandbox.server().specViolations().size());
        }
    }

    @Test
    void fieldsTheSpecDoesNotListAreViolationsSoThatATypoIsCaught() {
        // The validator treats an object schema without additionalProperties as closed: stricter than
        // OpenAPI, on purpose here, because the sandbox must only send the fields the spec names.
        UnaryOperator<JsonObject> extraField = body -> {
            body.addProperty("next_marker", "abc");
            return body;
        };
        try (SandboxServer strict = SandboxServer.start(SandboxOptions.builder().successBodyRewriter(extraField).build());
             SandboxServer lenient = SandboxServer.start(
                     SandboxOptions.builder().strict(false).successBodyRewriter(extraField).build())) {
            assertEquals(500, get(strict.baseUrl(), listPath(SALES_INSTANCE_ID)).status());
            assertTrue(strict.specViolations().get(0).responseViolations().toString().contains("next_marker"));

            Answer simulated = get(lenient.baseUrl(), listPath(SALES_INSTANCE_ID));
            assertEquals(200, simulated.status());
            assertEquals("abc", simulated.json().get("next_marker").getAsString());
        }
    }

    @Test
    void anInjectedStatusTheSpecDoesNotListIsCaught() {
        try (SandboxServer sandbox = SandboxServer.start()) {
            sandbox.failNext(InjectedFailure.serviceError(418, "DBS.999999", "I'm a teapot."));

            assertEquals(500, get(sandbox.baseUrl(), listPath(SALES_INSTANCE_ID)).status());
            assertTrue(sandbox.specViolations().get(0).responseViolations().toString().contains("418"),
                    sandbox.specViolations().get(0).responseViolations().toString());
        }
    }

    @Nested
    class StringsAndCapitalizedStages {

        @RegisterExtension
        SandboxExtension sandbox = SandboxExtension.builder().options(SandboxOptions.builder()
                .counterStyle(CounterStyle.STRINGS).stageCasing(StageCasing.CAPITALIZED).build()).build();

        @Test
        void everyKindOfAnswerTheSpecDescribesIsCheckedAndPasses() {
            sandbox.failNext(InjectedFailure.throttled(Duration.ofSeconds(1)), InjectedFailure.internalError(),
                    InjectedFailure.unavailable(Duration.ofSeconds(1)));
            List<Integer> statuses = List.of(
                    get(sandbox.baseUrl(), listPath(SALES_INSTANCE_ID)).status(),
                    get(sandbox.baseUrl(), listPath(SALES_INSTANCE_ID)).status(),
                    get(sandbox.baseUrl(), listPath(SALES_INSTANCE_ID)).status(),
                    get(sandbox.baseUrl(), listPath(SALES_INSTANCE_ID)).status(),
                    get(sandbox.baseUrl(), listPath(EMPTY_INSTANCE_ID)).status(),
                    get(sandbox.baseUrl(), listPath("ffffffffffffffffffffffffffffffffin17")).status(),
                    get(sandbox.baseUrl(), listPath(SALES_INSTANCE_ID) + "?limit=500").status(),
                    TestHttp.send(sandbox.baseUrl(), listPath(SALES_INSTANCE_ID), "GET").status());

            assertEquals(List.of(429, 500, 503, 200, 200, 400, 400, 401), statuses);
            sandbox.recordedExchanges().forEach(e -> {
                assertTrue(e.responseChecked(), e.toString());
                assertFalse(e.responseBrokeSpec(), e.toString());
            });
        }
    }
}
