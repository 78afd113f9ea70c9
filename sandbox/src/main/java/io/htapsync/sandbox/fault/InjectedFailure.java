package io.htapsync.sandbox.fault;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * A failure the sandbox answers with instead of the normal answer, for resilience tests and for
 * provider states such as "the service fails with an internal error".
 *
 * <p>Service and gateway errors ({@link Kind#SERVICE_ERROR}, {@link Kind#THROTTLED}) and a proxy's HTML
 * 503 ({@link Kind#UNAVAILABLE}, which the spec describes as a {@code text/html} answer) are validated like
 * any other response. {@link Kind#DROP_CONNECTION} sends no answer at all, so there is nothing to validate.
 */
public final class InjectedFailure {

    /** What the failure looks like on the wire. */
    public enum Kind {
        /** A JSON {@code error_code}/{@code error_msg} answer from the service (e.g. 500). */
        SERVICE_ERROR,
        /** The gateway's 429 with {@code Retry-After}. */
        THROTTLED,
        /** A proxy's 503 HTML page with {@code Retry-After}. */
        UNAVAILABLE,
        /** The connection is closed without an answer. */
        DROP_CONNECTION
    }

    private final Kind kind;
    private final int status;
    private final String errorCode;
    private final String errorMessage;
    private final Duration retryAfter;

    private InjectedFailure(Kind kind, int status, String errorCode, String errorMessage, Duration retryAfter) {
        this.kind = kind;
        this.status = status;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
        this.retryAfter = retryAfter;
    }

    /** A 500 with the spec's internal-error example body. */
    public static InjectedFailure internalError() {
        return serviceError(500, "DBS.200001", "The system is busy. Try again later.");
    }

    /** A service error answer; the status must be one the spec lists, or strict mode reports it. */
    public static InjectedFailure serviceError(int status, String errorCode, String errorMessage) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("an error status is 400 to 599, got " + status);
        }
        return new InjectedFailure(Kind.SERVICE_ERROR, status, Objects.requireNonNull(errorCode, "errorCode"),
                Objects.requireNonNull(errorMessage, "errorMessage"), null);
    }

    /** The gateway's 429 {@code APIGW.0308} with {@code Retry-After}. */
    public static InjectedFailure throttled(Duration retryAfter) {
        return new InjectedFailure(Kind.THROTTLED, 429, "APIGW.0308", "The throttling threshold has been reached",
                requireRetryAfter(retryAfter));
    }

    /** A proxy's 503 HTML page with {@code Retry-After}. */
    public static InjectedFailure unavailable(Duration retryAfter) {
        return new InjectedFailure(Kind.UNAVAILABLE, 503, null, null, requireRetryAfter(retryAfter));
    }

    /** The connection is closed before any answer. */
    public static InjectedFailure dropConnection() {
        return new InjectedFailure(Kind.DROP_CONNECTION, 0, null, null, null);
    }

    /**
     * Parses the CLI form: {@code 503}, {@code 429}, {@code 500} or {@code drop}.
     *
     * @param retryAfter used by 503 and 429
     */
    public static InjectedFailure parse(String text, Duration retryAfter) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "503" -> unavailable(retryAfter);
            case "429" -> throttled(retryAfter);
            case "500" -> internalError();
            case "drop" -> dropConnection();
            default -> throw new IllegalArgumentException(
                    "failure kind must be 503, 429, 500 or drop, got \"" + text + "\"");
        };
    }

    private static Duration requireRetryAfter(Duration retryAfter) {
        if (retryAfter == null || retryAfter.isNegative()) {
            throw new IllegalArgumentException("Retry-After must be zero or more seconds");
        }
        return retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status; 0 for a dropped connection. */
    public int status() {
        return status;
    }

    /** The {@code error_code}, for service errors and throttling. */
    public String errorCode() {
        return errorCode;
    }

    /** The {@code error_msg}, for service errors and throttling. */
    public String errorMessage() {
        return errorMessage;
    }

    /** The {@code Retry-After} delay, for 429 and 503; null otherwise. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whether the spec describes this answer (so it is validated). */
    public boolean describedBySpec() {
        return kind != Kind.DROP_CONNECTION;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InjectedFailure other && kind == other.kind && status == other.status
                && Objects.equals(errorCode, other.errorCode) && Objects.equals(errorMessage, other.errorMessage)
                && Objects.equals(retryAfter, other.retryAfter);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, status, errorCode, errorMessage, retryAfter);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case DROP_CONNECTION -> "drop connection";
            case UNAVAILABLE -> "503 (Retry-After " + retryAfter.toSeconds() + ")";
            case THROTTLED -> "429 " + errorCode + " (Retry-After " + retryAfter.toSeconds() + ")";
            case SERVICE_ERROR -> status + " " + errorCode;
        };
    }
}
