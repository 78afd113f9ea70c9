package io.htapsync.client.internal;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.htapsync.client.ListReplicationsRequest;
import io.htapsync.client.ReplicationPage;
import io.htapsync.client.exception.ResponseDecodingException;
import io.htapsync.client.model.ListStarRocksDataReplicationsResponse;
import io.htapsync.client.model.StarRocksReplicationInfo;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import okio.Okio;

/**
 * Turns a 2xx answer into a {@link ReplicationPage}: decodes the body into the generated model,
 * streaming (the body is never held as one string), and makes every check a page must pass (a JSON
 * object and nothing after it, {@code total_count} present, whole and not negative, no null task).
 * A broken connection stays an {@link IOException} (the caller may retry); anything else the bytes
 * did wrong becomes a {@link ResponseDecodingException}.
 */
public final class ResponseDecoder {
  private final TypeAdapter<ListStarRocksDataReplicationsResponse> adapter;

  public ResponseDecoder(Gson gson) {
    this.adapter = gson.getAdapter(ListStarRocksDataReplicationsResponse.class);
  }

  /** The page {@code request} asked for, from its 2xx {@code response}. */
  public ReplicationPage decode(Response response, ListReplicationsRequest request) throws IOException {
    ListStarRocksDataReplicationsResponse body = decodeBody(response);
    String requestId = response.header("X-Request-Id");
    long total = body.getTotalCount().toLong().orElseThrow(() -> new ResponseDecodingException(
        "total_count is not a whole number: " + Snippets.excerpt(String.valueOf(body.getTotalCount()), 64),
        requestId, null, null));
    if (total < 0) {
      throw new ResponseDecodingException("total_count is negative: " + total, requestId, null, null);
    }
    List<StarRocksReplicationInfo> tasks = body.getReplications() == null ? List.of() : body.getReplications();
    // Not tasks.contains(null): the List.of() for "replications": null throws on a null probe.
    if (tasks.stream().anyMatch(Objects::isNull)) {
      throw new ResponseDecodingException("replications holds a null task", requestId, null, null);
    }
    return new ReplicationPage(total, tasks, request.offset(), request.limit(), requestId);
  }

  private ListStarRocksDataReplicationsResponse decodeBody(Response response) throws IOException {
    String requestId = response.header("X-Request-Id");
    ResponseBody body = response.body();
    if (body == null) {
      throw new ResponseDecodingException("HTTP " + response.code() + " without a body", requestId, "", null);
    }
    RecordingSource recording = new RecordingSource(body.source(), Snippets.MAX_BODY_SNIPPET * 4);
    BufferedSource source = Okio.buffer(recording);
    try (body;
        Reader reader = new InputStreamReader(source.inputStream(), StandardCharsets.UTF_8);
        JsonReader json = new JsonReader(reader)) {
      if (source.exhausted()) {
        throw new ResponseDecodingException("HTTP " + response.code() + " with an empty body", requestId,
            "", null);
      }
      ListStarRocksDataReplicationsResponse page = readDocument(json);
      if (page.getTotalCount() == null) {
        // Also what a 200 carrying an error body ({"error_code": ...}) looks like: the snippet shows it.
        throw new ResponseDecodingException("HTTP " + response.code() + " body has no total_count",
            requestId, snippet(recording, response), null);
      }
      return page;
    } catch (ResponseDecodingException e) {
      throw e;
    } catch (IOException | RuntimeException | StackOverflowError e) {
      if (recording.networkFailure() != null) {
        throw recording.networkFailure();
      }
      throw new ResponseDecodingException("HTTP " + response.code() + " body is not the documented JSON: "
          + Snippets.excerpt(String.valueOf(e.getMessage()), 200), requestId, snippet(recording, response), e);
    }
  }

  private ListStarRocksDataReplicationsResponse readDocument(JsonReader json) throws IOException {
    if (json.peek() != JsonToken.BEGIN_OBJECT) {
      throw new JsonParseException("expected a JSON object but was " + json.peek());
    }
    ListStarRocksDataReplicationsResponse page = adapter.read(json);
    if (json.peek() != JsonToken.END_DOCUMENT) {
      throw new JsonParseException("unexpected content after the JSON object at " + json.getPath());
    }
    return page;
  }

  private static String snippet(RecordingSource recording, Response response) {
    return Snippets.body(SecretValues.of(response.request()).redact(recording.head()));
  }
}
