package io.htapsync.client.auth;

/**
 * Argument checks whose messages name the argument but never echo its value, because the values
 * checked here are secrets.
 */
final class Checks {
  private Checks() {}

  static <T> T requireNonNull(T value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    return value;
  }

  static String requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be null or blank");
    }
    return value;
  }

  /** Non-blank and usable as an HTTP header value; see {@link #headerValueProblem(String)}. */
  static String requireHeaderValue(String value, String name) {
    requireText(value, name);
    String problem = headerValueProblem(value);
    if (problem != null) {
      throw new IllegalArgumentException(name + " " + problem);
    }
    return value;
  }

  /**
   * Why {@code value} cannot be sent as a header value, or {@code null} when it can. Checked here
   * rather than left to OkHttp because OkHttp's own message quotes the value for every header but
   * a few well-known ones, and X-Auth-Token and X-Security-Token are not among them.
   */
  static String headerValueProblem(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        return "contains a character that is not visible ASCII at index " + i
            + " (whitespace, line breaks and non-ASCII letters cannot be sent in an HTTP header)";
      }
    }
    return null;
  }
}
