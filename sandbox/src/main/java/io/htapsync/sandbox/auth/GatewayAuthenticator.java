package io.htapsync.sandbox.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The API gateway's authentication step: a request needs an {@code X-Auth-Token} or an
 * {@code SDK-HMAC-SHA256} signature with {@code X-Sdk-Date}. The messages follow the gateway's
 * {@code APIGW.0301} texts ("decrypt token fail", "verify aksk signature fail").
 */
public final class GatewayAuthenticator {

    private static final Pattern SDK_DATE = Pattern.compile("\\d{8}T\\d{6}Z");

    private final byte[] requiredToken;
    private final SignatureVerifier verifier;

    /**
     * @param requiredToken the only token accepted, or null to accept any non-blank token
     * @param verifier      decides AK/SK signatures
     */
    public GatewayAuthenticator(String requiredToken, SignatureVerifier verifier) {
        this.requiredToken = requiredToken == null ? null : requiredToken.getBytes(StandardCharsets.UTF_8);
        this.verifier = verifier;
    }

    /**
     * Decides one request.
     *
     * @param headers request headers, names lower-cased
     */
    public AuthDecision authenticate(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                                     byte[] body) {
        String token = first(headers, "x-auth-token");
        if (token != null && !token.isBlank()) {
            if (requiredToken != null
                    && !MessageDigest.isEqual(requiredToken, token.getBytes(StandardCharsets.UTF_8))) {
                return AuthDecision.reject("decrypt token fail", "X-Auth-Token is not the token the sandbox requires");
            }
            return AuthDecision.accept();
        }
        String authorization = first(headers, "authorization");
        if (authorization == null || authorization.isBlank()) {
            return AuthDecision.reject("no X-Auth-Token or Authorization header in the request",
                    "send X-Auth-Token, or sign with SDK-HMAC-SHA256 (Authorization and X-Sdk-Date)");
        }
        SdkHmacAuthorization.Result parsed = SdkHmacAuthorization.parse(authorization);
        if (parsed.authorization().isEmpty()) {
            return AuthDecision.reject("verify aksk signature fail", parsed.problem());
        }
        SdkHmacAuthorization auth = parsed.authorization().get();
        String sdkDate = first(headers, "x-sdk-date");
        if (sdkDate == null) {
            return AuthDecision.reject("verify aksk signature fail", "AK/SK request without X-Sdk-Date");
        }
        if (!SDK_DATE.matcher(sdkDate).matches()) {
            return AuthDecision.reject("verify aksk signature fail", "X-Sdk-Date is not yyyyMMdd'T'HHmmss'Z'");
        }
        for (String signed : auth.signedHeaders()) {
            if (!headers.containsKey(signed)) {
                return AuthDecision.reject("verify aksk signature fail",
                        "SignedHeaders names " + signed + ", which the request does not carry");
            }
        }
        SignedRequest request = new SignedRequest(method, rawPath, rawQuery, headers, body, auth, sdkDate);
        if (!verifier.verify(request)) {
            return AuthDecision.reject("verify aksk signature fail", "the signature verifier rejected the signature");
        }
        return AuthDecision.accept();
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
