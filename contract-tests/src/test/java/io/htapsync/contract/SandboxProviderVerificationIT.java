package io.htapsync.contract;

import au.com.dius.pact.provider.junitsupport.Provider;

/**
 * The third side of the contract: the pacts of every consumer (the Java client's, written by this
 * module's consumer tests, and the other languages' named by {@link ConsumerPacts}), replayed
 * against the sandbox. With the consumer tests (client and pact) and {@link PactSpecValidationIT}
 * (pact and spec) this shows all three agree.
 */
@Provider(ReplicationContract.PROVIDER)
@ConsumerPactFolders
class SandboxProviderVerificationIT extends SandboxProviderVerification {
}
