package io.htapsync.sandbox.auth;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A parsed {@code Authorization: SDK-HMAC-SHA256 Access=..., SignedHeaders=..., Signature=...} header.
 * {@link #toString()} never shows the signature.
 *
 * @param accessKey     the AK
 * @param signedHeaders the signed header names, lower case, in the order given
 * @param signature     the lower-case hex HMAC-SHA256 signature
 */
public record SdkHmacAuthorization(String accessKey, List<String> signedHeaders, String signature) {

    /** The algorithm name that starts the header value. */
    public static final String ALGORITHM = "SDK-HMAC-SHA256";

    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern HEADER_NAME = Pattern.compile("[a-z0-9-]+");

    public SdkHmacAuthorization {
        signedHeaders = List.copyOf(signedHeaders);
    }

    /**
     * Parses a header value.
     *
     * @return the parts, or a description of what is malformed
     */
    public static Result parse(String headerValue) {
        if (headerValue == null || !headerValue.startsWith(ALGORITHM + " ")) {
            return Result.malformed("Authorization does not start with \"" + ALGORITHM + " \"");
        }
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : headerValue.substring(ALGORITHM.length() + 1).split(",")) {
            String trimmed = part.trim();
            int eq = trimmed.indexOf('=');
            if (eq <= 0) {
                return Result.malformed("Authorization part \"" + name(trimmed) + "\" is not name=value");
            }
            parts.put(trimmed.substring(0, eq), trimmed.substring(eq + 1));
        }
        String access = parts.get("Access");
        String signedHeaders = parts.get("SignedHeaders");
        String signature = parts.get("Signature");
        if (access == null || access.isEmpty()) {
            return Result.malformed("Authorization has no Access=");
        }
        if (signedHeaders == null || signedHeaders.isEmpty()) {
            return Result.malformed("Authorization has no SignedHeaders=");
        }
        if (signature == null || !HEX_SHA256.matcher(signature).matches()) {
            return Result.malformed("Authorization Signature= is not 64 lower-case hex digits");
        }
        List<String> names = Arrays.asList(signedHeaders.split(";"));
        for (String headerName : names) {
            if (!HEADER_NAME.matcher(headerName).matches()) {
                return Result.malformed("SignedHeaders holds \"" + headerName + "\", not a lower-case header name");
            }
        }
        return new Result(Optional.of(new SdkHmacAuthorization(access, names, signature)), null);
    }

    // Shows only the part before '=' so that a malformed header's secret never reaches a message.
    private static String name(String part) {
        int eq = part.indexOf('=');
        String shown = eq < 0 ? part : part.substring(0, eq);
        return shown.length() > 20 ? shown.substring(0, 20) + "..." : shown;
    }

    @Override
    public String toString() {
        String ak = accessKey.length() <= 4 ? "****" : accessKey.substring(0, 4) + "****";
        return "SdkHmacAuthorization[accessKey=" + ak + ", signedHeaders=" + signedHeaders + ", signature=<redacted>]";
    }

    /**
     * The outcome of {@link #parse(String)}.
     *
     * @param authorization the parsed header, when well formed
     * @param problem       what is malformed, otherwise
     */
    public record Result(Optional<SdkHmacAuthorization> authorization, String problem) {
        static Result malformed(String problem) {
            return new Result(Optional.empty(), problem);
        }
    }
}
