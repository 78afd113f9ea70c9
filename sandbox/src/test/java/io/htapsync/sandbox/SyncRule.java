package io.htapsync.sandbox;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.math.BigDecimal;

/**
 * The client's "synced" rule, read from a response body, for the sandbox's own tests (the sandbox's
 * tests do not go through the client): tasks present, every one incremental with no catch-up running
 * or its catch-up incremental at 100 %.
 */
final class SyncRule {

    private SyncRule() {
    }

    static boolean synced(JsonObject body) {
        if (body.getAsJsonArray("replications").isEmpty()) {
            return false;
        }
        for (JsonElement e : body.getAsJsonArray("replications")) {
            JsonObject task = e.getAsJsonObject();
            boolean incremental = task.get("stage").getAsString().equalsIgnoreCase("incremental");
            boolean catchupDone = task.get("catchup_stage").isJsonNull()
                    || task.get("catchup_stage").getAsString().equalsIgnoreCase("incremental")
                    && task.get("catchup_percentage").getAsBigDecimal().compareTo(BigDecimal.valueOf(100)) == 0;
            if (!incremental || !catchupDone) {
                return false;
            }
        }
        return true;
    }
}
