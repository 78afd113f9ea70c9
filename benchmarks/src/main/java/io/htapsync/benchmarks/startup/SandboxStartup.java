package io.htapsync.benchmarks.startup;

import io.htapsync.sandbox.SandboxServer;
import io.htapsync.sandbox.data.DemoData;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The embedded sandbox's start, in a fresh JVM, as the CLI meets it: prints one line with the JVM's
 * own start, {@code SandboxServer.start()} and the first answered request (a plain HTTP/1.1 GET on a
 * socket, so that no client library's start is counted). Run it once per JVM:
 * {@code java -cp benchmarks/target/benchmarks.jar io.htapsync.benchmarks.startup.SandboxStartup}.
 */
public final class SandboxStartup {

    private SandboxStartup() {
    }

    public static void main(String[] args) throws IOException {
        long mainEntered = System.currentTimeMillis();
        long t0 = System.nanoTime();
        try (SandboxServer sandbox = SandboxServer.start()) {
            long started = System.nanoTime();
            String status = firstStatusLine(URI.create(sandbox.baseUrl()));
            long answered = System.nanoTime();
            if (!status.startsWith("HTTP/1.1 200")) {
                throw new IllegalStateException("first request answered " + status);
            }
            System.out.printf("sandbox-startup: jvm_start_ms=%d start_ms=%d first_answer_ms=%d start_to_answer_ms=%d%n",
                    mainEntered - ManagementFactory.getRuntimeMXBean().getStartTime(), (started - t0) / 1_000_000,
                    (answered - started) / 1_000_000, (answered - t0) / 1_000_000);
        }
    }

    private static String firstStatusLine(URI base) throws IOException {
        String path = "/v3/" + DemoData.PROJECT_ID + "/instances/" + DemoData.SALES_INSTANCE_ID
                + "/starrocks/databases/replication?limit=10";
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + base.getAuthority()
                    + "\r\nX-Auth-Token: startup\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = in.readAllBytes();
            String text = new String(answer, StandardCharsets.ISO_8859_1);
            return text.substring(0, Math.max(0, text.indexOf("\r\n")));
        }
    }
}
