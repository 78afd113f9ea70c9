package io.htapsync.sandbox.cli;

import static io.htapsync.sandbox.TestHttp.get;
import static io.htapsync.sandbox.TestHttp.listPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.htapsync.sandbox.TestHttp;
import io.htapsync.sandbox.data.DemoData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs the packaged self-contained jar the way users do: {@code java -jar target/htapsync-sandbox.jar}. */
class StandaloneJarIT {

    private static final Path JAR = Path.of(System.getProperty("sandbox.standalone.jar",
            "target/htapsync-sandbox.jar"));
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @Test
    void jarStartsPrintsItsUrlAnswersAndStops() throws Exception {
        assertTrue(Files.isRegularFile(JAR), JAR + " missing: run the package phase first");
        Process process = new ProcessBuilder(JAVA, "-jar", JAR.toString(), "--port", "0", "--stages", "capitalized")
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String firstLine = out.readLine();
            assertTrue(firstLine != null && firstLine.startsWith(SandboxMain.LISTENING), "first line: " + firstLine);
            String baseUrl = firstLine.substring(SandboxMain.LISTENING.length());

            TestHttp.Answer answer = get(baseUrl, listPath(DemoData.SALES_INSTANCE_ID));

            assertEquals(200, answer.status());
            assertEquals("Incremental", answer.json().getAsJsonArray("replications").get(0).getAsJsonObject()
                    .get("stage").getAsString());
            assertTrue(answer.requestId().matches("[0-9a-f]{32}"));
        } finally {
            process.destroy();
            assertTrue(process.waitFor(10, TimeUnit.SECONDS), "sandbox did not stop on SIGTERM");
        }
    }

    @Test
    void versionAndHelpExit0() throws IOException, InterruptedException {
        Process version = new ProcessBuilder(JAVA, "-jar", JAR.toString(), "--version").redirectErrorStream(true).start();
        List<String> versionOutput = new BufferedReader(new InputStreamReader(version.getInputStream(),
                StandardCharsets.UTF_8)).lines().toList();
        Process help = new ProcessBuilder(JAVA, "-jar", JAR.toString(), "--help").redirectErrorStream(true).start();
        List<String> helpOutput = new BufferedReader(new InputStreamReader(help.getInputStream(),
                StandardCharsets.UTF_8)).lines().toList();

        assertTrue(version.waitFor(10, TimeUnit.SECONDS) && help.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, version.exitValue());
        assertEquals(List.of("htapsync-sandbox " + System.getProperty("project.version", "0.1.0-SNAPSHOT")),
                versionOutput, "the version comes from the jar's manifest");
        assertEquals(0, help.exitValue());
        assertEquals("Usage: java -jar htapsync-sandbox.jar [OPTIONS]", helpOutput.get(0));
    }

    @Test
    void badArgumentExitsWith2AndSaysWhy() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(JAVA, "-jar", JAR.toString(), "--counters", "maybe")
                .redirectErrorStream(true)
                .start();
        List<String> output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)).lines().toList();

        assertTrue(process.waitFor(10, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue());
        assertEquals("htapsync-sandbox: --counters: counters must be numbers or strings, got \"maybe\"", output.get(0));
    }
}
