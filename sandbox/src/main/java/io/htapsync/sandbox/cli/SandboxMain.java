package io.htapsync.sandbox.cli;

import io.htapsync.sandbox.SandboxOptions;
import io.htapsync.sandbox.SandboxServer;
import io.htapsync.sandbox.data.DatasetFile;
import io.htapsync.sandbox.data.DemoData;
import io.htapsync.sandbox.data.StarRocksInstance;
import io.htapsync.sandbox.fault.InjectedFailure;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The standalone sandbox: {@code java -jar htapsync-sandbox.jar --port 8080 [--data file.json] [...]}.
 * Prints the URL it listens on as its first line and runs until stopped (Ctrl-C / SIGTERM).
 */
public final class SandboxMain {

    /** First words of the line that announces the URL, so scripts can find it. */
    public static final String LISTENING = "htapsync sandbox listening on ";
    /** Exit codes, as the htapsync CLI numbers them. */
    static final int OK = 0;
    static final int CANNOT_LISTEN = 1;
    static final int USAGE = 2;

    private SandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        Launch launch = launch(args, out, err);
        if (launch.server() == null) {
            System.exit(launch.exitCode());
            return;
        }
        SandboxServer server = launch.server();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "htapsync-sandbox-shutdown"));
        stopped.await();
    }

    /**
     * What a command line came to: a running server (exit code 0, the caller owns and closes it) or
     * an exit code with nothing running (help, version, the demo data, or an error already printed).
     *
     * @param exitCode the process's exit code
     * @param server   the running server, or null
     */
    public record Launch(int exitCode, SandboxServer server) {
    }

    /**
     * Does what the arguments ask: prints help, the version or the demo data; prints a one-line
     * error for a bad command line (exit 2) or an address it cannot bind (exit 1); or starts a server
     * and prints where it listens.
     */
    public static Launch launch(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine parser = SandboxCommand.parser().setOut(out).setErr(err);
        SandboxCommand command = parser.getCommand();
        SandboxOptions options;
        try {
            parser.parseArgs(args);
            if (parser.isUsageHelpRequested()) {
                parser.usage(out);
                return new Launch(OK, null);
            }
            if (parser.isVersionHelpRequested()) {
                parser.printVersionHelp(out);
                return new Launch(OK, null);
            }
            if (command.dumpDemoData) {
                out.println(DatasetFile.toJson(DemoData.instances()));
                return new Launch(OK, null);
            }
            options = command.options();
        } catch (ParameterException e) {
            err.println("htapsync-sandbox: " + e.getMessage());
            err.println("Run with --help for the options.");
            return new Launch(USAGE, null);
        }
        SandboxServer server;
        try {
            server = SandboxServer.start(options);
        } catch (UncheckedIOException e) {
            err.println("htapsync-sandbox: " + e.getMessage());
            return new Launch(CANNOT_LISTEN, null);
        }
        List<InjectedFailure> first = command.firstFailures();
        server.failNext(first.toArray(InjectedFailure[]::new));
        out.println(LISTENING + server.baseUrl());
        out.println("options: " + options);
        List<StarRocksInstance> instances = server.dataset().instances();
        if (!instances.isEmpty()) {
            StarRocksInstance firstInstance = instances.get(0);
            String project = firstInstance.projectId() == null ? DemoData.PROJECT_ID : firstInstance.projectId();
            out.println("try: curl -H 'X-Auth-Token: any' " + server.baseUrl() + "/v3/" + project
                    + "/instances/" + firstInstance.instanceId() + "/starrocks/databases/replication?limit=10");
        }
        out.flush();
        return new Launch(OK, server);
    }
}
