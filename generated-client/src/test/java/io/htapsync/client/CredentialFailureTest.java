package io.htapsync.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.htapsync.client.auth.Credentials;
import io.htapsync.client.exception.CredentialsException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A token supplier that fails ends the call at once, unretried, on both paths, with nothing sent. */
class CredentialFailureTest extends ClientTestSupport {
  final AtomicInteger asked = new AtomicInteger();

  StarRocksReplicationClient clientWithBrokenSupplier() {
    return track(builder().credentials(Credentials.token(() -> {
      asked.incrementAndGet();
      return null;
    })).build());
  }

  @Test
  void blockingCallFailsWithTheCredentialsError() {
    assertThrows(CredentialsException.class, () -> clientWithBrokenSupplier().listReplications(INSTANCE));
    assertEquals(1, asked.get(), "not retried");
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void asyncCallFailsWithTheCredentialsError() {
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> clientWithBrokenSupplier().listReplicationsAsync(INSTANCE).get(5, TimeUnit.SECONDS));
    assertInstanceOf(CredentialsException.class, e.getCause());
    assertEquals(1, asked.get(), "not retried");
    assertEquals(0, server.getRequestCount());
  }
}
