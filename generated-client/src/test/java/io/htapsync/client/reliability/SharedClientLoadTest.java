package io.htapsync.client.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.htapsync.client.ClientInternals;
import io.htapsync.client.ClientTestSupport;
import io.htapsync.client.ReplicationPage;
import io.htapsync.client.StarRocksReplicationClient;
import io.htapsync.client.auth.Credentials;
import io.htapsync.client.exception.HtapSyncException;
import io.htapsync.client.exception.ServerErrorException;
import io.htapsync.client.exception.TransportException;
import io.htapsync.client.retry.RetryPolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import javax.net.ServerSocketFactory;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One client shared by many threads against a server that fails some requests, then closed: every
 * call ends in a page or one of our exceptions, and nothing (thread, connection, call) outlives it.
 */
class SharedClientLoadTest {
  static final int THREADS = 32;
  static final int CALLS = 10_000;
  static final int FAILURE_PERCENT = 10;

  MockWebServer server;
  Set<Thread> threadsBefore;

  @BeforeEach
  void start() throws Exception {
    threadsBefore = okHttpThreads();
    server = new MockWebServer();
    server.setServerSocketFactory(new NoDelayServerSocketFactory());
    server.start();
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
  }

  StarRocksReplicationClient client(RetryPolicy policy) {
    return StarRocksReplicationClient.builder()
        .endpoint(server.url("/").uri())
        .allowInsecureHttp()
        .projectId(ClientTestSupport.PROJECT)
        .credentials(Credentials.token(ClientTestSupport.TOKEN))
        .readTimeout(Duration.ofSeconds(5))
        .retryPolicy(policy)
        .build();
  }

  @Test
  void thirtyTwoThreadsTenThousandCallsOneClientTenPercentFailures() throws Exception {
    Map<String, AtomicInteger> injected = new ConcurrentHashMap<>();
    String page = ClientTestSupport.pageBody(1, 0, 1);
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        int roll = ThreadLocalRandom.current().nextInt(100);
        if (roll < FAILURE_PERCENT / 2) {
          injected.computeIfAbsent("503", k -> new AtomicInteger()).incrementAndGet();
          return new MockResponse().setResponseCode(503).setBody("{\"error_code\":\"DBS.200001\"}");
        }
        if (roll < FAILURE_PERCENT) {
          injected.computeIfAbsent("disconnect", k -> new AtomicInteger()).incrementAndGet();
          return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
        }
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(page);
      }
    });
    // Two attempts, so that both outcomes are common: about 1% of calls fail twice.
    RetryPolicy policy = ClientTestSupport.FAST_RETRIES.toBuilder().maxAttempts(2).build();
    StarRocksReplicationClient client = client(policy);
    OkHttpClient http = ClientInternals.httpClient(client);

    AtomicInteger tickets = new AtomicInteger();
    AtomicInteger pages = new AtomicInteger();
    Map<Class<?>, AtomicInteger> ours = new ConcurrentHashMap<>();
    ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    long start = System.nanoTime();
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      workers.add(threads.submit(() -> {
        while (tickets.getAndIncrement() < CALLS) {
          try {
            ReplicationPage result = client.listReplications(ClientTestSupport.INSTANCE);
            if (result.totalCount() == 1 && result.replications().size() == 1) {
              pages.incrementAndGet();
            } else {
              unexpected.add(new AssertionError("wrong page " + result));
            }
          } catch (HtapSyncException e) {
            ours.computeIfAbsent(e.getClass(), k -> new AtomicInteger()).incrementAndGet();
          } catch (Throwable e) {
            unexpected.add(e);
          }
        }
      }));
    }
    for (Future<?> worker : workers) {
      worker.get(60, TimeUnit.SECONDS);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    threads.shutdown();

    int exceptions = ours.values().stream().mapToInt(AtomicInteger::get).sum();
    String report = String.format("%d calls on %d threads in %d ms: %d pages, %d exceptions %s;"
            + " server: %d requests, injected %s; connections pooled at the end: %d",
        CALLS, THREADS, millis, pages.get(), exceptions, counts(ours), server.getRequestCount(),
        injected, http.connectionPool().connectionCount());
    writeFigure("concurrency.txt", report);
    assertTrue(unexpected.isEmpty(), "not a page nor our exception: " + unexpected.peek() + "\n" + report);
    assertEquals(CALLS, pages.get() + exceptions, report);
    assertTrue(pages.get() > 0 && exceptions > 0, "both outcomes occur: " + report);
    assertTrue(ours.keySet().stream().allMatch(c -> c == ServerErrorException.class
        || c == TransportException.class), report);
    assertTrue(server.getRequestCount() >= CALLS + exceptions, report);

    client.close();
    assertEverythingReleased(http);
  }

  @Test
  void cancelledAsyncCallsLeaveNoCallRunningOrQueued() throws Exception {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse().setBody(ClientTestSupport.pageBody(1, 0, 1))
            .setHeadersDelay(3, TimeUnit.SECONDS);
      }
    });
    StarRocksReplicationClient client = client(ClientTestSupport.FAST_RETRIES);
    OkHttpClient http = ClientInternals.httpClient(client);
    List<CompletableFuture<ReplicationPage>> futures = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      futures.add(client.listReplicationsAsync(ClientTestSupport.INSTANCE));
    }
    // OkHttp runs 5 calls per host at once; the other 95 wait in its queue.
    awaitTrue(() -> server.getRequestCount() == http.dispatcher().getMaxRequestsPerHost(), "5 calls reach the server");
    assertEquals(95, http.dispatcher().queuedCallsCount());

    // Queued calls first: cancelling a running call frees its slot, and OkHttp then starts the next
    // queued call at once, which would reach the server before its own cancel came.
    for (int i = futures.size() - 1; i >= 0; i--) {
      futures.get(i).cancel(true);
    }
    awaitTrue(() -> http.dispatcher().runningCallsCount() == 0 && http.dispatcher().queuedCallsCount() == 0,
        "dispatcher empties after cancellation");
    assertTrue(futures.stream().allMatch(CompletableFuture::isCancelled));
    Thread.sleep(200);
    assertEquals(5, server.getRequestCount(), "no queued or retried call was sent after cancellation");

    client.close();
    assertEverythingReleased(http);
  }

  @Test
  void cancellingDuringARetryWaitStartsNoFurtherAttempt() throws Exception {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse().setResponseCode(503).setHeader("Retry-After", "1").setBody("{}");
      }
    });
    StarRocksReplicationClient client = client(ClientTestSupport.FAST_RETRIES);
    OkHttpClient http = ClientInternals.httpClient(client);
    CompletableFuture<ReplicationPage> future = client.listReplicationsAsync(ClientTestSupport.INSTANCE);
    awaitTrue(() -> server.getRequestCount() == 1 && http.dispatcher().runningCallsCount() == 0,
        "the first attempt failed and the retry waits");
    assertTrue(future.cancel(true));
    Thread.sleep(1300);
    assertEquals(1, server.getRequestCount(), "the retry scheduled before cancellation never ran");
    assertEquals(0, http.dispatcher().runningCallsCount() + http.dispatcher().queuedCallsCount());

    client.close();
    assertEverythingReleased(http);
  }

  /**
   * After close(): no pooled connection, the dispatcher's threads ended, and no OkHttp thread this
   * test started is still working. OkHttp's TaskRunner pool is shared by the whole JVM and cannot be
   * shut down by one client (its workers end on their own after 60 s idle); it is left out, and this
   * client's own pool is checked empty instead.
   */
  private void assertEverythingReleased(OkHttpClient http) throws InterruptedException {
    assertEquals(0, http.connectionPool().connectionCount(), "connections left in the pool");
    assertTrue(http.dispatcher().executorService().awaitTermination(5, TimeUnit.SECONDS),
        "dispatcher threads ended");
    assertEquals(0, http.dispatcher().runningCallsCount() + http.dispatcher().queuedCallsCount());
    awaitTrue(() -> busyNewOkHttpThreads().isEmpty(), "OkHttp threads started by this test end or idle");
  }

  private Set<String> busyNewOkHttpThreads() {
    return okHttpThreads().stream()
        // OkHttp's TaskRunner threads are shared by every OkHttp client in the JVM: one may be waiting
        // on the idle-connection cleanup of another test's client, so only this client's own resources
        // (pool, dispatcher, calls, checked above) and its per-call threads are held to account here.
        .filter(t -> !threadsBefore.contains(t) && !t.getName().equals("OkHttp TaskRunner"))
        .map(t -> t.getName() + " (" + t.getState() + ")").collect(Collectors.toSet());
  }

  private static Set<Thread> okHttpThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith("OkHttp"))
        .collect(Collectors.toSet());
  }

  private void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > until) {
        throw new AssertionError("not within 5 s: " + what + "; busy OkHttp threads: " + busyNewOkHttpThreads());
      }
      Thread.sleep(10);
    }
  }

  private static String counts(Map<Class<?>, AtomicInteger> byClass) {
    return byClass.entrySet().stream()
        .map(e -> e.getKey().getSimpleName() + "=" + e.getValue().get())
        .sorted().collect(Collectors.joining(", ", "[", "]"));
  }

  /**
   * Accepted sockets with Nagle's algorithm off: MockWebServer writes a response in pieces, and
   * Nagle holding the last piece until the client's delayed ACK costs ~40 ms per call, which would
   * measure TCP timers rather than the client.
   */
  static final class NoDelayServerSocketFactory extends ServerSocketFactory {
    @Override
    public ServerSocket createServerSocket() throws IOException {
      return new ServerSocket() {
        @Override
        public Socket accept() throws IOException {
          Socket socket = super.accept();
          socket.setTcpNoDelay(true);
          return socket;
        }
      };
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
      throw new UnsupportedOperationException("MockWebServer binds an unbound socket");
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
      throw new UnsupportedOperationException("MockWebServer binds an unbound socket");
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
      throw new UnsupportedOperationException("MockWebServer binds an unbound socket");
    }
  }

  static void writeFigure(String name, String text) throws Exception {
    Path out = Path.of("target", "reliability", name);
    Files.createDirectories(out.getParent());
    Files.writeString(out, text + System.lineSeparator(), StandardCharsets.UTF_8);
  }
}
