package io.htapsync.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.htapsync.client.exception.InconsistentPagingException;
import io.htapsync.client.model.StarRocksReplicationInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PagingTest extends ClientTestSupport {

  @Test
  void shortPagesAreNotTheEndTheOffsetAdvancesByWhatArrived() throws Exception {
    // The service caps a page at 50 even though the stream asks for 100.
    server.enqueue(ok(pageBody(120, 0, 50)));
    server.enqueue(ok(pageBody(120, 50, 50)));
    server.enqueue(ok(pageBody(120, 100, 20)));

    List<String> names = client().streamReplications(INSTANCE)
        .map(StarRocksReplicationInfo::getTaskName).collect(Collectors.toList());

    assertEquals(120, names.size());
    assertEquals("task_0", names.get(0));
    assertEquals("task_119", names.get(119));
    assertEquals(3, server.getRequestCount());
    assertTrue(server.takeRequest().getPath().endsWith("?limit=100&offset=0"));
    assertTrue(server.takeRequest().getPath().endsWith("?limit=100&offset=50"));
    assertTrue(server.takeRequest().getPath().endsWith("?limit=100&offset=100"));
  }

  @Test
  void thePageListenerSeesEachPageAsItArrives() {
    server.enqueue(ok(pageBody(120, 0, 50)));
    server.enqueue(ok(pageBody(120, 50, 50)));
    server.enqueue(ok(pageBody(120, 100, 20)));
    List<Long> progress = new ArrayList<>();
    long count = client().streamReplications(INSTANCE, page -> progress.add(page.nextOffset())).count();
    assertEquals(120, count);
    assertEquals(List.of(50L, 100L, 120L), progress);
  }

  @Test
  void theStreamIsLazy() {
    server.enqueue(ok(pageBody(120, 0, 50)));
    server.enqueue(ok(pageBody(120, 50, 50)));
    StarRocksReplicationClient client = client();
    var stream = client.streamReplications(INSTANCE);
    assertEquals(0, server.getRequestCount(), "nothing is fetched before the stream is consumed");
    assertEquals(10, stream.limit(10).count());
    assertEquals(1, server.getRequestCount(), "only the first page was needed");
  }

  @Test
  void anEmptyFirstPageEndsAtOnce() {
    server.enqueue(ok("{\"total_count\":0,\"replications\":[]}"));
    assertEquals(0, client().streamReplications(INSTANCE).count());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void itEndsAtTotalCountWithoutAskingForAnEmptyPage() {
    server.enqueue(ok(pageBody(50, 0, 50)));
    assertEquals(50, client().streamReplications(INSTANCE).count());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void aRepeatedPageEndsTheStreamWithAClearException() {
    server.enqueue(ok(pageBody(500, 0, 50)));
    server.enqueue(ok(pageBody(500, 0, 50)));
    List<StarRocksReplicationInfo> seen = new ArrayList<>();
    InconsistentPagingException e = assertThrows(InconsistentPagingException.class,
        () -> client().streamReplications(INSTANCE).forEach(seen::add));
    assertEquals(50, seen.size());
    assertTrue(e.getMessage().contains("repeats the previous page"), e.getMessage());
    assertTrue(e.getMessage().contains(INSTANCE), e.getMessage());
    assertTrue(e.getMessage().contains("req-200"), e.getMessage());
  }

  @Test
  void aTotalCountThatKeepsGrowingCannotMakeTheStreamEndless() {
    server.enqueue(ok(pageBody(100, 0, 50)));
    server.enqueue(ok(pageBody(150, 50, 50)));
    InconsistentPagingException e = assertThrows(InconsistentPagingException.class,
        () -> client().streamReplications(INSTANCE).count());
    assertTrue(e.getMessage().contains("total_count changed from 100 to 150"), e.getMessage());
  }

  @Test
  void anEmptyPageBeforeTheTotalIsALie() {
    server.enqueue(ok(pageBody(1000, 0, 50)));
    server.enqueue(ok("{\"total_count\":1000,\"replications\":[]}"));
    InconsistentPagingException e = assertThrows(InconsistentPagingException.class,
        () -> client().streamReplications(INSTANCE).count());
    assertTrue(e.getMessage().contains("total_count is 1000 but the page at offset 50 is empty"),
        e.getMessage());
  }

  @Test
  void theIterableWalksTheSamePagesAndCanBeIteratedTwice() {
    server.enqueue(ok(pageBody(60, 0, 50)));
    server.enqueue(ok(pageBody(60, 50, 10)));
    server.enqueue(ok(pageBody(60, 0, 50)));
    server.enqueue(ok(pageBody(60, 50, 10)));
    Iterable<StarRocksReplicationInfo> tasks = client().iterateReplications(INSTANCE);
    int first = 0;
    for (StarRocksReplicationInfo ignored : tasks) {
      first++;
    }
    int second = 0;
    for (StarRocksReplicationInfo ignored : tasks) {
      second++;
    }
    assertEquals(60, first);
    assertEquals(60, second);
    assertEquals(4, server.getRequestCount());
  }
}
