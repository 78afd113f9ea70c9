package io.htapsync.client.internal;

import io.htapsync.client.exception.ClockSkewException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Locale;
import okhttp3.Response;

/**
 * Tells a refused AK/SK signature whose date is out of the gateway's range from any other 401/403.
 * The gateway answers {@code APIGW.0301} "... signature expired" when {@code X-Sdk-Date} is more than
 * 15 minutes from its clock; a wrong key gets the same code with "verify aksk signature fail". The
 * answer's {@code Date} header says how far off the clock is.
 */
final class ClockSkew {
  private static final DateTimeFormatter SDK_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);

  private ClockSkew() {}

  /** The skew exception for this answer, or null when it is not a clock-skew refusal. */
  static ClockSkewException detect(Response response, String code, String message, String requestId, String snippet) {
    int status = response.code();
    String sdkDate = response.request().header("X-Sdk-Date");
    if ((status != 401 && status != 403) || sdkDate == null) {
      return null;
    }
    Instant signed = parse(sdkDate);
    Date served = response.headers().getDate("Date");
    Duration skew = signed == null || served == null ? null : Duration.between(served.toInstant(), signed);
    boolean saysExpired = message != null && message.toLowerCase(Locale.ROOT).contains("expired");
    boolean outOfRange = skew != null && skew.abs().compareTo(ClockSkewException.GATEWAY_TOLERANCE) > 0;
    // A measured skew inside the tolerance means something else expired (a temporary key, say).
    if (!outOfRange && !(skew == null && saysExpired)) {
      return null;
    }
    return new ClockSkewException(status, code, message, requestId, snippet, sdkDate, skew);
  }

  private static Instant parse(String sdkDate) {
    try {
      return LocalDateTime.parse(sdkDate, SDK_DATE).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
