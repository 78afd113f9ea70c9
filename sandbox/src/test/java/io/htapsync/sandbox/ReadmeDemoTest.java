package io.htapsync.sandbox;

import static io.htapsync.sandbox.TestHttp.get;
import static io.htapsync.sandbox.TestHttp.listPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.htapsync.sandbox.data.DemoData;
import io.htapsync.sandbox.data.SimulatedInstance;
import io.htapsync.sandbox.data.StarRocksInstance;
import io.htapsync.sandbox.junit.SandboxExtension;
import io.htapsync.sandbox.time.ManualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The project README's demo works on the sandbox's demo data: the Quickstart's project is a demo
 * project, and its embedded-sandbox {@code watch --until-synced} lines end (the instance reaches synced
 * under the project the CLI uses by default, within 20 s at the default speed).
 */
class ReadmeDemoTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Pattern PROJECT_ID_CALL = Pattern.compile("\\.projectId\\(\"([^\"]*)\"\\)");
    private static final Pattern INSTANCE_OPTION = Pattern.compile("--instance[ =]([A-Za-z0-9]{36})\\b");
    private static final Duration README_PROMISE = Duration.ofSeconds(20);
    private static final ManualClock CLOCK = new ManualClock();

    @RegisterExtension
    static SandboxExtension sandbox = SandboxExtension.builder()
            .options(SandboxOptions.builder().clock(CLOCK).build()).build();

    @Test
    void theQuickstartsProjectIsADemoProject() throws IOException {
        String quickstart = section("## Quickstart");
        Matcher call = PROJECT_ID_CALL.matcher(quickstart);
        List<String> projects = new ArrayList<>();
        while (call.find()) {
            projects.add(call.group(1));
        }

        assertFalse(projects.isEmpty(), "no .projectId(\"...\") in the Quickstart");
        Set<String> demoProjects = Stream.concat(DemoData.instances().stream().map(StarRocksInstance::projectId),
                DemoData.simulatedInstances().stream().map(SimulatedInstance::projectId)).collect(Collectors.toSet());
        for (String project : projects) {
            assertTrue(demoProjects.contains(project), "Quickstart project " + project + " is not a demo project "
                    + demoProjects);
        }
    }

    @Test
    void everyEmbeddedUntilSyncedLineReachesSyncedUnderTheDefaultProject() throws IOException {
        List<String> instances = embeddedUntilSyncedInstances();
        assertFalse(instances.isEmpty(), "the README has no embedded-sandbox watch --until-synced line");

        CLOCK.advance(README_PROMISE);
        for (String instance : instances) {
            TestHttp.Answer answer = get(sandbox.baseUrl(), listPath(DemoData.PROJECT_ID, instance));
            assertEquals(200, answer.status(), instance + " under the default project " + DemoData.PROJECT_ID);
            assertTrue(SyncRule.synced(answer.json()), instance + " is not synced " + README_PROMISE + " after start");
        }
    }

    /** Instances of README command lines that use the embedded sandbox (no --endpoint, --region or --project). */
    private static List<String> embeddedUntilSyncedInstances() throws IOException {
        List<String> instances = new ArrayList<>();
        for (String line : Files.readAllLines(README)) {
            boolean embedded = !line.contains("--endpoint") && !line.contains("--region") && !line.contains("--project");
            if (line.startsWith("java -jar cli/target/htapsync.jar") && line.contains(" watch ")
                    && line.contains("--until-synced") && embedded) {
                Matcher instance = INSTANCE_OPTION.matcher(line);
                if (instance.find()) { // not the synopsis line with its ID placeholder
                    instances.add(instance.group(1));
                }
            }
        }
        return instances;
    }

    private static String section(String heading) throws IOException {
        String readme = Files.readString(README);
        int start = readme.indexOf("\n" + heading + "\n");
        assertTrue(start >= 0, heading + " missing from " + README.toAbsolutePath());
        int end = readme.indexOf("\n## ", start + heading.length() + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }
}
