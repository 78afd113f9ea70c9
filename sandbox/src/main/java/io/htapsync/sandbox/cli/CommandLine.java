package io.htapsync.sandbox.cli;

import io.htapsync.sandbox.CounterStyle;
import io.htapsync.sandbox.SandboxOptions;
import io.htapsync.sandbox.StageCasing;
import io.htapsync.sandbox.data.DatasetFile;
import io.htapsync.sandbox.fault.InjectedFailure;
import io.htapsync.sandbox.fault.Outage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Turns the sandbox's command-line flags into {@link SandboxOptions}. Accepts {@code --name value} and
 * {@code --name=value}.
 */
public final class CommandLine {

    /** The default port of the standalone sandbox. */
    public static final int DEFAULT_PORT = 8080;

    static final String USAGE = """
            Usage: java -jar htapsync-sandbox.jar [options]

            Answers GET /v3/{project_id}/instances/{instance_id}/starrocks/databases/replication like the
            TaurusDB service, checking every request and response against the htapsync OpenAPI spec.

            Options:
              --port N                    port to listen on (default 8080; 0 picks a free port)
              --host ADDRESS              address to bind (default 127.0.0.1)
              --data FILE                 serve the instances in FILE (JSON, see README) instead of demo data
              --dump-demo-data            print the demo data in the dataset file format and exit
              --counters numbers|strings  counters as JSON numbers (default) or as strings
              --stages lower|capitalized  stage values as documented (default) or capitalized
              --page-cap N                most tasks per response (default 50, like the service)
              --latency-ms N              wait N milliseconds before every answer
              --fail-rate F               answer a fraction F (0 to 1) of requests with the --fail-with failure
              --fail-every N              answer every Nth request with the --fail-with failure
              --fail-with KIND            503 (proxy page, default), 429, 500 or drop (close the connection)
              --retry-after S             Retry-After seconds for 503 and 429 (default 1)
              --fail-first N              answer the first N requests with the --fail-with failure
              --outage FROM-TO[:KIND]     answer every request from FROM to TO after the start with KIND
                                          (503 by default, 429, 500 or drop), e.g. 10s-30s or 0-1500ms:drop;
                                          may be given more than once
              --seed N                    random seed for --fail-rate, to repeat a run
              --progress-speed F          simulated seconds per second for the moving demo instances
                                          (default 1; 10 is ten times faster, 0 holds them at the start)
              --progress-seed N           seed for the moving demo instances' timings (default 20260301)
              --token VALUE               accept only this X-Auth-Token (default: any non-blank token)
              --lenient                   send responses that break the spec anyway (default: answer 500)
              --help                      print this help and exit
            """;

    private static final Set<String> FLAGS = Set.of("--help", "-h", "--lenient", "--dump-demo-data");
    private static final Set<String> VALUED = Set.of("--port", "--host", "--data", "--counters", "--stages",
            "--page-cap", "--latency-ms", "--fail-rate", "--fail-every", "--fail-with", "--retry-after", "--seed",
            "--token", "--progress-speed", "--progress-seed", "--fail-first", "--outage");

    private CommandLine() {
    }

    /** What the command line asks for. */
    public enum Action { RUN, HELP, DUMP_DEMO_DATA }

    /**
     * A parsed command line.
     *
     * @param action       what to do
     * @param options      the server options (for {@link Action#RUN})
     * @param firstFailures failures for the first requests, queued once the server runs
     */
    public record Parsed(Action action, SandboxOptions options, List<InjectedFailure> firstFailures) {
    }

    /** Parses the arguments; a wrong one is a {@link UsageException} naming it. */
    public static Parsed parse(String... args) throws UsageException {
        SandboxOptions.Builder options = SandboxOptions.builder().port(DEFAULT_PORT);
        Action action = Action.RUN;
        String failWith = "503";
        long retryAfter = 1;
        int failFirst = 0;
        List<String> outages = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (FLAGS.contains(name)) {
                if (value != null) {
                    throw new UsageException(name + " takes no value");
                }
                switch (name) {
                    case "--help", "-h" -> action = Action.HELP;
                    case "--dump-demo-data" -> action = action == Action.HELP ? action : Action.DUMP_DEMO_DATA;
                    case "--lenient" -> options.strict(false);
                    default -> throw new IllegalStateException(name + " is listed in FLAGS but not handled");
                }
                continue;
            }
            if (!VALUED.contains(name)) {
                throw new UsageException(name.startsWith("-") ? "unknown option " + name
                        : "unexpected argument \"" + name + "\"");
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new UsageException(name + " needs a value");
                }
                value = args[++i];
            }
            try {
                switch (name) {
                    case "--port" -> options.port(integer(name, value));
                    case "--host" -> options.host(value);
                    case "--data" -> options.data(DatasetFile.read(Path.of(value))).simulatedInstances(List.of());
                    case "--counters" -> options.counterStyle(CounterStyle.parse(value));
                    case "--stages" -> options.stageCasing(StageCasing.parse(value));
                    case "--page-cap" -> options.pageCap(integer(name, value));
                    case "--latency-ms" -> options.latency(Duration.ofMillis(integer(name, value)));
                    case "--fail-rate" -> options.failureRate(decimal(name, value));
                    case "--fail-every" -> options.failEvery(integer(name, value));
                    case "--fail-with" -> failWith = value;
                    case "--retry-after" -> retryAfter = integer(name, value);
                    case "--seed" -> options.randomSeed(longInteger(name, value));
                    case "--token" -> options.requiredToken(value);
                    case "--progress-speed" -> options.progressSpeed(decimal(name, value));
                    case "--progress-seed" -> options.progressSeed(longInteger(name, value));
                    case "--fail-first" -> failFirst = integer(name, value);
                    case "--outage" -> outages.add(value);
                    default -> throw new IllegalStateException(name + " is listed in VALUED but not handled");
                }
            } catch (IllegalArgumentException e) {
                throw new UsageException(name + ": " + e.getMessage());
            }
        }
        InjectedFailure failure;
        try {
            failure = InjectedFailure.parse(failWith, Duration.ofSeconds(retryAfter));
            options.failure(failure);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--fail-with / --retry-after: " + e.getMessage());
        }
        for (String outage : outages) {
            try {
                options.outage(Outage.parse(outage, Duration.ofSeconds(retryAfter)));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--outage: " + e.getMessage());
            }
        }
        if (failFirst < 0) {
            throw new UsageException("--fail-first must be 0 or more, got " + failFirst);
        }
        return new Parsed(action, options.build(), Collections.nCopies(failFirst, failure));
    }

    private static int integer(String name, String value) throws UsageException {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be an integer, got \"" + value + "\"");
        }
    }

    private static long longInteger(String name, String value) throws UsageException {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be an integer, got \"" + value + "\"");
        }
    }

    private static double decimal(String name, String value) throws UsageException {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be a number, got \"" + value + "\"");
        }
    }
}
