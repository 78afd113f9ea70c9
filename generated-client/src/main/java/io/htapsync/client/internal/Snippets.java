package io.htapsync.client.internal;

/**
 * The client's one formatter of untrusted text (response bodies, the service's messages,
 * caller-supplied IDs) for messages: bounded, on one line, and unable to steer a terminal.
 */
public final class Snippets {
  /** Longest excerpt of a body put into an exception message. */
  public static final int MAX_BODY_SNIPPET = 256;

  private Snippets() {}

  /**
   * At most {@code max} characters of {@code text}, with what could break a line or a terminal
   * escaped as {@code \\uXXXX} (control characters, line and paragraph separators, invisible format
   * characters such as bidi overrides and zero-width spaces, lone surrogates, unassigned code points)
   * and {@code \\n} for a newline. Every other character is kept as it is, so a message in Chinese
   * (say, the service's {@code zh-cn} error messages) reads as the service wrote it.
   */
  public static String excerpt(String text, int max) {
    return format(text, max, false);
  }

  /**
   * {@link #excerpt}, escaping also every non-ASCII character: for identifiers, which are ASCII, so
   * that a look-alike letter (a Cyrillic {@code а} for a Latin {@code a}) shows as what it is.
   */
  public static String identifier(String text, int max) {
    return format(text, max, true);
  }

  /** A body's start for an exception: stripped and at most {@link #MAX_BODY_SNIPPET} characters. */
  public static String body(String text) {
    return excerpt(text.strip(), MAX_BODY_SNIPPET);
  }

  /** {@code " (request id X)"}, or nothing when there is no id: how every message quotes one. */
  public static String requestIdSuffix(String requestId) {
    return requestId == null ? "" : " (request id " + requestId + ")";
  }

  private static String format(String text, int max, boolean asciiOnly) {
    if (text == null) {
      return null;
    }
    int shown = Math.min(text.length(), max);
    if (shown < text.length() && shown > 0 && Character.isHighSurrogate(text.charAt(shown - 1))
        && Character.isLowSurrogate(text.charAt(shown))) {
      shown--; // never cut a pair in two: half of it would be escaped as a lone surrogate
    }
    StringBuilder out = new StringBuilder(shown + 16);
    for (int i = 0; i < shown; ) {
      int c = text.codePointAt(i);
      int width = Character.charCount(c);
      if (c == '\n') {
        out.append("\\n");
      } else if (c >= 0x20 && c < 0x7f || !asciiOnly && isSafe(c)) {
        out.appendCodePoint(c);
      } else {
        for (int j = i; j < i + width; j++) {
          out.append(String.format("\\u%04x", (int) text.charAt(j)));
        }
      }
      i += width;
    }
    if (text.length() > max) {
      out.append("... (").append(text.length()).append(" chars)");
    }
    return out.toString();
  }

  private static boolean isSafe(int codePoint) {
    switch (Character.getType(codePoint)) {
      case Character.CONTROL:
      case Character.FORMAT:
      case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR:
      case Character.SURROGATE:
      case Character.UNASSIGNED:
      case Character.PRIVATE_USE:
        return false;
      default:
        return true;
    }
  }
}
