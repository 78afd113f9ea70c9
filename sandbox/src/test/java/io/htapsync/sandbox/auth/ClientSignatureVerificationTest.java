package io.htapsync.sandbox.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.htapsync.client.StarRocksReplicationClient;
import io.htapsync.client.auth.Credentials;
import io.htapsync.client.exception.ClientErrorException;
import io.htapsync.client.retry.RetryPolicy;
import io.htapsync.sandbox.SandboxOptions;
import io.htapsync.sandbox.data.DemoData;
import io.htapsync.sandbox.junit.SandboxExtension;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client's AK/SK signatures, checked end to end by a sandbox that knows the key. */
class ClientSignatureVerificationTest {
    static final String AK = "HPUAEXAMPLEKEY01";
    static final String SK = "s3cr3tSKexample0123456789";

    @RegisterExtension
    static SandboxExtension sandbox = SandboxExtension.builder()
            .options(SandboxOptions.builder().signatureVerifier(SignatureVerifier.withKey(AK, SK)).build())
            .build();

    StarRocksReplicationClient client(Credentials credentials) {
        return StarRocksReplicationClient.builder().endpoint(URI.create(sandbox.baseUrl())).allowInsecureHttp()
                .projectId(DemoData.PROJECT_ID).credentials(credentials).retryPolicy(RetryPolicy.none()).build();
    }

    @Test
    void aCorrectSignatureIsAccepted() {
        try (StarRocksReplicationClient client = client(Credentials.akSk(AK, SK, "temporary-security-token"))) {
            assertEquals(123, client.streamReplications(DemoData.WAREHOUSE_INSTANCE_ID).count());
        }
    }

    @Test
    void aWrongSecretKeyIs401InTheGatewaysForm() {
        try (StarRocksReplicationClient client = client(Credentials.akSk(AK, "not-the-secret-key-000000"))) {
            ClientErrorException e = assertThrows(ClientErrorException.class,
                    () -> client.listReplications(DemoData.SALES_INSTANCE_ID));
            assertEquals(401, e.httpStatus());
            assertEquals("APIGW.0301", e.errorCode());
        }
    }

    @Test
    void anotherAccessKeyIsRefused() {
        try (StarRocksReplicationClient client = client(Credentials.akSk("HPUAOTHERKEY0002", SK))) {
            assertEquals(401, assertThrows(ClientErrorException.class,
                    () -> client.listReplications(DemoData.SALES_INSTANCE_ID)).httpStatus());
        }
    }
}
