package io.htapsync.client.listener;

import java.time.Duration;
import java.util.Objects;

/**
 * How one logical call ended.
 *
 * @param instanceId the instance the call listed
 * @param outcome what kind of ending it was
 * @param httpStatus the last response's status, or 0 when the last attempt got no response
 * @param errorCode the service's {@code error_code} (e.g. {@code DBS.200022}), or null when there was none
 * @param attempts how many HTTP attempts were made
 * @param duration from the first attempt's start to the end, retry waits included
 */
public record CallResult(String instanceId, Outcome outcome, int httpStatus, String errorCode, int attempts,
    Duration duration) {

  /** The kinds of ending, one per exception family of the client. */
  public enum Outcome {
    /** A 2xx answer that decoded. */
    SUCCESS,
    /** A 4xx/5xx answer other than throttling ({@code ClientErrorException}, {@code ServerErrorException}). */
    API_ERROR,
    /** A 429 that retries did not get past ({@code ThrottledException}). */
    THROTTLED,
    /** No usable answer: connection, timeout or I/O failure ({@code TransportException}). */
    TRANSPORT_ERROR,
    /** A 2xx answer whose body was not a valid page ({@code ResponseDecodingException}). */
    DECODING_ERROR,
    /** The caller cancelled the call or interrupted its thread. */
    CANCELLED
  }

  public CallResult {
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(duration, "duration");
  }
}
