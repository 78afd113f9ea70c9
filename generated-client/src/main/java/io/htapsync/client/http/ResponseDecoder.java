package io.htapsync.client.http;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.htapsync.client.exception.ResponseDecodingException;
import io.htapsync.client.model.ListStarRocksDataReplicationsResponse;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import okio.Okio;

/**
 * Decodes a 2xx body into the generated model, streaming (the body is never held as one string), and
 * classifies every failure: a broken connection stays an {@link IOException} (the caller may retry),
 * anything else the bytes did wrong becomes a {@link ResponseDecodingException}.
 */
public final class ResponseDecoder {
  private final TypeAdapter<ListStarRocksDataReplicationsResponse> adapter;

  public ResponseDecoder(Gson gson) {
    this.adapter = gson.getAdapter(ListStarRocksDataReplicationsResponse.class);
  }

  public ListStarRocksDataReplicationsResponse decode(Response response) throws IOException {
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
            requestId, snippet(recording), null);
      }
      return page;
    } catch (ResponseDecodingException e) {
      throw e;
    } catch (IOException | RuntimeException | StackOverflowError e) {
      if (recording.networkFailure() != null) {
        throw recording.networkFailure();
      }
      throw new ResponseDecodingException("HTTP " + response.code() + " body is not the documented JSON: "
          + Snippets.excerpt(String.valueOf(e.getMessage()), 200), requestId, snippet(recording), e);
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

  private static String snippet(RecordingSource recording) {
    return Snippets.excerpt(recording.head().strip(), Snippets.MAX_BODY_SNIPPET);
  }
}
