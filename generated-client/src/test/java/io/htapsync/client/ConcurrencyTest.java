package io.htapsync.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

class ConcurrencyTest extends ClientTestSupport {

  @Test
  void sixteenThreadsShareOneClientAndCloseLeavesNoConnectionOrThread() throws Exception {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return ok(pageBody(1, 0, 1));
      }
    });
    StarRocksReplicationClient client = builder().build();
    ExecutorService threads = Executors.newFixedThreadPool(16);
    AtomicInteger pages = new AtomicInteger();
    List<Future<?>> results = new ArrayList<>();
    for (int t = 0; t < 16; t++) {
      results.add(threads.submit(() -> {
        for (int i = 0; i < 25; i++) {
          if (client.listReplications(INSTANCE).totalCount() == 1) {
            pages.incrementAndGet();
          }
        }
      }));
    }
    for (Future<?> result : results) {
      result.get(30, TimeUnit.SECONDS);
    }
    threads.shutdown();
    assertEquals(400, pages.get());
    assertEquals(400, server.getRequestCount());
    assertTrue(client.httpClient().connectionPool().connectionCount() > 0, "connections were pooled");

    client.close();
    assertEquals(0, client.httpClient().connectionPool().connectionCount());
    assertTrue(client.httpClient().dispatcher().executorService().awaitTermination(5, TimeUnit.SECONDS));
  }
}
