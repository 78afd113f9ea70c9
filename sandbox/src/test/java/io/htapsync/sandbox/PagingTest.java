package io.htapsync.sandbox;

import static io.htapsync.sandbox.TestHttp.get;
import static io.htapsync.sandbox.TestHttp.listPath;
import static io.htapsync.sandbox.data.DemoData.WAREHOUSE_INSTANCE_ID;
import static io.htapsync.sandbox.data.DemoData.WAREHOUSE_TASK_COUNT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.htapsync.sandbox.junit.SandboxExtension;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Offset/limit paging over the 123-task demo instance, with the service's 50-per-page cap. */
class PagingTest {

    @RegisterExtension
    static SandboxExtension sandbox = SandboxExtension.builder().build();

    @ParameterizedTest(name = "{0} -> {1} tasks from shard {2}")
    @CsvSource({
        "'',                     50, 1",
        "?limit=100,             50, 1",
        "?limit=10,              10, 1",
        "?limit=10&offset=5,     10, 6",
        "?offset=100,            23, 101",
        "?offset=100&limit=100,  23, 101",
        "?offset=122,             1, 123",
        "?offset=123,             0, 0",
        "?offset=5000,            0, 0"
    })
    void pageHoldsAtMostLimitAndAtMostTheCap(String query, int expectedSize, int firstShard) {
        JsonObject body = get(sandbox.baseUrl(), listPath(WAREHOUSE_INSTANCE_ID) + query).json();

        assertEquals(WAREHOUSE_TASK_COUNT, body.get("total_count").getAsInt());
        JsonArray page = body.getAsJsonArray("replications");
        assertEquals(expectedSize, page.size());
        if (expectedSize > 0) {
            assertEquals(String.format("shard_%03d_sync", firstShard),
                    page.get(0).getAsJsonObject().get("task_name").getAsString());
        }
    }

    @Test
    void advancingOffsetByThePageSizeReadsEveryTaskOnce() {
        Set<String> names = new LinkedHashSet<>();
        List<Integer> pageSizes = new ArrayList<>();
        int offset = 0;
        while (true) {
            JsonArray page = get(sandbox.baseUrl(), listPath(WAREHOUSE_INSTANCE_ID) + "?limit=100&offset=" + offset)
                    .json().getAsJsonArray("replications");
            if (page.isEmpty()) {
                break;
            }
            pageSizes.add(page.size());
            for (JsonElement task : page) {
                names.add(task.getAsJsonObject().get("task_name").getAsString());
            }
            offset += page.size();
        }

        assertEquals(List.of(50, 50, 23), pageSizes);
        assertEquals(WAREHOUSE_TASK_COUNT, names.size());
    }

    /** Two more sandboxes, one without the cap and one with a tighter one. */
    @Nested
    class PageCapIsASwitch {

        @RegisterExtension
        SandboxExtension uncapped = SandboxExtension.builder().options(SandboxOptions.builder().pageCap(100).build())
                .build();
        @RegisterExtension
        SandboxExtension tight = SandboxExtension.builder().options(SandboxOptions.builder().pageCap(7).build()).build();

        @Test
        void capsThePage() {
            assertEquals(100, get(uncapped.baseUrl(), listPath(WAREHOUSE_INSTANCE_ID) + "?limit=100")
                    .json().getAsJsonArray("replications").size());
            assertEquals(7, get(tight.baseUrl(), listPath(WAREHOUSE_INSTANCE_ID) + "?limit=10")
                    .json().getAsJsonArray("replications").size());
        }
    }
}
