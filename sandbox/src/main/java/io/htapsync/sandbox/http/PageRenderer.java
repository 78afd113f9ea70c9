package io.htapsync.sandbox.http;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.htapsync.sandbox.CounterStyle;
import io.htapsync.sandbox.StageCasing;
import io.htapsync.sandbox.data.ReplicationTask;
import java.math.BigDecimal;
import java.util.List;

/** Renders one page of tasks the way the service does, in the configured counter style and stage casing. */
final class PageRenderer {

    private final CounterStyle counters;
    private final StageCasing stages;

    PageRenderer(CounterStyle counters, StageCasing stages) {
        this.counters = counters;
        this.stages = stages;
    }

    JsonObject render(List<ReplicationTask> page, int totalCount, String extText) {
        JsonObject body = new JsonObject();
        body.add("total_count", counters.render(BigDecimal.valueOf(totalCount)));
        JsonArray replications = new JsonArray();
        for (ReplicationTask task : page) {
            replications.add(task(task));
        }
        body.add("replications", replications);
        body.add("ext_text", extText == null ? JsonNull.INSTANCE : new JsonPrimitive(extText));
        return body;
    }

    private JsonObject task(ReplicationTask task) {
        JsonObject o = new JsonObject();
        o.addProperty("source_database", task.sourceDatabase());
        o.addProperty("target_database", task.targetDatabase());
        o.addProperty("task_name", task.taskName());
        o.addProperty("status", task.status());
        o.addProperty("stage", stages.apply(task.stage()));
        o.add("percentage", counters.render(task.percentage()));
        o.add("catchup_stage", task.catchupStage() == null ? JsonNull.INSTANCE
                : new JsonPrimitive(stages.apply(task.catchupStage())));
        o.add("catchup_percentage", task.catchupPercentage() == null ? JsonNull.INSTANCE
                : counters.render(task.catchupPercentage()));
        if (task.needRepair() != null) {
            o.addProperty("is_need_repair", task.needRepair().toString());
        }
        if (task.mainTask() != null) {
            o.addProperty("is_main_task", task.mainTask().toString());
        }
        return o;
    }
}
