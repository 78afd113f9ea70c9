package io.htapsync.client.fuzz;

import io.htapsync.client.ClientTestSupport;
import io.htapsync.client.StarRocksReplicationClient;
import io.htapsync.client.auth.Credentials;
import io.htapsync.client.retry.RetryPolicy;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Answers every call of a real {@link StarRocksReplicationClient} in memory with the response set
 * last, so a fuzz target drives the whole client (executor, retries, decoding, error mapping) at
 * thousands of inputs a second, with no socket, thread or sleep.
 */
final class CannedServer {
  private volatile int status = 200;
  private volatile Headers headers = Headers.of();
  private volatile byte[] body = new byte[0];

  private final OkHttpClient canned = new OkHttpClient.Builder()
      .addInterceptor(chain -> new Response.Builder()
          .request(chain.request())
          .protocol(Protocol.HTTP_1_1)
          .code(status)
          .message("fuzz")
          .headers(headers)
          .body(ResponseBody.create(body, MediaType.get("application/json")))
          .build())
      .build();

  /**
   * A client whose every attempt gets the canned answer; the clock is fixed for Retry-After dates.
   * Cheap (it shares one OkHttp client): a target whose inputs must not see each other's state, such
   * as the host gate a 429 closes, takes a fresh one per input.
   */
  StarRocksReplicationClient client(RetryPolicy policy) {
    return StarRocksReplicationClient.builder()
        .endpoint(URI.create("https://fuzz.invalid/"))
        .projectId(ClientTestSupport.PROJECT)
        .credentials(Credentials.token(ClientTestSupport.TOKEN))
        .okHttpClient(canned)
        .retryPolicy(policy)
        .clock(Clock.fixed(Instant.parse("2026-03-01T08:30:15Z"), ZoneOffset.UTC))
        .build();
  }

  void answer(int status, Headers headers, byte[] body) {
    this.status = status;
    this.headers = headers;
    this.body = body;
  }
}
