package io.htapsync.client;

import io.htapsync.client.internal.Snippets;

/**
 * Checks caller-supplied values before anything is sent. IDs become path segments, so anything but
 * letters and digits is refused outright rather than encoded: an ID with {@code /}, {@code ..} or
 * {@code %2F} is a bug or an attack, never a real instance.
 *
 * <p>Public so that tools built on the client (the CLI) check their input by these same rules before
 * they start anything, instead of repeating them. Messages name the argument by its Java name
 * ({@code instanceId}, {@code projectId}, {@code offset}, {@code limit}) as their first word.
 */
public final class RequestArguments {
  // These follow the spec's InstanceId, ProjectId and Limit parameters; SpecConformanceTest holds them to it.
  static final int MAX_LIMIT = 100;
  static final int INSTANCE_ID_LENGTH = 36;

  private RequestArguments() {}

  /**
   * @return {@code projectId}, if it is a well-formed project ID
   * @throws IllegalArgumentException naming the problem
   */
  public static String projectId(String projectId) {
    requireText(projectId, "projectId");
    if (projectId.length() != 32 || !lettersAndDigits(projectId)) {
      throw new IllegalArgumentException("projectId must be 32 ASCII letters and digits, got "
          + shown(projectId) + " (" + projectId.length() + " chars)");
    }
    return projectId;
  }

  /**
   * @return {@code instanceId}, if it is a well-formed instance ID
   * @throws IllegalArgumentException naming the problem
   */
  public static String instanceId(String instanceId) {
    requireText(instanceId, "instanceId");
    // Characters first: a '/' or '%' names the problem better than the length does.
    for (int i = 0; i < instanceId.length(); i++) {
      char c = instanceId.charAt(i);
      if (!isLetterOrDigit(c)) {
        throw new IllegalArgumentException("instanceId must contain only ASCII letters and digits"
            + " (an instance ID is 36 of them, ending in07 or in17); found " + describe(c)
            + " at index " + i + " in " + shown(instanceId));
      }
    }
    if (instanceId.length() != INSTANCE_ID_LENGTH) {
      throw new IllegalArgumentException("instanceId is " + instanceId.length() + " chars long (" + shown(instanceId)
          + "); an instance ID is " + INSTANCE_ID_LENGTH + " letters and digits, ending in07 or in17");
    }
    return instanceId;
  }

  /** @throws IllegalArgumentException naming the problem, for a limit outside 1..100 or a bad offset */
  public static void page(int offset, int limit) {
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
