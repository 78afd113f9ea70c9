package io.htapsync.sandbox;

import static io.htapsync.sandbox.TestHttp.get;
import static io.htapsync.sandbox.TestHttp.listPath;
import static io.htapsync.sandbox.TestHttp.send;
import static io.htapsync.sandbox.data.DemoData.OTHER_PROJECT_ID;
import static io.htapsync.sandbox.data.DemoData.SALES_INSTANCE_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.htapsync.sandbox.TestHttp.Answer;
import io.htapsync.sandbox.junit.SandboxExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The answers the sandbox gives, error by error, and the X-Request-Id on each. */
class ServiceAnswersTest {

    private static final String UNKNOWN_INSTANCE = "ffffffffffffffffffffffffffffffffin17";

    @RegisterExtension
    static SandboxExtension sandbox = SandboxExtension.builder().build();

    @Test
    void listsTheTasksOfAnInstance() {
        Answer answer = get(sandbox.baseUrl(), listPath(SALES_INSTANCE_ID));

        assertEquals(200, answer.status());
        JsonObject body = answer.json();
        assertEquals(7, body.get("total_count").getAsInt());
        JsonObject first = body.getAsJsonArray("replications").get(0).getAsJsonObject();
        assertEquals("orders_to_starrocks", first.get("task_name").getAsString());
        assertEquals("sales", first.get("source_database").getAsString());
        assertEquals("sales_olap", first.get("target_database").getAsString());
        assertEquals("Yes", first.get("status").getAsString());
        assertEquals("incremental", first.get("stage").getAsString());
        assertEquals("true", first.get("is_main_task").getAsString());
        assertTrue(body.get("ext_text").isJsonNull());
    }

    @Test
    void everyAnswerCarriesItsOwnRequestId() {
        List<Answer> answers = List.of(
                get(sandbox.baseUrl(), listPath(SALES_INSTANCE_ID)),
                get(sandbox.baseUrl(), listPath(UNKNOWN_INSTANCE)),
                send(sandbox.baseUrl(), listPath(SALES_INSTANCE_ID), "GET"),
                get(sandbox.baseUrl(), listPath(SALES_INSTANCE_ID) + "?limit=0"),
                get(sandbox.baseUrl(), "/nothing/here"));

        List<String> ids = answers.stream().map(Answer::requestId).toList();
        ids.forEach(id -> assertTrue(id != null && id.matches("[0-9a-f]{32}"), "X-Request-Id " + id));
        assertEquals(ids.size(), ids.stream().distinct().count());
        assertEquals(ids, sandbox.recordedExchanges().stream().map(RecordedExchange::requestId).toList());
    }

    @Test
    void unknownInstanceIsTheDocumentedBadRequest() {
        Answer answer = get(sandbox.baseUrl(), listPath(UNKNOWN_INSTANCE));

        assertEquals(400, answer.status());
        assertEquals("{\"error_code\":\"DBS.200022\",\"error_msg\":\"Instance not found.\"}", answer.body());
    }

    @Test
    void unknownInstanceInChinese() {
        Answer answer = send(sandbox.baseUrl(), listPath(UNKNOWN_INSTANCE), "GET",
                "X-Auth-Token", TestHttp.TOKEN, "X-Language", "zh-cn");

        assertEquals(400, answer.status());
        assertEquals("实例不存在", answer.json().get("error_msg").getAsString());
    }

    @Test
    void instanceOfAnotherProjectIsNotFound() {
        Answer answer = get(sandbox.baseUrl(), listPath(OTHER_PROJECT_ID, SALES_INSTANCE_ID));

        assertEquals(400, answer.status());
        assertEquals("DBS.200022", answer.json().get("error_code").getAsString());
    }

    @Test
    void missingTokenIsTheGatewaysUnauthorized() {
        Answer answer = send(sandbox.baseUrl(), listPath(SALES_INSTANCE_ID), "GET");

        assertEquals(401, answer.status());
        JsonObject body = answer.json();
        assertEquals("APIGW.0301", body.get("error_code").getAsString());
        assertTrue(body.get("error_msg").getAsString().startsWith("Incorrect IAM authentication information: "));
        assertEquals(answer.requestId(), body.get("request_id").getAsString());
    }

    @Test
    void blankTokenIsUnauthorized() {
        Answer answer = send(sandbox.baseUrl(), listPath(SALES_INSTANCE_ID), "GET", "X-Auth-Token", " ");

        assertEquals(401, answer.status());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "limit=0                | limit must be 1 to 100, got 0",
        "limit=101              | limit must be 1 to 100, got 101",
        "limit=abc              | limit must be an integer, 1 to 100",
        "limit=1.5              | limit must be an integer, 1 to 100",
        "limit=                 | limit must be an integer, 1 to 100",
        "limit=99999999999      | limit must be an integer, 1 to 100",
        "offset=-1              | offset must be 0 or more, got -1",
        "offset=abc             | offset must be an integer, 0 or more",
        "offset=2147483648      | offset must be 0 or more, got 2147483648",
        "limit=10&offset=x      | offset must be an integer, 0 or more"
    })
    void limitOrOffsetOutOfRangeIsAParameterError(String query, String detail) {
        Answer answer = get(sandbox.baseUrl(), listPath(SALES_INSTANCE_ID) + "?" + query);

        assertEquals(400, answer.status(), query);
        assertEquals("{\"error_code\":\"DBS.200001\",\"error_msg\":\"Parameter error.\"}", answer.body());
        assertEquals(detail, answer.header("X-Sandbox-Detail"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=1", "limit=100", "offset=0", "offset=500", "limit=50&offset=3"})
    void limitAndOffsetInRangeAreAccepted(String query) {
        assertEquals(200, get(sandbox.baseUrl(), listPath(SALES_INSTANCE_ID) + "?" + query).status(), query);
    }

    @Test
    void malformedIdsAndLanguageAreParameterErrors() {
        assertEquals(400, get(sandbox.baseUrl(), listPath("short", SALES_INSTANCE_ID)).status());
        assertEquals(400, get(sandbox.baseUrl(), listPath(SALES_INSTANCE_ID.substring(1))).status());
        Answer french = send(sandbox.baseUrl(), listPath(SALES_INSTANCE_ID), "GET",
                "X-Auth-Token", TestHttp.TOKEN, "X-Language", "fr-fr");
        assertEquals(400, french.status());
        assertEquals("DBS.200001", french.json().get("error_code").getAsString());
    }

    @Test
    void otherPathsAndMethodsAreUnknownToTheGateway() {
        Answer path = get(sandbox.baseUrl(), "/v3/projects");
        Answer method = send(sandbox.baseUrl(), listPath(SALES_INSTANCE_ID), "POST", "X-Auth-Token", TestHttp.TOKEN);

        for (Answer answer : List.of(path, method)) {
            assertEquals(404, answer.status());
            assertEquals("APIGW.0101", answer.json().get("error_code").getAsString());
            assertEquals(answer.requestId(), answer.json().get("request_id").getAsString());
        }
        Answer head = send(sandbox.baseUrl(), listPath(SALES_INSTANCE_ID), "HEAD", "X-Auth-Token", TestHttp.TOKEN);
        assertEquals(404, head.status());
        assertEquals("", head.body());
        assertTrue(head.requestId().matches("[0-9a-f]{32}"));
    }

    @Test
    void requestsThatBreakTheSpecAreRecordedAsSuch() {
        get(sandbox.baseUrl(), listPath(SALES_INSTANCE_ID) + "?limit=10");
        get(sandbox.baseUrl(), listPath(SALES_INSTANCE_ID) + "?limit=0");
        send(sandbox.baseUrl(), listPath(SALES_INSTANCE_ID), "GET");

        List<RecordedExchange> exchanges = sandbox.recordedExchanges();
        assertFalse(exchanges.get(0).requestBrokeSpec(), exchanges.get(0).requestViolations().toString());
        assertTrue(exchanges.get(1).requestViolations().stream().anyMatch(v -> v.contains("limit")),
                exchanges.get(1).requestViolations().toString());
        assertTrue(exchanges.get(2).requestViolations().stream().anyMatch(v -> v.contains("security")),
                exchanges.get(2).requestViolations().toString());
        exchanges.forEach(e -> assertTrue(e.responseChecked() && !e.responseBrokeSpec(), e.toString()));
    }
}
