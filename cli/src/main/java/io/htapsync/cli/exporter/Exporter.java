package io.htapsync.cli.exporter;

import io.htapsync.client.listener.CallListener;
import io.htapsync.client.HostThrottle;
import io.htapsync.client.StarRocksReplicationClient;
import io.htapsync.client.auth.Credentials;
import io.htapsync.micrometer.ReplicationMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * A running exporter: the fleet's clients on one shared OkHttp dispatcher and one {@link HostThrottle},
 * the {@link FleetPoller},
 * the meters and the {@link MetricsServer}. Everything is checked and built before anything starts
 * (a bad credential or a taken port stops it with nothing running); {@link #close()} stops it all.
 */
public final class Exporter implements AutoCloseable {
  private final List<StarRocksReplicationClient> clients;
  private final OkHttpClient http;
  private final FleetPoller poller;
  private final CachedExposition exposition;
  private final MetricsServer server;
  private final int watched;

  /**
   * How to run, beyond the fleet file.
   *
   * @param listen where {@code /metrics} listens (port 0 for an ephemeral one)
   * @param bearerToken the token {@code /metrics} requires, or null
   * @param shard which part of the fleet this replica watches
   * @param stallAfter how long a moving task may stand still before it counts as stalled
   * @param spreadFirstRound spread the first polls over one interval (off for benchmarks and tests)
   * @param env where credentials are read from (the process environment, or a test's map)
   * @param clientOptions a last word on each client's builder (the CLI's user agent; tests' retry policy)
   */
  public record Settings(InetSocketAddress listen, String bearerToken, Shard shard, Duration stallAfter,
      boolean spreadFirstRound, Map<String, String> env,
      UnaryOperator<StarRocksReplicationClient.Builder> clientOptions) {
    public Settings {
      Objects.requireNonNull(listen, "listen");
      Objects.requireNonNull(shard, "shard");
      Objects.requireNonNull(stallAfter, "stallAfter");
      Objects.requireNonNull(env, "env");
      Objects.requireNonNull(clientOptions, "clientOptions");
    }
  }

  private Exporter(List<StarRocksReplicationClient> clients, OkHttpClient http, FleetPoller poller,
      CachedExposition exposition, MetricsServer server, int watched) {
    this.clients = clients;
    this.http = http;
    this.poller = poller;
    this.exposition = exposition;
    this.server = server;
    this.watched = watched;
  }

  /**
   * Builds every client, binds the listener and starts polling.
   *
   * @throws IllegalArgumentException naming the target whose credentials or endpoint are unusable
   * @throws UncheckedIOException when the listen address cannot be bound
   */
  public static Exporter start(FleetFile fleet, Settings settings) {
    OkHttpClient http = sharedHttp(fleet.concurrency());
    List<StarRocksReplicationClient> clients = new ArrayList<>();
    MetricsServer server = null;
    CachedExposition exposition = null;
    try {
      FleetMeters meters = new FleetMeters(settings.stallAfter());
      // Every client reports its calls and retries into the meters /metrics renders.
      CallListener calls = meters.callListener();
      // One client per target (project), one throttle for all: a 429 from a regional host slows the
      // whole fleet's polls to it, not only the project that met it.
      HostThrottle throttle = new HostThrottle();
      List<FleetPoller.Watched> watched = new ArrayList<>();
      for (int i = 0; i < fleet.targets().size(); i++) {
        FleetFile.Target target = fleet.targets().get(i);
        List<String> mine = target.instances().stream()
            .filter(id -> settings.shard().contains(target.projectId(), id)).toList();
        if (mine.isEmpty()) {
          continue;
        }
        StarRocksReplicationClient client = client(target, i, http, calls, throttle, settings);
        clients.add(client);
        mine.forEach(id -> watched.add(new FleetPoller.Watched(target.projectId(), id, client)));
      }
      ReplicationMetrics metrics = meters.replication();
      // Renders in the background after polls; scrapes serve the latest rendering.
      exposition = new CachedExposition(meters);
      server = MetricsServer.start(settings.listen(), exposition, settings.bearerToken());
      FleetPoller poller = new FleetPoller(watched, fleet.concurrency(), fleet.interval(), metrics,
          exposition::changed);
      poller.start(settings.spreadFirstRound());
      return new Exporter(clients, http, poller, exposition, server, watched.size());
    } catch (IOException e) {
      exposition.close();
      closeAll(clients, http, null);
      throw new UncheckedIOException("cannot listen on " + settings.listen() + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      if (exposition != null) {
        exposition.close();
      }
      closeAll(clients, http, server);
      throw e;
    }
  }

  /** Where {@code /metrics} is served. */
  public InetSocketAddress address() {
    return server.address();
  }

  /** How many instances this replica watches (after sharding). */
  public int watchedInstances() {
    return watched;
  }

  /** Polls finished since the start; for tests and benchmarks. */
  public long completedPolls() {
    return poller.completedPolls();
  }

  @Override
  public void close() {
    poller.close();
    exposition.close();
    closeAll(clients, http, server);
  }

  /**
   * One dispatcher for the whole fleet, sized to the fleet's concurrency: OkHttp's default of 5 requests
   * per host would otherwise cap the polls to one regional host far below it.
   */
  static OkHttpClient sharedHttp(int concurrency) {
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(concurrency);
    dispatcher.setMaxRequestsPerHost(concurrency);
    return new OkHttpClient.Builder()
        .dispatcher(dispatcher)
        .connectionPool(new ConnectionPool(concurrency, 5, TimeUnit.MINUTES))
        .build();
  }

  private static StarRocksReplicationClient client(FleetFile.Target target, int index, OkHttpClient http,
      CallListener calls, HostThrottle throttle, Settings settings) {
    StarRocksReplicationClient.Builder builder = StarRocksReplicationClient.builder()
        .okHttpClient(http)
        .callListener(calls)
        .hostThrottle(throttle)
        .projectId(target.projectId());
    if (target.endpoint() != null) {
      builder.endpoint(target.endpoint());
      if ("http".equalsIgnoreCase(target.endpoint().getScheme())) {
        builder.allowInsecureHttp(); // the fleet file allows it for loopback only
      }
    } else {
      builder.region(target.region());
    }
    try {
      builder.credentials(Credentials.fromEnvironment(credentialEnv(target.credentials(), settings.env())));
      return settings.clientOptions().apply(builder).build();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("targets[" + index + "] (project " + target.projectId() + "): "
          + e.getMessage(), e);
    }
  }

  /** The environment as the client reads it, with a target's own variable names mapped onto the standard ones. */
  static Map<String, String> credentialEnv(FleetFile.CredentialVariables names, Map<String, String> env) {
    if (names.equals(FleetFile.CredentialVariables.STANDARD)) {
      return env;
    }
    Map<String, String> mapped = new HashMap<>();
    copy(env, names.tokenEnv(), Credentials.ENV_AUTH_TOKEN, mapped);
    copy(env, names.akEnv(), Credentials.ENV_AK, mapped);
    copy(env, names.skEnv(), Credentials.ENV_SK, mapped);
    copy(env, names.securityTokenEnv(), Credentials.ENV_SECURITY_TOKEN, mapped);
    if (mapped.isEmpty()) {
      throw new IllegalArgumentException("none of the credential variables it names ("
          + String.join(", ", named(names)) + ") is set");
    }
    return mapped;
  }

  private static List<String> named(FleetFile.CredentialVariables n) {
    List<String> names = new ArrayList<>();
    for (String s : new String[] {n.tokenEnv(), n.akEnv(), n.skEnv(), n.securityTokenEnv()}) {
      if (s != null) {
        names.add(s);
      }
    }
    return names;
  }

  private static void copy(Map<String, String> env, String from, String to, Map<String, String> into) {
    if (from != null && env.get(from) != null) {
      into.put(to, env.get(from));
    }
  }

  private static void closeAll(List<StarRocksReplicationClient> clients, OkHttpClient http, MetricsServer server) {
    if (server != null) {
      server.close();
    }
    clients.forEach(StarRocksReplicationClient::close);
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
