package io.htapsync.sandbox.auth;

/**
 * Whether the gateway lets a request through, and if not, why.
 *
 * @param accepted     whether the request is authenticated
 * @param gatewayError the text after {@code "Incorrect IAM authentication information: "}, when rejected
 * @param detail       a more precise reason for the sandbox's diagnostics header (never a secret)
 */
public record AuthDecision(boolean accepted, String gatewayError, String detail) {

    static AuthDecision accept() {
        return new AuthDecision(true, null, null);
    }

    static AuthDecision reject(String gatewayError, String detail) {
        return new AuthDecision(false, gatewayError, detail);
    }
}
