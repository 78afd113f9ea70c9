package io.htapsync.sandbox;

import static io.htapsync.sandbox.data.DemoData.PROJECT_ID;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain java.net.http client for the sandbox's tests (no dependency on the htapsync client). */
public final class TestHttp {

    public static final String TOKEN = "test-token-value";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestHttp() {
    }

    /** The operation's path for an instance of the demo project. */
    public static String listPath(String instanceId) {
        return listPath(PROJECT_ID, instanceId);
    }

    public static String listPath(String projectId, String instanceId) {
        return "/v3/" + projectId + "/instances/" + instanceId + "/starrocks/databases/replication";
    }

    /** GET with a token. */
    public static Answer get(String baseUrl, String pathAndQuery) {
        return send(baseUrl, pathAndQuery, "GET", "X-Auth-Token", TOKEN);
    }

    /** A request with the given header name/value pairs (no token unless given). */
    public static Answer send(String baseUrl, String pathAndQuery, String method, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response with JSON helpers. */
    public record Answer(HttpResponse<String> response) {
        public int status() {
            return response.statusCode();
        }

        public String body() {
            return response.body();
        }

        public JsonObject json() {
            JsonElement element = JsonParser.parseString(response.body());
            return element.getAsJsonObject();
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public String requestId() {
            return header("X-Request-Id");
        }
    }
}
