package io.htapsync.sandbox.cli;

import static io.htapsync.sandbox.TestHttp.get;
import static io.htapsync.sandbox.TestHttp.listPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.htapsync.sandbox.CounterStyle;
import io.htapsync.sandbox.SandboxOptions;
import io.htapsync.sandbox.SandboxServer;
import io.htapsync.sandbox.StageCasing;
import io.htapsync.sandbox.TestHttp;
import io.htapsync.sandbox.data.DatasetFile;
import io.htapsync.sandbox.data.DemoData;
import io.htapsync.sandbox.fault.InjectedFailure;
import io.htapsync.sandbox.fault.Outage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** The standalone entry point, run in-process (the packaged jar is run by StandaloneJarIT). */
class SandboxMainTest {

    private final StringWriter printed = new StringWriter();
    private final StringWriter errors = new StringWriter();
    private final PrintWriter out = new PrintWriter(printed, true);
    private final PrintWriter err = new PrintWriter(errors, true);

    @Test
    void startsOnTheGivenPortPrintsTheUrlAnswersAndStops() throws Exception {
        int port = freePort();

        SandboxMain.Launch started = SandboxMain.launch(
                new String[] {"--port", Integer.toString(port), "--counters", "strings", "--token", "t0ken-value"}, out, err);

        assertEquals(0, started.exitCode());
        try (SandboxServer server = started.server()) {
            String firstLine = printed.toString().lines().findFirst().orElseThrow();
            assertEquals(SandboxMain.LISTENING + "http://127.0.0.1:" + port, firstLine);
            TestHttp.Answer answer = TestHttp.send(firstLine.substring(SandboxMain.LISTENING.length()),
                    listPath(DemoData.SALES_INSTANCE_ID), "GET", "X-Auth-Token", "t0ken-value");
            assertEquals(200, answer.status());
            assertEquals("7", answer.json().get("total_count").getAsString());
            assertFalse(printed.toString().contains("t0ken-value"), "token printed");
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

        try (SandboxServer server = SandboxMain.launch(new String[] {"--port=0", "--data", file.toString()}, out, err)
                .server()) {
            assertEquals(1, get(server.baseUrl(), listPath(instance)).json().get("total_count").getAsInt());
            assertEquals(400, get(server.baseUrl(), listPath(DemoData.SALES_INSTANCE_ID)).status());
            assertEquals(400, get(server.baseUrl(), listPath(DemoData.PROGRESSING_INSTANCE_ID)).status(),
                    "the moving demo instances are demo data too");
        }
    }

    @Test
    void badDataFileIsNamed(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("broken.json"), "{\"instances\": [}");

        SandboxMain.Launch launch = SandboxMain.launch(new String[] {"--data", file.toString()}, out, err);

        assertEquals(2, launch.exitCode());
        assertNull(launch.server());
        assertTrue(errors.toString().startsWith("htapsync-sandbox: " + file + ": not valid JSON"), errors.toString());
    }

    @Test
    void helpListsEveryOption() {
        assertEquals(new SandboxMain.Launch(0, null), SandboxMain.launch(new String[] {"--help"}, out, err));

        String help = printed.toString();
        for (String option : new String[] {"--port", "--host", "--data", "--dump-demo-data", "--counters", "--stages",
            "--page-cap", "--latency-ms", "--fail-rate", "--fail-every", "--fail-with", "--retry-after", "--seed",
            "--token", "--lenient", "--progress-speed", "--progress-seed", "--fail-first", "--outage", "--help",
            "--version"}) {
            assertTrue(help.contains(option), option);
        }
        assertTrue(help.startsWith("Usage: java -jar htapsync-sandbox.jar [OPTIONS]"), help);
        assertTrue(help.contains("Exit codes: 0"), help);
        assertEquals("", errors.toString(), "help writes nothing to stderr");
    }

    @Test
    void versionIsPrinted() {
        assertEquals(new SandboxMain.Launch(0, null), SandboxMain.launch(new String[] {"--version"}, out, err));

        assertTrue(printed.toString().matches("htapsync-sandbox \\S+\\R"), printed.toString());
        assertEquals("", errors.toString());
    }

    @Test
    void aPortInUseIsExit1AndSaysWhich() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            SandboxMain.Launch launch = SandboxMain.launch(
                    new String[] {"--port", Integer.toString(taken.getLocalPort())}, out, err);

            assertEquals(1, launch.exitCode());
            assertTrue(errors.toString().startsWith("htapsync-sandbox: cannot listen on 127.0.0.1:"
                    + taken.getLocalPort()), errors.toString());
        }
    }

    @Test
    void dumpsTheDemoDataInTheFileFormat() {
        assertEquals(new SandboxMain.Launch(0, null), SandboxMain.launch(new String[] {"--dump-demo-data"}, out, err));

        assertEquals(DemoData.instances(), DatasetFile.parse(printed.toString(), "dump"));
    }

    @Test
    void everySwitchReachesTheOptions() throws Exception {
        SandboxOptions options = parse("--port", "9000", "--host", "0.0.0.0", "--counters", "strings",
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
        SandboxCommand parsed = parse("--outage", "5s-20s", "--outage=1m-2m:drop", "--retry-after", "3");
        assertEquals(List.of(Outage.parse("5s-20s", Duration.ofSeconds(3)), Outage.parse("1m-2m:drop", Duration.ofSeconds(3))),
                parsed.options().outages());

        try (SandboxServer server = SandboxMain.launch(new String[] {"--port", "0", "--fail-first", "2",
            "--fail-with", "500", "--outage", "0-1h:429"}, out, err).server()) {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                statuses.add(get(server.baseUrl(), listPath(DemoData.SALES_INSTANCE_ID)).status());
            }
            assertEquals(List.of(500, 500, 429), statuses);
        }
    }

    @Test
    void defaultsAreTheServicesBehaviourOnPort8080() throws Exception {
        SandboxOptions parsed = parse().options();
        SandboxOptions defaults = SandboxOptions.defaults();

        assertEquals(8080, parsed.port());
        assertEquals("127.0.0.1", parsed.host());
        assertEquals(50, parsed.pageCap());
        assertTrue(parsed.strict());
        assertEquals(InjectedFailure.unavailable(Duration.ofSeconds(1)), parsed.failure());
        assertEquals(defaults.toString().replace("port=0", "port=8080"), parsed.toString(),
                "every other option is the library's default");
        assertEquals(defaults.simulatedInstances(), parsed.simulatedInstances());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--verbose                | Unknown option: '--verbose'",
        "--port                   | Missing required parameter for option '--port' (N)",
        "--port abc               | Invalid value for option '--port': 'abc' is not an int",
        "--port 70000             | --port: port must be 0 to 65535, got 70000",
        "--counters maybe         | --counters: counters must be numbers or strings, got \"maybe\"",
        "--stages upper           | --stages: stage casing must be lower or capitalized, got \"upper\"",
        "--fail-rate 2            | --fail-rate: failure rate must be between 0 and 1, got 2.0",
        "--fail-with 418          | --fail-with / --retry-after: failure kind must be 503, 429, 500 or drop, got \"418\"",
        "--page-cap 0             | --page-cap: page cap must be at least 1, got 0",
        "--progress-speed -1      | --progress-speed: progress speed must be a finite number, 0 or more, got -1.0",
        "--progress-seed x        | Invalid value for option '--progress-seed': 'x' is not a long",
        "--lenient=yes            | Invalid value for option '--lenient': 'yes' is not a boolean",
        "--outage 20s             | --outage: an outage is FROM-TO[:KIND], e.g. 5s-20s or 0-1500ms:drop, got \"20s\"",
        "--fail-first -1          | --fail-first must be 0 or more, got -1",
        "stray                    | Unmatched argument at index 0: 'stray'"
    })
    void badArgumentsAreNamedOnOneLineWithExit2(String args, String message) {
        SandboxMain.Launch launch = SandboxMain.launch(args.split(" "), out, err);

        assertEquals(2, launch.exitCode());
        assertNull(launch.server());
        assertEquals(List.of("htapsync-sandbox: " + message, "Run with --help for the options."),
                errors.toString().lines().toList());
        assertEquals("", printed.toString());
    }

    private static SandboxCommand parse(String... args) {
        CommandLine parser = SandboxCommand.parser();
        parser.parseArgs(args);
        return parser.getCommand();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
