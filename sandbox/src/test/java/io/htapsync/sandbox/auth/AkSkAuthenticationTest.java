package io.htapsync.sandbox.auth;

import static io.htapsync.sandbox.TestHttp.listPath;
import static io.htapsync.sandbox.TestHttp.send;
import static io.htapsync.sandbox.data.DemoData.SALES_INSTANCE_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.htapsync.sandbox.RecordedExchange;
import io.htapsync.sandbox.SandboxOptions;
import io.htapsync.sandbox.TestHttp;
import io.htapsync.sandbox.TestHttp.Answer;
import io.htapsync.sandbox.junit.SandboxExtension;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SDK-HMAC-SHA256 path of the gateway, with the pluggable {@link SignatureVerifier}. */
class AkSkAuthenticationTest {

    @RegisterExtension
    static SandboxExtension sandbox = SandboxExtension.withDefaults();

    private static final String SIGNATURE = "dbb6faa175684695bd8b4be26fdac365e626e4d6712a7fc13265118b6820befe";
    private static final String AUTHORIZATION = "SDK-HMAC-SHA256 Access=HPUAEXAMPLEKEY01, "
            + "SignedHeaders=host;x-language;x-project-id;x-sdk-date, Signature=" + SIGNATURE;
    private static final String DATE = "20260301T083015Z";

    @Test
    void wellFormedSignedRequestIsAcceptedByDefault() {
        assertEquals(200, signed(sandbox.baseUrl(), AUTHORIZATION, DATE).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Bearer abc",
        "SDK-HMAC-SHA256 SignedHeaders=host;x-sdk-date, Signature=" + SIGNATURE,
        "SDK-HMAC-SHA256 Access=AK, Signature=" + SIGNATURE,
        "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date",
        "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=XYZ",
        "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;X-Sdk-Date, Signature=" + SIGNATURE,
        "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date;x-missing, Signature=" + SIGNATURE,
        "SDK-HMAC-SHA256 garbage"
    })
    void malformedAuthorizationIsRejectedLikeABadSignature(String authorization) {
        Answer answer = signed(sandbox.baseUrl(), authorization, DATE);

        assertEquals(401, answer.status());
        assertEquals("Incorrect IAM authentication information: verify aksk signature fail",
                answer.json().get("error_msg").getAsString());
        assertTrue(answer.header("X-Sandbox-Detail") != null);
    }

    @Test
    void signedRequestNeedsAWellFormedSdkDate() {
        Answer noDate = send(sandbox.baseUrl(), listPath(SALES_INSTANCE_ID), "GET",
                "Authorization", "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=" + SIGNATURE);
        Answer badDate = signed(sandbox.baseUrl(), AUTHORIZATION, "2026-03-01T08:30:15Z");

        assertEquals(401, noDate.status());
        assertEquals("AK/SK request without X-Sdk-Date", noDate.header("X-Sandbox-Detail"));
        assertEquals(401, badDate.status());
    }

    /** Two sandboxes with their own verifiers: one records what it is given and says no, one checks the AK. */
    @Nested
    class PluggedVerifier {

        private final AtomicReference<SignedRequest> seen = new AtomicReference<>();

        @RegisterExtension
        SandboxExtension rejecting = SandboxExtension.builder().options(SandboxOptions.builder()
                .signatureVerifier(request -> {
                    seen.set(request);
                    return false;
                }).build()).build();

        @RegisterExtension
        SandboxExtension accepting = SandboxExtension.builder().options(SandboxOptions.builder()
                .signatureVerifier(r -> r.authorization().accessKey().equals("AK1")).build()).build();

        @Test
        void seesTheRequestAndDecides() {
            String query = "?offset=20&limit=50";
            Answer answer = send(rejecting.baseUrl(), listPath(SALES_INSTANCE_ID) + query, "GET",
                    "Authorization", AUTHORIZATION, "X-Sdk-Date", DATE, "X-Language", "zh-cn",
                    "X-Project-Id", "9f8e7d6c5b4a39281706f5e4d3c2b1a0");

            assertEquals(401, answer.status());
            SignedRequest request = seen.get();
            assertEquals("GET", request.method());
            assertEquals(listPath(SALES_INSTANCE_ID), request.rawPath());
            assertEquals("offset=20&limit=50", request.rawQuery());
            assertEquals("HPUAEXAMPLEKEY01", request.authorization().accessKey());
            assertEquals(List.of("host", "x-language", "x-project-id", "x-sdk-date"),
                    request.authorization().signedHeaders());
            assertEquals(SIGNATURE, request.authorization().signature());
            assertEquals(DATE, request.sdkDate());
            assertEquals("zh-cn", request.header("X-Language").orElseThrow());
            assertEquals(rejecting.baseUrl().substring("http://".length()), request.header("host").orElseThrow());
            assertFalse(request.toString().contains(SIGNATURE), request.toString());

            String good = "SDK-HMAC-SHA256 Access=AK1, SignedHeaders=host;x-sdk-date, Signature=" + SIGNATURE;
            assertEquals(200, signed(accepting.baseUrl(), good, DATE).status());
        }
    }

    @Test
    void credentialsAreRedactedInRecordings() {
        signed(sandbox.baseUrl(), AUTHORIZATION, DATE);
        TestHttp.get(sandbox.baseUrl(), listPath(SALES_INSTANCE_ID));
        send(sandbox.baseUrl(), listPath(SALES_INSTANCE_ID), "GET",
                "X-Auth-Token", TestHttp.TOKEN, "X-Security-Token", "temporary-security-token");

        List<RecordedExchange> exchanges = sandbox.recordedExchanges();
        String recorded = exchanges.toString();
        assertFalse(recorded.contains(SIGNATURE), recorded);
        assertFalse(recorded.contains("HPUAEXAMPLEKEY01"), recorded);
        assertFalse(recorded.contains(TestHttp.TOKEN), recorded);
        assertFalse(recorded.contains("temporary-security-token"), recorded);
        assertEquals("SDK-HMAC-SHA256 <redacted>", exchanges.get(0).requestHeader("Authorization").orElseThrow());
        assertEquals("<redacted>", exchanges.get(1).requestHeader("X-Auth-Token").orElseThrow());
        assertEquals(DATE, exchanges.get(0).requestHeader("X-Sdk-Date").orElseThrow());
    }

    @Test
    void parsedAuthorizationNeverPrintsTheSignature() {
        SdkHmacAuthorization parsed = SdkHmacAuthorization.parse(AUTHORIZATION).authorization().orElseThrow();

        assertEquals("HPUAEXAMPLEKEY01", parsed.accessKey());
        assertFalse(parsed.toString().contains(SIGNATURE));
        assertFalse(parsed.toString().contains("HPUAEXAMPLEKEY01"));
    }

    @Test
    void malformedPartsAreNamedWithoutTheirValues() {
        String problem = SdkHmacAuthorization.parse("SDK-HMAC-SHA256 Access=AK, s3cr3tvalue").problem();

        assertEquals("Authorization part \"s3cr3tvalue\" is not name=value", problem);
        String withEquals = SdkHmacAuthorization.parse("SDK-HMAC-SHA256 Access=AK, Signature=s3cr3t").problem();
        assertFalse(withEquals.contains("s3cr3t"), withEquals);
    }

    private static Answer signed(String baseUrl, String authorization, String date) {
        return send(baseUrl, listPath(SALES_INSTANCE_ID), "GET",
                "Authorization", authorization, "X-Sdk-Date", date, "X-Language", "en-us",
                "X-Project-Id", "9f8e7d6c5b4a39281706f5e4d3c2b1a0");
    }
}
