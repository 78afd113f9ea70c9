package io.htapsync.sandbox.fault;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time window in which every request fails the same way, timed from the sandbox's start (or its
 * last reset) by the sandbox's clock: {@code Outage.between(ofSeconds(5), ofSeconds(20))} answers
 * 503 to every request from 5 s to 20 s after the start.
 *
 * @param from    start of the window, inclusive
 * @param to      end of the window, exclusive
 * @param failure the answer in the window
 */
public record Outage(Duration from, Duration to, InjectedFailure failure) {

    private static final Pattern CLI_FORM = Pattern.compile("([^-:]+)-([^-:]+)(?::(.+))?");
    private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})(ms|s|m|h)?");

    public Outage {
        if (from == null || from.isNegative()) {
            throw new IllegalArgumentException("an outage starts zero or more after the start, got " + from);
        }
        if (to == null || to.compareTo(from) <= 0) {
            throw new IllegalArgumentException("an outage ends after it starts, got " + from + " to " + to);
        }
        Objects.requireNonNull(failure, "failure");
    }

    /** A proxy's 503 (Retry-After: 1) from {@code from} to {@code to} after the start. */
    public static Outage between(Duration from, Duration to) {
        return new Outage(from, to, InjectedFailure.unavailable(Duration.ofSeconds(1)));
    }

    /** {@code failure} from {@code from} to {@code to} after the start. */
    public static Outage between(Duration from, Duration to, InjectedFailure failure) {
        return new Outage(from, to, failure);
    }

    /**
     * Parses the CLI form {@code FROM-TO[:KIND]}: {@code 5s-20s}, {@code 0-1500ms:drop}, {@code 1m-2m:429}.
     * Durations are whole numbers with {@code ms}, {@code s} (the default), {@code m} or {@code h}; KIND is
     * as {@link InjectedFailure#parse} reads it, default 503.
     *
     * @param retryAfter used by 503 and 429
     */
    public static Outage parse(String text, Duration retryAfter) {
        Matcher m = CLI_FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("an outage is FROM-TO[:KIND], e.g. 5s-20s or 0-1500ms:drop, got \""
                    + text + "\"");
        }
        InjectedFailure failure = InjectedFailure.parse(m.group(3) == null ? "503" : m.group(3), retryAfter);
        return new Outage(duration(m.group(1), text), duration(m.group(2), text), failure);
    }

    private static Duration duration(String value, String text) {
        Matcher m = DURATION.matcher(value.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + value + "\" in \"" + text
                    + "\" is not a duration such as 1500ms, 20s, 2m or 1h");
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofSeconds(amount);
        };
    }

    /** Whether {@code sinceStart} falls in the window. */
    public boolean covers(Duration sinceStart) {
        return sinceStart.compareTo(from) >= 0 && sinceStart.compareTo(to) < 0;
    }

    @Override
    public String toString() {
        return failure + " from " + from.toMillis() + " ms to " + to.toMillis() + " ms";
    }
}
