package io.htapsync.client;

import io.htapsync.client.internal.Snippets;

/**
 * Checks caller-supplied values before anything is sent. IDs become path segments, so anything but
 * letters and digits is refused outright rather than encoded: an ID with {@code /}, {@code ..} or
 * {@code %2F} is a bug or an attack, never a real instance.
 */
final class RequestArguments {
  static final int MAX_LIMIT = 100;
  private static final int MAX_INSTANCE_ID_LENGTH = 64;

  private RequestArguments() {}

  static String projectId(String projectId) {
    requireText(projectId, "projectId");
    if (projectId.length() != 32 || !lettersAndDigits(projectId)) {
      throw new IllegalArgumentException("projectId must be 32 ASCII letters and digits, got "
          + shown(projectId) + " (" + projectId.length() + " chars)");
    }
    return projectId;
  }

  static String instanceId(String instanceId) {
    requireText(instanceId, "instanceId");
    if (instanceId.length() > MAX_INSTANCE_ID_LENGTH) {
      throw new IllegalArgumentException("instanceId is " + instanceId.length()
          + " chars long; an instance ID is 36 letters and digits");
    }
    for (int i = 0; i < instanceId.length(); i++) {
      char c = instanceId.charAt(i);
      if (!isLetterOrDigit(c)) {
        throw new IllegalArgumentException("instanceId must contain only ASCII letters and digits"
            + " (an instance ID is 36 of them, ending in07 or in17); found " + describe(c)
            + " at index " + i + " in " + shown(instanceId));
      }
    }
    return instanceId;
  }

  static void page(int offset, int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", got " + limit);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be >= 0, got " + offset);
    }
    if (offset > Integer.MAX_VALUE - limit) {
      throw new IllegalArgumentException("offset " + offset + " + limit " + limit
          + " exceeds the largest record index (" + Integer.MAX_VALUE + ")");
    }
  }

  private static void requireText(String value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }

  private static boolean lettersAndDigits(String value) {
    return value.chars().allMatch(c -> isLetterOrDigit((char) c));
  }

  private static boolean isLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static String describe(char c) {
    if (c == '/') {
      return "'/'";
    }
    if (c == '%') {
      return "'%' (IDs are never percent-encoded)";
    }
    if (c == '.') {
      return "'.'";
    }
    if (Character.isWhitespace(c)) {
      return "whitespace " + Snippets.identifier(String.valueOf(c), 1);
    }
    if (Character.isISOControl(c)) {
      return "a control character " + Snippets.identifier(String.valueOf(c), 1);
    }
    return "'" + Snippets.identifier(String.valueOf(c), 1) + "'";
  }

  private static String shown(String value) {
    return '"' + Snippets.identifier(value, 48) + '"';
  }
}
