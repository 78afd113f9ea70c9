package io.htapsync.sandbox;

import static io.htapsync.sandbox.TestHttp.get;
import static io.htapsync.sandbox.TestHttp.listPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.htapsync.sandbox.data.DemoData;
import io.htapsync.sandbox.data.ReplicationTask;
import io.htapsync.sandbox.fault.InjectedFailure;
import io.htapsync.sandbox.junit.SandboxExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The states a Pact provider verification will set up, mapped onto the running sandbox. */
class ProviderStatesTest {

    private static final String X = "9a8b7c6d5e4f30211a2b3c4d5e6f7a8bin07";
    private static final String ANY_PROJECT = "0a0b0c0d0e0f10111213141516171819";

    @RegisterExtension
    static SandboxExtension sandbox = SandboxExtension.builder().build();

    @Test
    void instanceXHasOneReplicationTask() {
        sandbox.dataset().put(X, List.of(ReplicationTask.builder("sales_to_starrocks", "sales", "sales_olap")
                .catchup("incremental", "99.5").build()));

        JsonObject body = get(sandbox.baseUrl(), listPath(ANY_PROJECT, X)).json();

        assertEquals(1, body.get("total_count").getAsInt());
        JsonObject task = body.getAsJsonArray("replications").get(0).getAsJsonObject();
        assertEquals("sales_to_starrocks", task.get("task_name").getAsString());
        assertEquals("99.5", task.get("catchup_percentage").getAsString());
    }

    @Test
    void instanceXHasNoReplicationTasks() {
        sandbox.dataset().put(X, List.of());

        JsonObject body = get(sandbox.baseUrl(), listPath(ANY_PROJECT, X)).json();

        assertEquals(0, body.get("total_count").getAsInt());
        assertTrue(body.getAsJsonArray("replications").isEmpty());
    }

    @Test
    void instanceXDoesNotExist() {
        sandbox.dataset().put(X, List.of());
        assertTrue(sandbox.dataset().remove(X));

        TestHttp.Answer answer = get(sandbox.baseUrl(), listPath(ANY_PROJECT, X));

        assertEquals(400, answer.status());
        assertEquals("DBS.200022", answer.json().get("error_code").getAsString());
    }

    @Test
    void theServiceFailsWithAnInternalError() {
        sandbox.failNext(InjectedFailure.internalError());

        TestHttp.Answer failed = get(sandbox.baseUrl(), listPath(DemoData.SALES_INSTANCE_ID));
        TestHttp.Answer next = get(sandbox.baseUrl(), listPath(DemoData.SALES_INSTANCE_ID));

        assertEquals(500, failed.status());
        assertEquals("{\"error_code\":\"DBS.200001\",\"error_msg\":\"The system is busy. Try again later.\"}",
                failed.body());
        assertEquals(200, next.status());
        assertTrue(sandbox.server().specViolations().isEmpty());
    }

    @Test
    void instanceBoundToAProjectIsHiddenFromOthers() {
        sandbox.dataset().put(DemoData.PROJECT_ID, X, List.of());

        assertEquals(200, get(sandbox.baseUrl(), listPath(DemoData.PROJECT_ID, X)).status());
        assertEquals(400, get(sandbox.baseUrl(), listPath(ANY_PROJECT, X)).status());
    }

    @Test
    void resetAndClearUndoChanges() {
        sandbox.dataset().clear();
        assertEquals(400, get(sandbox.baseUrl(), listPath(DemoData.SALES_INSTANCE_ID)).status());

        sandbox.server().reset();

        assertEquals(200, get(sandbox.baseUrl(), listPath(DemoData.SALES_INSTANCE_ID)).status());
        assertEquals(1, sandbox.recordedExchanges().size());
        assertFalse(sandbox.dataset().find(ANY_PROJECT, X).isPresent());
    }

    @Test
    void anIdNoRequestCouldReachIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sandbox.dataset().put("instance-x", List.of()));

        assertTrue(e.getMessage().startsWith("instance_id must be 36 letters and digits"), e.getMessage());
    }
}
