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
  /** The spec's pattern for a count sent as a string (the string branch of schema Count). */
  static final String COUNT_STRING_REGEX = "^[0-9]{1,18}$";
  /** The spec's pattern for a percentage sent as a string (schemas Percentage and NullablePercentage). */
  static final String PERCENTAGE_STRING_REGEX = "^(100(\\.0+)?|[0-9]{1,2}(\\.[0-9]+)?)$";
  // Any string: the spec leaves stage values open (the service invents casings), so the pact does too.
  static final String ANY_STRING_REGEX = "^[\\s\\S]*$";
  // The spec's maxLength 10 for ext_text, any characters.
  static final String EXT_TEXT_REGEX = "^[\\s\\S]{0,10}$";

  private static final Pattern COUNT_STRING = Pattern.compile(COUNT_STRING_REGEX);
  private static final Pattern PERCENTAGE_STRING = Pattern.compile(PERCENTAGE_STRING_REGEX);

  private MixedFields() {
  }

  /** A count: a JSON integer or a string of digits. {@code example} is an Integer, a Long or such a String. */
  static PactDslJsonBody count(PactDslJsonBody body, String name, Object example) {
    return body.or(name, checked(name, example, COUNT_STRING),
        new NumberTypeMatcher(NumberType.INTEGER), new RegexMatcher(COUNT_STRING_REGEX));
  }

  /** A percentage: a JSON number or a numeric string. {@code example} is a Number or such a String. */
  static PactDslJsonBody percentage(PactDslJsonBody body, String name, Object example) {
    return body.or(name, checked(name, example, PERCENTAGE_STRING),
        new NumberTypeMatcher(NumberType.NUMBER), new RegexMatcher(PERCENTAGE_STRING_REGEX));
  }

  /** A percentage that may also be null; {@code example} may be null. */
  static PactDslJsonBody percentageOrNull(PactDslJsonBody body, String name, Object example) {
    return body.or(name, example == null ? null : checked(name, example, PERCENTAGE_STRING),
        new NumberTypeMatcher(NumberType.NUMBER), new RegexMatcher(PERCENTAGE_STRING_REGEX),
        NullMatcher.INSTANCE);
  }

  /**
   * A stage name or null. A regex, not a type matcher: Pact's type matcher takes the type from the
   * example, so with a null example it would accept nothing but null.
   */
  static PactDslJsonBody stageOrNull(PactDslJsonBody body, String name, String example) {
    return body.or(name, example, new RegexMatcher(ANY_STRING_REGEX), NullMatcher.INSTANCE);
  }

  /** {@code ext_text}: up to 10 characters, usually null. */
  static PactDslJsonBody extTextOrNull(PactDslJsonBody body, String example) {
    return body.or("ext_text", example, new RegexMatcher(EXT_TEXT_REGEX), NullMatcher.INSTANCE);
  }

  private static Object checked(String name, Object example, Pattern stringForm) {
    if (example instanceof Integer || example instanceof Long || example instanceof BigDecimal) {
      return example;
    }
    if (example instanceof String && stringForm.matcher((String) example).matches()) {
      return example;
    }
    throw new IllegalArgumentException("example for " + name
        + " must be an Integer, Long, BigDecimal or a string matching " + stringForm + ", but was " + example);
  }
}
