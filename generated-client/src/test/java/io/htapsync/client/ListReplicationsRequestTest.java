package io.htapsync.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

class ListReplicationsRequestTest extends ClientTestSupport {

  @Test
  void theOverloadsSendWhatTheRequestObjectSends() throws Exception {
    for (int i = 0; i < 4; i++) {
      server.enqueue(ok(pageBody(0, 0, 0)));
    }
    StarRocksReplicationClient client = client();
    client.listReplications(INSTANCE, 50, 7);
    client.listReplications(ListReplicationsRequest.of(INSTANCE, 50, 7));
    client.listReplicationsAsync(INSTANCE, 50, 7).join();
    client.listReplicationsAsync(ListReplicationsRequest.of(INSTANCE).withLimit(7).withOffset(50)).join();
    String first = server.takeRequest().getPath();
    assertTrue(first.endsWith("/instances/" + INSTANCE + "/starrocks/databases/replication?limit=7&offset=50"),
        first);
    for (int i = 1; i < 4; i++) {
      RecordedRequest request = server.takeRequest();
      assertEquals(first, request.getPath());
    }
  }

  @Test
  void thePageCarriesTheRequestsOffsetAndLimit() {
    server.enqueue(ok(pageBody(80, 50, 30)));
    ReplicationPage page = client().listReplications(ListReplicationsRequest.of(INSTANCE, 50, 100));
    assertEquals(50, page.offset());
    assertEquals(100, page.limit());
    assertEquals(80, page.nextOffset());
  }

  @Test
  void argumentsAreCheckedWhenTheRequestIsMadeAndAgainOnlyWhereTheyChange() {
    assertThrows(IllegalArgumentException.class, () -> ListReplicationsRequest.of("../x"));
    assertThrows(IllegalArgumentException.class, () -> ListReplicationsRequest.of(INSTANCE, -1, 10));
    ListReplicationsRequest request = ListReplicationsRequest.of(INSTANCE);
    assertThrows(IllegalArgumentException.class, () -> request.withOffset(-1));
    assertThrows(IllegalArgumentException.class, () -> request.withLimit(101));
    assertThrows(IllegalArgumentException.class, () -> request.withOffset(Integer.MAX_VALUE));
    assertEquals(ListReplicationsRequest.of(INSTANCE, 0, 100), request);
    assertEquals(ListReplicationsRequest.of(INSTANCE, 0, 100).hashCode(), request.hashCode());
  }

  @Test
  void aNullRequestIsRefusedBeforeAnythingIsSent() {
    StarRocksReplicationClient client = client();
    assertThrows(NullPointerException.class, () -> client.listReplications((ListReplicationsRequest) null));
    assertThrows(NullPointerException.class, () -> client.listReplicationsAsync((ListReplicationsRequest) null));
    assertEquals(0, server.getRequestCount());
  }
}
