package io.htapsync.sandbox;

import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.util.Locale;

/** How {@code total_count}, {@code percentage} and {@code catchup_percentage} go over the wire. */
public enum CounterStyle {
    /** JSON numbers ({@code 1}, {@code 99.5}), as in the vendor reference page's example. */
    NUMBERS,
    /** Strings ({@code "1"}, {@code "99.5"}), as the vendor documents the fields. */
    STRINGS;

    /** The counter in this style. */
    public JsonPrimitive render(BigDecimal value) {
        return this == NUMBERS ? new JsonPrimitive(value) : new JsonPrimitive(value.toPlainString());
    }

    /** Parses the CLI form {@code numbers} or {@code strings}. */
    public static CounterStyle parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "numbers" -> NUMBERS;
            case "strings" -> STRINGS;
            default -> throw new IllegalArgumentException("counters must be numbers or strings, got \"" + text + "\"");
        };
    }
}
