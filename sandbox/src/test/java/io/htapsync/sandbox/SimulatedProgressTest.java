package io.htapsync.sandbox;

import static io.htapsync.sandbox.TestHttp.get;
import static io.htapsync.sandbox.TestHttp.listPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.htapsync.sandbox.data.DemoData;
import io.htapsync.sandbox.junit.SandboxExtension;
import io.htapsync.sandbox.time.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The demo instances move with the sandbox's clock, at the configured speed, and every answer meets the spec. */
class SimulatedProgressTest {

    private static final ManualClock CLOCK = new ManualClock();

    @RegisterExtension
    static SandboxExtension sandbox = SandboxExtension.builder()
            .options(SandboxOptions.builder().clock(CLOCK).build())
            .build();

    @Test
    void theProgressingInstanceMovesFromWaitingToSyncedAndStays() {
        List<String> seen = new ArrayList<>();
        for (int step = 0; step <= 250; step++) {
            JsonObject body = get(sandbox.baseUrl(), listPath(DemoData.PROGRESSING_INSTANCE_ID)).json();
            String state = synced(body) ? "synced" : summary(body);
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(state)) {
                seen.add(state);
            }
            CLOCK.advance(Duration.ofMillis(100));
        }

        assertEquals("wait,wait,wait,wait", seen.get(0));
        assertEquals("synced", seen.get(seen.size() - 1));
        assertTrue(seen.stream().anyMatch(s -> s.contains("full")), seen.toString());
        assertTrue(seen.stream().anyMatch(s -> s.contains("incremental+")), seen.toString());
        assertTrue(sandbox.server().specViolations().isEmpty());
    }

    @Test
    void theTroubledInstanceNeverSyncs() {
        CLOCK.advance(Duration.ofMinutes(10));

        JsonObject body = get(sandbox.baseUrl(), listPath(DemoData.TROUBLED_INSTANCE_ID)).json();

        assertFalse(synced(body));
        assertEquals("incremental,full,paused", summary(body));
        assertEquals("No", body.getAsJsonArray("replications").get(2).getAsJsonObject().get("status").getAsString());
    }

    @Test
    void resetStartsTheStoryAgain() {
        CLOCK.advance(Duration.ofMinutes(1));
        assertTrue(synced(get(sandbox.baseUrl(), listPath(DemoData.PROGRESSING_INSTANCE_ID)).json()));

        sandbox.server().reset();

        assertEquals("wait,wait,wait,wait", summary(get(sandbox.baseUrl(), listPath(DemoData.PROGRESSING_INSTANCE_ID)).json()));
    }

    /** Speed 10: synced within a tenth of the time; strings and capitalized stages stay spec-valid too. */
    @Nested
    class TenTimesFaster {

        private final ManualClock clock = new ManualClock();

        @RegisterExtension
        SandboxExtension fast = SandboxExtension.builder()
                .options(SandboxOptions.builder().clock(clock).progressSpeed(10)
                        .counterStyle(CounterStyle.STRINGS).stageCasing(StageCasing.CAPITALIZED).build())
                .build();

        @Test
        void syncsInATenthOfTheTime() {
            Duration synced = DemoData.simulatedInstances().get(0).syncedAt(DemoData.PROGRESS_SEED).orElseThrow();
            for (Duration t = Duration.ZERO; t.compareTo(synced.dividedBy(10)) < 0; t = t.plusMillis(50)) {
                assertFalse(synced(get(fast.baseUrl(), listPath(DemoData.PROGRESSING_INSTANCE_ID)).json()), "at " + t);
                get(fast.baseUrl(), listPath(DemoData.TROUBLED_INSTANCE_ID));
                clock.advance(Duration.ofMillis(50));
            }
            clock.advance(synced.dividedBy(10)); // past it, whatever the rounding of the 50 ms steps
            assertTrue(synced(get(fast.baseUrl(), listPath(DemoData.PROGRESSING_INSTANCE_ID)).json()));
        }
    }

    @Nested
    class SpeedZero {

        @RegisterExtension
        SandboxExtension frozen = SandboxExtension.builder()
                .options(SandboxOptions.builder().progressSpeed(0).build())
                .build();

        @Test
        void holdsEveryTaskWhereItStarts() throws InterruptedException {
            Thread.sleep(20);
            assertEquals("wait,wait,wait,wait",
                    summary(get(frozen.baseUrl(), listPath(DemoData.PROGRESSING_INSTANCE_ID)).json()));
        }
    }

    /** Stage per task, with {@code +catchup} when a catch-up runs. */
    private static String summary(JsonObject body) {
        List<String> stages = new ArrayList<>();
        for (JsonElement e : body.getAsJsonArray("replications")) {
            JsonObject task = e.getAsJsonObject();
            String stage = task.get("stage").getAsString().toLowerCase();
            stages.add(task.get("catchup_stage").isJsonNull() ? stage
                    : stage + "+" + task.get("catchup_stage").getAsString().toLowerCase());
        }
        return String.join(",", stages);
    }

    private static boolean synced(JsonObject body) {
        return SyncRule.synced(body);
    }
}
