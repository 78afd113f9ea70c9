package io.htapsync.contract;

import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.core.model.matchingrules.NullMatcher;
import au.com.dius.pact.core.model.matchingrules.NumberTypeMatcher;
import au.com.dius.pact.core.model.matchingrules.NumberTypeMatcher.NumberType;
import au.com.dius.pact.core.model.matchingrules.RegexMatcher;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Pact matchers for the fields that the service sends in more than one JSON form.
 *
 * <p>Each field gets an OR of matchers, so the pact states exactly which forms are allowed rather
 * than pinning whichever form its example happens to use.
 */
final class MixedFields {
  /** The spec's pattern for a counter sent as a string (schema NumericString). */
  static final String NUMERIC_STRING_REGEX = "^-?[0-9]+(\\.[0-9]+)?$";
  // Stage values are open (the service invents casings); letters and underscores cover all seen.
  static final String STAGE_REGEX = "^[A-Za-z_]+$";
  static final String EXT_TEXT_REGEX = "^.{0,10}$";

  private static final Pattern NUMERIC_STRING = Pattern.compile(NUMERIC_STRING_REGEX);

  private MixedFields() {
  }

  /** A counter: a JSON number or a numeric string. {@code example} is a Number or such a String. */
  static PactDslJsonBody numberOrNumericString(PactDslJsonBody body, String name, Object example) {
    return body.or(name, checkedNumeric(name, example),
        new NumberTypeMatcher(NumberType.NUMBER), new RegexMatcher(NUMERIC_STRING_REGEX));
  }

  /** A counter that may also be null; {@code example} may be null. */
  static PactDslJsonBody numberOrNumericStringOrNull(PactDslJsonBody body, String name, Object example) {
    return body.or(name, example == null ? null : checkedNumeric(name, example),
        new NumberTypeMatcher(NumberType.NUMBER), new RegexMatcher(NUMERIC_STRING_REGEX),
        NullMatcher.INSTANCE);
  }

  /**
   * A stage name or null. A regex, not a type matcher: Pact's type matcher takes the type from the
   * example, so with a null example it would accept nothing but null.
   */
  static PactDslJsonBody stageOrNull(PactDslJsonBody body, String name, String example) {
    return body.or(name, example, new RegexMatcher(STAGE_REGEX), NullMatcher.INSTANCE);
  }

  /** {@code ext_text}: up to 10 characters, usually null. */
  static PactDslJsonBody extTextOrNull(PactDslJsonBody body, String example) {
    return body.or("ext_text", example, new RegexMatcher(EXT_TEXT_REGEX), NullMatcher.INSTANCE);
  }

  private static Object checkedNumeric(String name, Object example) {
    if (example instanceof Integer || example instanceof Long || example instanceof BigDecimal) {
      return example;
    }
    if (example instanceof String && NUMERIC_STRING.matcher((String) example).matches()) {
      return example;
    }
    throw new IllegalArgumentException("example for " + name
        + " must be an Integer, Long, BigDecimal or a numeric string, but was " + example);
  }
}
