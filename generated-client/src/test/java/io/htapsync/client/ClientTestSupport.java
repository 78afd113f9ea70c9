package io.htapsync.client;

import io.htapsync.client.auth.Credentials;
import io.htapsync.client.retry.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A MockWebServer per test and clients pointed at it, with waits short enough for a fast suite. */
public abstract class ClientTestSupport {
  public static final String PROJECT = "9f8e7d6c5b4a39281706f5e4d3c2b1a0";
  public static final String INSTANCE = "0123456789abcdef0123456789abcdefin07";
  public static final String TOKEN = "MIIEtoken-secret-value-0123456789";

  /** Retries with millisecond waits: the same logic as the defaults, without slowing the suite. */
  public static final RetryPolicy FAST_RETRIES = RetryPolicy.builder()
      .maxAttempts(3)
      .baseDelay(Duration.ofMillis(1))
      .maxDelay(Duration.ofMillis(5))
      .maxRetryAfter(Duration.ofSeconds(2))
      .deadline(Duration.ofSeconds(10))
      .build();

  protected MockWebServer server;
  private final List<StarRocksReplicationClient> clients = new ArrayList<>();

  @BeforeEach
  void startServer() throws Exception {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stopServer() throws Exception {
    clients.forEach(StarRocksReplicationClient::close);
    server.shutdown();
  }

  protected StarRocksReplicationClient.Builder builder() {
    return StarRocksReplicationClient.builder()
        .endpoint(server.url("/").uri())
        .allowInsecureHttp()
        .projectId(PROJECT)
        .credentials(Credentials.token(TOKEN))
        .retryPolicy(FAST_RETRIES);
  }

  protected StarRocksReplicationClient client() {
    return track(builder().build());
  }

  protected StarRocksReplicationClient track(StarRocksReplicationClient client) {
    clients.add(client);
    return client;
  }

  protected static MockResponse json(int status, String body) {
    return new MockResponse().setResponseCode(status)
        .setHeader("Content-Type", "application/json")
        .setHeader("X-Request-Id", "req-" + status)
        .setBody(body);
  }

  protected static MockResponse ok(String body) {
    return json(200, body);
  }

  /** A page body with {@code count} tasks named task_{first}..; counters as numbers. */
  public static String pageBody(long total, int first, int count) {
    StringBuilder body = new StringBuilder("{\"total_count\":").append(total).append(",\"replications\":[");
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        body.append(',');
      }
      body.append("{\"source_database\":\"db_").append(first + i)
          .append("\",\"target_database\":\"olap_").append(first + i)
          .append("\",\"task_name\":\"task_").append(first + i)
          .append("\",\"status\":\"Yes\",\"stage\":\"incremental\",\"percentage\":100,")
          .append("\"catchup_stage\":null,\"catchup_percentage\":null}");
    }
    return body.append("],\"ext_text\":null}").toString();
  }
}
