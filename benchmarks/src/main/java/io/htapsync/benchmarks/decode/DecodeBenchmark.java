package io.htapsync.benchmarks.decode;

import com.google.gson.Gson;
import com.google.gson.JsonIOException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.htapsync.benchmarks.fixture.PageJson;
import io.htapsync.benchmarks.fixture.PlainPage;
import io.htapsync.benchmarks.fixture.PlainTask;
import io.htapsync.benchmarks.fixture.StreamingPageReader;
import io.htapsync.client.ListReplicationsRequest;
import io.htapsync.client.ReplicationPage;
import io.htapsync.client.internal.ResponseDecoder;
import io.htapsync.client.model.ListStarRocksDataReplicationsResponse;
import io.htapsync.client.model.StarRocksReplicationInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding one 50-task page held in memory, four ways. Every variant starts from the same in-memory
 * {@link Response} (built per operation, identically), so the differences are decoding alone:
 * <ul>
 *   <li>{@code client}: the client's {@link ResponseDecoder} with the client's Gson setup;
 *   <li>{@code clientModelGsonOnly}: the same generated model and adapters without ResponseDecoder's
 *       wrapping (tells the decoder's own cost from the model's);
 *   <li>{@code plainGson}: Gson into a POJO of String fields, as Retrofit's Gson converter reads it;
 *   <li>{@code streamingJsonReader}: a hand-written JsonReader loop, the practical limit.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class DecodeBenchmark {
  private static final ListReplicationsRequest PAGE = ListReplicationsRequest.of("0123456789abcdef0123456789abcdefin07", 0, 100);
  private static final MediaType JSON = MediaType.get("application/json");
  private static final Request REQUEST = new Request.Builder()
      .url("http://127.0.0.1/v3/p/instances/i/starrocks/databases/replication").build();

  @Param({"NUMBERS", "STRINGS"})
  public PageJson.Counters counters;

  private byte[] body;
  private ResponseDecoder decoder;
  private Gson gson;
  private TypeAdapter<ListStarRocksDataReplicationsResponse> modelAdapter;
  private TypeAdapter<PlainPage> plainAdapter;

  @Setup
  public void setUp() throws IOException {
    body = PageJson.page(PageJson.PAGE_SIZE, 0, PageJson.PAGE_SIZE, counters).getBytes(StandardCharsets.UTF_8);
    // What StarRocksReplicationClient does: one plain Gson, its adapters found from the model's annotations.
    decoder = new ResponseDecoder(new Gson());
    gson = new Gson();
    modelAdapter = gson.getAdapter(ListStarRocksDataReplicationsResponse.class);
    plainAdapter = gson.getAdapter(PlainPage.class);
    checkAllVariantsAgree();
  }

  @Benchmark
  public ReplicationPage client() throws IOException {
    return decoder.decode(response(), PAGE);
  }

  @Benchmark
  public ListStarRocksDataReplicationsResponse clientModelGsonOnly() throws IOException {
    return readLikeRetrofit(modelAdapter);
  }

  @Benchmark
  public PlainPage plainGson() throws IOException {
    return readLikeRetrofit(plainAdapter);
  }

  @Benchmark
  public PlainPage streamingJsonReader() throws IOException {
    try (ResponseBody responseBody = response().body();
        JsonReader json = new JsonReader(responseBody.charStream())) {
      return StreamingPageReader.read(json);
    }
  }

  /** What retrofit2.converter.gson.GsonResponseBodyConverter does with a body. */
  private <T> T readLikeRetrofit(TypeAdapter<T> adapter) throws IOException {
    try (ResponseBody responseBody = response().body();
        JsonReader json = gson.newJsonReader(responseBody.charStream())) {
      T result = adapter.read(json);
      if (json.peek() != JsonToken.END_DOCUMENT) {
        throw new JsonIOException("JSON document was not fully consumed.");
      }
      return result;
    }
  }

  private Response response() {
    return new Response.Builder()
        .request(REQUEST)
        .protocol(Protocol.HTTP_1_1)
        .code(200)
        .message("OK")
        .header("Content-Type", "application/json")
        .header("X-Request-Id", "bench")
        .body(ResponseBody.create(body, JSON))
        .build();
  }

  /** A benchmark of a decoder that reads the wrong thing would measure nothing: compare the results. */
  private void checkAllVariantsAgree() throws IOException {
    ListStarRocksDataReplicationsResponse model = clientModelGsonOnly();
    List<PlainPage> plain = List.of(plainGson(), streamingJsonReader());
    ReplicationPage page0 = client();
    if (!model.getReplications().equals(page0.replications())
        || model.getTotalCount().toLong().orElseThrow() != page0.totalCount()) {
      throw new IllegalStateException("ResponseDecoder and plain Gson disagree on the generated model");
    }
    for (PlainPage page : plain) {
      if (page.replications.size() != model.getReplications().size()
          || !page.totalCount.equals(model.getTotalCount().raw())) {
        throw new IllegalStateException("baseline decoded a different page: total_count " + page.totalCount
            + ", " + page.replications.size() + " tasks");
      }
      for (int i = 0; i < page.replications.size(); i++) {
        PlainTask plainTask = page.replications.get(i);
        StarRocksReplicationInfo task = model.getReplications().get(i);
        if (!plainTask.taskName.equals(task.getTaskName())
            || !plainTask.percentage.equals(task.getPercentage().raw())
            || !Objects.equals(plainTask.catchupPercentage,
                task.getCatchupPercentage() == null ? null : task.getCatchupPercentage().raw())
            || !plainTask.isMainTask.equals(task.getIsMainTask())) {
          throw new IllegalStateException("baseline and client disagree on task " + i);
        }
      }
    }
    if (model.getReplications().size() != PageJson.PAGE_SIZE) {
      throw new IllegalStateException("expected " + PageJson.PAGE_SIZE + " tasks, decoded "
          + model.getReplications().size());
    }
  }
}
