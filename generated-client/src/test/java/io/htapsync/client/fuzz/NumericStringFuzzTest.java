package io.htapsync.client.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.gson.Gson;
import io.htapsync.client.ReplicationPage;
import io.htapsync.client.StarRocksReplicationClient;
import io.htapsync.client.exception.HtapSyncException;
import io.htapsync.client.exception.NumericConversionException;
import io.htapsync.client.json.NumericString;
import io.htapsync.client.retry.RetryPolicy;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import okhttp3.Headers;

/**
 * Any text as a {@link NumericString}, as a JSON string and as a JSON number: every conversion either
 * gives a value consistent with the others or throws {@link NumericConversionException} (and
 * {@link NumericString#ofNumber} {@link IllegalArgumentException} for text that is not a JSON
 * number, as documented); the same text as {@code total_count} of a 200 goes through the client to a
 * page or our exception.
 */
class NumericStringFuzzTest {
  private static final Gson GSON = new Gson();
  /** RFC 8259's number grammar: what a strict JSON parser reads as a number. */
  private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
  private static final CannedServer SERVER = new CannedServer();
  private static final StarRocksReplicationClient CLIENT = SERVER.client(RetryPolicy.none());
  private static final Headers HEADERS = Headers.of("Content-Type", "application/json");

  @FuzzTest(maxDuration = "5m")
  void anyTextAsNumberAndAsString(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);

    checkConversions(NumericString.ofString(text));
    NumericString number = null;
    try {
      number = NumericString.ofNumber(text);
    } catch (IllegalArgumentException e) {
      if (!e.getMessage().startsWith("not a JSON number")) {
        throw e;
      }
    }
    if (number != null) {
      checkConversions(number);
    }

    // As the client meets it: quoted (Gson escapes the text), and as the raw number text.
    Optional<Long> asString = throughClient("{\"total_count\":" + GSON.toJson(text) + "}");
    // A negative total_count is nonsense the client refuses (ResponseDecodingException), so it reads as empty.
    if (!asString.equals(NumericString.ofString(text).toLong().filter(total -> total >= 0))) {
      throw new AssertionError("client read \"" + shown(text) + "\" as " + asString);
    }
    Optional<Long> asNumber = throughClient("{\"total_count\":" + text + "}");
    if (number != null && text.length() < 1000 && JSON_NUMBER.matcher(text).matches()
        && !asNumber.equals(number.toLong().filter(total -> total >= 0))) {
      throw new AssertionError("client read " + shown(text) + " as " + asNumber);
    }
  }

  private static void checkConversions(NumericString value) {
    Optional<BigDecimal> decimal = value.toBigDecimal();
    Optional<Long> whole = value.toLong();
    if (value.isNumeric() != decimal.isPresent()) {
      throw new AssertionError("isNumeric disagrees with toBigDecimal for " + shown(value.toString()));
    }
    BigDecimal exact = convert(value::asBigDecimal, decimal.isPresent(), value);
    if (exact != null && !exact.equals(decimal.get())) {
      throw new AssertionError("asBigDecimal != toBigDecimal for " + shown(value.toString()));
    }
    Long asLong = convert(value::asLong, whole.isPresent(), value);
    if (asLong != null && (!asLong.equals(whole.get()) || BigDecimal.valueOf(asLong).compareTo(exact) != 0)) {
      throw new AssertionError("asLong " + asLong + " does not equal " + shown(value.toString()));
    }
    if (whole.isPresent() && decimal.isEmpty()) {
      throw new AssertionError("a long without a decimal: " + shown(value.toString()));
    }
    convert(value::asDouble, decimal.isPresent(), value);
    // Written by Gson: valid JSON of the same kind, which reads back as the same value. (Gson reads a
    // number literal longer than its 1024-char buffer as an unquoted string, so those are not read.)
    String json = GSON.toJson(value);
    if (value.isJsonNumber() ? !JSON_NUMBER.matcher(json).matches() : !json.startsWith("\"")) {
      throw new AssertionError(shown(value.toString()) + " was written as invalid JSON " + shown(json));
    }
    if (json.length() < 1000 && !value.equals(GSON.fromJson(json, NumericString.class))) {
      throw new AssertionError(shown(json) + " came back from JSON as something else");
    }
    Objects.requireNonNull(value.toString());
  }

  /** The conversion's value, or null when it threw NumericConversionException as it should have. */
  private static <T> T convert(java.util.function.Supplier<T> conversion, boolean shouldWork, NumericString value) {
    try {
      T result = conversion.get();
      if (!shouldWork) {
        throw new AssertionError("converted " + shown(value.toString()) + " though the Optional form is empty");
      }
      return result;
    } catch (NumericConversionException e) {
      if (shouldWork) {
        throw new AssertionError("could not convert " + shown(value.toString()) + " though the Optional form could", e);
      }
      Outcomes.assertReadable(e);
      return null;
    }
  }

  private static String shown(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "... (" + text.length() + " chars)";
  }

  /** total_count as the client decoded it, or empty when the call ended in our exception. */
  private static Optional<Long> throughClient(String json) {
    SERVER.answer(200, HEADERS, json.getBytes(StandardCharsets.UTF_8));
    try {
      ReplicationPage page = CLIENT.listReplications("0123456789abcdef0123456789abcdefin07", 0, 100);
      return Optional.of(page.totalCount());
    } catch (HtapSyncException e) {
      Outcomes.assertReadable(e);
      return Optional.empty();
    }
  }
}
