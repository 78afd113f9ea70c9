package io.htapsync.client;

import static io.htapsync.client.TestResources.response;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.htapsync.client.model.StarRocksReplicationInfo;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

class ListReplicationsTest extends ClientTestSupport {

  @Test
  void firstPageUsesOffsetZeroAndLimitHundredWithTheDocumentedHeaders() throws Exception {
    server.enqueue(ok(response("reference-page-example.json")));
    ReplicationPage page = client().listReplications(INSTANCE);

    RecordedRequest request = server.takeRequest();
    assertEquals("GET", request.getMethod());
    assertEquals("/v3/" + PROJECT + "/instances/" + INSTANCE
        + "/starrocks/databases/replication?limit=100&offset=0", request.getPath());
    assertEquals(TOKEN, request.getHeader("X-Auth-Token"));
    assertEquals("en-us", request.getHeader("X-Language"));
    assertTrue(request.getHeader("User-Agent").startsWith("htapsync-java/"), request.getHeader("User-Agent"));

    assertEquals(1, page.totalCount());
    assertEquals(0, page.offset());
    assertEquals(100, page.limit());
    assertEquals("req-200", page.requestId());
    assertTrue(page.isLast());
    StarRocksReplicationInfo task = page.replications().get(0);
    assertTrue(ReplicationStage.INCREMENTAL.matches(task.getStage()));
    assertEquals(100, task.getPercentage().asLong());
  }

  @Test
  void sendsOffsetLimitLanguageAndUserAgentSuffix() throws Exception {
    server.enqueue(ok(response("all-strings.json")));
    ReplicationPage page = track(builder().language(Language.ZH_CN).userAgent("dashboard/2.1").build())
        .listReplications(INSTANCE, 50, 25);
    RecordedRequest request = server.takeRequest();
    assertTrue(request.getPath().endsWith("/replication?limit=25&offset=50"), request.getPath());
    assertEquals("zh-cn", request.getHeader("X-Language"));
    assertTrue(request.getHeader("User-Agent").endsWith(" dashboard/2.1"));
    assertEquals(2, page.totalCount());
    assertEquals(52, page.nextOffset());
  }

  @Test
  void acceptsCountersAsStringsAndAnEmptyPage() {
    server.enqueue(ok("{\"total_count\":\"0\",\"replications\":[],\"ext_text\":null}"));
    ReplicationPage page = client().listReplications(INSTANCE);
    assertEquals(0, page.totalCount());
    assertTrue(page.replications().isEmpty());
    assertTrue(page.isLast());
  }

  @Test
  void aMissingReplicationsArrayIsAnEmptyPage() {
    server.enqueue(ok("{\"total_count\":0}"));
    assertTrue(client().listReplications(INSTANCE).replications().isEmpty());
  }

  @Test
  void requestIdIsNullWhenTheServiceSendsNone() {
    server.enqueue(new okhttp3.mockwebserver.MockResponse().setBody("{\"total_count\":0}"));
    assertNull(client().listReplications(INSTANCE).requestId());
  }

  @Test
  void endpointWithAPathPrefixKeepsIt() throws Exception {
    server.enqueue(ok("{\"total_count\":0}"));
    track(builder().endpoint(server.url("/gateway/dbs").uri()).build()).listReplications(INSTANCE);
    assertTrue(server.takeRequest().getPath().startsWith("/gateway/dbs/v3/" + PROJECT + "/"));
  }
}
