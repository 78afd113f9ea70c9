package io.htapsync.client.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import io.htapsync.client.exception.NumericConversionException;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumericStringTest {
  static final Gson GSON = new Gson();

  static final class Holder {
    NumericString value;
  }

  static NumericString read(String jsonValue) {
    return GSON.fromJson("{\"value\":" + jsonValue + "}", Holder.class).value;
  }

  @Test
  void keepsTheKindAndTheExactText() {
    NumericString number = read("99.50");
    assertTrue(number.isJsonNumber());
    assertEquals("99.50", number.raw());
    NumericString string = read("\"99.50\"");
    assertFalse(string.isJsonNumber());
    assertEquals("99.50", string.raw());
    assertNotEquals(number, string);
    assertEquals(0, number.asBigDecimal().compareTo(string.asBigDecimal()));
  }

  @Test
  void noPrecisionIsLostToDoubles() {
    assertEquals(new BigDecimal("12345678901234567890.123456789"),
        read("12345678901234567890.123456789").asBigDecimal());
    assertEquals(Long.MAX_VALUE, read("9223372036854775807").asLong());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "\"1\"", "1.0", "\"1.00\"", "1e0", "\"10E-1\""})
  void wholeValuesConvertToLongInEitherForm(String json) {
    assertEquals(1L, read(json).asLong());
  }

  @Test
  void nullStaysNull() {
    assertNull(read("null"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"\"", "\"abc\"", "\"1,5\"", "\" 1\"", "\"NaN\"", "\"Infinity\"", "\"0x10\""})
  void nonNumericTextIsKeptButDoesNotConvert(String json) {
    NumericString value = read(json);
    assertFalse(value.isNumeric());
    assertEquals(Optional.empty(), value.toBigDecimal());
    assertEquals(Optional.empty(), value.toLong());
    NumericConversionException e = assertThrows(NumericConversionException.class, value::asBigDecimal);
    assertTrue(e.getMessage().contains("not a decimal number"), e.getMessage());
    assertThrows(NumericConversionException.class, value::asLong);
  }

  @ParameterizedTest
  @ValueSource(strings = {"99.5", "\"9223372036854775808\"", "-9223372036854775809", "1e19"})
  void fractionsAndOverflowDoNotConvertToLong(String json) {
    NumericString value = read(json);
    assertTrue(value.isNumeric());
    NumericConversionException e = assertThrows(NumericConversionException.class, value::asLong);
    assertTrue(e.getMessage().contains("range of a long"), e.getMessage());
  }

  @Test
  void hugeExponentsAreRefusedQuicklyInsteadOfAllocating() {
    assertFalse(read("1e999999999").isNumeric());
    assertFalse(read("\"1E-2147483648\"").isNumeric());
    assertThrows(NumericConversionException.class, () -> read("1e999999999").asLong());
  }

  @Test
  void messagesAreBoundedForHugeText() {
    String huge = "x".repeat(100_000);
    NumericConversionException e =
        assertThrows(NumericConversionException.class, () -> read("\"" + huge + "\"").asLong());
    assertTrue(e.getMessage().length() < 200, "message length " + e.getMessage().length());
    assertTrue(e.getMessage().contains("100000 chars"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "{}", "[1]"})
  void otherJsonKindsAreADecodingError(String json) {
    JsonParseException e = assertThrows(JsonParseException.class, () -> read(json));
    assertTrue(e.getMessage().contains("Expected a number or a numeric string"), e.getMessage());
    assertTrue(e.getMessage().contains("$.value"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "99.5", "\"100\"", "\"99.5\"", "\"abc\"", "null", "-0.001", "1E+2"})
  void writesBackTheSameJsonItRead(String json) {
    Holder holder = GSON.fromJson("{\"value\":" + json + "}", Holder.class);
    String written = new com.google.gson.GsonBuilder().serializeNulls().create().toJson(holder);
    assertEquals("{\"value\":" + json + "}", written);
  }

  @Test
  void factoriesValidateNumbers() {
    assertEquals("42", NumericString.of(42).raw());
    assertTrue(NumericString.of(new BigDecimal("1.50")).isJsonNumber());
    assertEquals("\"7\"", NumericString.ofString("7").toString());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> NumericString.ofNumber("12abc"));
    assertTrue(e.getMessage().contains("12abc"));
  }
}
