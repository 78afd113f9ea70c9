package io.htapsync.benchmarks.call;

import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import io.htapsync.benchmarks.fixture.PageJson;
import io.htapsync.benchmarks.fixture.PlainPage;
import io.htapsync.benchmarks.server.LoopbackHttpServer;
import io.htapsync.client.ListReplicationsRequest;
import io.htapsync.client.ReplicationPage;
import io.htapsync.client.StarRocksReplicationClient;
import io.htapsync.client.auth.Credentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One sequential list call end to end over loopback HTTP/1.1 (kept-alive connection), against the
 * same server answering the same canned 50-task body: the client's {@code listReplications} versus
 * raw OkHttp plus plain Gson. Both build their request per call, as a caller must (the instance and
 * offset vary), send the same headers, and run on OkHttp with the same timeouts (the client's
 * defaults: a call timeout changes how OkHttp waits, and so the latency, by itself). SampleTime
 * mode, so the report can show the median and p99.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CallBenchmark {
  static final String PROJECT = "9f8e7d6c5b4a39281706f5e4d3c2b1a0";
  static final String INSTANCE = "0123456789abcdef0123456789abcdefin07";
  private static final String TOKEN = "benchmark-token-0123456789";

  private LoopbackHttpServer server;
  private StarRocksReplicationClient client;
  private OkHttpClient raw;
  private HttpUrl rawBase;
  private TypeAdapter<PlainPage> plainAdapter;
  private RetrofitPipeline retrofit;

  @Setup
  public void setUp() throws IOException {
    byte[] body = PageJson.page(PageJson.PAGE_SIZE, 0, PageJson.PAGE_SIZE, PageJson.Counters.NUMBERS)
        .getBytes(StandardCharsets.UTF_8);
    byte[] response = LoopbackHttpServer.okJson(body);
    server = LoopbackHttpServer.start(target -> response);

    client = StarRocksReplicationClient.builder()
        .endpoint(server.baseUri())
        .allowInsecureHttp()
        .projectId(PROJECT)
        .credentials(Credentials.token(TOKEN))
        .build();

    raw = new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(10))
        .readTimeout(Duration.ofSeconds(30))
        .writeTimeout(Duration.ofSeconds(30))
        .callTimeout(Duration.ofSeconds(60))
        .build();
    rawBase = HttpUrl.get(server.baseUri().toString());
    plainAdapter = new Gson().getAdapter(PlainPage.class);

    retrofit = new RetrofitPipeline(server.baseUri(), PROJECT, TOKEN);

    int clientTasks = client().replications().size();
    int rawTasks = rawOkHttpGson().replications.size();
    if (retrofitAdapterConverter().replications().size() != clientTasks) {
      throw new IllegalStateException("the Retrofit pipeline read another page than the client");
    }
    if (clientTasks != PageJson.PAGE_SIZE || rawTasks != PageJson.PAGE_SIZE) {
      throw new IllegalStateException("expected " + PageJson.PAGE_SIZE + " tasks, client read " + clientTasks
          + ", raw OkHttp read " + rawTasks);
    }
  }

  @TearDown
  public void tearDown() throws IOException {
    client.close();
    retrofit.close();
    raw.dispatcher().executorService().shutdown();
    raw.connectionPool().evictAll();
    server.close();
  }

  @Benchmark
  public ReplicationPage client() {
    return client.listReplications(INSTANCE, 0, 100);
  }

  /** The other design: Retrofit executes the generated interface and a streaming converter decodes. */
  @Benchmark
  public ReplicationPage retrofitAdapterConverter() throws IOException {
    return retrofit.listReplications(ListReplicationsRequest.of(INSTANCE, 0, 100));
  }

  @Benchmark
  public PlainPage rawOkHttpGson() throws IOException {
    HttpUrl url = rawBase.newBuilder()
        .addPathSegment("v3").addPathSegment(PROJECT)
        .addPathSegment("instances").addPathSegment(INSTANCE)
        .addPathSegments("starrocks/databases/replication")
        .addQueryParameter("limit", "100")
        .addQueryParameter("offset", "0")
        .build();
    Request request = new Request.Builder().url(url)
        .header("X-Auth-Token", TOKEN)
        .header("X-Language", "en-us")
        .build();
    try (Response response = raw.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw new IOException("HTTP " + response.code());
      }
      ResponseBody body = response.body();
      try (JsonReader json = new JsonReader(body.charStream())) {
        return plainAdapter.read(json);
      }
    }
  }
}
