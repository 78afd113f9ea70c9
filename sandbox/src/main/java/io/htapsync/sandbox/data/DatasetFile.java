package io.htapsync.sandbox.data;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads and writes the dataset file format (documented in the module's README):
 * <pre>{@code
 * {"instances": [
 *   {"project_id": "...32 letters/digits... (optional: omit to answer under any project)",
 *    "instance_id": "...36 letters/digits...",
 *    "ext_text": null,
 *    "replications": [
 *      {"source_database": "sales", "target_database": "sales_olap", "task_name": "sales_to_starrocks",
 *       "status": "Yes", "stage": "incremental", "percentage": 100,
 *       "catchup_stage": null, "catchup_percentage": null,
 *       "is_need_repair": false, "is_main_task": true}]}]}
 * }</pre>
 * Percentages may be JSON numbers or numeric strings; how they are sent is a server switch. Unknown
 * fields are rejected, so that a typo does not silently drop a value.
 */
public final class DatasetFile {

    private static final Set<String> ROOT_FIELDS = Set.of("instances");
    private static final Set<String> INSTANCE_FIELDS = Set.of("project_id", "instance_id", "ext_text", "replications");
    private static final Set<String> TASK_FIELDS = Set.of("source_database", "target_database", "task_name", "status",
            "stage", "percentage", "catchup_stage", "catchup_percentage", "is_need_repair", "is_main_task");
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private DatasetFile() {
    }

    /** Reads a dataset file; every problem is a {@link DatasetFormatException} naming the file. */
    public static List<StarRocksInstance> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new DatasetFormatException(file + ": no such file");
        } catch (IOException e) {
            throw new DatasetFormatException(file + ": cannot read: " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /** Parses dataset text; {@code source} names it in error messages. */
    public static List<StarRocksInstance> parse(String json, String source) {
        JsonElement root = parseStrictly(new StringReader(json), source);
        JsonObject rootObject = object(root, source, "(top level)");
        checkFields(rootObject, ROOT_FIELDS, source, "(top level)");
        JsonArray instances = array(required(rootObject, "instances", source, "(top level)"), source, "instances");
        List<StarRocksInstance> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < instances.size(); i++) {
            String where = "instances[" + i + "]";
            StarRocksInstance instance = instance(object(instances.get(i), source, where), source, where);
            if (!seen.add(instance.instanceId())) {
                throw problem(source, where + ".instance_id", "instance " + instance.instanceId() + " appears twice");
            }
            result.add(instance);
        }
        return List.copyOf(result);
    }

    /** Writes instances in the file format (percentages as JSON numbers), e.g. to start a custom file. */
    public static String toJson(List<StarRocksInstance> instances) {
        JsonArray array = new JsonArray();
        for (StarRocksInstance instance : instances) {
            JsonObject o = new JsonObject();
            o.add("project_id", instance.projectId() == null ? JsonNull.INSTANCE : new JsonPrimitive(instance.projectId()));
            o.addProperty("instance_id", instance.instanceId());
            o.add("ext_text", instance.extText() == null ? JsonNull.INSTANCE : new JsonPrimitive(instance.extText()));
            JsonArray tasks = new JsonArray();
            for (ReplicationTask task : instance.tasks()) {
                JsonObject t = new JsonObject();
                t.addProperty("source_database", task.sourceDatabase());
                t.addProperty("target_database", task.targetDatabase());
                t.addProperty("task_name", task.taskName());
                t.addProperty("status", task.status());
                t.addProperty("stage", task.stage());
                t.addProperty("percentage", task.percentage());
                t.add("catchup_stage", task.catchupStage() == null ? JsonNull.INSTANCE : new JsonPrimitive(task.catchupStage()));
                t.add("catchup_percentage",
                        task.catchupPercentage() == null ? JsonNull.INSTANCE : new JsonPrimitive(task.catchupPercentage()));
                if (task.needRepair() != null) {
                    t.addProperty("is_need_repair", task.needRepair());
                }
                if (task.mainTask() != null) {
                    t.addProperty("is_main_task", task.mainTask());
                }
                tasks.add(t);
            }
            o.add("replications", tasks);
            array.add(o);
        }
        JsonObject root = new JsonObject();
        root.add("instances", array);
        return new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(root);
    }

    private static JsonElement parseStrictly(Reader reader, String source) {
        try (JsonReader json = new JsonReader(reader)) {
            json.setStrictness(Strictness.STRICT);
            JsonElement element = JsonParser.parseReader(json);
            if (json.peek() != JsonToken.END_DOCUMENT) {
                throw new DatasetFormatException(source + ": not valid JSON: unexpected data after the top-level value");
            }
            return element;
        } catch (JsonParseException | IOException e) {
            throw new DatasetFormatException(source + ": not valid JSON: " + e.getMessage(), e);
        }
    }

    private static StarRocksInstance instance(JsonObject o, String source, String where) {
        checkFields(o, INSTANCE_FIELDS, source, where);
        String projectId = optionalString(o, "project_id", source, where);
        String instanceId = string(required(o, "instance_id", source, where), source, where + ".instance_id");
        String extText = optionalString(o, "ext_text", source, where);
        JsonArray tasksJson = array(required(o, "replications", source, where), source, where + ".replications");
        List<ReplicationTask> tasks = new ArrayList<>();
        for (int i = 0; i < tasksJson.size(); i++) {
            String taskWhere = where + ".replications[" + i + "]";
            tasks.add(task(object(tasksJson.get(i), source, taskWhere), source, taskWhere));
        }
        try {
            return new StarRocksInstance(projectId, instanceId, extText, tasks);
        } catch (IllegalArgumentException e) {
            throw problem(source, where, e.getMessage());
        }
    }

    private static ReplicationTask task(JsonObject o, String source, String where) {
        checkFields(o, TASK_FIELDS, source, where);
        String status = optionalString(o, "status", source, where);
        try {
            return new ReplicationTask(
                    string(required(o, "source_database", source, where), source, where + ".source_database"),
                    string(required(o, "target_database", source, where), source, where + ".target_database"),
                    string(required(o, "task_name", source, where), source, where + ".task_name"),
                    status == null ? "Yes" : status,
                    string(required(o, "stage", source, where), source, where + ".stage"),
                    decimal(required(o, "percentage", source, where), source, where + ".percentage"),
                    optionalString(o, "catchup_stage", source, where),
                    o.has("catchup_percentage") && !o.get("catchup_percentage").isJsonNull()
                            ? decimal(o.get("catchup_percentage"), source, where + ".catchup_percentage") : null,
                    optionalBoolean(o, "is_need_repair", source, where),
                    optionalBoolean(o, "is_main_task", source, where));
        } catch (IllegalArgumentException e) {
            throw problem(source, where, e.getMessage());
        }
    }

    private static void checkFields(JsonObject o, Set<String> known, String source, String where) {
        for (String key : o.keySet()) {
            if (!known.contains(key)) {
                throw problem(source, where, "unknown field \"" + key + "\" (known fields: "
                        + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
    }

    private static JsonElement required(JsonObject o, String field, String source, String where) {
        JsonElement value = o.get(field);
        if (value == null || value.isJsonNull()) {
            throw problem(source, where, "missing required field \"" + field + "\"");
        }
        return value;
    }

    private static JsonObject object(JsonElement e, String source, String where) {
        if (!e.isJsonObject()) {
            throw problem(source, where, "expected a JSON object, got " + e);
        }
        return e.getAsJsonObject();
    }

    private static JsonArray array(JsonElement e, String source, String where) {
        if (!e.isJsonArray()) {
            throw problem(source, where, "expected a JSON array, got " + e);
        }
        return e.getAsJsonArray();
    }

    private static String string(JsonElement e, String source, String where) {
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw problem(source, where, "expected a string, got " + e);
        }
        return e.getAsString();
    }

    private static String optionalString(JsonObject o, String field, String source, String where) {
        JsonElement value = o.get(field);
        return value == null || value.isJsonNull() ? null : string(value, source, where + "." + field);
    }

    private static Boolean optionalBoolean(JsonObject o, String field, String source, String where) {
        JsonElement value = o.get(field);
        if (value == null || value.isJsonNull()) {
            return null;
        }
        if (value.isJsonPrimitive()) {
            JsonPrimitive p = value.getAsJsonPrimitive();
            if (p.isBoolean()) {
                return p.getAsBoolean();
            }
            if (p.isString() && (p.getAsString().equals("true") || p.getAsString().equals("false"))) {
                return Boolean.valueOf(p.getAsString());
            }
        }
        throw problem(source, where + "." + field, "expected true, false, \"true\" or \"false\", got " + value);
    }

    private static BigDecimal decimal(JsonElement e, String source, String where) {
        if (e.isJsonPrimitive()) {
            JsonPrimitive p = e.getAsJsonPrimitive();
            if (p.isNumber()) {
                return p.getAsBigDecimal();
            }
            if (p.isString() && DECIMAL.matcher(p.getAsString()).matches()) {
                return new BigDecimal(p.getAsString());
            }
        }
        throw problem(source, where, "expected a number or a numeric string such as 99.5 or \"99.5\", got " + e);
    }

    private static DatasetFormatException problem(String source, String where, String what) {
        return new DatasetFormatException(source + ": " + where + ": " + what);
    }
}
