package io.htapsync.sandbox.auth;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@link SignatureVerifier} gets to check an AK/SK-signed request: everything the
 * {@code SDK-HMAC-SHA256} canonical request is built from. {@link #toString()} shows no header values.
 *
 * @param method        the HTTP method, e.g. {@code GET}
 * @param rawPath       the path as sent (percent-encoding kept)
 * @param rawQuery      the query string as sent, without {@code ?}; empty when there is none
 * @param headers       every request header, names lower-cased, values in the order sent
 * @param body          the request body (empty for a GET)
 * @param authorization the parsed {@code Authorization} header
 * @param sdkDate       the {@code X-Sdk-Date} value, {@code yyyyMMdd'T'HHmmss'Z'}
 */
public record SignedRequest(
        String method,
        String rawPath,
        String rawQuery,
        Map<String, List<String>> headers,
        byte[] body,
        SdkHmacAuthorization authorization,
        String sdkDate) {

    public SignedRequest {
        headers = Map.copyOf(headers);
        body = body.clone();
    }

    /** The first value of a header (name in any case). */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public String toString() {
        return "SignedRequest[" + method + " " + rawPath + (rawQuery.isEmpty() ? "" : "?" + rawQuery)
                + ", headers=" + headers.keySet() + ", authorization=" + authorization + "]";
    }
}
