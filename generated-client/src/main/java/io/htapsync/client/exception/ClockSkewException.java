package io.htapsync.client.exception;

import io.htapsync.client.internal.HumanDuration;
import java.time.Duration;
import java.util.Optional;

/**
 * The gateway refused an AK/SK-signed request because its {@code X-Sdk-Date} is too far from the
 * gateway's own time (it allows 15 minutes either way): this machine's clock is wrong, not the keys.
 * The message says by how much, measured against the answer's {@code Date} header; without one, an
 * answer saying the signature expired is taken for a skew.
 * Not retried: every later signature carries the same clock until it is corrected.
 */
public class ClockSkewException extends ClientErrorException {
  private static final long serialVersionUID = 1L;

  /** How far the gateway lets {@code X-Sdk-Date} stray from its clock. */
  public static final Duration GATEWAY_TOLERANCE = Duration.ofMinutes(15);

  private final String sdkDate;
  private final Duration skew;

  /**
   * @param sdkDate the refused request's {@code X-Sdk-Date}
   * @param skew this machine's clock minus the gateway's (positive: ahead), or null when the answer had no usable
   *     {@code Date}
   */
  public ClockSkewException(int httpStatus, String errorCode, String errorMessage, String requestId,
      String bodySnippet, String sdkDate, Duration skew) {
    super(httpStatus, errorCode, errorMessage, requestId, bodySnippet);
    this.sdkDate = sdkDate;
    this.skew = skew;
  }

  /** This machine's clock minus the gateway's, as measured from the answer; positive when ahead. */
  public Optional<Duration> skew() {
    return Optional.ofNullable(skew);
  }

  /** The {@code X-Sdk-Date} the gateway refused. */
  public String sdkDate() {
    return sdkDate;
  }

  @Override
  public String getMessage() {
    String how = skew == null
        ? "the gateway allows " + GATEWAY_TOLERANCE.toMinutes() + " minutes of difference; the answer had no"
            + " Date header to measure this machine's clock against"
        : "this machine's clock is " + HumanDuration.of(skew) + (skew.isNegative() ? " behind" : " ahead of")
            + " the gateway's, more than the " + GATEWAY_TOLERANCE.toMinutes() + " minutes it allows";
    return super.getMessage() + "; clock skew: the gateway refused the AK/SK signature dated X-Sdk-Date "
        + sdkDate + " (" + how + "): synchronize this machine's clock (NTP)";
  }
}
