package io.htapsync.sandbox.cli;

import io.htapsync.sandbox.CounterStyle;
import io.htapsync.sandbox.SandboxOptions;
import io.htapsync.sandbox.StageCasing;
import io.htapsync.sandbox.data.DatasetFile;
import io.htapsync.sandbox.data.DatasetFormatException;
import io.htapsync.sandbox.data.DemoData;
import io.htapsync.sandbox.fault.InjectedFailure;
import io.htapsync.sandbox.fault.Outage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The standalone sandbox's options, parsed by picocli with the htapsync CLI's conventions. An option
 * left out leaves the {@link SandboxOptions} default in place, so the defaults live in one place.
 */
@Command(name = "htapsync-sandbox", mixinStandardHelpOptions = true, versionProvider = SandboxCommand.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        customSynopsis = "java -jar htapsync-sandbox.jar [OPTIONS]",
        description = {"Answers GET /v3/{project_id}/instances/{instance_id}/starrocks/databases/replication like "
            + "the TaurusDB service, checking every request and response against the htapsync OpenAPI spec.", ""},
        footer = {"", "Exit codes: 0 stopped (Ctrl-C, SIGTERM) or help, version or demo data printed; 1 cannot "
            + "listen; 2 usage error (bad option or data file)."})
final class SandboxCommand {

    /** The default port of the standalone sandbox. */
    static final int DEFAULT_PORT = 8080;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", description = "Port to listen on (default " + DEFAULT_PORT
            + "; 0 picks a free port).")
    Integer port;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "Address to bind (default 127.0.0.1).")
    String host;

    @Option(names = "--data", paramLabel = "FILE",
            description = "Serve the instances in FILE (JSON, see README) instead of the demo data.")
    Path data;

    @Option(names = "--dump-demo-data", description = "Print the demo data in the dataset file format and exit.")
    boolean dumpDemoData;

    @Option(names = "--counters", paramLabel = "numbers|strings",
            description = "Counters as JSON numbers (default) or as strings.")
    String counters;

    @Option(names = "--stages", paramLabel = "lower|capitalized",
            description = "Stage values as documented (default) or capitalized.")
    String stages;

    @Option(names = "--page-cap", paramLabel = "N",
            description = "Most tasks per response (default " + SandboxOptions.SERVICE_PAGE_CAP + ", like the service).")
    Integer pageCap;

    @Option(names = "--latency-ms", paramLabel = "N", description = "Wait N milliseconds before every answer.")
    Long latencyMs;

    @Option(names = "--fail-rate", paramLabel = "F",
            description = "Answer a fraction F (0 to 1) of requests with the --fail-with failure.")
    Double failRate;

    @Option(names = "--fail-every", paramLabel = "N", description = "Answer every Nth request with the --fail-with failure.")
    Integer failEvery;

    @Option(names = "--fail-first", paramLabel = "N", description = "Answer the first N requests with the --fail-with failure.")
    Integer failFirst;

    @Option(names = "--fail-with", paramLabel = "KIND", defaultValue = "503",
            description = "503 (a proxy's HTML page, default), 429, 500 or drop (close the connection).")
    String failWith;

    @Option(names = "--retry-after", paramLabel = "S", defaultValue = "1",
            description = "Retry-After seconds for 503 and 429 (default 1).")
    long retryAfter;

    @Option(names = "--outage", paramLabel = "FROM-TO[:KIND]",
            description = "Answer every request from FROM to TO after the start with KIND (503 by default, 429, 500 "
                    + "or drop), e.g. 10s-30s or 0-1500ms:drop; may be given more than once.")
    List<String> outages = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "N", description = "Random seed for --fail-rate, to repeat a run.")
    Long seed;

    @Option(names = "--progress-speed", paramLabel = "F",
            description = "Simulated seconds per second for the moving demo instances (default 1; 10 is ten times "
                    + "faster, 0 holds them at the start).")
    Double progressSpeed;

    @Option(names = "--progress-seed", paramLabel = "N",
            description = "Seed for the moving demo instances' timings (default " + DemoData.PROGRESS_SEED + ").")
    Long progressSeed;

    @Option(names = "--token", paramLabel = "VALUE",
            description = "Accept only this X-Auth-Token (default: any non-blank token).")
    String token;

    @Option(names = "--lenient", description = "Send responses that break the spec anyway (default: answer 500).")
    boolean lenient;

    /** A new parser for one command line, with the CLI's conventions. */
    static CommandLine parser() {
        return new CommandLine(new SandboxCommand());
    }

    /** The server options the parsed flags ask for; a value the sandbox refuses is a usage error naming its option. */
    SandboxOptions options() {
        SandboxOptions.Builder options = SandboxOptions.builder().port(DEFAULT_PORT);
        set("--port", port, options::port);
        set("--host", host, options::host);
        set("--data", data, file -> {
            try {
                options.data(DatasetFile.read(file)).simulatedInstances(List.of());
            } catch (DatasetFormatException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage(), e);
            }
        });
        set("--counters", counters, text -> options.counterStyle(CounterStyle.parse(text)));
        set("--stages", stages, text -> options.stageCasing(StageCasing.parse(text)));
        set("--page-cap", pageCap, options::pageCap);
        set("--latency-ms", latencyMs, ms -> options.latency(Duration.ofMillis(ms)));
        set("--fail-rate", failRate, options::failureRate);
        set("--fail-every", failEvery, options::failEvery);
        set("--seed", seed, options::randomSeed);
        set("--progress-speed", progressSpeed, options::progressSpeed);
        set("--progress-seed", progressSeed, options::progressSeed);
        set("--token", token, options::requiredToken);
        if (lenient) {
            options.strict(false);
        }
        set("--fail-with / --retry-after", failWith, kind -> options.failure(failure()));
        for (String outage : outages) {
            set("--outage", outage, text -> options.outage(Outage.parse(text, Duration.ofSeconds(retryAfter))));
        }
        if (failFirst != null && failFirst < 0) {
            throw new ParameterException(spec.commandLine(), "--fail-first must be 0 or more, got " + failFirst);
        }
        return options.build();
    }

    /** The failures the first requests get, queued once the server runs. */
    List<InjectedFailure> firstFailures() {
        return failFirst == null ? List.of() : Collections.nCopies(failFirst, failure());
    }

    private InjectedFailure failure() {
        return InjectedFailure.parse(failWith, Duration.ofSeconds(retryAfter));
    }

    private <T> void set(String option, T value, Consumer<T> setter) {
        if (value == null) {
            return;
        }
        try {
            setter.accept(value);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage(), e);
        }
    }

    /** The version from the standalone jar's manifest ("dev" when run from classes). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = SandboxCommand.class.getPackage().getImplementationVersion();
            return new String[] {"htapsync-sandbox " + (version == null ? "dev" : version)};
        }
    }
}
