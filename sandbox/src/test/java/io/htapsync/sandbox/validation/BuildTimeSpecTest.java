package io.htapsync.sandbox.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.oas.models.OpenAPI;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The JSON the sandbox parses at run time is the spec YAML in the api-spec jar, to the last rule. */
class BuildTimeSpecTest {

    private final String yaml = SpecValidator.readSpec(SpecValidator.SPEC_RESOURCE);

    @Test
    void theBuildsJsonIsTheCurrentYaml() throws IOException {
        assertEquals(BuildTimeSpec.toJson(yaml), SpecValidator.readSpec(BuildTimeSpec.JSON_RESOURCE),
                "target/classes holds a stale " + BuildTimeSpec.JSON_RESOURCE + ": run the build's process-classes");
    }

    @Test
    void jsonAndYamlGiveTheSameModel() throws IOException {
        OpenAPI fromYaml = SpecValidator.parse(yaml);
        OpenAPI fromJson = SpecValidator.parse(BuildTimeSpec.toJson(yaml));

        assertTrue(fromYaml.getPaths().size() > 0);
        assertEquals(fromYaml, fromJson);
        assertEquals(fromYaml.getComponents().getSchemas(), fromJson.getComponents().getSchemas());
    }

    @Test
    void theComparisonSeesAChangedRule() throws IOException {
        // Guards the test above: OpenAPI.equals must notice a schema change, or it proves nothing.
        String changed = yaml.replaceFirst("maxLength: 65536", "maxLength: 65535");
        assertNotEquals(yaml, changed, "the spec no longer has the rule this test changes; pick another");

        assertNotEquals(SpecValidator.parse(yaml), SpecValidator.parse(BuildTimeSpec.toJson(changed)));
    }
}
