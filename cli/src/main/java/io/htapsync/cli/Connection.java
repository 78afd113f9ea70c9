package io.htapsync.cli;

import io.htapsync.client.Language;
import io.htapsync.client.RequestArguments;
import io.htapsync.client.StarRocksReplicationClient;
import io.htapsync.client.auth.Credentials;
import io.htapsync.sandbox.SandboxOptions;
import io.htapsync.sandbox.SandboxServer;
import io.htapsync.sandbox.data.DemoData;
import java.io.PrintWriter;
import java.net.URI;
import java.util.Map;

/**
 * The client a command talks through, and the embedded sandbox behind it when the user named no
 * endpoint and no region: that is how a fresh machine sees the tool work without cloud credentials.
 */
final class Connection implements AutoCloseable {
  /** A token the embedded sandbox accepts; it never leaves the machine. */
  static final String SANDBOX_TOKEN = "htapsync-embedded-sandbox-token";

  final StarRocksReplicationClient client;
  private final SandboxServer sandbox;

  private Connection(StarRocksReplicationClient client, SandboxServer sandbox) {
    this.client = client;
    this.sandbox = sandbox;
  }

  static Connection open(GlobalOptions options, Map<String, String> env, PrintWriter err, Timing timing) {
    StarRocksReplicationClient.Builder builder = StarRocksReplicationClient.builder()
        .language(Language.fromHeaderValue(options.language))
        .userAgent("htapsync-cli");
    SandboxServer sandbox = null;
    if (options.usesEmbeddedSandbox()) {
      long start = System.nanoTime();
      sandbox = SandboxServer.start(SandboxOptions.defaults());
      timing.sandboxStarted(System.nanoTime() - start);
      String project = options.project != null ? options.project : DemoData.PROJECT_ID;
      err.println("htapsync: no --endpoint or --region given: using the embedded sandbox at "
          + sandbox.baseUrl() + " (demo data, project " + project + ")");
      if (hasCredentials(env)) {
        err.println("htapsync: the credentials in the environment are NOT used; pass --region or --endpoint"
            + " to call the service");
      }
      builder.endpoint(URI.create(sandbox.baseUrl())).allowInsecureHttp()
          .projectId(project)
          .credentials(Credentials.token(SANDBOX_TOKEN));
    } else {
      if (options.endpoint != null) {
        URI endpoint = URI.create(options.endpoint); // checked by GlobalOptions: http only for loopback
        if ("http".equalsIgnoreCase(endpoint.getScheme())) {
          builder.allowInsecureHttp();
        }
        builder.endpoint(endpoint);
      } else {
        builder.region(options.region);
      }
      builder.projectId(project(options, env));
      builder.credentials(Credentials.fromEnvironment(env));
    }
    try {
      return new Connection(builder.build(), sandbox);
    } catch (RuntimeException e) {
      if (sandbox != null) {
        sandbox.close();
      }
      throw e;
    }
  }

  private static boolean hasCredentials(Map<String, String> env) {
    return env.containsKey("HUAWEICLOUD_SDK_AK") || env.containsKey("HTAPSYNC_AUTH_TOKEN");
  }

  /** --project, else the vendor's variable; said in the CLI's terms, before the builder would say it in Java's. */
  private static String project(GlobalOptions options, Map<String, String> env) {
    if (options.project != null) {
      return options.project;
    }
    String fromEnv = env.get(Credentials.ENV_PROJECT_ID);
    if (fromEnv == null || fromEnv.isBlank()) {
      throw new IllegalArgumentException("a project is required: pass --project ID or set "
          + Credentials.ENV_PROJECT_ID);
    }
    try {
      return RequestArguments.projectId(fromEnv);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(ClientTerms.restate(e.getMessage(),
          Map.of("projectId", Credentials.ENV_PROJECT_ID)), e);
    }
  }

  private static boolean isLoopback(String host) {
    return Loopback.isLoopback(host);
  }

  @Override
  public void close() {
    client.close();
    if (sandbox != null) {
      sandbox.close();
    }
  }
}
