package io.htapsync.sandbox.junit;

import io.htapsync.sandbox.RecordedExchange;
import io.htapsync.sandbox.SandboxOptions;
import io.htapsync.sandbox.SandboxServer;
import io.htapsync.sandbox.data.Dataset;
import io.htapsync.sandbox.fault.InjectedFailure;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs a sandbox for JUnit 5 tests.
 *
 * <pre>{@code
 * @RegisterExtension
 * static SandboxExtension sandbox = SandboxExtension.builder()
 *         .options(SandboxOptions.builder().counterStyle(CounterStyle.STRINGS).build())
 *         .build();
 *
 * @Test
 * void listsTasks() {
 *     var client = myClientFor(sandbox.baseUrl());
 *     ...
 *     assertEquals(1, sandbox.recordedExchanges().size());
 * }
 * }</pre>
 *
 * <p>Registered on a static field, one server serves the whole class; on an instance field, each test
 * gets its own. Before each test the server goes back to its start state (data, queued failures,
 * recordings). After each test, if a response the sandbox built broke the spec, the test fails with a
 * {@link SpecViolationError} (strict options only; lenient ones send such responses on purpose). Test
 * methods can also take a {@link SandboxServer} or a {@link URI} (the base URL) parameter.
 */
public final class SandboxExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {

    private final SandboxOptions options;
    private final boolean failOnRequestViolations;
    private final boolean resetBeforeEach;
    private SandboxServer server;
    private boolean perTest;
    /** Class containers using the shared server: @Nested classes run beforeAll/afterAll again. */
    private int classDepth;
    private Set<String> seenBeforeTest = Set.of();

    private SandboxExtension(Builder builder) {
        this.options = builder.options;
        this.failOnRequestViolations = builder.failOnRequestViolations;
        this.resetBeforeEach = builder.resetBeforeEach;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** An extension with {@link SandboxOptions#defaults()}. */
    public static SandboxExtension withDefaults() {
        return builder().build();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (classDepth++ == 0) {
            server = SandboxServer.start(options);
            perTest = false;
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (server == null) {
            server = SandboxServer.start(options);
            perTest = true;
        } else if (resetBeforeEach) {
            server.reset();
        }
        seenBeforeTest = server.recordedExchanges().stream().map(RecordedExchange::requestId).collect(Collectors.toSet());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<RecordedExchange> exchanges = server.recordedExchanges().stream()
                .filter(e -> !seenBeforeTest.contains(e.requestId())).toList();
        if (perTest) {
            server.close();
            server = null;
        }
        List<RecordedExchange> badResponses = exchanges.stream().filter(RecordedExchange::responseBrokeSpec).toList();
        if (options.strict() && !badResponses.isEmpty()) {
            throw new SpecViolationError("the sandbox built responses that break the spec", badResponses);
        }
        List<RecordedExchange> badRequests = exchanges.stream().filter(RecordedExchange::requestBrokeSpec).toList();
        if (failOnRequestViolations && !badRequests.isEmpty()) {
            throw new SpecViolationError("the client sent requests that break the spec", badRequests);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (--classDepth == 0 && server != null) {
            server.close();
            server = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == SandboxServer.class || type == URI.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        SandboxServer running = server();
        return parameter.getParameter().getType() == URI.class ? URI.create(running.baseUrl()) : running;
    }

    /** The running server. */
    public SandboxServer server() {
        if (server == null) {
            throw new IllegalStateException("the sandbox is not running (it starts before each test or before all tests)");
        }
        return server;
    }

    /** The URL to point a client at, e.g. {@code http://127.0.0.1:54321}. */
    public String baseUrl() {
        return server().baseUrl();
    }

    /** The data served; changes last until the next test. */
    public Dataset dataset() {
        return server().dataset();
    }

    /** Answers the next requests with these failures. */
    public SandboxExtension failNext(InjectedFailure... failures) {
        server().failNext(failures);
        return this;
    }

    /** Answers the next {@code count} requests with {@code failure}. */
    public SandboxExtension failNext(int count, InjectedFailure failure) {
        server().failNext(count, failure);
        return this;
    }

    /** Answers every request with {@code failure} for {@code duration} from now (ends with the test). */
    public SandboxExtension outageFor(Duration duration, InjectedFailure failure) {
        server().outageFor(duration, failure);
        return this;
    }

    /** A proxy's 503 to every request for {@code duration} from now (ends with the test). */
    public SandboxExtension outageFor(Duration duration) {
        server().outageFor(duration);
        return this;
    }

    /** The recorded exchanges (oldest first): those of the current test unless reset before each is off. */
    public List<RecordedExchange> recordedExchanges() {
        return server().recordedExchanges();
    }

    /** Configures a {@link SandboxExtension}. */
    public static final class Builder {
        private SandboxOptions options = SandboxOptions.defaults();
        private boolean failOnRequestViolations;
        private boolean resetBeforeEach = true;

        private Builder() {
        }

        /** Server options; default {@link SandboxOptions#defaults()} (strict, demo data, random port). */
        public Builder options(SandboxOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /** Also fail a test whose client sent a request that breaks the spec; default off. */
        public Builder failOnRequestViolations(boolean fail) {
            this.failOnRequestViolations = fail;
            return this;
        }

        /** Reset data, queued failures and recordings before each test; default on. */
        public Builder resetBeforeEach(boolean reset) {
            this.resetBeforeEach = reset;
            return this;
        }

        public SandboxExtension build() {
            return new SandboxExtension(this);
        }
    }
}
