package io.htapsync.sandbox;

import java.util.Locale;

/** How {@code stage} and {@code catchup_stage} values are cased on the wire. */
public enum StageCasing {
    /** {@code incremental}: the documented values. */
    LOWER,
    /** {@code Incremental}: as the service has been seen sending them. */
    CAPITALIZED;

    /** The stage in this casing. */
    public String apply(String stage) {
        String lower = stage.toLowerCase(Locale.ROOT);
        return this == LOWER || lower.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    /** Parses the CLI form {@code lower} or {@code capitalized}. */
    public static StageCasing parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "lower" -> LOWER;
            case "capitalized" -> CAPITALIZED;
            default -> throw new IllegalArgumentException(
                    "stage casing must be lower or capitalized, got \"" + text + "\"");
        };
    }
}
