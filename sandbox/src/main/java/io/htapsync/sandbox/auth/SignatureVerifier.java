package io.htapsync.sandbox.auth;

/**
 * Decides whether an AK/SK signature is right. The sandbox has already checked that the
 * {@code Authorization} header is well formed, that {@code X-Sdk-Date} is present in the right format and
 * that every signed header is present; a verifier that knows the SK can recompute the signature
 * (for instance with the client's signer) and compare.
 */
@FunctionalInterface
public interface SignatureVerifier {

    /** Returns whether the request's signature is accepted. */
    boolean verify(SignedRequest request);

    /** The default: any well-formed signed request is accepted (no SK is known to the sandbox). */
    static SignatureVerifier acceptWellFormed() {
        return request -> true;
    }

    /**
     * Accepts only requests signed with this key pair: the signature is recomputed with the client's
     * own signer over the headers the request says it signed, and compared in constant time.
     */
    static SignatureVerifier withKey(String accessKey, String secretKey) {
        return new KeyedSignatureVerifier(accessKey, secretKey);
    }
}
