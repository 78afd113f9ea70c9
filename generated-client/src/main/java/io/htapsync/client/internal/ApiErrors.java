package io.htapsync.client.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.htapsync.client.exception.ApiException;
import io.htapsync.client.exception.ClientErrorException;
import io.htapsync.client.exception.ServerErrorException;
import io.htapsync.client.exception.ThrottledException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/** Turns a non-2xx answer into the matching {@link ApiException}. */
public final class ApiErrors {
  /** Error bodies are small; anything past this is not read, so a hostile body cannot exhaust memory. */
  static final long MAX_ERROR_BODY_BYTES = 64 * 1024;

  private ApiErrors() {}

  /**
   * Reads the error body (bounded) and builds the exception. Reading failures are not fatal here: an
   * unreadable error body still yields an ApiException with the status and request id.
   */
  public static ApiException from(Response response, Duration retryAfter) {
    // A server that echoes the token or signature back must not put it into messages and logs.
    String body = SecretValues.of(response.request()).redact(readBounded(response.body()));
    String code = null;
    String message = null;
    String requestId = response.header("X-Request-Id");
    JsonObject json = parseObject(body);
    if (json != null) {
      code = firstString(json, "error_code", "code");
      message = firstString(json, "error_msg", "message");
      if (requestId == null) {
        requestId = firstString(json, "request_id");
      }
    }
    String snippet = Snippets.body(body);
    int status = response.code();
    if (status == 429) {
      return new ThrottledException(code, message, requestId, snippet, retryAfter);
    }
    if (status >= 400 && status < 500) {
      ClientErrorException skew = ClockSkew.detect(response, code, message, requestId, snippet);
      if (skew != null) {
        return skew;
      }
      return new ClientErrorException(status, code, message, requestId, snippet);
    }
    if (status >= 500 && status < 600) {
      return new ServerErrorException(status, code, message, requestId, snippet);
    }
    return new ApiException(status, code, message, requestId, snippet);
  }

  private static String readBounded(ResponseBody body) {
    if (body == null) {
      return "";
    }
    try {
      BufferedSource source = body.source();
      source.request(MAX_ERROR_BODY_BYTES);
      long available = Math.min(source.getBuffer().size(), MAX_ERROR_BODY_BYTES);
      return source.getBuffer().readString(available, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    } finally {
      body.close();
    }
  }

  private static JsonObject parseObject(String body) {
    if (body.isBlank()) {
      return null;
    }
    try {
      JsonElement element = JsonParser.parseString(body);
      return element.isJsonObject() ? element.getAsJsonObject() : null;
    } catch (JsonParseException | StackOverflowError e) {
      return null;
    }
  }

  private static String firstString(JsonObject json, String... names) {
    for (String name : names) {
      JsonElement value = json.get(name);
      if (value != null && value.isJsonPrimitive()) {
        return Snippets.excerpt(value.getAsString(), 1024);
      }
    }
    return null;
  }
}
