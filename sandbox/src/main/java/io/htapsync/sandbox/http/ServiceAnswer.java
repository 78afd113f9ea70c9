package io.htapsync.sandbox.http;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import io.htapsync.sandbox.fault.InjectedFailure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An answer about to be sent: status, body and extra headers, and whether the spec describes it
 * (only then can it be validated).
 *
 * @param status          HTTP status
 * @param contentType     Content-Type header value
 * @param body            body text
 * @param headers         extra headers (X-Request-Id is added when sending)
 * @param describedBySpec whether the response must conform to the spec
 */
public record ServiceAnswer(
        int status,
        String contentType,
        String body,
        Map<String, String> headers,
        boolean describedBySpec) {

    /** Diagnostics header: why the sandbox answered with an error (never holds a secret). */
    public static final String DETAIL_HEADER = "X-Sandbox-Detail";
    static final String JSON = "application/json;charset=UTF-8";
    static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    public ServiceAnswer {
        headers = Map.copyOf(headers);
    }

    /** A 200 with a JSON body. */
    static ServiceAnswer ok(JsonObject body) {
        return new ServiceAnswer(200, JSON, GSON.toJson(body), Map.of(), true);
    }

    /** The service's documented error body: {@code error_code} and {@code error_msg}. */
    static ServiceAnswer serviceError(int status, String code, String message, String detail) {
        JsonObject body = new JsonObject();
        body.addProperty("error_code", code);
        body.addProperty("error_msg", message);
        return new ServiceAnswer(status, JSON, GSON.toJson(body), detailHeader(detail), true);
    }

    /** The API gateway's error body, which adds {@code request_id}. */
    static ServiceAnswer gatewayError(int status, String code, String message, String requestId, String detail,
                                      boolean describedBySpec) {
        JsonObject body = new JsonObject();
        body.addProperty("error_code", code);
        body.addProperty("error_msg", message);
        body.addProperty("request_id", requestId);
        return new ServiceAnswer(status, JSON, GSON.toJson(body), detailHeader(detail), describedBySpec);
    }

    /** The answer an injected failure stands for (not for a dropped connection, which has none). */
    static ServiceAnswer injected(InjectedFailure failure, String requestId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(DETAIL_HEADER, "injected failure: " + failure);
        return switch (failure.kind()) {
            case SERVICE_ERROR -> {
                JsonObject body = new JsonObject();
                body.addProperty("error_code", failure.errorCode());
                body.addProperty("error_msg", failure.errorMessage());
                yield new ServiceAnswer(failure.status(), JSON, GSON.toJson(body), headers, true);
            }
            case THROTTLED -> {
                JsonObject body = new JsonObject();
                body.addProperty("error_code", failure.errorCode());
                body.addProperty("error_msg", failure.errorMessage());
                body.addProperty("request_id", requestId);
                headers.put("Retry-After", Long.toString(failure.retryAfter().toSeconds()));
                yield new ServiceAnswer(429, JSON, GSON.toJson(body), headers, true);
            }
            case UNAVAILABLE -> {
                headers.put("Retry-After", Long.toString(failure.retryAfter().toSeconds()));
                yield new ServiceAnswer(503, "text/html", PROXY_503_PAGE, headers, failure.describedBySpec());
            }
            case DROP_CONNECTION -> throw new IllegalArgumentException("a dropped connection has no answer");
        };
    }

    /** Strict mode's replacement for a response that would break the spec. */
    static ServiceAnswer specViolation(List<String> violations) {
        JsonObject body = new JsonObject();
        body.addProperty("error_code", "SANDBOX.0001");
        body.addProperty("error_msg", "htapsync sandbox bug: the response it built breaks the OpenAPI spec, "
                + "so strict mode withheld it: " + String.join("; ", violations));
        return new ServiceAnswer(500, JSON, GSON.toJson(body),
                Map.of(DETAIL_HEADER, "response withheld: breaks the spec"), false);
    }

    /** The answer when the sandbox itself failed. */
    static ServiceAnswer sandboxFailure(Exception e) {
        JsonObject body = new JsonObject();
        body.addProperty("error_code", "SANDBOX.0002");
        body.addProperty("error_msg", "htapsync sandbox failed while answering: " + e);
        return new ServiceAnswer(500, JSON, GSON.toJson(body), Map.of(), false);
    }

    private static Map<String, String> detailHeader(String detail) {
        return detail == null ? Map.of() : Map.of(DETAIL_HEADER, detail);
    }

    private static final String PROXY_503_PAGE = "<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n"
            + "<body>\r\n<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n"
            + "<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
}
