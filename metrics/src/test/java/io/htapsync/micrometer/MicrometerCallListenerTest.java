package io.htapsync.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.htapsync.client.listener.CallResult;
import io.htapsync.client.listener.CallResult.Outcome;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MicrometerCallListenerTest {
  private static final String ID = "a3f5c7e9b1d24f6a8c0e2b4d6f8a0c1ein07";

  @Test
  void callsAreTimedByOutcomeStatusAndErrorCode() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    MicrometerCallListener listener = new MicrometerCallListener(registry);
    listener.callFinished(new CallResult(ID, Outcome.SUCCESS, 200, null, 1, Duration.ofMillis(40)));
    listener.callFinished(new CallResult(ID, Outcome.SUCCESS, 200, null, 2, Duration.ofMillis(60)));
    listener.callFinished(new CallResult(ID, Outcome.API_ERROR, 404, "DBS.200022", 1, Duration.ofMillis(5)));
    listener.callFinished(new CallResult(ID, Outcome.TRANSPORT_ERROR, 0, null, 3, Duration.ofSeconds(2)));

    Timer ok = registry.get(MicrometerCallListener.CALLS)
        .tags("outcome", "success", "http_status", "200", "error_code", "none").timer();
    assertEquals(2, ok.count());
    assertEquals(100, ok.totalTime(TimeUnit.MILLISECONDS), 0.001);
    assertEquals(1, registry.get(MicrometerCallListener.CALLS)
        .tags("outcome", "api_error", "http_status", "404", "error_code", "DBS.200022").timer().count());
    assertEquals(1, registry.get(MicrometerCallListener.CALLS)
        .tags("outcome", "transport_error", "http_status", "none", "error_code", "none").timer().count());
  }

  @Test
  void retriesAreCounted() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    MicrometerCallListener listener = new MicrometerCallListener(registry);
    assertEquals(0, registry.get(MicrometerCallListener.RETRIES).counter().count());
    listener.retryScheduled(ID, 2, Duration.ofMillis(100));
    listener.retryScheduled(ID, 3, Duration.ofMillis(200));
    assertEquals(2, registry.get(MicrometerCallListener.RETRIES).counter().count());
  }

  @Test
  void oddErrorCodesCannotGrowTheSeries() {
    assertEquals("other", MicrometerCallListener.errorCodeTag("x\"\n" + "y".repeat(1000)));
    assertEquals("other", MicrometerCallListener.errorCodeTag("APIGW.0301.extra"));
    assertEquals("APIGW.0301", MicrometerCallListener.errorCodeTag("APIGW.0301"));
    assertEquals("none", MicrometerCallListener.errorCodeTag(null));
  }

  @Test
  void prometheusNames() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    MicrometerCallListener listener = new MicrometerCallListener(registry);
    listener.retryScheduled(ID, 2, Duration.ofMillis(100));
    listener.callFinished(new CallResult(ID, Outcome.THROTTLED, 429, "APIGW.0308", 4, Duration.ofSeconds(3)));
    String text = registry.scrape();
    assertTrue(text.contains("htapsync_client_retries_total 1.0"), text);
    assertTrue(text.contains("htapsync_client_calls_seconds_count{error_code=\"APIGW.0308\",http_status=\"429\","
        + "outcome=\"throttled\"} 1"), text);
  }
}
