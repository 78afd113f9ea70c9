package io.htapsync.micrometer;

import io.htapsync.client.listener.CallListener;
import io.htapsync.client.listener.CallResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The client's {@link CallListener} as Micrometer meters: a timer {@value #CALLS} per logical call
 * (tags {@code outcome}, {@code http_status}, {@code error_code}) and a counter {@value #RETRIES}
 * of retries scheduled. In Prometheus: {@code htapsync_client_calls_seconds_*} and
 * {@code htapsync_client_retries_total}.
 *
 * <p>Tag values are bounded: an error code not shaped like the service's ({@code DBS.200022}) is
 * counted as {@code other}, so a misbehaving server cannot grow the number of series.
 */
public final class MicrometerCallListener implements CallListener {
  public static final String CALLS = "htapsync.client.calls";
  public static final String RETRIES = "htapsync.client.retries";
  static final String NONE = "none";
  private static final Pattern ERROR_CODE = Pattern.compile("[A-Za-z]{1,16}\\.[0-9]{1,8}");

  private final MeterRegistry registry;
  private final Counter retries;

  public MicrometerCallListener(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.retries = Counter.builder(RETRIES)
        .description("Retries the htapsync client scheduled (throttling, server errors, network failures)")
        .register(registry);
  }

  @Override
  public void retryScheduled(String instanceId, int nextAttempt, Duration delay) {
    retries.increment();
  }

  @Override
  public void callFinished(CallResult result) {
    Timer.builder(CALLS)
        .description("Logical calls of the htapsync client, retries included, by how they ended")
        .tag("outcome", result.outcome().name().toLowerCase(Locale.ROOT))
        .tag("http_status", result.httpStatus() == 0 ? NONE : Integer.toString(result.httpStatus()))
        .tag("error_code", errorCodeTag(result.errorCode()))
        .register(registry)
        .record(result.duration());
  }

  static String errorCodeTag(String errorCode) {
    if (errorCode == null || errorCode.isEmpty()) {
      return NONE;
    }
    return ERROR_CODE.matcher(errorCode).matches() ? errorCode : "other";
  }
}
