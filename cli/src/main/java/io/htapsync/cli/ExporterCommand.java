package io.htapsync.cli;

import io.htapsync.cli.exporter.Exporter;
import io.htapsync.cli.exporter.FleetFile;
import io.htapsync.cli.exporter.FleetFileParser;
import io.htapsync.cli.exporter.MetricsServer;
import io.htapsync.cli.exporter.Shard;
import io.htapsync.sandbox.SandboxOptions;
import io.htapsync.sandbox.SandboxServer;
import io.htapsync.sandbox.data.DemoData;
import io.htapsync.sandbox.data.SimulatedInstance;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "exporter", mixinStandardHelpOptions = true,
    description = {"Serve the fleet's replication state as Prometheus metrics until stopped.",
        "Polls each instance of the fleet file every interval (jittered), at most 'concurrency' at a time;",
        "/metrics renders the latest answers and never calls the API. Without --config it watches the",
        "embedded sandbox's demo instances, whose tasks move."})
final class ExporterCommand implements Callable<Integer> {
  private static final Pattern LISTEN = Pattern.compile("(\\[[0-9a-fA-F:]+]|[^:\\[\\]]+):(\\d{1,5})");

  @ParentCommand
  HtapSyncCli cli;

  @Spec
  CommandSpec spec;

  @Option(names = "--config", paramLabel = "FILE", description = "Fleet file (YAML or JSON).")
  Path config;

  @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:9464",
      description = "Where /metrics and /healthz listen (default: ${DEFAULT-VALUE}, loopback).")
  String listen;

  @Option(names = "--shard", paramLabel = "K/N", defaultValue = "1/1",
      description = "Watch only shard K of N (stable hash of project and instance), for N replicas.")
  String shard;

  @Option(names = "--token-env", paramLabel = "NAME",
      description = "Environment variable holding a bearer token that /metrics requires.")
  String tokenEnv;

  @Option(names = "--stall-after", paramLabel = "DURATION", defaultValue = "15m", converter = DurationConverter.class,
      description = "A moving task with no change this long is stalled (default: ${DEFAULT-VALUE}).")
  Duration stallAfter;

  @Option(names = "--interval", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Poll period per instance, overriding the fleet file's (demo default: 5s).")
  Duration interval;

  /** Never counted down by the command itself: the exporter runs until the process is stopped. */
  final CountDownLatch stop = new CountDownLatch(1);

  @Override
  public Integer call() throws InterruptedException {
    MetricsServer.beforeAnyHttpServer();
    PrintWriter err = spec.commandLine().getErr();
    if (cli.options.region != null || cli.options.endpoint != null || cli.options.project != null) {
      throw new IllegalArgumentException("the exporter takes its targets from --config;"
          + " --region, --endpoint and --project do not apply to it");
    }
    Shard part = Shard.parse(shard);
    InetSocketAddress address = listenAddress(listen);
    String token = bearerToken();
    if (!address.getAddress().isLoopbackAddress() && token == null) {
      err.println("htapsync: warning: /metrics on " + listen + " is reachable from other hosts without a token"
          + " (see --token-env)");
    }
    if (interval != null && interval.toMillis() < 100) {
      throw new IllegalArgumentException("--interval must be at least 100ms");
    }
    SandboxServer sandbox = null;
    FleetFile fleet;
    Map<String, String> env = cli.env;
    if (config != null) {
      fleet = read(config);
    } else {
      sandbox = SandboxServer.start(SandboxOptions.defaults());
      fleet = demoFleet(URI.create(sandbox.baseUrl()));
      env = Map.of("HTAPSYNC_AUTH_TOKEN", Connection.SANDBOX_TOKEN);
      err.println("htapsync: no --config given: watching the embedded sandbox's demo instances at "
          + sandbox.baseUrl() + " (simulated progress)");
    }
    if (interval != null) {
      fleet = new FleetFile(interval, fleet.concurrency(), fleet.targets());
    }
    try (SandboxServer ignored = sandbox;
         Exporter exporter = Exporter.start(fleet, new Exporter.Settings(address, token, part, stallAfter, true,
             env, b -> b.userAgent("htapsync-exporter")))) {
      InetSocketAddress bound = exporter.address();
      err.println("htapsync: exporter watching " + exporter.watchedInstances() + " of " + fleet.instanceCount()
          + " instances (shard " + part + "), every " + fleet.interval().toMillis() + "ms; metrics at http://"
          + hostText(bound) + ":" + bound.getPort() + "/metrics");
      err.flush();
      stop.await();
      return ExitCode.OK;
    } catch (UncheckedIOException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private static FleetFile read(Path file) {
    try {
      return FleetFileParser.read(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("--config " + file + ": cannot read the fleet file: " + why(e), e);
    }
  }

  /** An I/O failure in words: the JDK's messages for these are just the path, or an encoder's internals. */
  private static String why(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof CharacterCodingException) {
      return "it is not UTF-8 text";
    }
    return e.getMessage();
  }

  /** The sandbox's instances whose tasks move, as a fleet file would list them. */
  static FleetFile demoFleet(URI sandbox) {
    Map<String, List<String>> byProject = DemoData.simulatedInstances().stream().collect(Collectors.groupingBy(
        SimulatedInstance::projectId, java.util.LinkedHashMap::new,
        Collectors.mapping(SimulatedInstance::instanceId, Collectors.toList())));
    List<FleetFile.Target> targets = byProject.entrySet().stream()
        .map(e -> new FleetFile.Target(null, sandbox, e.getKey(), e.getValue(), FleetFile.CredentialVariables.STANDARD))
        .toList();
    return new FleetFile(Duration.ofSeconds(5), 4, targets);
  }

  private String bearerToken() {
    if (tokenEnv == null) {
      return null;
    }
    String value = cli.env.get(tokenEnv);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("--token-env " + tokenEnv + ": that environment variable is not set");
    }
    return value;
  }

  static InetSocketAddress listenAddress(String text) {
    Matcher m = LISTEN.matcher(text);
    int port = m.matches() ? Integer.parseInt(m.group(2)) : -1;
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--listen must be HOST:PORT (e.g. 127.0.0.1:9464 or [::1]:9464), got '"
          + text + "'");
    }
    String host = m.group(1).startsWith("[") ? m.group(1).substring(1, m.group(1).length() - 1) : m.group(1);
    InetSocketAddress address = new InetSocketAddress(host, port);
    if (address.isUnresolved()) {
      throw new IllegalArgumentException("--listen " + text + ": cannot resolve host '" + host + "'");
    }
    return address;
  }

  private static String hostText(InetSocketAddress address) {
    String host = address.getAddress().getHostAddress();
    return host.contains(":") ? "[" + host + "]" : host;
  }
}
