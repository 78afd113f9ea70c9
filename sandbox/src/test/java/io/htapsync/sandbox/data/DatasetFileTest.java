package io.htapsync.sandbox.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The dataset file format: what it accepts, and the error for each way it can be wrong. */
class DatasetFileTest {

    private static final String INSTANCE = "0123456789abcdef0123456789abcdefin17";
    private static final String TASK = "{\"source_database\":\"sales\",\"target_database\":\"sales_olap\","
            + "\"task_name\":\"sales_sync\",\"stage\":\"incremental\",\"percentage\":100}";

    @Test
    void demoDataSurvivesAWriteAndARead() {
        String json = DatasetFile.toJson(DemoData.instances());

        assertEquals(DemoData.instances(), DatasetFile.parse(json, "demo.json"));
    }

    @Test
    void minimalFileUsesDefaults() {
        List<StarRocksInstance> instances = DatasetFile.parse(
                "{\"instances\":[{\"instance_id\":\"" + INSTANCE + "\",\"replications\":[" + TASK + "]}]}", "f.json");

        StarRocksInstance instance = instances.get(0);
        assertNull(instance.projectId(), "no project_id: visible under any project");
        assertTrue(instance.visibleTo("ffffffffffffffffffffffffffffffff"));
        ReplicationTask task = instance.tasks().get(0);
        assertEquals("Yes", task.status());
        assertNull(task.catchupStage());
        assertNull(task.catchupPercentage());
        assertNull(task.mainTask());
    }

    @Test
    void countersMayBeNumbersOrNumericStrings() {
        String task = "{\"source_database\":\"a_db\",\"target_database\":\"b_db\",\"task_name\":\"t_1\","
                + "\"stage\":\"Incremental\",\"percentage\":\"99.5\",\"catchup_stage\":\"full\","
                + "\"catchup_percentage\":12,\"is_need_repair\":\"true\",\"is_main_task\":false}";
        ReplicationTask parsed = DatasetFile.parse(
                "{\"instances\":[{\"instance_id\":\"" + INSTANCE + "\",\"replications\":[" + task + "]}]}", "f.json")
                .get(0).tasks().get(0);

        assertEquals(new BigDecimal("99.5"), parsed.percentage());
        assertEquals(new BigDecimal("12"), parsed.catchupPercentage());
        assertEquals("Incremental", parsed.stage());
        assertEquals(Boolean.TRUE, parsed.needRepair());
        assertEquals(Boolean.FALSE, parsed.mainTask());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "{\"instances\": [}                                               | f.json: not valid JSON",
        "{\"instances\": []} trailing                                     | f.json: not valid JSON",
        "{\"instances\": [], \"instances\": []} x                         | f.json: not valid JSON",
        "[]                                                               | f.json: (top level): expected a JSON object",
        "{}                                                               | f.json: (top level): missing required field \"instances\"",
        "{\"instance\": []}                                               | f.json: (top level): unknown field \"instance\"",
        "{\"instances\": {}}                                              | f.json: instances: expected a JSON array",
        "{\"instances\": [{\"instance_id\": \"abc\", \"replications\": []}]} | f.json: instances[0]: instance_id must be 36 letters and digits",
        "{\"instances\": [{\"instance_id\": 5, \"replications\": []}]}       | f.json: instances[0].instance_id: expected a string",
        "{\"instances\": [{\"instance_id\": \"0123456789abcdef0123456789abcdefin17\"}]} | f.json: instances[0]: missing required field \"replications\"",
        "{\"instances\": [{\"project_id\": \"p1\", \"instance_id\": \"0123456789abcdef0123456789abcdefin17\", \"replications\": []}]} | f.json: instances[0]: project_id must be 32 letters and digits",
        "{\"instances\": [{\"instance_id\": \"0123456789abcdef0123456789abcdefin17\", \"replications\": []}, {\"instance_id\": \"0123456789abcdef0123456789abcdefin17\", \"replications\": []}]} | f.json: instances[1].instance_id: instance 0123456789abcdef0123456789abcdefin17 appears twice",
        "{\"instances\": [{\"instance_id\": \"0123456789abcdef0123456789abcdefin17\", \"ext_text\": \"01234567890\", \"replications\": []}]} | f.json: instances[0]: ext_text must be at most 10 characters"
    })
    void badFileNamesTheProblem(String json, String expectedStart) {
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> DatasetFile.parse(json, "f.json"));

        assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "\"persentage\": 1                  | instances[0].replications[0]: unknown field \"persentage\"",
        "\"percentage\": \"abc\"            | instances[0].replications[0].percentage: expected a number or a numeric string",
        "\"percentage\": \"1e2\"            | instances[0].replications[0].percentage: expected a number or a numeric string",
        "\"percentage\": 101                | instances[0].replications[0]: percentage must be between 0 and 100, got 101",
        "\"catchup_percentage\": -1         | instances[0].replications[0]: catchup_percentage must be between 0 and 100",
        "\"stage\": \"in progress\"         | instances[0].replications[0]: stage must be one word",
        "\"task_name\": \"\"                | instances[0].replications[0]: task_name must be a non-blank string",
        "\"is_main_task\": \"yes\"          | instances[0].replications[0].is_main_task: expected true, false",
        "\"status\": 1                      | instances[0].replications[0].status: expected a string"
    })
    void badTaskNamesTheFieldAndPlace(String override, String expectedAfterSource) {
        JsonObject task = JsonParser.parseString(TASK).getAsJsonObject();
        JsonParser.parseString("{" + override + "}").getAsJsonObject().entrySet()
                .forEach(field -> task.add(field.getKey(), field.getValue()));
        String json = "{\"instances\":[{\"instance_id\":\"" + INSTANCE + "\",\"replications\":[" + task + "]}]}";

        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> DatasetFile.parse(json, "f.json"));

        assertTrue(e.getMessage().startsWith("f.json: " + expectedAfterSource), e.getMessage() + "\n  for " + json);
    }

    @Test
    void missingOrUnreadableFileIsNamed(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("nope.json");
        assertEquals(missing + ": no such file",
                assertThrows(DatasetFormatException.class, () -> DatasetFile.read(missing)).getMessage());

        Path file = Files.writeString(dir.resolve("data.json"),
                "{\"instances\":[{\"instance_id\":\"" + INSTANCE + "\",\"replications\":[" + TASK + "]}]}");
        assertEquals(1, DatasetFile.read(file).get(0).tasks().size());
    }
}
