package io.htapsync.sandbox.junit;

import static io.htapsync.sandbox.TestHttp.get;
import static io.htapsync.sandbox.TestHttp.listPath;
import static io.htapsync.sandbox.data.DemoData.SALES_INSTANCE_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.htapsync.sandbox.CounterStyle;
import io.htapsync.sandbox.SandboxOptions;
import io.htapsync.sandbox.SandboxServer;
import io.htapsync.sandbox.TestHttp;
import io.htapsync.sandbox.fault.InjectedFailure;
import java.io.UncheckedIOException;
import java.net.URI;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension as users register it: one sandbox for the class, reset before each test. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SandboxExtensionTest {

    @RegisterExtension
    static SandboxExtension sandbox = SandboxExtension.builder()
            .options(SandboxOptions.builder().counterStyle(CounterStyle.STRINGS).build())
            .build();

    @Test
    void injectsTheServerAndItsBaseUrl(SandboxServer server, URI baseUrl) {
        assertSame(sandbox.server(), server);
        assertEquals(sandbox.baseUrl(), baseUrl.toString());
        assertEquals("7", get(baseUrl.toString(), listPath(SALES_INSTANCE_ID)).json().get("total_count").getAsString());
    }

    @RepeatedTest(2)
    void recordsTheRequestsOfTheCurrentTestOnly() {
        get(sandbox.baseUrl(), listPath(SALES_INSTANCE_ID) + "?limit=3");

        assertEquals(1, sandbox.recordedExchanges().size());
        assertEquals("3", sandbox.recordedExchanges().get(0).queryParameter("limit").orElseThrow());
    }

    @Test
    @Order(1)
    void changesTheDataForOneTest() {
        sandbox.dataset().remove(SALES_INSTANCE_ID);

        assertEquals(400, get(sandbox.baseUrl(), listPath(SALES_INSTANCE_ID)).status());
    }

    @Test
    @Order(2)
    void startsTheNextTestFromTheInitialData() {
        assertEquals(200, get(sandbox.baseUrl(), listPath(SALES_INSTANCE_ID)).status());
    }

    @Test
    @Order(3)
    void queuedFailuresDoNotLeakIntoTheNextTest() {
        sandbox.failNext(InjectedFailure.internalError(),
                InjectedFailure.internalError());

        assertEquals(500, get(sandbox.baseUrl(), listPath(SALES_INSTANCE_ID)).status());
    }

    @Test
    @Order(4)
    void afterQueuedFailures() {
        assertEquals(200, get(sandbox.baseUrl(), listPath(SALES_INSTANCE_ID)).status());
    }

    @Test
    void aClosedSandboxRefusesConnections() {
        String url;
        try (SandboxServer own = SandboxServer.start()) {
            url = own.baseUrl();
        }
        assertThrows(UncheckedIOException.class, () -> TestHttp.get(url, listPath(SALES_INSTANCE_ID)));
    }
}
