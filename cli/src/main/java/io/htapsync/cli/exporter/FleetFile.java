package io.htapsync.cli.exporter;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What an exporter watches, as read from a fleet file by {@link FleetFileParser}: every value here
 * has already been checked, so nothing starts on a half-valid file.
 *
 * @param interval poll period per instance (jittered by the poller)
 * @param concurrency most polls in flight at once
 * @param targets where to call and which instances, in file order
 */
public record FleetFile(Duration interval, int concurrency, List<Target> targets) {

  public FleetFile {
    Objects.requireNonNull(interval, "interval");
    targets = List.copyOf(targets);
  }

  /** The number of instances over all targets. */
  public int instanceCount() {
    return targets.stream().mapToInt(t -> t.instances().size()).sum();
  }

  /**
   * One project at one endpoint.
   *
   * @param region the region whose endpoint to call, or null when {@code endpoint} is given
   * @param endpoint an explicit endpoint, or null when {@code region} is given
   * @param projectId 32 letters and digits
   * @param instances instance ids, letters and digits, no duplicates
   * @param credentials which environment variables hold this target's credentials
   */
  public record Target(String region, URI endpoint, String projectId, List<String> instances,
      CredentialVariables credentials) {
    public Target {
      instances = List.copyOf(instances);
      Objects.requireNonNull(credentials, "credentials");
    }
  }

  /**
   * Names of the environment variables to read credentials from; a null name means the CLI's
   * standard variable. The values themselves are never held here.
   */
  public record CredentialVariables(String akEnv, String skEnv, String securityTokenEnv, String tokenEnv) {
    /** The CLI's standard variables (HUAWEICLOUD_SDK_AK/SK/SECURITY_TOKEN or HTAPSYNC_AUTH_TOKEN). */
    public static final CredentialVariables STANDARD = new CredentialVariables(null, null, null, null);
  }
}
