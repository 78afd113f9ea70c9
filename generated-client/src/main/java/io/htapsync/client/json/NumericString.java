package io.htapsync.client.json;

import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.annotations.JsonAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import io.htapsync.client.exception.NumericConversionException;
import io.htapsync.client.internal.Snippets;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A count or percentage that the service sends either as a JSON number ({@code 100}) or as a JSON
 * string ({@code "100"}, {@code "99.5"}).
 *
 * <p>The raw text is kept exactly as it arrived, together with the JSON kind it arrived as, so a
 * value read and written again is byte-for-byte the same JSON. Conversions never guess: {@link
 * #asLong()} and {@link #asBigDecimal()} throw {@link NumericConversionException} when the text is
 * not a decimal number or the value does not fit; {@link #toBigDecimal()} and {@link #toLong()} are
 * the non-throwing forms and return an empty {@code Optional} instead.
 *
 * <p>The Gson adapter is declared on the class, so every {@code Gson} instance reads and writes it.
 */
@JsonAdapter(NumericString.GsonAdapter.class)
public final class NumericString {
  // JSON's number grammar, but leading zeros are tolerated inside strings ("007").
  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
  // JSON's number grammar exactly (RFC 8259): what ofNumber accepts, because it is written out verbatim.
  private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
  // A long has at most 19 digits; beyond this the value cannot fit, whatever its text.
  private static final int MAX_LONG_DIGITS = 19;
  // Bounds BigDecimal's exponent so that no conversion can allocate without limit ("1e999999999").
  private static final int MAX_ABS_SCALE = 10_000;
  private static final int MAX_TO_STRING = 64;

  private final String raw;
  private final boolean jsonNumber;

  private NumericString(String raw, boolean jsonNumber) {
    this.raw = Objects.requireNonNull(raw, "raw");
    this.jsonNumber = jsonNumber;
  }

  /** A value that arrived as (or is to be written as) a JSON string. */
  public static NumericString ofString(String text) {
    return new NumericString(text, false);
  }

  /**
   * A value that arrived as (or is to be written as) a JSON number.
   *
   * @throws IllegalArgumentException if {@code text} is not a JSON number
   */
  public static NumericString ofNumber(String text) {
    if (!JSON_NUMBER.matcher(Objects.requireNonNull(text, "text")).matches()) {
      throw new IllegalArgumentException("not a JSON number: " + abbreviate(text));
    }
    return new NumericString(text, true);
  }

  public static NumericString of(long value) {
    return new NumericString(Long.toString(value), true);
  }

  public static NumericString of(BigDecimal value) {
    return new NumericString(value.toPlainString(), true);
  }

  /** The text exactly as it arrived, without quotes. */
  public String raw() {
    return raw;
  }

  /** True when the value arrived as a JSON number, false when it arrived as a JSON string. */
  public boolean isJsonNumber() {
    return jsonNumber;
  }

  /** True when the text is a decimal number, so {@link #asBigDecimal()} succeeds. */
  public boolean isNumeric() {
    return toBigDecimal().isPresent();
  }

  /**
   * The exact decimal value, or empty when the text is not a decimal number (or is one beyond the
   * bounds this class converts: more than 10,000 characters, or an exponent beyond 10,000).
   */
  public Optional<BigDecimal> toBigDecimal() {
    // Length first: parsing decimal text is quadratic, and a 1 MB string from the server would
    // keep one call busy for tens of seconds, past any deadline.
    if (raw.length() > MAX_ABS_SCALE || !DECIMAL.matcher(raw).matches()) {
      return Optional.empty();
    }
    BigDecimal value;
    try {
      value = new BigDecimal(raw);
    } catch (NumberFormatException | ArithmeticException e) {
      return Optional.empty();
    }
    return Math.abs(value.scale()) > MAX_ABS_SCALE ? Optional.empty() : Optional.of(value);
  }

  /** The value as a long, or empty when it is not a whole number in the range of a long. */
  public Optional<Long> toLong() {
    return toBigDecimal().flatMap(NumericString::exactLong);
  }

  /**
   * The exact decimal value.
   *
   * @throws NumericConversionException if the text is not a decimal number
   */
  public BigDecimal asBigDecimal() {
    return toBigDecimal()
        .orElseThrow(() -> new NumericConversionException(
            "not a decimal number: " + describe()));
  }

  /**
   * The value as a long: {@code "100"}, {@code 100} and {@code "100.0"} all give 100.
   *
   * @throws NumericConversionException if the text is not a decimal number, has a fractional part,
   *     or is outside the range of a long
   */
  public long asLong() {
    BigDecimal value = asBigDecimal();
    return exactLong(value)
        .orElseThrow(() -> new NumericConversionException(
            "not a whole number in the range of a long: " + describe()));
  }

  /**
   * The value as a double, the natural type for a percentage. May round.
   *
   * @throws NumericConversionException if the text is not a decimal number
   */
  public double asDouble() {
    return asBigDecimal().doubleValue();
  }

  private static Optional<Long> exactLong(BigDecimal value) {
    BigDecimal whole = value.stripTrailingZeros();
    if (whole.scale() > 0 || whole.precision() - whole.scale() > MAX_LONG_DIGITS) {
      return Optional.empty();
    }
    try {
      return Optional.of(whole.longValueExact());
    } catch (ArithmeticException e) {
      return Optional.empty();
    }
  }

  private String describe() {
    return (jsonNumber ? "JSON number " : "JSON string ") + abbreviate(raw);
  }

  private static String abbreviate(String text) {
    // Escaped: the text comes from the server, and a line break in it would forge log lines.
    String shown = Snippets.identifier(text.substring(0, Math.min(text.length(), MAX_TO_STRING)), MAX_TO_STRING)
        + (text.length() > MAX_TO_STRING ? "..." : "");
    return '"' + shown + '"' + (text.length() > MAX_TO_STRING ? " (" + text.length() + " chars)" : "");
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof NumericString)) {
      return false;
    }
    NumericString other = (NumericString) o;
    return jsonNumber == other.jsonNumber && raw.equals(other.raw);
  }

  @Override
  public int hashCode() {
    return raw.hashCode() * 31 + (jsonNumber ? 1 : 0);
  }

  /** The raw text, quoted when it arrived as a string, so the kind is visible in logs. */
  @Override
  public String toString() {
    return jsonNumber ? raw : '"' + raw + '"';
  }

  /** Reads a JSON number or string, keeping its text; writes back the same JSON kind. */
  public static final class GsonAdapter extends TypeAdapter<NumericString> {
    @Override
    public void write(JsonWriter out, NumericString value) throws IOException {
      if (value == null) {
        out.nullValue();
      } else if (value.jsonNumber) {
        out.jsonValue(value.raw);
      } else {
        out.value(value.raw);
      }
    }

    @Override
    public NumericString read(JsonReader in) throws IOException {
      JsonToken token = in.peek();
      switch (token) {
        case NULL:
          in.nextNull();
          return null;
        case NUMBER:
          // nextString() returns a number's literal text, so nothing is lost to double rounding.
          return new NumericString(in.nextString(), true);
        case STRING:
          return new NumericString(in.nextString(), false);
        default:
          throw new JsonParseException(
              "Expected a number or a numeric string but was " + token + " at path " + in.getPath());
      }
    }
  }
}
