package io.htapsync.client.auth;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The percent-encoding of SDK-HMAC-SHA256: the unreserved characters {@code A-Z a-z 0-9 - _ . ~}
 * stay, every other byte of the UTF-8 text becomes {@code %XX} in upper case (so a space is {@code
 * %20}, never {@code +}).
 *
 * <p>URL components are canonicalised byte by byte (decode the escapes, encode the bytes again) and
 * never through a {@code String}, so that an escape which is not valid UTF-8 ({@code %FF}) is
 * signed as the byte the server receives instead of as a replacement character.
 */
final class PercentEncoding {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PercentEncoding() {}

  /** Encodes the UTF-8 bytes of {@code text}; rejects text that is not valid UTF-16. */
  static String encode(String text) {
    try {
      ByteBuffer utf8 =
          StandardCharsets.UTF_8
              .newEncoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .encode(CharBuffer.wrap(text));
      byte[] bytes = new byte[utf8.remaining()];
      utf8.get(bytes);
      return encode(bytes);
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("text contains an unpaired surrogate character", e);
    }
  }

  static String encode(byte[] bytes) {
    StringBuilder out = new StringBuilder(bytes.length);
    for (byte b : bytes) {
      int c = b & 0xff;
      if (isUnreserved(c)) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return out.toString();
  }

  /**
   * Canonical form of one raw (still encoded) URL component.
   *
   * @param plusIsSpace whether {@code +} means a space, as it does in a query string for OkHttp
   *     ({@code HttpUrl.queryParameter}) and for form decoding; in a path it is a literal plus
   */
  static String canonicalize(String rawComponent, boolean plusIsSpace) {
    return encode(decode(rawComponent, plusIsSpace));
  }

  static byte[] decode(String raw, boolean plusIsSpace) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
    int i = 0;
    while (i < raw.length()) {
      char c = raw.charAt(i);
      if (c == '%') {
        int high = i + 1 < raw.length() ? hexValue(raw.charAt(i + 1)) : -1;
        int low = i + 2 < raw.length() ? hexValue(raw.charAt(i + 2)) : -1;
        if (high < 0 || low < 0) {
          throw new IllegalArgumentException("malformed percent escape at index " + i);
        }
        out.write(high << 4 | low);
        i += 3;
      } else if (c == '+' && plusIsSpace) {
        out.write(' ');
        i++;
      } else {
        // java.net.URI lets non-ASCII characters stand unescaped in a raw component.
        int codePoint = raw.codePointAt(i);
        byte[] utf8 = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
        out.write(utf8, 0, utf8.length);
        i += Character.charCount(codePoint);
      }
    }
    return out.toByteArray();
  }

  // Not Character.digit: that also accepts non-ASCII digits such as the full-width ones.
  private static int hexValue(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return -1;
  }

  private static boolean isUnreserved(int c) {
    return c >= 'A' && c <= 'Z'
        || c >= 'a' && c <= 'z'
        || c >= '0' && c <= '9'
        || c == '-'
        || c == '_'
        || c == '.'
        || c == '~';
  }
}
