package io.htapsync.client.api;

import static io.htapsync.client.TestResources.response;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import io.htapsync.client.ReplicationStage;
import io.htapsync.client.ReplicationStatus;
import io.htapsync.client.model.ErrorResponse;
import io.htapsync.client.model.ListStarRocksDataReplicationsResponse;
import io.htapsync.client.model.StarRocksReplicationInfo;
import java.math.BigDecimal;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.gson.GsonConverterFactory;

/** What the generated Retrofit interface sends, and what the generated models decode. */
class GeneratedInterfaceTest {
  static final String PROJECT = "9f8e7d6c5b4a39281706f5e4d3c2b1a0";
  static final String INSTANCE = "0123456789abcdef0123456789abcdefin07";

  MockWebServer server;
  StarRocksReplicationApi api;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
    api = new Retrofit.Builder()
        .baseUrl(server.url("/"))
        .addConverterFactory(GsonConverterFactory.create(new Gson()))
        .build()
        .create(StarRocksReplicationApi.class);
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
  }

  Response<ListStarRocksDataReplicationsResponse> call(String body) throws Exception {
    server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(body));
    return api.listStarRocksDataReplications(PROJECT, INSTANCE, 10, 20, "en-us").execute();
  }

  @Test
  void sendsTheDocumentedRequestLineHeadersAndQuery() throws Exception {
    call(response("reference-page-example.json"));
    RecordedRequest request = server.takeRequest();
    assertEquals("GET", request.getMethod());
    assertEquals("/v3/" + PROJECT + "/instances/" + INSTANCE
        + "/starrocks/databases/replication?limit=10&offset=20", request.getPath());
    // X-Auth-Token is the AuthToken security scheme's, not a parameter: the client's interceptor adds it.
    assertNull(request.getHeader("X-Auth-Token"));
    assertEquals("en-us", request.getHeader("X-Language"));
  }

  @Test
  void omitsOptionalQueryAndHeadersWhenNull() throws Exception {
    server.enqueue(new MockResponse().setBody("{\"total_count\":0,\"replications\":[]}"));
    api.listStarRocksDataReplications(PROJECT, INSTANCE, null, null, null).execute();
    RecordedRequest request = server.takeRequest();
    assertEquals("/v3/" + PROJECT + "/instances/" + INSTANCE + "/starrocks/databases/replication",
        request.getPath());
    assertNull(request.getHeader("X-Auth-Token"));
    assertNull(request.getHeader("X-Language"));
  }

  @Test
  void percentEncodesPathSegmentsSoAnIdCannotChangeThePath() throws Exception {
    server.enqueue(new MockResponse().setBody("{}"));
    api.listStarRocksDataReplications(PROJECT, "a/../b c?d", null, null, null).execute();
    assertEquals("/v3/" + PROJECT + "/instances/a%2F..%2Fb%20c%3Fd/starrocks/databases/replication",
        server.takeRequest().getPath());
  }

  @Test
  void decodesTheReferencePageExampleWithNumericCounters() throws Exception {
    ListStarRocksDataReplicationsResponse page = call(response("reference-page-example.json")).body();
    assertEquals(1L, page.getTotalCount().asLong());
    assertTrue(page.getTotalCount().isJsonNumber());
    StarRocksReplicationInfo task = page.getReplications().get(0);
    assertEquals("source_database", task.getSourceDatabase());
    assertEquals("target_database", task.getTargetDatabase());
    assertEquals("task_name", task.getTaskName());
    assertTrue(ReplicationStatus.YES.matches(task.getStatus()));
    assertEquals("Incremental", task.getStage());
    assertTrue(ReplicationStage.INCREMENTAL.matches(task.getStage()));
    assertEquals(100L, task.getPercentage().asLong());
    assertNull(task.getCatchupStage());
    assertEquals(0L, task.getCatchupPercentage().asLong());
    assertNull(page.getExtText());
  }

  @Test
  void decodesTheAllStringsVariantAndNulls() throws Exception {
    ListStarRocksDataReplicationsResponse page = call(response("all-strings.json")).body();
    assertEquals(2L, page.getTotalCount().asLong());
    assertFalse(page.getTotalCount().isJsonNumber());
    StarRocksReplicationInfo first = page.getReplications().get(0);
    assertEquals(new BigDecimal("99.5"), first.getCatchupPercentage().asBigDecimal());
    assertEquals("false", first.getIsNeedRepair());
    assertEquals("true", first.getIsMainTask());
    StarRocksReplicationInfo second = page.getReplications().get(1);
    assertEquals(ReplicationStage.WAIT, ReplicationStage.parse(second.getStage()).orElseThrow());
    assertTrue(ReplicationStatus.NO.matches(second.getStatus()));
    assertNull(second.getCatchupStage());
    assertNull(second.getCatchupPercentage());
    assertEquals("", page.getExtText());
  }

  @Test
  void decodesDecimalsInBothForms() throws Exception {
    ListStarRocksDataReplicationsResponse page = call("{\"total_count\":\"2\",\"replications\":["
        + "{\"percentage\":99.5,\"catchup_percentage\":\"99.5\"},"
        + "{\"percentage\":\"100.0\",\"catchup_percentage\":1E2}]}").body();
    StarRocksReplicationInfo first = page.getReplications().get(0);
    assertEquals(new BigDecimal("99.5"), first.getPercentage().asBigDecimal());
    assertTrue(first.getPercentage().isJsonNumber());
    assertEquals("99.5", first.getCatchupPercentage().raw());
    assertFalse(first.getCatchupPercentage().isJsonNumber());
    StarRocksReplicationInfo second = page.getReplications().get(1);
    assertEquals(100L, second.getPercentage().asLong());
    assertEquals(100L, second.getCatchupPercentage().asLong());
  }

  @Test
  void toleratesUnknownFieldsAndUnknownStageValues() throws Exception {
    ListStarRocksDataReplicationsResponse page = call("{\"total_count\":1,\"request_id\":\"r1\","
        + "\"replications\":[{\"stage\":\"resyncing\",\"status\":\"MAYBE\",\"new_field\":{\"a\":[1,2]},"
        + "\"percentage\":5}],\"more\":true}").body();
    StarRocksReplicationInfo task = page.getReplications().get(0);
    assertEquals("resyncing", task.getStage());
    assertTrue(ReplicationStage.parse(task.getStage()).isEmpty());
    assertTrue(ReplicationStatus.parse(task.getStatus()).isEmpty());
    assertEquals(5L, task.getPercentage().asLong());
  }

  @Test
  void decodesBothDocumentedErrorBodies() throws Exception {
    Gson gson = new Gson();
    ErrorResponse notFound = gson.fromJson(response("error-400.json"), ErrorResponse.class);
    assertEquals("DBS.200022", notFound.getErrorCode());
    assertEquals("Instance not found.", notFound.getErrorMsg());
    assertNull(notFound.getRequestId());

    server.enqueue(new MockResponse().setResponseCode(500).setBody(response("error-500.json")));
    Response<ListStarRocksDataReplicationsResponse> failed =
        api.listStarRocksDataReplications(PROJECT, INSTANCE, null, null, "en-us").execute();
    assertEquals(500, failed.code());
    ErrorResponse serverError = gson.fromJson(failed.errorBody().string(), ErrorResponse.class);
    assertEquals("DBS.200001", serverError.getErrorCode());
    assertEquals("The system is busy. Try again later.", serverError.getErrorMsg());
  }
}
