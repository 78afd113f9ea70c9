package io.htapsync.sandbox;

import com.sun.net.httpserver.HttpServer;
import io.htapsync.sandbox.data.Dataset;
import io.htapsync.sandbox.fault.FaultInjector;
import io.htapsync.sandbox.fault.InjectedFailure;
import io.htapsync.sandbox.http.ExchangeRecorder;
import io.htapsync.sandbox.http.SandboxHandler;
import io.htapsync.sandbox.time.ElapsedClock;
import io.htapsync.sandbox.time.SimulatedTime;
import io.htapsync.sandbox.validation.SpecValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A running sandbox: an HTTP server (the JDK's own) that answers
 * {@code GET /v3/{project_id}/instances/{instance_id}/starrocks/databases/replication} like the service,
 * checking every request and response against the htapsync OpenAPI spec.
 *
 * <pre>{@code
 * try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults())) {
 *     String url = sandbox.baseUrl();                  // http://127.0.0.1:PORT
 *     sandbox.dataset().put(instanceId, List.of());    // a provider state
 *     sandbox.failNext(InjectedFailure.internalError());
 *     ...
 *     sandbox.recordedExchanges();                     // what was asked and answered
 * }
 * }</pre>
 */
public final class SandboxServer implements AutoCloseable {

    private static final AtomicInteger THREADS = new AtomicInteger();

    static {
        // The JDK server writes headers and body separately; with Nagle's algorithm and delayed ACKs
        // every keep-alive request then waits about 40 ms. Read once, when the JDK's server config loads.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final SandboxOptions options;
    private final ElapsedClock clock;
    private final Dataset dataset;
    private final FaultInjector faults;
    private final ExchangeRecorder recorder;
    private final SandboxHandler handler;
    private final HttpServer server;
    private final ExecutorService executor;
    private final String baseUrl;

    private SandboxServer(SandboxOptions options) throws IOException {
        // First, so that the validator is built while the server and its caller set up.
        CompletableFuture<SpecValidator> spec = SpecValidator.loadInBackground();
        this.options = options;
        this.clock = new ElapsedClock(options.clock());
        this.dataset = new Dataset(options.data(), options.simulatedInstances(),
                new SimulatedTime(clock, options.progressSpeed()), options.progressSeed());
        this.faults = new FaultInjector(options.failureRate(), options.failEvery(), options.failure(),
                options.randomSeed(), options.outages(), clock);
        this.recorder = new ExchangeRecorder(options.recordingLimit());
        this.handler = new SandboxHandler(options, dataset, faults, recorder, spec, System.err);
        InetAddress address = InetAddress.getByName(options.host());
        this.server = HttpServer.create(new InetSocketAddress(address, options.port()), 0);
        // Latency injection sleeps in the handler: a pool keeps one slow answer from holding up the others.
        this.executor = Executors.newCachedThreadPool(daemonThreads());
        server.setExecutor(executor);
        server.createContext("/", handler);
        server.start();
        clock.restart(); // simulated progress starts when the sandbox can first be asked
        String host = address.getHostAddress().contains(":") ? "[" + address.getHostAddress() + "]"
                : address.getHostAddress();
        this.baseUrl = "http://" + host + ":" + server.getAddress().getPort();
    }

    /**
     * Starts a sandbox; returns once it accepts connections.
     *
     * @throws UncheckedIOException when the address cannot be bound (e.g. the port is taken)
     */
    public static SandboxServer start(SandboxOptions options) {
        try {
            return new SandboxServer(options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + options.host() + ":" + options.port() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Starts building what every sandbox in this JVM shares (the spec validator) on a background
     * thread, and returns at once: a sandbox started later answers its first request sooner. For a
     * short-lived program that will start a sandbox after its own set-up (the CLI); the validator is
     * the same, and nothing is answered until it is ready.
     *
     * @throws IllegalStateException when the spec is not on the classpath
     */
    public static void prepare() {
        SpecValidator.loadInBackground();
    }

    /** Starts a sandbox with {@link SandboxOptions#defaults()}. */
    public static SandboxServer start() {
        return start(SandboxOptions.defaults());
    }

    /** The URL to point a client at, e.g. {@code http://127.0.0.1:54321} (no trailing slash). */
    public String baseUrl() {
        return baseUrl;
    }

    /** The port the sandbox listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    public SandboxOptions options() {
        return options;
    }

    /** The data served; change it to set up a provider state, {@link Dataset#reset()} to undo. */
    public Dataset dataset() {
        return dataset;
    }

    /** Answers the next requests (one each, in order) with these failures, before any other rule. */
    public SandboxServer failNext(InjectedFailure... failures) {
        faults.failNext(Arrays.asList(failures));
        return this;
    }

    /** Answers the next {@code count} requests with {@code failure}, before any other rule. */
    public SandboxServer failNext(int count, InjectedFailure failure) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be zero or more, got " + count);
        }
        faults.failNext(Collections.nCopies(count, Objects.requireNonNull(failure, "failure")));
        return this;
    }

    /**
     * Answers every request with {@code failure} for {@code duration} from now (by
     * {@link SandboxOptions#clock()}), after queued failures; {@link #reset()} ends it.
     */
    public SandboxServer outageFor(Duration duration, InjectedFailure failure) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("an outage lasts more than zero, got " + duration);
        }
        faults.outageFor(duration, Objects.requireNonNull(failure, "failure"));
        return this;
    }

    /** A proxy's 503 (Retry-After: 1) to every request for {@code duration} from now. */
    public SandboxServer outageFor(Duration duration) {
        return outageFor(duration, InjectedFailure.unavailable(Duration.ofSeconds(1)));
    }

    /** Every exchange so far (up to the recording limit), oldest first. */
    public List<RecordedExchange> recordedExchanges() {
        return recorder.all();
    }

    /** Exchanges whose response, as built, broke the spec: each one is a sandbox bug or a deliberate rewrite. */
    public List<RecordedExchange> specViolations() {
        return recorder.all().stream().filter(RecordedExchange::responseBrokeSpec).toList();
    }

    /** Forgets recorded exchanges. */
    public void clearRecordedExchanges() {
        recorder.clear();
    }

    /** Time since the start (or the last {@link #reset()}), by {@link SandboxOptions#clock()}. */
    public Duration sinceStart() {
        return clock.elapsed();
    }

    /**
     * Back to the start state: initial data, no queued failures or {@link #outageFor} outages, no
     * recordings, request count 0, and the time that simulated progress and scripted outages count
     * from restarted.
     */
    public void reset() {
        clock.restart();
        dataset.reset();
        faults.clearQueued();
        recorder.clear();
        handler.resetRequestCount();
    }

    /** Stops listening and ends the worker threads. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "SandboxServer[" + baseUrl + ", " + options + "]";
    }

    private static ThreadFactory daemonThreads() {
        return runnable -> {
            Thread thread = new Thread(runnable, "htapsync-sandbox-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
