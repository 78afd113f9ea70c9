package io.htapsync.client.http;

/** Bounded, printable excerpts of untrusted text (response bodies, caller-supplied IDs) for messages. */
public final class Snippets {
  /** Longest excerpt of a body put into an exception message. */
  public static final int MAX_BODY_SNIPPET = 256;

  private Snippets() {}

  /**
   * At most {@code max} characters of {@code text}, control and non-ASCII characters escaped as
   * {@code \\uXXXX} so that a message stays one readable line whatever the server sent.
   */
  public static String excerpt(String text, int max) {
    if (text == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 16);
    int shown = Math.min(text.length(), max);
    for (int i = 0; i < shown; i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c < 0x7f) {
        out.append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
    if (text.length() > max) {
      out.append("... (").append(text.length()).append(" chars)");
    }
    return out.toString();
  }
}
