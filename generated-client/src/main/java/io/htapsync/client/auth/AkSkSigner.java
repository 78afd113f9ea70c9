package io.htapsync.client.auth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.Headers;

/**
 * The vendor's {@code SDK-HMAC-SHA256} request signature as a pure function of the request, so that
 * a client can sign with it and a test double of the service can verify with it.
 *
 * <p>Canonical request: the lines method, canonical URI, canonical query, canonical headers, signed
 * header names and payload hash, joined by {@code \n}.
 *
 * <ul>
 *   <li>URI: every path segment decoded and encoded again with {@link PercentEncoding}, a {@code /}
 *       appended unless the path already ends with one.
 *   <li>Query: parameters decoded ({@code +} is a space, as OkHttp reads it) and encoded again,
 *       {@code name=value} (a parameter without {@code =} has the empty value), sorted by encoded
 *       name, then encoded value (the vendor's Java SDK sorts this way; its Go SDK sorts the decoded
 *       names, which differs only for names with reserved characters), joined by {@code &}. Empty
 *       pieces such as the one in {@code a=1&&b=2} are skipped.
 *   <li>Headers: every given header except {@code Content-Type}, plus {@code host} unless given:
 *       the URL's host in lower case with {@code :port} only when the port is not the scheme's
 *       default, exactly the {@code Host} header OkHttp sends. Names lower-cased, values trimmed,
 *       sorted by name, one {@code name:value} line per value (values of a repeated header sorted,
 *       as the vendor's Go SDK does).
 *   <li>Payload hash: lower-case hex SHA-256 of the body, of no bytes when there is none.
 * </ul>
 *
 * <p>String to sign: {@code SDK-HMAC-SHA256\n} + {@code X-Sdk-Date} + {@code \n} + hex SHA-256 of
 * the canonical request. Signature: hex HMAC-SHA256 of it keyed with the SK's UTF-8 bytes.
 */
public final class AkSkSigner {
  /** The algorithm name, first word of the {@code Authorization} header. */
  public static final String ALGORITHM = "SDK-HMAC-SHA256";

  /** The header holding the signing time, which the string to sign repeats. */
  public static final String SDK_DATE_HEADER = "X-Sdk-Date";

  /** The {@code X-Sdk-Date} format, always in UTC. */
  public static final DateTimeFormatter SDK_DATE_FORMAT =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private static final String NOT_SIGNED = "content-type";
  private static final String HOST = "host";
  private static final HexFormat HEX = HexFormat.of();

  private AkSkSigner() {}

  /**
   * Signs a request.
   *
   * @param headersToSign the headers to sign, which must include {@code X-Sdk-Date}; names are
   *     case-insensitive
   * @param body the request body, or {@code null} for none
   * @return the value of the {@code Authorization} header
   */
  public static String sign(
      String method, URI url, Map<String, String> headersToSign, byte[] body, String ak, String sk) {
    return sign(method, url, normalize(headersToSign), body, ak, sk);
  }

  /** As {@link #sign(String, URI, Map, byte[], String, String)}, for repeated header names. */
  public static String sign(
      String method, URI url, Headers headersToSign, byte[] body, String ak, String sk) {
    return sign(method, url, normalize(headersToSign), body, ak, sk);
  }

  /** The canonical request, the text whose hash is signed. */
  public static String canonicalRequest(
      String method, URI url, Map<String, String> headersToSign, byte[] body) {
    return canonicalRequest(method, url, normalize(headersToSign), body);
  }

  /** As {@link #canonicalRequest(String, URI, Map, byte[])}, for repeated header names. */
  public static String canonicalRequest(
      String method, URI url, Headers headersToSign, byte[] body) {
    return canonicalRequest(method, url, normalize(headersToSign), body);
  }

  /** {@code SDK-HMAC-SHA256\n} + {@code sdkDate} + {@code \n} + hex SHA-256 of the request. */
  public static String stringToSign(String sdkDate, String canonicalRequest) {
    Checks.requireText(sdkDate, "sdkDate");
    Checks.requireNonNull(canonicalRequest, "canonicalRequest");
    return ALGORITHM + "\n" + sdkDate + "\n" + sha256Hex(utf8(canonicalRequest));
  }

  /** Lower-case hex HMAC-SHA256 of {@code stringToSign}, keyed with the UTF-8 bytes of {@code sk}. */
  public static String signature(String stringToSign, String sk) {
    Checks.requireNonNull(stringToSign, "stringToSign");
    Checks.requireText(sk, "sk");
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(utf8(sk), "HmacSHA256"));
      return HEX.formatHex(mac.doFinal(utf8(stringToSign)));
    } catch (GeneralSecurityException e) {
      // Every Java platform must provide HmacSHA256.
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /** The {@code X-Sdk-Date} value for an instant. */
  public static String sdkDate(Instant instant) {
    return SDK_DATE_FORMAT.format(Checks.requireNonNull(instant, "instant"));
  }

  private static String sign(
      String method,
      URI url,
      TreeMap<String, List<String>> headers,
      byte[] body,
      String ak,
      String sk) {
    Checks.requireText(ak, "ak");
    Checks.requireText(sk, "sk");
    List<String> dates = headers.get(SDK_DATE_HEADER.toLowerCase(Locale.ROOT));
    if (dates == null || dates.size() != 1) {
      throw new IllegalArgumentException(
          "headersToSign must hold exactly one " + SDK_DATE_HEADER + " header");
    }
    String canonical = canonicalRequest(method, url, headers, body);
    String signature = signature(stringToSign(dates.get(0), canonical), sk);
    return ALGORITHM
        + " Access="
        + ak
        + ", SignedHeaders="
        + signedHeaderNames(withHost(headers, url))
        + ", Signature="
        + signature;
  }

  private static String canonicalRequest(
      String method, URI url, TreeMap<String, List<String>> headers, byte[] body) {
    Checks.requireText(method, "method");
    Checks.requireNonNull(url, "url");
    TreeMap<String, List<String>> signed = withHost(headers, url);
    return String.join(
        "\n",
        method,
        canonicalUri(url),
        canonicalQuery(url),
        canonicalHeaders(signed),
        signedHeaderNames(signed),
        sha256Hex(body == null ? new byte[0] : body));
  }

  static String canonicalUri(URI url) {
    String rawPath = url.getRawPath();
    if (rawPath == null || rawPath.isEmpty()) {
      return "/";
    }
    List<String> segments = new ArrayList<>();
    for (String segment : rawPath.split("/", -1)) {
      segments.add(PercentEncoding.canonicalize(segment, false));
    }
    String path = String.join("/", segments);
    return path.endsWith("/") ? path : path + "/";
  }

  static String canonicalQuery(URI url) {
    String rawQuery = url.getRawQuery();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    List<String[]> parameters = new ArrayList<>();
    for (String piece : rawQuery.split("&", -1)) {
      if (piece.isEmpty()) {
        continue;
      }
      int equals = piece.indexOf('=');
      String name = equals < 0 ? piece : piece.substring(0, equals);
      String value = equals < 0 ? "" : piece.substring(equals + 1);
      parameters.add(
          new String[] {
            PercentEncoding.canonicalize(name, true), PercentEncoding.canonicalize(value, true)
          });
    }
    parameters.sort(
        (a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
    StringBuilder out = new StringBuilder();
    for (String[] parameter : parameters) {
      if (out.length() > 0) {
        out.append('&');
      }
      out.append(parameter[0]).append('=').append(parameter[1]);
    }
    return out.toString();
  }

  /** The {@code Host} header OkHttp sends for this URL. */
  static String hostHeader(URI url) {
    String host = url.getHost();
    if (host == null) {
      throw new IllegalArgumentException("url must be absolute and name a host");
    }
    host = host.toLowerCase(Locale.ROOT);
    int port = url.getPort();
    return port == -1 || port == defaultPort(url.getScheme()) ? host : host + ":" + port;
  }

  private static int defaultPort(String scheme) {
    if ("http".equalsIgnoreCase(scheme)) {
      return 80;
    }
    if ("https".equalsIgnoreCase(scheme)) {
      return 443;
    }
    return -1;
  }

  private static String canonicalHeaders(TreeMap<String, List<String>> headers) {
    StringBuilder out = new StringBuilder();
    headers.forEach(
        (name, values) -> values.forEach(v -> out.append(name).append(':').append(v).append('\n')));
    return out.toString();
  }

  private static String signedHeaderNames(TreeMap<String, List<String>> headers) {
    return String.join(";", headers.keySet());
  }

  private static TreeMap<String, List<String>> withHost(
      TreeMap<String, List<String>> headers, URI url) {
    Checks.requireNonNull(url, "url");
    TreeMap<String, List<String>> copy = new TreeMap<>(headers);
    copy.putIfAbsent(HOST, List.of(hostHeader(url)));
    return copy;
  }

  private static TreeMap<String, List<String>> normalize(Map<String, String> headers) {
    Checks.requireNonNull(headers, "headersToSign");
    TreeMap<String, List<String>> normalized = new TreeMap<>();
    headers.forEach((name, value) -> add(normalized, name, value));
    return sortValues(normalized);
  }

  private static TreeMap<String, List<String>> normalize(Headers headers) {
    Checks.requireNonNull(headers, "headersToSign");
    TreeMap<String, List<String>> normalized = new TreeMap<>();
    for (int i = 0; i < headers.size(); i++) {
      add(normalized, headers.name(i), headers.value(i));
    }
    return sortValues(normalized);
  }

  private static void add(TreeMap<String, List<String>> headers, String name, String value) {
    if (name == null || name.isBlank() || name.chars().anyMatch(c -> c <= ' ' || c == ':')) {
      throw new IllegalArgumentException("header name '" + name + "' is not a valid header name");
    }
    if (value == null || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
      // The value is not quoted: it may be a secret such as X-Security-Token.
      throw new IllegalArgumentException("header " + name + " has a null value or a line break");
    }
    String lowerName = name.toLowerCase(Locale.ROOT);
    if (!lowerName.equals(NOT_SIGNED)) {
      headers.computeIfAbsent(lowerName, n -> new ArrayList<>()).add(value.trim());
    }
  }

  private static TreeMap<String, List<String>> sortValues(TreeMap<String, List<String>> headers) {
    headers.values().forEach(Collections::sort);
    return headers;
  }

  private static String sha256Hex(byte[] bytes) {
    try {
      return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (GeneralSecurityException e) {
      // Every Java platform must provide SHA-256.
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
