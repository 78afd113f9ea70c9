package io.htapsync.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.htapsync.client.exception.CallInterruptedException;
import io.htapsync.client.retry.RetryPolicy;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;

/** Interrupting a thread blocked in a call cancels the attempt and ends the call as an interruption. */
class InterruptTest extends ClientTestSupport {
  private static final RetryPolicy PATIENT = FAST_RETRIES.toBuilder().deadline(Duration.ofMinutes(1)).build();

  /** Runs a blocking call on its own thread; returns what it threw and whether its flag was still set. */
  private static final class Caller {
    final AtomicReference<Throwable> thrown = new AtomicReference<>();
    final AtomicBoolean flagKept = new AtomicBoolean();
    final CompletableFuture<Void> done = new CompletableFuture<>();
    final Thread thread;

    Caller(StarRocksReplicationClient client) {
      thread = new Thread(() -> {
        try {
          client.listReplications(INSTANCE);
        } catch (Throwable t) {
          thrown.set(t);
          flagKept.set(Thread.currentThread().isInterrupted());
        }
        done.complete(null);
      });
      thread.start();
    }
  }

  @Test
  void anInterruptCancelsTheAttemptInFlight() throws Exception {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    StarRocksReplicationClient client = track(builder().retryPolicy(PATIENT).readTimeout(Duration.ofMinutes(1))
        .callTimeout(Duration.ofMinutes(1)).build());
    Caller caller = new Caller(client);
    assertNotNull(server.takeRequest(5, TimeUnit.SECONDS), "the request reached the server");
    caller.thread.interrupt();
    // Without the cancel, the thread would wait out the 1-minute read timeout.
    caller.done.get(5, TimeUnit.SECONDS);
    assertTrue(caller.thrown.get() instanceof CallInterruptedException, String.valueOf(caller.thrown.get()));
    assertTrue(caller.flagKept.get(), "the thread's interrupt flag is kept");
    assertEquals(1, server.getRequestCount(), "an interrupted call is not retried");
  }

  @Test
  void anInterruptEndsTheWaitBeforeARetry() throws Exception {
    server.enqueue(json(503, "{}").setHeader("Retry-After", "2"));
    Caller caller = new Caller(track(builder().retryPolicy(PATIENT).build()));
    assertNotNull(server.takeRequest(5, TimeUnit.SECONDS));
    Thread.sleep(100); // let the caller reach its 2 s wait; an earlier interrupt is caught just the same
    caller.thread.interrupt();
    caller.done.get(5, TimeUnit.SECONDS);
    assertTrue(caller.thrown.get() instanceof CallInterruptedException, String.valueOf(caller.thrown.get()));
    assertTrue(caller.flagKept.get());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void aThreadAlreadyInterruptedFailsAsAnInterruption() throws Exception {
    server.enqueue(ok(pageBody(0, 0, 0)));
    StarRocksReplicationClient client = client();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicBoolean flagKept = new AtomicBoolean();
    Thread thread = new Thread(() -> {
      Thread.currentThread().interrupt();
      try {
        client.listReplications(INSTANCE);
      } catch (Throwable t) {
        thrown.set(t);
      }
      flagKept.set(Thread.currentThread().isInterrupted());
    });
    thread.start();
    thread.join(5000);
    assertTrue(thrown.get() instanceof CallInterruptedException, String.valueOf(thrown.get()));
    assertTrue(flagKept.get());
  }
}
