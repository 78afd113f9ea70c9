package io.htapsync.benchmarks.call;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.htapsync.client.ListReplicationsRequest;
import io.htapsync.client.ReplicationPage;
import io.htapsync.client.api.StarRocksReplicationApi;
import io.htapsync.client.auth.AuthenticationInterceptor;
import io.htapsync.client.auth.Credentials;
import io.htapsync.client.internal.AbortingInterceptor;
import io.htapsync.client.internal.ClientHeadersInterceptor;
import io.htapsync.client.model.ListStarRocksDataReplicationsResponse;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.Converter;
import retrofit2.Response;
import retrofit2.Retrofit;

/**
 * The design the client did not take, built far enough to be timed: Retrofit executes the generated
 * interface's {@code Call} and a converter decodes the body with the generated model's Gson adapter,
 * streaming, as the client's decoder does. Retrofit's default call adapter hands the {@code Call}
 * through; a call adapter owning retries would add a wrapper per call and, when the first attempt
 * succeeds, no other work. Same interceptors, same timeouts, same server as the client in
 * {@link CallBenchmark}.
 */
final class RetrofitPipeline implements AutoCloseable {
  private final OkHttpClient http;
  private final StarRocksReplicationApi api;
  private final String projectId;

  RetrofitPipeline(URI endpoint, String projectId, String token) {
    this.projectId = projectId;
    this.http = new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(10))
        .readTimeout(Duration.ofSeconds(30))
        .writeTimeout(Duration.ofSeconds(30))
        .callTimeout(Duration.ofSeconds(60))
        .followRedirects(false)
        .followSslRedirects(false)
        .addInterceptor(new ClientHeadersInterceptor("htapsync-java/bench"))
        .addInterceptor(new AbortingInterceptor(
            new AuthenticationInterceptor(Credentials.token(token), projectId, Clock.systemUTC())))
        .build();
    Gson gson = new Gson();
    this.api = new Retrofit.Builder()
        .baseUrl(endpoint.toString())
        .client(http)
        .addConverterFactory(new StreamingConverterFactory(gson))
        .build()
        .create(StarRocksReplicationApi.class);
  }

  /** One page: the interface builds the request, Retrofit's call runs it and converts the body. */
  ReplicationPage listReplications(ListReplicationsRequest request) throws IOException {
    Call<ListStarRocksDataReplicationsResponse> call = api.listStarRocksDataReplications(projectId,
        request.instanceId(), request.limit(), request.offset(), "en-us");
    Response<ListStarRocksDataReplicationsResponse> response = call.execute();
    if (!response.isSuccessful()) {
      throw new IOException("HTTP " + response.code());
    }
    ListStarRocksDataReplicationsResponse body = response.body();
    long total = body.getTotalCount().toLong().orElseThrow();
    return new ReplicationPage(total, body.getReplications(), request.offset(), request.limit(),
        response.headers().get("X-Request-Id"));
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  /** Decodes as the client's ResponseDecoder does: one JSON object, streamed, nothing after it. */
  private static final class StreamingConverterFactory extends Converter.Factory {
    private final Gson gson;

    StreamingConverterFactory(Gson gson) {
      this.gson = gson;
    }

    @Override
    public Converter<ResponseBody, ?> responseBodyConverter(Type type, Annotation[] annotations,
        Retrofit retrofit) {
      TypeAdapter<?> adapter = gson.getAdapter(com.google.gson.reflect.TypeToken.get(type));
      return body -> {
        try (body; JsonReader json = new JsonReader(body.charStream())) {
          if (json.peek() != JsonToken.BEGIN_OBJECT) {
            throw new JsonParseException("expected a JSON object");
          }
          Object value = adapter.read(json);
          if (json.peek() != JsonToken.END_DOCUMENT) {
            throw new JsonParseException("content after the JSON object");
          }
          return value;
        }
      };
    }
  }
}
