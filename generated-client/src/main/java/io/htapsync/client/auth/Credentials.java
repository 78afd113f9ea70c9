package io.htapsync.client.auth;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import okhttp3.Request;

/**
 * How requests prove who sends them: an IAM token in {@code X-Auth-Token}, or an AK/SK signature
 * ({@code SDK-HMAC-SHA256}, see {@link AkSkSigner}) with optional temporary-credential security
 * token.
 *
 * <p>{@link #authenticate} is called once per attempt (see {@link AuthenticationInterceptor}), so
 * every retry gets a fresh token from a supplier, a fresh {@code X-Sdk-Date} and a fresh signature.
 *
 * <p>{@code toString()} and every exception message leave secrets out: tokens, SKs and security
 * tokens never appear, the AK only as its first four and last two characters.
 */
public abstract sealed class Credentials permits TokenCredentials, AkSkCredentials {
  /** Access key id, read by {@link #fromEnvironment()}. */
  public static final String ENV_AK = "HUAWEICLOUD_SDK_AK";
  /** Secret access key, read by {@link #fromEnvironment()}. */
  public static final String ENV_SK = "HUAWEICLOUD_SDK_SK";
  /** Security token of temporary AK/SK, optional, read by {@link #fromEnvironment()}. */
  public static final String ENV_SECURITY_TOKEN = "HUAWEICLOUD_SDK_SECURITY_TOKEN";
  /** Project id, optional, exposed by {@link #projectId()}. */
  public static final String ENV_PROJECT_ID = "HUAWEICLOUD_SDK_PROJECT_ID";
  /** IAM token, used by {@link #fromEnvironment()} when no AK/SK is set. */
  public static final String ENV_AUTH_TOKEN = "HTAPSYNC_AUTH_TOKEN";

  private final String projectId;

  Credentials(String projectId) {
    this.projectId = projectId;
  }

  /**
   * A fixed IAM token, sent as {@code X-Auth-Token}.
   *
   * @throws IllegalArgumentException if {@code token} is null, blank or not sendable in a header
   */
  public static Credentials token(String token) {
    return TokenCredentials.fixed(token, null);
  }

  /**
   * An IAM token asked from {@code tokenSupplier} on every attempt, so that a rotating token is
   * picked up by the next request or retry. The supplier must be thread-safe and should cache: it is
   * called once per HTTP attempt.
   *
   * @throws IllegalArgumentException if {@code tokenSupplier} is null
   */
  public static Credentials token(Supplier<String> tokenSupplier) {
    return TokenCredentials.supplied(tokenSupplier);
  }

  /**
   * A permanent access key pair; every attempt is signed with {@code SDK-HMAC-SHA256}.
   *
   * @throws IllegalArgumentException if an argument is null or blank
   */
  public static Credentials akSk(String ak, String sk) {
    return new AkSkCredentials(ak, sk, null, null);
  }

  /**
   * A temporary access key pair and its security token, sent (and signed) as {@code
   * X-Security-Token}.
   *
   * @throws IllegalArgumentException if an argument is null or blank
   */
  public static Credentials akSk(String ak, String sk, String securityToken) {
    return new AkSkCredentials(
        ak, sk, Checks.requireHeaderValue(securityToken, "securityToken"), null);
  }

  /**
   * Credentials from the process environment; see {@link #fromEnvironment(Map)}.
   *
   * @throws io.htapsync.client.exception.CredentialsException if the variables are missing or
   *     inconsistent
   */
  public static Credentials fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  /**
   * Credentials from environment variables. {@value #ENV_AK} and {@value #ENV_SK} (with {@value
   * #ENV_SECURITY_TOKEN} for temporary credentials) select AK/SK signing; otherwise {@value
   * #ENV_AUTH_TOKEN} selects a token. When both AK/SK and a token are set, AK/SK wins: it is what the
   * vendor's own tools read from these variables, and it does not expire after 24 hours as a token
   * left behind in the environment does. {@value #ENV_PROJECT_ID} is optional and becomes {@link
   * #projectId()}. Blank values count as unset.
   *
   * @throws io.htapsync.client.exception.CredentialsException naming the missing variable when only
   *     one of the AK/SK pair (or only a security token) is set, naming all of them when none is
   * @throws IllegalArgumentException if {@code env} is null
   */
  public static Credentials fromEnvironment(Map<String, String> env) {
    return EnvironmentCredentials.read(env);
  }

  /** The project id read from {@value #ENV_PROJECT_ID} by {@link #fromEnvironment}, else empty. */
  public Optional<String> projectId() {
    return Optional.ofNullable(projectId);
  }

  /**
   * Returns the request with this attempt's authentication applied: {@code X-Auth-Token} for a
   * token; {@code X-Sdk-Date}, {@code X-Project-Id}, {@code X-Security-Token} (temporary
   * credentials only) and {@code Authorization} for AK/SK, replacing any the request already has.
   * Called once per attempt.
   *
   * @param projectId the project the request is addressed to, sent as {@code X-Project-Id} with
   *     AK/SK; when {@code null}, {@link #projectId()} is used, and when that is empty too the header
   *     is left out
   * @param clock the source of {@code X-Sdk-Date}
   * @throws IllegalArgumentException if {@code request} or {@code clock} is null or {@code
   *     projectId} is blank
   * @throws io.htapsync.client.exception.CredentialsException if a token supplier returns no
   *     usable token
   * @throws java.io.UncheckedIOException if the request body cannot be read to hash it
   */
  public abstract Request authenticate(Request request, String projectId, Clock clock);

  /** ", projectId=..." for {@code toString()} when there is one; a project id is not a secret. */
  String projectIdSuffix() {
    return projectId == null ? "" : ", projectId=" + projectId;
  }
}
