package io.htapsync.sandbox.cli;

import io.htapsync.sandbox.SandboxServer;
import io.htapsync.sandbox.data.DatasetFile;
import io.htapsync.sandbox.data.DatasetFormatException;
import io.htapsync.sandbox.data.DemoData;
import io.htapsync.sandbox.data.StarRocksInstance;
import io.htapsync.sandbox.fault.InjectedFailure;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The standalone sandbox: {@code java -jar htapsync-sandbox.jar --port 8080 [--data file.json] [...]}.
 * Prints the URL it listens on as its first line and runs until stopped (Ctrl-C / SIGTERM).
 */
public final class SandboxMain {

    /** First words of the line that announces the URL, so scripts can find it. */
    public static final String LISTENING = "htapsync sandbox listening on ";

    private SandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Optional<SandboxServer> started;
        try {
            started = launch(args, System.out);
        } catch (UsageException | DatasetFormatException e) {
            System.err.println("htapsync-sandbox: " + e.getMessage());
            System.err.println("Run with --help for the options.");
            System.exit(2);
            return;
        } catch (UncheckedIOException e) {
            System.err.println("htapsync-sandbox: " + e.getMessage());
            System.exit(1);
            return;
        }
        if (started.isEmpty()) {
            return;
        }
        SandboxServer server = started.get();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "htapsync-sandbox-shutdown"));
        stopped.await();
    }

    /**
     * Does what the arguments ask: prints help or the demo data (and returns empty), or starts a
     * server, prints where it listens and returns it. The caller owns the server.
     */
    public static Optional<SandboxServer> launch(String[] args, PrintStream out) throws UsageException {
        CommandLine.Parsed parsed = CommandLine.parse(args);
        switch (parsed.action()) {
            case HELP -> {
                out.print(CommandLine.USAGE);
                return Optional.empty();
            }
            case DUMP_DEMO_DATA -> {
                out.println(DatasetFile.toJson(DemoData.instances()));
                return Optional.empty();
            }
            default -> {
                SandboxServer server = SandboxServer.start(parsed.options());
                server.failNext(parsed.firstFailures().toArray(InjectedFailure[]::new));
                out.println(LISTENING + server.baseUrl());
                out.println("options: " + parsed.options());
                List<StarRocksInstance> instances = server.dataset().instances();
                if (!instances.isEmpty()) {
                    StarRocksInstance first = instances.get(0);
                    String project = first.projectId() == null ? DemoData.PROJECT_ID : first.projectId();
                    out.println("try: curl -H 'X-Auth-Token: any' " + server.baseUrl() + "/v3/" + project
                            + "/instances/" + first.instanceId() + "/starrocks/databases/replication?limit=10");
                }
                out.flush();
                return Optional.of(server);
            }
        }
    }
}
