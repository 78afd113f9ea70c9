package io.htapsync.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.htapsync.client.exception.ApiException;
import io.htapsync.client.sync.SyncEvent;
import io.htapsync.client.sync.SyncListener;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * {@code watch --output jsonl}: one JSON object per {@link SyncEvent} per line, flushed at once, so
 * that {@code jq}, a log shipper or a pipeline can follow it. Every line has {@code time} (RFC 3339,
 * UTC), {@code event} (the event's wire name) and {@code instance}; task events add the task, its
 * state and percentages (as numbers); changes add {@code field}, {@code from} and {@code to}.
 */
final class EventJsonLines implements SyncListener {
  private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

  private final PrintWriter out;

  EventJsonLines(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void onEvent(SyncEvent event) {
    out.println(GSON.toJson(toJson(event)));
    out.flush();
  }

  static JsonObject toJson(SyncEvent event) {
    JsonObject line = new JsonObject();
    line.addProperty("time", DateTimeFormatter.ISO_INSTANT.format(event.time().truncatedTo(ChronoUnit.MILLIS)));
    line.addProperty("event", event.type().wireName());
    line.addProperty("instance", event.instanceId());
    if (event.type().isTaskEvent()) {
      line.add("task", text(event.task().name()));
      line.add("source_database", text(event.task().sourceDatabase()));
      line.add("target_database", text(event.task().targetDatabase()));
      line.addProperty("state", event.state().name().toLowerCase(Locale.ROOT));
      if (event.field() != null) {
        line.addProperty("field", event.field());
        boolean percentage = event.type() == SyncEvent.Type.PROGRESS;
        line.add("from", percentage ? numeric(event.from()) : text(event.from()));
        line.add("to", percentage ? numeric(event.to()) : text(event.to()));
      }
      line.add("percentage", number(event.percentage()));
      line.add("catchup_percentage", number(event.catchupPercentage()));
    }
    if (event.error() != null) {
      line.addProperty("error", ErrorReporter.oneLine(event.error()));
      if (event.error() instanceof ApiException) {
        ApiException api = (ApiException) event.error();
        line.addProperty("http_status", api.httpStatus());
        line.add("error_code", text(api.errorCode()));
        line.add("request_id", text(api.requestId()));
      }
    }
    if (event.failedPolls() > 0) {
      line.addProperty("failed_polls", event.failedPolls());
    }
    return line;
  }

  private static JsonElement text(String value) {
    return value == null ? JsonNull.INSTANCE : new JsonPrimitive(value);
  }

  /** A percentage's old or new value as a JSON number; as sent (a string) if it is not one. */
  private static JsonElement numeric(String value) {
    if (value == null) {
      return JsonNull.INSTANCE;
    }
    try {
      return new JsonPrimitive(new BigDecimal(value));
    } catch (NumberFormatException notANumber) {
      return new JsonPrimitive(value);
    }
  }

  private static JsonElement number(BigDecimal value) {
    return value == null ? JsonNull.INSTANCE : new JsonPrimitive(value);
  }
}
