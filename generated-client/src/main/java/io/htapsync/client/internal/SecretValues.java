package io.htapsync.client.internal;

import java.util.ArrayList;
import java.util.List;
import okhttp3.Request;

/**
 * The credential values one request carries, to be cut out of any text a server sends back: an
 * error body that echoes the token or the signature must not carry it into a log or a message.
 */
public final class SecretValues {
  /** Headers whose values are secrets. */
  public static final List<String> HEADERS = List.of("X-Auth-Token", "Authorization", "X-Security-Token");
  /** What a secret is replaced with. */
  public static final String REDACTED = "██";
  /** Shorter values are not searched for: they would redact ordinary text, and are no real secret. */
  private static final int MIN_LENGTH = 8;

  private final List<String> values;

  private SecretValues(List<String> values) {
    this.values = values;
  }

  /** Whole credential headers, and an AK/SK signature on its own. */
  public static SecretValues of(Request request) {
    List<String> values = new ArrayList<>();
    for (String header : HEADERS) {
      for (String value : request.headers(header)) {
        add(values, value);
        int signature = value.indexOf("Signature=");
        if (signature >= 0) {
          int end = value.indexOf(',', signature);
          add(values, value.substring(signature + "Signature=".length(), end < 0 ? value.length() : end));
        }
      }
    }
    // Longest first: a whole header is redacted before the signature inside it.
    values.sort((a, b) -> b.length() - a.length());
    return new SecretValues(values);
  }

  private static void add(List<String> values, String value) {
    String trimmed = value.strip();
    if (trimmed.length() >= MIN_LENGTH && !values.contains(trimmed)) {
      values.add(trimmed);
    }
  }

  /** {@code text} with every secret value replaced by {@link #REDACTED}. */
  public String redact(String text) {
    String out = text;
    for (String secret : values) {
      if (out.contains(secret)) {
        out = out.replace(secret, REDACTED);
      }
    }
    return out;
  }
}
