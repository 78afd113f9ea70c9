package io.htapsync.sandbox.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.parser.ObjectMapperFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run by the build (exec-maven-plugin, process-classes): writes the spec YAML from the
 * htapsync-api-spec jar as JSON, the tree swagger-parser's own YAML reader makes of it, into the
 * sandbox's classes. At run time the sandbox parses that JSON instead of the YAML, which skips the
 * YAML reader's start-up (about 140 classes); {@code BuildTimeSpecTest} proves both give the same model.
 */
public final class BuildTimeSpec {

    /** Where the JSON goes on the classpath. */
    public static final String JSON_RESOURCE = "io/htapsync/sandbox/validation/starrocks-replication.json";

    private BuildTimeSpec() {
    }

    /** @param args the classes directory to write {@link #JSON_RESOURCE} into */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: BuildTimeSpec CLASSES_DIRECTORY");
        }
        Path out = Path.of(args[0]).resolve(JSON_RESOURCE);
        Files.createDirectories(out.getParent());
        Files.writeString(out, toJson(SpecValidator.readSpec(SpecValidator.SPEC_RESOURCE)));
    }

    /** The YAML as the parser's own YAML mapper reads it, written as JSON. */
    static String toJson(String yaml) throws IOException {
        JsonNode tree = ObjectMapperFactory.createYaml().readTree(yaml);
        return ObjectMapperFactory.createJson().writeValueAsString(tree);
    }
}
