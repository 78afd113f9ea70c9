package io.htapsync.sandbox.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A request as the sandbox reads it: raw path and query as sent, decoded query parameters,
 * header names lower-cased.
 *
 * @param method      HTTP method
 * @param rawPath     path as sent
 * @param rawQuery    query as sent without {@code ?}, empty when none
 * @param queryParams decoded query parameters in order
 * @param headers     headers, names lower-cased
 * @param body        request body
 */
public record IncomingRequest(
        String method,
        String rawPath,
        String rawQuery,
        Map<String, List<String>> queryParams,
        Map<String, List<String>> headers,
        byte[] body) {

    /** Headers whose values are credentials and never recorded. */
    private static final Set<String> SECRET_HEADERS = Set.of("x-auth-token", "x-security-token", "authorization");
    static final String REDACTED = "<redacted>";

    /** Reads the request line, headers and body of an exchange. */
    public static IncomingRequest read(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        String rawPath = uri.getRawPath() == null ? "" : uri.getRawPath();
        String rawQuery = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).addAll(values));
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        return new IncomingRequest(exchange.getRequestMethod(), rawPath, rawQuery, parseQuery(rawQuery), headers, body);
    }

    /** The first value of a header, or null. */
    public String header(String lowerCaseName) {
        List<String> values = headers.get(lowerCaseName);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The first value of a query parameter, or null when absent. */
    public String queryParam(String name) {
        List<String> values = queryParams.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The headers with credential values replaced, safe to record and print. */
    public Map<String, List<String>> redactedHeaders() {
        Map<String, List<String>> redacted = new LinkedHashMap<>();
        headers.forEach((name, values) -> {
            if (!SECRET_HEADERS.contains(name)) {
                redacted.put(name, List.copyOf(values));
            } else if (name.equals("authorization")) {
                List<String> kept = new ArrayList<>();
                for (String value : values) {
                    int space = value.indexOf(' ');
                    kept.add(space > 0 ? value.substring(0, space) + " " + REDACTED : REDACTED);
                }
                redacted.put(name, kept);
            } else {
                redacted.put(name, values.stream().map(v -> REDACTED).toList());
            }
        });
        return redacted;
    }

    private static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text; // a broken %-escape is kept as sent, so the parameter checks reject it
        }
    }
}
