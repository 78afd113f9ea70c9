package io.htapsync.sandbox.cli;

import static io.htapsync.sandbox.TestHttp.get;
import static io.htapsync.sandbox.TestHttp.listPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.htapsync.sandbox.CounterStyle;
import io.htapsync.sandbox.SandboxOptions;
import io.htapsync.sandbox.SandboxServer;
import io.htapsync.sandbox.StageCasing;
import io.htapsync.sandbox.TestHttp;
import io.htapsync.sandbox.data.DatasetFile;
import io.htapsync.sandbox.data.DatasetFormatException;
import io.htapsync.sandbox.data.DemoData;
import io.htapsync.sandbox.fault.InjectedFailure;
import io.htapsync.sandbox.fault.Outage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The standalone entry point, run in-process (the packaged jar is run by StandaloneJarIT). */
class SandboxMainTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void startsOnTheGivenPortPrintsTheUrlAnswersAndStops() throws Exception {
        int port = freePort();

        Optional<SandboxServer> started = SandboxMain.launch(
                new String[] {"--port", Integer.toString(port), "--counters", "strings", "--token", "t0ken-value"}, out);

        try (SandboxServer server = started.orElseThrow()) {
            String firstLine = printed.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
            assertEquals(SandboxMain.LISTENING + "http://127.0.0.1:" + port, firstLine);
            TestHttp.Answer answer = TestHttp.send(firstLine.substring(SandboxMain.LISTENING.length()),
                    listPath(DemoData.SALES_INSTANCE_ID), "GET", "X-Auth-Token", "t0ken-value");
            assertEquals(200, answer.status());
            assertEquals("7", answer.json().get("total_count").getAsString());
            assertFalse(printed.toString(StandardCharsets.UTF_8).contains("t0ken-value"), "token printed");
        }
        try (ServerSocket again = new ServerSocket(port)) {
            assertEquals(port, again.getLocalPort(), "the port is free again after close");
        }
    }

    @Test
    void servesADataFile(@TempDir Path dir) throws Exception {
        String instance = "0123456789abcdef0123456789abcdefin17";
        Path file = Files.writeString(dir.resolve("data.json"), "{\"instances\":[{\"instance_id\":\"" + instance
                + "\",\"replications\":[{\"source_database\":\"sales\",\"target_database\":\"sales_olap\","
                + "\"task_name\":\"sales_sync\",\"stage\":\"incremental\",\"percentage\":100}]}]}");

        try (SandboxServer server = SandboxMain.launch(new String[] {"--port=0", "--data", file.toString()}, out)
                .orElseThrow()) {
            assertEquals(1, get(server.baseUrl(), listPath(instance)).json().get("total_count").getAsInt());
            assertEquals(400, get(server.baseUrl(), listPath(DemoData.SALES_INSTANCE_ID)).status());
            assertEquals(400, get(server.baseUrl(), listPath(DemoData.PROGRESSING_INSTANCE_ID)).status(),
                    "the moving demo instances are demo data too");
        }
    }

    @Test
    void badDataFileIsNamed(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("broken.json"), "{\"instances\": [}");

        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> SandboxMain.launch(new String[] {"--data", file.toString()}, out));

        assertTrue(e.getMessage().startsWith(file + ": not valid JSON"), e.getMessage());
    }

    @Test
    void helpListsEveryOption() throws Exception {
        assertTrue(SandboxMain.launch(new String[] {"--help"}, out).isEmpty());

        String help = printed.toString(StandardCharsets.UTF_8);
        for (String option : new String[] {"--port", "--host", "--data", "--dump-demo-data", "--counters", "--stages",
            "--page-cap", "--latency-ms", "--fail-rate", "--fail-every", "--fail-with", "--retry-after", "--seed",
            "--token", "--lenient", "--progress-speed", "--progress-seed", "--fail-first", "--outage", "--help"}) {
            assertTrue(help.contains(option), option);
        }
    }

    @Test
    void dumpsTheDemoDataInTheFileFormat() throws Exception {
        assertTrue(SandboxMain.launch(new String[] {"--dump-demo-data"}, out).isEmpty());

        assertEquals(DemoData.instances(), DatasetFile.parse(printed.toString(StandardCharsets.UTF_8), "dump"));
    }

    @Test
    void everySwitchReachesTheOptions() throws Exception {
        SandboxOptions options = CommandLine.parse("--port", "9000", "--host", "0.0.0.0", "--counters", "strings",
                "--stages", "capitalized", "--page-cap", "20", "--latency-ms", "150", "--fail-rate", "0.25",
                "--fail-every", "4", "--fail-with", "429", "--retry-after", "3", "--seed", "99", "--token", "tok",
                "--lenient", "--progress-speed", "2.5", "--progress-seed", "7").options();

        assertEquals(9000, options.port());
        assertEquals("0.0.0.0", options.host());
        assertEquals(CounterStyle.STRINGS, options.counterStyle());
        assertEquals(StageCasing.CAPITALIZED, options.stageCasing());
        assertEquals(20, options.pageCap());
        assertEquals(Duration.ofMillis(150), options.latency());
        assertEquals(0.25, options.failureRate());
        assertEquals(4, options.failEvery());
        assertEquals(InjectedFailure.Kind.THROTTLED, options.failure().kind());
        assertEquals(Duration.ofSeconds(3), options.failure().retryAfter());
        assertEquals(99, options.randomSeed());
        assertEquals("tok", options.requiredToken());
        assertFalse(options.strict());
        assertEquals(2.5, options.progressSpeed());
        assertEquals(7, options.progressSeed());
    }

    @Test
    void outagesAndFirstFailuresReachTheServer() throws Exception {
        CommandLine.Parsed parsed = CommandLine.parse("--outage", "5s-20s", "--outage=1m-2m:drop", "--retry-after", "3");
        assertEquals(List.of(Outage.parse("5s-20s", Duration.ofSeconds(3)), Outage.parse("1m-2m:drop", Duration.ofSeconds(3))),
                parsed.options().outages());

        try (SandboxServer server = SandboxMain.launch(new String[] {"--port", "0", "--fail-first", "2",
            "--fail-with", "500", "--outage", "0-1h:429"}, out).orElseThrow()) {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                statuses.add(get(server.baseUrl(), listPath(DemoData.SALES_INSTANCE_ID)).status());
            }
            assertEquals(List.of(500, 500, 429), statuses);
        }
    }

    @Test
    void defaultsAreTheServicesBehaviourOnPort8080() throws Exception {
        CommandLine.Parsed parsed = CommandLine.parse();

        assertEquals(CommandLine.Action.RUN, parsed.action());
        assertEquals(8080, parsed.options().port());
        assertEquals("127.0.0.1", parsed.options().host());
        assertEquals(50, parsed.options().pageCap());
        assertTrue(parsed.options().strict());
        assertEquals(InjectedFailure.Kind.UNAVAILABLE, parsed.options().failure().kind());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--verbose                | unknown option --verbose",
        "--port                   | --port needs a value",
        "--port abc               | --port must be an integer, got \"abc\"",
        "--port 70000             | --port: port must be 0 to 65535, got 70000",
        "--counters maybe         | --counters: counters must be numbers or strings, got \"maybe\"",
        "--stages upper           | --stages: stage casing must be lower or capitalized, got \"upper\"",
        "--fail-rate 2            | --fail-rate: failure rate must be between 0 and 1, got 2.0",
        "--fail-with 418          | --fail-with / --retry-after: failure kind must be 503, 429, 500 or drop, got \"418\"",
        "--page-cap 0             | --page-cap: page cap must be at least 1, got 0",
        "--progress-speed -1      | --progress-speed: progress speed must be a finite number, 0 or more, got -1.0",
        "--progress-seed x        | --progress-seed must be an integer, got \"x\"",
        "--lenient=yes            | --lenient takes no value",
        "--outage 20s             | --outage: an outage is FROM-TO[:KIND], e.g. 5s-20s or 0-1500ms:drop, got \"20s\"",
        "--fail-first -1          | --fail-first must be 0 or more, got -1",
        "stray                    | unexpected argument \"stray\""
    })
    void badArgumentsAreNamed(String args, String message) {
        UsageException e = assertThrows(UsageException.class, () -> CommandLine.parse(args.split(" ")));

        assertEquals(message, e.getMessage());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
