package io.htapsync.contract;

import static io.htapsync.contract.ReplicationContract.CONSUMER;
import static io.htapsync.contract.ReplicationContract.INSTANCE_ID;
import static io.htapsync.contract.ReplicationContract.LANGUAGE;
import static io.htapsync.contract.ReplicationContract.MISSING_INSTANCE_ID;
import static io.htapsync.contract.ReplicationContract.PROJECT_ID;
import static io.htapsync.contract.ReplicationContract.PROVIDER;
import static io.htapsync.contract.ReplicationContract.REQUEST_ID_EXAMPLE;
import static io.htapsync.contract.ReplicationContract.REQUEST_ID_HEADER;
import static io.htapsync.contract.ReplicationContract.STATE_120_TASKS;
import static io.htapsync.contract.ReplicationContract.STATE_INTERNAL_ERROR;
import static io.htapsync.contract.ReplicationContract.STATE_MISSING_INSTANCE;
import static io.htapsync.contract.ReplicationContract.STATE_NO_TASKS;
import static io.htapsync.contract.ReplicationContract.STATE_ONE_TASK;
import static io.htapsync.contract.ReplicationRequests.listRequest;
import static io.htapsync.contract.ReplicationRequests.respond;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import com.google.gson.Gson;
import io.htapsync.client.api.StarRocksReplicationApi;
import io.htapsync.client.json.NumericString;
import io.htapsync.client.model.ErrorResponse;
import io.htapsync.client.model.ListStarRocksDataReplicationsResponse;
import io.htapsync.client.model.StarRocksReplicationInfo;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.gson.GsonConverterFactory;

/**
 * Consumer side of the contract: the generated Retrofit client against the Pact mock server.
 *
 * <p>Each pact method states one situation of the provider; its test asserts what the client
 * decoded from it. The pact file is written to {@code pact.rootDir} when this class finishes.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class ReplicationsConsumerPactTest {
  // Differs from the pact's example token, so a request matches only if the pact pins the form.
  private static final String CLIENT_TOKEN = "MIIZclient-token_for.contract+tests=";
  private static final int PAGE_CAP = 50;

  @Pact(consumer = CONSUMER)
  V4Pact referencePageExample(PactDslWithProvider builder) {
    PactDslJsonBody task = new PactDslJsonBody()
        .stringType("source_database", "source_database")
        .stringType("target_database", "target_database")
        .stringType("task_name", "task_name")
        .stringType("status", "Yes")
        .stringType("stage", "Incremental");
    MixedFields.percentage(task, "percentage", 100);
    MixedFields.stageOrNull(task, "catchup_stage", null);
    MixedFields.percentageOrNull(task, "catchup_percentage", 0);

    return respond(listRequest(builder.given(STATE_ONE_TASK),
            "a list request, answered as on the reference page (counters as JSON numbers)", INSTANCE_ID),
        200, page(1, task, 1))
        .toPact(V4Pact.class);
  }

  @Pact(consumer = CONSUMER)
  V4Pact countersAsStrings(PactDslWithProvider builder) {
    PactDslJsonBody task = new PactDslJsonBody()
        .stringType("source_database", "sales")
        .stringType("target_database", "sales_olap")
        .stringType("task_name", "sales_to_starrocks")
        .stringType("status", "Yes")
        .stringType("stage", "incremental");
    MixedFields.percentage(task, "percentage", "100");
    MixedFields.stageOrNull(task, "catchup_stage", "incremental");
    MixedFields.percentageOrNull(task, "catchup_percentage", "99.5");
    task.stringMatcher("is_need_repair", "^(true|false)$", "false")
        .stringMatcher("is_main_task", "^(true|false)$", "true");

    return respond(listRequest(builder.given(STATE_ONE_TASK),
            "a list request, answered with counters as strings", INSTANCE_ID),
        200, page("1", task, 1))
        .toPact(V4Pact.class);
  }

  @Pact(consumer = CONSUMER)
  V4Pact emptyPage(PactDslWithProvider builder) {
    PactDslJsonBody body = new PactDslJsonBody();
    MixedFields.count(body, "total_count", 0);
    body.array("replications").closeArray();
    MixedFields.extTextOrNull(body, null);

    return respond(listRequest(builder.given(STATE_NO_TASKS),
            "a list request for an instance without tasks", INSTANCE_ID),
        200, body)
        .toPact(V4Pact.class);
  }

  @Pact(consumer = CONSUMER)
  V4Pact secondPage(PactDslWithProvider builder) {
    PactDslJsonBody task = new PactDslJsonBody()
        .stringType("source_database", "orders")
        .stringType("target_database", "orders_olap")
        .stringType("task_name", "orders_to_starrocks")
        .stringType("status", "Yes")
        .stringType("stage", "full");
    MixedFields.percentage(task, "percentage", "42.7");
    MixedFields.stageOrNull(task, "catchup_stage", null);
    MixedFields.percentageOrNull(task, "catchup_percentage", null);

    return respond(listRequest(builder.given(STATE_120_TASKS),
                "a request for the second page of 50 tasks", INSTANCE_ID)
            .query("offset=50&limit=50"),
        200, page("120", task, PAGE_CAP))
        .toPact(V4Pact.class);
  }

  @Pact(consumer = CONSUMER)
  V4Pact instanceNotFound(PactDslWithProvider builder) {
    return respond(listRequest(builder.given(STATE_MISSING_INSTANCE),
            "a list request for an instance that does not exist", MISSING_INSTANCE_ID),
        // The code is exact: it is how a caller tells "no such instance" from other client errors.
        400, new PactDslJsonBody()
            .stringValue("error_code", "DBS.200022")
            .stringType("error_msg", "Instance not found."))
        .toPact(V4Pact.class);
  }

  @Pact(consumer = CONSUMER)
  V4Pact internalError(PactDslWithProvider builder) {
    return respond(listRequest(builder.given(STATE_INTERNAL_ERROR),
            "a list request while the service fails", INSTANCE_ID),
        500, new PactDslJsonBody()
            // Any code: the spec types it as a string, and a caller acts on the status here, not the code.
            .stringType("error_code", "DBS.200001")
            .stringType("error_msg", "The system is busy. Try again later."))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "referencePageExample")
  void decodesCountersSentAsJsonNumbers(MockServer server) throws IOException {
    Response<ListStarRocksDataReplicationsResponse> response = firstPage(server, INSTANCE_ID);

    assertEquals(200, response.code());
    assertEquals(REQUEST_ID_EXAMPLE, response.headers().get(REQUEST_ID_HEADER));
    ListStarRocksDataReplicationsResponse page = response.body();
    assertNotNull(page);
    assertNumber(page.getTotalCount(), "1");
    assertEquals(1L, page.getTotalCount().asLong());
    assertNull(page.getExtText());
    StarRocksReplicationInfo task = onlyTask(page);
    assertEquals("source_database", task.getSourceDatabase());
    assertEquals("target_database", task.getTargetDatabase());
    assertEquals("task_name", task.getTaskName());
    assertEquals("Yes", task.getStatus());
    assertEquals("Incremental", task.getStage());
    assertNumber(task.getPercentage(), "100");
    assertEquals(100L, task.getPercentage().asLong());
    assertNull(task.getCatchupStage());
    assertNumber(task.getCatchupPercentage(), "0");
    assertEquals(0L, task.getCatchupPercentage().asLong());
  }

  @Test
  @PactTestFor(pactMethod = "countersAsStrings")
  void decodesCountersSentAsStrings(MockServer server) throws IOException {
    Response<ListStarRocksDataReplicationsResponse> response = firstPage(server, INSTANCE_ID);

    assertEquals(200, response.code());
    ListStarRocksDataReplicationsResponse page = response.body();
    assertNotNull(page);
    assertString(page.getTotalCount(), "1");
    assertEquals(1L, page.getTotalCount().asLong());
    StarRocksReplicationInfo task = onlyTask(page);
    assertString(task.getPercentage(), "100");
    assertEquals(100L, task.getPercentage().asLong());
    assertEquals("incremental", task.getCatchupStage());
    assertString(task.getCatchupPercentage(), "99.5");
    assertEquals(new BigDecimal("99.5"), task.getCatchupPercentage().asBigDecimal());
    assertTrue(task.getCatchupPercentage().toLong().isEmpty(), "99.5 is not a whole number");
    assertEquals("false", task.getIsNeedRepair());
    assertEquals("true", task.getIsMainTask());
  }

  @Test
  @PactTestFor(pactMethod = "emptyPage")
  void decodesAnEmptyPage(MockServer server) throws IOException {
    Response<ListStarRocksDataReplicationsResponse> response = firstPage(server, INSTANCE_ID);

    assertEquals(200, response.code());
    ListStarRocksDataReplicationsResponse page = response.body();
    assertNotNull(page);
    assertEquals(0L, page.getTotalCount().asLong());
    assertNotNull(page.getReplications());
    assertTrue(page.getReplications().isEmpty());
  }

  @Test
  @PactTestFor(pactMethod = "secondPage")
  void sendsOffsetAndLimitAndDecodesAFullPage(MockServer server) throws IOException {
    Response<ListStarRocksDataReplicationsResponse> response =
        api(server).listStarRocksDataReplications(PROJECT_ID, INSTANCE_ID, 50, 50, LANGUAGE)
            .execute();

    assertEquals(200, response.code());
    ListStarRocksDataReplicationsResponse page = response.body();
    assertNotNull(page);
    assertString(page.getTotalCount(), "120");
    List<StarRocksReplicationInfo> tasks = page.getReplications();
    assertEquals(PAGE_CAP, tasks.size());
    // 50 skipped + 50 received < 120: a caller paging by total_count must ask again.
    assertTrue(50 + tasks.size() < page.getTotalCount().asLong());
    StarRocksReplicationInfo task = tasks.get(0);
    assertEquals("full", task.getStage());
    assertEquals(new BigDecimal("42.7"), task.getPercentage().asBigDecimal());
    assertNull(task.getCatchupStage());
    assertNull(task.getCatchupPercentage());
  }

  @Test
  @PactTestFor(pactMethod = "instanceNotFound")
  void decodesTheInstanceNotFoundError(MockServer server) throws IOException {
    Response<ListStarRocksDataReplicationsResponse> response = firstPage(server, MISSING_INSTANCE_ID);

    assertEquals(400, response.code());
    assertNull(response.body());
    ErrorResponse error = errorBody(response);
    assertEquals("DBS.200022", error.getErrorCode());
    assertEquals("Instance not found.", error.getErrorMsg());
    assertNull(error.getRequestId());
    assertEquals(REQUEST_ID_EXAMPLE, response.headers().get(REQUEST_ID_HEADER));
  }

  @Test
  @PactTestFor(pactMethod = "internalError")
  void decodesAnInternalError(MockServer server) throws IOException {
    Response<ListStarRocksDataReplicationsResponse> response = firstPage(server, INSTANCE_ID);

    assertEquals(500, response.code());
    ErrorResponse error = errorBody(response);
    assertEquals("DBS.200001", error.getErrorCode());
    assertEquals("The system is busy. Try again later.", error.getErrorMsg());
  }

  private static PactDslJsonBody page(Object totalCount, PactDslJsonBody task, int tasks) {
    PactDslJsonBody body = new PactDslJsonBody();
    MixedFields.count(body, "total_count", totalCount);
    // No maximum: the spec sets none (the service's cap of 50 is a fact clients must not rely on).
    body.minArrayLike("replications", 1, task, tasks);
    return MixedFields.extTextOrNull(body, null);
  }

  private static StarRocksReplicationApi api(MockServer server) {
    // X-Auth-Token is a security scheme, not a parameter of the generated method: a hook adds it.
    OkHttpClient http = new OkHttpClient.Builder()
        .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
            .header(ReplicationContract.AUTH_TOKEN_HEADER, CLIENT_TOKEN).build()))
        .build();
    return new Retrofit.Builder()
        .baseUrl(server.getUrl() + "/")
        .client(http)
        .addConverterFactory(GsonConverterFactory.create())
        .build()
        .create(StarRocksReplicationApi.class);
  }

  private static Response<ListStarRocksDataReplicationsResponse> firstPage(MockServer server,
      String instanceId) throws IOException {
    return api(server)
        .listStarRocksDataReplications(PROJECT_ID, instanceId, null, null, LANGUAGE)
        .execute();
  }

  private static ErrorResponse errorBody(Response<?> response) throws IOException {
    try (ResponseBody body = response.errorBody()) {
      assertNotNull(body, "an error response carries a body");
      return new Gson().fromJson(body.string(), ErrorResponse.class);
    }
  }

  private static StarRocksReplicationInfo onlyTask(ListStarRocksDataReplicationsResponse page) {
    assertNotNull(page.getReplications());
    assertEquals(1, page.getReplications().size());
    return page.getReplications().get(0);
  }

  private static void assertNumber(NumericString value, String raw) {
    assertNotNull(value);
    assertTrue(value.isJsonNumber(), () -> value + " should have arrived as a JSON number");
    assertEquals(raw, value.raw());
  }

  private static void assertString(NumericString value, String raw) {
    assertNotNull(value);
    assertFalse(value.isJsonNumber(), () -> value + " should have arrived as a JSON string");
    assertEquals(raw, value.raw());
  }
}
