package io.htapsync.sandbox;

import io.htapsync.sandbox.fault.InjectedFailure;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request the sandbox received and what it answered, for tests to assert on. Secret header
 * values ({@code X-Auth-Token}, {@code X-Security-Token}, the credentials in {@code Authorization}) are
 * replaced by {@code <redacted>} before recording.
 *
 * @param requestId          the {@code X-Request-Id} sent back
 * @param receivedAt         when the request arrived
 * @param method             HTTP method
 * @param path               raw request path
 * @param query              raw query string without {@code ?}, empty when none
 * @param requestHeaders     request headers, names lower-cased, secrets redacted
 * @param status             status sent; 0 when the connection was dropped
 * @param responseHeaders    response headers sent
 * @param responseBody       body sent; empty when none
 * @param requestViolations  how the request breaks the spec (a client problem, answered like the service would)
 * @param responseViolations how the intended response broke the spec (a sandbox problem; see strict mode)
 * @param responseChecked    whether the response was checked against the spec (not for injected 503s,
 *                           dropped connections and paths the spec does not describe)
 * @param injectedFailure    the failure injected instead of the normal answer, or null
 */
public record RecordedExchange(
        String requestId,
        Instant receivedAt,
        String method,
        String path,
        String query,
        Map<String, List<String>> requestHeaders,
        int status,
        Map<String, String> responseHeaders,
        String responseBody,
        List<String> requestViolations,
        List<String> responseViolations,
        boolean responseChecked,
        InjectedFailure injectedFailure) {

    public RecordedExchange {
        requestHeaders = Map.copyOf(requestHeaders);
        responseHeaders = Map.copyOf(responseHeaders);
        requestViolations = List.copyOf(requestViolations);
        responseViolations = List.copyOf(responseViolations);
    }

    /** The first value of a request header (name in any case); secrets come back redacted. */
    public Optional<String> requestHeader(String name) {
        List<String> values = requestHeaders.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The first value of a query parameter, decoded. */
    public Optional<String> queryParameter(String name) {
        if (query.isEmpty()) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return Optional.of(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    /** Whether the connection was closed without an answer. */
    public boolean dropped() {
        return status == 0;
    }

    /** Whether the request broke the spec. */
    public boolean requestBrokeSpec() {
        return !requestViolations.isEmpty();
    }

    /** Whether the response the sandbox built broke the spec (a sandbox bug, or a deliberate rewrite). */
    public boolean responseBrokeSpec() {
        return !responseViolations.isEmpty();
    }
}
