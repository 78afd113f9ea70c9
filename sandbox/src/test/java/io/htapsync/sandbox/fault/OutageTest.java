package io.htapsync.sandbox.fault;

import static io.htapsync.sandbox.TestHttp.get;
import static io.htapsync.sandbox.TestHttp.listPath;
import static io.htapsync.sandbox.data.DemoData.SALES_INSTANCE_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.htapsync.sandbox.RecordedExchange;
import io.htapsync.sandbox.SandboxOptions;
import io.htapsync.sandbox.TestHttp.Answer;
import io.htapsync.sandbox.junit.SandboxExtension;
import io.htapsync.sandbox.time.ManualClock;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Scripted outages: time windows and "the next N requests", timed by the sandbox's clock. */
class OutageTest {

    private static final ManualClock CLOCK = new ManualClock();

    @RegisterExtension
    static SandboxExtension sandbox = SandboxExtension.builder()
            .options(SandboxOptions.builder().clock(CLOCK)
                    .outage(Outage.between(Duration.ofSeconds(2), Duration.ofSeconds(5)))
                    .outage(Outage.between(Duration.ofSeconds(10), Duration.ofSeconds(11), InjectedFailure.dropConnection()))
                    .build())
            .build();

    @Test
    void aScriptedWindowAnswers503FromItsStartToItsEnd() {
        List<Integer> statuses = new ArrayList<>();
        for (long ms : new long[] {0, 1999, 2000, 4999, 5000}) {
            CLOCK.advance(Duration.ofMillis(ms).minus(sandbox.server().sinceStart()));
            statuses.add(status());
        }

        assertEquals(List.of(200, 200, 503, 503, 200), statuses);
        RecordedExchange outage = sandbox.recordedExchanges().get(2);
        assertEquals(InjectedFailure.Kind.UNAVAILABLE, outage.injectedFailure().kind());
        assertEquals("1", outage.responseHeaders().get("Retry-After"));
        assertTrue(outage.responseChecked(), "the proxy's 503 is validated against the spec's ProxyError");
        assertTrue(sandbox.server().specViolations().isEmpty());
    }

    @Test
    void aDropWindowClosesConnections() {
        CLOCK.advance(Duration.ofMillis(10_500));

        assertThrows(UncheckedIOException.class, () -> get(sandbox.baseUrl(), listPath(SALES_INSTANCE_ID)));
        CLOCK.advance(Duration.ofSeconds(1));
        assertEquals(200, status());
    }

    @Test
    void anOutageFromNowLastsItsDurationAndEndsWithTheTest() {
        CLOCK.advance(Duration.ofSeconds(6));
        sandbox.outageFor(Duration.ofSeconds(3));

        assertEquals(503, status());
        CLOCK.advance(Duration.ofMillis(2999));
        assertEquals(503, status());
        CLOCK.advance(Duration.ofMillis(1));
        assertEquals(200, status());

        sandbox.outageFor(Duration.ofMinutes(1), InjectedFailure.internalError());
        assertEquals(500, status());
        sandbox.server().reset();
        assertEquals(200, status());
    }

    @Test
    void theNextNRequestsFailThenTheServiceAnswers() {
        sandbox.failNext(3, InjectedFailure.throttled(Duration.ofSeconds(2)));

        assertEquals(List.of(429, 429, 429, 200), List.of(status(), status(), status(), status()));
    }

    @Test
    void queuedFailuresComeBeforeAWindowAndResetRestartsTheWindows() {
        CLOCK.advance(Duration.ofSeconds(3));
        sandbox.failNext(InjectedFailure.internalError());
        assertEquals(List.of(500, 503), List.of(status(), status()));

        sandbox.server().reset();

        assertEquals(200, status(), "the window counts from the reset again");
        CLOCK.advance(Duration.ofSeconds(2));
        assertEquals(503, status());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "5s-20s       | PT5S  | PT20S  | UNAVAILABLE",
        "0-1500ms:drop| PT0S  | PT1.5S | DROP_CONNECTION",
        "1m-2m:429    | PT1M  | PT2M   | THROTTLED",
        "30-45:500    | PT30S | PT45S  | SERVICE_ERROR",
        "1h-2h        | PT1H  | PT2H   | UNAVAILABLE"
    })
    void parsesTheCommandLineForm(String text, Duration from, Duration to, InjectedFailure.Kind kind) {
        Outage outage = Outage.parse(text, Duration.ofSeconds(4));

        assertEquals(from, outage.from());
        assertEquals(to, outage.to());
        assertEquals(kind, outage.failure().kind());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "20s          | an outage is FROM-TO[:KIND], e.g. 5s-20s or 0-1500ms:drop, got \"20s\"",
        "5x-20s       | \"5x\" in \"5x-20s\" is not a duration such as 1500ms, 20s, 2m or 1h",
        "20s-5s       | an outage ends after it starts, got PT20S to PT5S",
        "5s-20s:418   | failure kind must be 503, 429, 500 or drop, got \"418\""
    })
    void badCommandLineFormsAreNamed(String text, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Outage.parse(text, Duration.ofSeconds(1)));

        assertEquals(message, e.getMessage());
    }

    private static int status() {
        Answer answer = get(sandbox.baseUrl(), listPath(SALES_INSTANCE_ID));
        return answer.status();
    }
}
