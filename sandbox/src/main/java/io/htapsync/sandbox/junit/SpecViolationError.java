package io.htapsync.sandbox.junit;

import io.htapsync.sandbox.RecordedExchange;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Fails a test whose sandbox exchanges broke the spec: a response the sandbox built (a sandbox bug,
 * or a deliberate rewrite in strict mode), or, when asked for, a request the client sent.
 */
public final class SpecViolationError extends AssertionError {

    private static final long serialVersionUID = 1L;

    private final transient List<RecordedExchange> exchanges;

    SpecViolationError(String what, List<RecordedExchange> exchanges) {
        super(what + ":\n" + exchanges.stream().map(SpecViolationError::describe).collect(Collectors.joining("\n")));
        this.exchanges = List.copyOf(exchanges);
    }

    /** The exchanges that broke the spec. */
    public List<RecordedExchange> exchanges() {
        return exchanges;
    }

    private static String describe(RecordedExchange e) {
        List<String> violations = e.responseBrokeSpec() ? e.responseViolations() : e.requestViolations();
        return "  " + e.method() + " " + e.path() + (e.query().isEmpty() ? "" : "?" + e.query())
                + " (X-Request-Id " + e.requestId() + "): " + String.join("; ", violations);
    }
}
