package io.htapsync.sandbox.auth;

import io.htapsync.client.auth.AkSkSigner;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;
import okhttp3.Headers;

/** Verifies AK/SK signatures against one known key pair. */
final class KeyedSignatureVerifier implements SignatureVerifier {
    private final String accessKey;
    private final String secretKey;

    KeyedSignatureVerifier(String accessKey, String secretKey) {
        this.accessKey = Objects.requireNonNull(accessKey, "accessKey");
        this.secretKey = Objects.requireNonNull(secretKey, "secretKey");
    }

    @Override
    public boolean verify(SignedRequest request) {
        SdkHmacAuthorization authorization = request.authorization();
        if (!authorization.accessKey().equals(accessKey)) {
            return false;
        }
        Headers.Builder signed = new Headers.Builder();
        for (String name : authorization.signedHeaders()) {
            List<String> values = request.headers().get(name);
            if (values == null) {
                return false;
            }
            values.forEach(value -> signed.addUnsafeNonAscii(name, value));
        }
        String host = request.header("host").orElse("localhost");
        URI uri = URI.create("http://" + host + request.rawPath()
                + (request.rawQuery().isEmpty() ? "" : "?" + request.rawQuery()));
        String expected = AkSkSigner.sign(request.method(), uri, signed.build(), request.body(), accessKey,
                secretKey);
        String expectedSignature = expected.substring(expected.lastIndexOf("Signature=") + "Signature=".length());
        return MessageDigest.isEqual(expectedSignature.getBytes(StandardCharsets.US_ASCII),
                authorization.signature().getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "SignatureVerifier.withKey(" + accessKey + ", ****)";
    }
}
