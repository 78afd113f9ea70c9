package io.htapsync.sandbox;

import static io.htapsync.sandbox.TestHttp.get;
import static io.htapsync.sandbox.TestHttp.listPath;
import static io.htapsync.sandbox.data.DemoData.SALES_INSTANCE_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.htapsync.sandbox.TestHttp.Answer;
import io.htapsync.sandbox.fault.InjectedFailure;
import io.htapsync.sandbox.junit.SandboxExtension;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each switch of {@link SandboxOptions} changes the answers as documented: one nested class, one sandbox per switch. */
class SwitchesTest {

    @Nested
    class Defaults {

        @RegisterExtension
        SandboxExtension sandbox = SandboxExtension.withDefaults();

        @Test
        void countersAsJsonNumbers() {
            JsonObject body = get(sandbox.baseUrl(), listPath(SALES_INSTANCE_ID)).json();
            JsonObject first = body.getAsJsonArray("replications").get(0).getAsJsonObject();
            JsonObject second = body.getAsJsonArray("replications").get(1).getAsJsonObject();

            assertTrue(body.getAsJsonPrimitive("total_count").isNumber());
            assertTrue(first.getAsJsonPrimitive("percentage").isNumber());
            assertEquals("99.5", first.getAsJsonPrimitive("catchup_percentage").getAsBigDecimal().toPlainString());
            assertTrue(second.get("catchup_percentage").isJsonNull());
        }

        @Test
        void stagesLowerCase() {
            assertEquals(List.of("incremental", "full", "wait", "cancelled", "paused", "incremental", "incremental"),
                    stages(sandbox.baseUrl(), "stage"));
        }
    }

    @Nested
    class CountersAsStrings {

        @RegisterExtension
        SandboxExtension sandbox = SandboxExtension.builder()
                .options(SandboxOptions.builder().counterStyle(CounterStyle.STRINGS).build()).build();

        @Test
        void everyCounterIsAString() {
            JsonObject body = get(sandbox.baseUrl(), listPath(SALES_INSTANCE_ID)).json();
            JsonArray tasks = body.getAsJsonArray("replications");
            JsonObject first = tasks.get(0).getAsJsonObject();

            assertEquals("7", body.getAsJsonPrimitive("total_count").getAsString());
            assertTrue(body.getAsJsonPrimitive("total_count").isString());
            assertTrue(first.getAsJsonPrimitive("percentage").isString());
            assertEquals("99.5", first.getAsJsonPrimitive("catchup_percentage").getAsString());
            assertTrue(tasks.get(1).getAsJsonObject().get("catchup_percentage").isJsonNull());
            assertEquals("87.0", tasks.get(4).getAsJsonObject().get("percentage").getAsString());
            assertTrue(sandbox.server().specViolations().isEmpty());
        }
    }

    @Nested
    class CapitalizedStages {

        @RegisterExtension
        SandboxExtension sandbox = SandboxExtension.builder()
                .options(SandboxOptions.builder().stageCasing(StageCasing.CAPITALIZED).build()).build();

        @Test
        void stagesAndCatchUpStagesAreCapitalized() {
            assertEquals(List.of("Incremental", "Full", "Wait", "Cancelled", "Paused", "Incremental", "Incremental"),
                    stages(sandbox.baseUrl(), "stage"));
            assertEquals("Full", stages(sandbox.baseUrl(), "catchup_stage").get(5));
            assertNull(stages(sandbox.baseUrl(), "catchup_stage").get(1));
        }
    }

    @Nested
    class Latency {

        @RegisterExtension
        SandboxExtension sandbox = SandboxExtension.builder()
                .options(SandboxOptions.builder().latency(Duration.ofMillis(300)).build()).build();

        @Test
        void delaysEveryAnswer() {
            long start = System.nanoTime();
            assertEquals(200, get(sandbox.baseUrl(), listPath(SALES_INSTANCE_ID)).status());
            long unauthorizedStart = System.nanoTime();
            assertEquals(401, TestHttp.send(sandbox.baseUrl(), listPath(SALES_INSTANCE_ID), "GET").status());
            long end = System.nanoTime();

            assertTrue(Duration.ofNanos(unauthorizedStart - start).toMillis() >= 300);
            assertTrue(Duration.ofNanos(end - unauthorizedStart).toMillis() >= 300);
        }
    }

    @Nested
    class EveryThirdRequestGetsTheProxy503 {

        @RegisterExtension
        SandboxExtension sandbox = SandboxExtension.builder().options(SandboxOptions.builder()
                .failEvery(3).failure(InjectedFailure.unavailable(Duration.ofSeconds(2))).build()).build();

        @Test
        void withRetryAfter() {
            List<Integer> statuses = new ArrayList<>();
            Answer unavailable = null;
            for (int i = 1; i <= 7; i++) {
                Answer answer = get(sandbox.baseUrl(), listPath(SALES_INSTANCE_ID));
                statuses.add(answer.status());
                if (answer.status() == 503) {
                    unavailable = answer;
                }
            }

            assertEquals(List.of(200, 200, 503, 200, 200, 503, 200), statuses);
            assertEquals("2", unavailable.header("Retry-After"));
            assertTrue(unavailable.header("Content-Type").startsWith("text/html"));
            assertTrue(unavailable.body().contains("503 Service Temporarily Unavailable"));
            assertTrue(unavailable.requestId().matches("[0-9a-f]{32}"));
            RecordedExchange injected = sandbox.recordedExchanges().get(2);
            assertEquals(InjectedFailure.Kind.UNAVAILABLE, injected.injectedFailure().kind());
            assertTrue(injected.responseChecked(), "a proxy's 503 is checked against the spec's ProxyError");
            assertTrue(sandbox.server().specViolations().isEmpty());
        }
    }

    /**
     * Started by hand: the same seed must give the same failures in two fresh sandboxes, and a reset
     * does not rewind the random draws.
     */
    @Test
    void aFractionOfRequestsFailsTheSameWayForTheSameSeed() {
        SandboxOptions options = SandboxOptions.builder().failureRate(0.3).randomSeed(7).build();
        List<Integer> first = statuses(options, 40);
        List<Integer> second = statuses(options, 40);
        long failures = first.stream().filter(s -> s == 503).count();

        assertEquals(first, second);
        assertTrue(failures > 0 && failures < 40, "failures: " + failures);
        assertTrue(first.stream().allMatch(s -> s == 200 || s == 503));
        assertTrue(statuses(SandboxOptions.builder().failureRate(1).build(), 5).stream().allMatch(s -> s == 503));
        assertTrue(statuses(SandboxOptions.builder().failureRate(0).build(), 5).stream().allMatch(s -> s == 200));
    }

    @Nested
    class DropEveryConnection {

        @RegisterExtension
        SandboxExtension sandbox = SandboxExtension.builder().options(SandboxOptions.builder()
                .failEvery(1).failure(InjectedFailure.dropConnection()).build()).build();

        @Test
        void leavesTheClientWithoutAnswer() {
            assertThrows(UncheckedIOException.class, () -> get(sandbox.baseUrl(), listPath(SALES_INSTANCE_ID)));

            RecordedExchange dropped = sandbox.recordedExchanges().get(0);
            assertTrue(dropped.dropped());
            assertEquals(InjectedFailure.Kind.DROP_CONNECTION, dropped.injectedFailure().kind());
        }
    }

    @Nested
    class ThrottleEveryRequest {

        @RegisterExtension
        SandboxExtension sandbox = SandboxExtension.builder().options(SandboxOptions.builder()
                .failEvery(1).failure(InjectedFailure.throttled(Duration.ofSeconds(5))).build()).build();

        @Test
        void isTheGateways429WithRetryAfter() {
            Answer answer = get(sandbox.baseUrl(), listPath(SALES_INSTANCE_ID));

            assertEquals(429, answer.status());
            assertEquals("5", answer.header("Retry-After"));
            assertEquals("APIGW.0308", answer.json().get("error_code").getAsString());
            assertEquals(answer.requestId(), answer.json().get("request_id").getAsString());
            assertTrue(sandbox.recordedExchanges().get(0).responseChecked(), "429 is in the spec, so it is checked");
            assertTrue(sandbox.server().specViolations().isEmpty());
        }
    }

    @Nested
    class RequiredToken {

        @RegisterExtension
        SandboxExtension sandbox = SandboxExtension.builder()
                .options(SandboxOptions.builder().requiredToken(TestHttp.TOKEN).build()).build();

        @Test
        void mustMatch() {
            Answer wrong = TestHttp.send(sandbox.baseUrl(), listPath(SALES_INSTANCE_ID), "GET",
                    "X-Auth-Token", "some-other-token");

            assertEquals(401, wrong.status());
            assertEquals("Incorrect IAM authentication information: decrypt token fail",
                    wrong.json().get("error_msg").getAsString());
            assertEquals(200, get(sandbox.baseUrl(), listPath(SALES_INSTANCE_ID)).status());
        }
    }

    @Test
    void badSwitchValuesAreRejectedWithTheirName() {
        SandboxOptions.Builder builder = SandboxOptions.builder();
        assertEquals("page cap must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> builder.pageCap(0)).getMessage());
        assertEquals("failure rate must be between 0 and 1, got 1.5",
                assertThrows(IllegalArgumentException.class, () -> builder.failureRate(1.5)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> builder.latency(Duration.ofMillis(-1)))
                .getMessage().startsWith("latency"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> builder.port(70000))
                .getMessage().startsWith("port"));
        assertEquals("progress speed must be a finite number, 0 or more, got NaN",
                assertThrows(IllegalArgumentException.class, () -> builder.progressSpeed(Double.NaN)).getMessage());
    }

    @Test
    void optionsNeverShowTheRequiredToken() {
        String text = SandboxOptions.builder().requiredToken("s3cr3t-token").build().toString();

        assertFalse(text.contains("s3cr3t-token"), text);
        assertTrue(text.contains("requiredToken=<redacted>"), text);
    }

    private static List<String> stages(String baseUrl, String field) {
        List<String> stages = new ArrayList<>();
        for (var task : get(baseUrl, listPath(SALES_INSTANCE_ID)).json().getAsJsonArray("replications")) {
            var value = task.getAsJsonObject().get(field);
            stages.add(value.isJsonNull() ? null : value.getAsString());
        }
        return stages;
    }

    private static List<Integer> statuses(SandboxOptions options, int requests) {
        try (SandboxServer sandbox = SandboxServer.start(options)) {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                statuses.add(get(sandbox.baseUrl(), listPath(SALES_INSTANCE_ID)).status());
            }
            return statuses;
        }
    }
}
