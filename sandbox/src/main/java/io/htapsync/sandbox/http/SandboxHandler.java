package io.htapsync.sandbox.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.htapsync.sandbox.RecordedExchange;
import io.htapsync.sandbox.SandboxOptions;
import io.htapsync.sandbox.data.Dataset;
import io.htapsync.sandbox.fault.FaultInjector;
import io.htapsync.sandbox.fault.InjectedFailure;
import io.htapsync.sandbox.validation.SpecValidator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Handles every request: validates it against the spec, waits the configured latency, answers
 * (or injects a failure), validates the answer, withholds it in strict mode if it breaks the spec,
 * sends it with an {@code X-Request-Id} and records the exchange.
 */
public final class SandboxHandler implements HttpHandler {

    private final SandboxOptions options;
    private final ReplicationService service;
    private final FaultInjector faults;
    private final ExchangeRecorder recorder;
    private final CompletableFuture<SpecValidator> spec;
    private final PrintStream diagnostics;
    private final AtomicLong requestCount = new AtomicLong();

    /** @param spec the validator, perhaps still being built: the first request waits for it */
    public SandboxHandler(SandboxOptions options, Dataset dataset, FaultInjector faults, ExchangeRecorder recorder,
                          CompletableFuture<SpecValidator> spec, PrintStream diagnostics) {
        this.options = options;
        this.service = new ReplicationService(dataset, options);
        this.faults = faults;
        this.recorder = recorder;
        this.spec = spec;
        this.diagnostics = diagnostics;
    }

    /** Restarts the request count that "fail every Nth request" uses. */
    public void resetRequestCount() {
        requestCount.set(0);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Instant receivedAt = Instant.now();
        String requestId = UUID.randomUUID().toString().replace("-", "");
        long requestNumber = requestCount.incrementAndGet();
        IncomingRequest request = null;
        boolean recorded = false;
        try {
            request = IncomingRequest.read(exchange);
            List<String> requestViolations = spec.join().validateRequest(request.method(), request.rawPath(),
                    request.queryParams(), request.headers());
            pause();
            Optional<InjectedFailure> failure = faults.failureFor(requestNumber);
            if (failure.isPresent() && failure.get().kind() == InjectedFailure.Kind.DROP_CONNECTION) {
                recorder.record(recording(requestId, receivedAt, request, 0, Map.of(), "", requestViolations,
                        List.of(), false, failure.get()));
                // Closing before any response header is sent makes the HTTP server close the connection.
                exchange.close();
                return;
            }
            final IncomingRequest req = request;
            ServiceAnswer answer = failure.map(f -> ServiceAnswer.injected(f, requestId))
                    .orElseGet(() -> service.answer(req, requestViolations, requestId));
            Map<String, String> headers = headers(answer, requestId);
            List<String> responseViolations = answer.describedBySpec()
                    ? spec.join().validateResponse(request.method(), request.rawPath(), answer.status(), headers, answer.body())
                    : List.of();
            if (!responseViolations.isEmpty()) {
                diagnostics.println("[htapsync-sandbox] the response to " + request.method() + " " + request.rawPath()
                        + " (X-Request-Id " + requestId + ") breaks the spec"
                        + (options.strict() ? ", answering 500 instead (strict mode)" : " (lenient mode: sent anyway)")
                        + ": " + responseViolations);
                if (options.strict()) {
                    answer = ServiceAnswer.specViolation(responseViolations);
                    headers = headers(answer, requestId);
                }
            }
            // Recorded before sending: a client that has its answer must find the exchange recorded.
            recorder.record(recording(requestId, receivedAt, request, answer.status(), headers, answer.body(),
                    requestViolations, responseViolations, answer.describedBySpec() || !responseViolations.isEmpty(),
                    failure.orElse(null)));
            recorded = true;
            send(exchange, answer.status(), headers, answer.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
        } catch (RuntimeException | IOException e) {
            diagnostics.println("[htapsync-sandbox] failed while answering X-Request-Id " + requestId + ": " + e);
            ServiceAnswer failure = ServiceAnswer.sandboxFailure(e);
            Map<String, String> headers = headers(failure, requestId);
            if (request != null && !recorded) {
                recorder.record(recording(requestId, receivedAt, request, failure.status(), headers, failure.body(),
                        List.of(), List.of("sandbox failure: " + e), false, null));
            }
            try {
                send(exchange, failure.status(), headers, failure.body());
            } catch (IOException | RuntimeException ignored) {
                exchange.close(); // headers may already be out; nothing more can be said on this connection
            }
        }
    }

    private void pause() throws InterruptedException {
        if (!options.latency().isZero()) {
            Thread.sleep(options.latency().toMillis());
        }
    }

    private static Map<String, String> headers(ServiceAnswer answer, String requestId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", answer.contentType());
        headers.put("X-Request-Id", requestId);
        answer.headers().forEach((name, value) -> headers.put(name, headerSafe(value)));
        return headers;
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, String body)
            throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (exchange.getRequestMethod().equals("HEAD") || bytes.length == 0) {
            exchange.sendResponseHeaders(status, -1); // a HEAD answer has headers only
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    // Header values echo request data in places; keep them to printable ASCII on one line.
    private static String headerSafe(String value) {
        StringBuilder safe = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            safe.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return safe.toString();
    }

    private static RecordedExchange recording(String requestId, Instant receivedAt, IncomingRequest request,
                                              int status, Map<String, String> responseHeaders, String body,
                                              List<String> requestViolations, List<String> responseViolations,
                                              boolean responseChecked, InjectedFailure failure) {
        return new RecordedExchange(requestId, receivedAt, request.method(), request.rawPath(), request.rawQuery(),
                request.redactedHeaders(), status, responseHeaders, body, requestViolations, responseViolations,
                responseChecked, failure);
    }
}
