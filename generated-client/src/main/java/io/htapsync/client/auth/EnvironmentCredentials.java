package io.htapsync.client.auth;

import static io.htapsync.client.auth.Credentials.ENV_AK;
import static io.htapsync.client.auth.Credentials.ENV_AUTH_TOKEN;
import static io.htapsync.client.auth.Credentials.ENV_PROJECT_ID;
import static io.htapsync.client.auth.Credentials.ENV_SECURITY_TOKEN;
import static io.htapsync.client.auth.Credentials.ENV_SK;

import io.htapsync.client.exception.CredentialsException;
import java.util.Map;

/**
 * Reads {@link Credentials} from environment variables; see {@link
 * Credentials#fromEnvironment(Map)} for the variables and their precedence. Errors name variables,
 * never values.
 */
final class EnvironmentCredentials {
  private EnvironmentCredentials() {}

  static Credentials read(Map<String, String> env) {
    Checks.requireNonNull(env, "env");
    String ak = headerValue(env, ENV_AK);
    String sk = value(env, ENV_SK);
    String securityToken = headerValue(env, ENV_SECURITY_TOKEN);
    String projectId = headerValue(env, ENV_PROJECT_ID);
    String token = headerValue(env, ENV_AUTH_TOKEN);

    if (ak != null || sk != null) {
      if (ak == null) {
        throw missingHalf(ENV_SK, ENV_AK);
      }
      if (sk == null) {
        throw missingHalf(ENV_AK, ENV_SK);
      }
      return new AkSkCredentials(ak, sk, securityToken, projectId);
    }
    if (securityToken != null) {
      throw new CredentialsException(
          ENV_SECURITY_TOKEN + " is set but " + ENV_AK + " and " + ENV_SK
              + " are not; a security token is only used together with temporary AK/SK");
    }
    if (token != null) {
      return TokenCredentials.fixed(token, projectId);
    }
    throw new CredentialsException(
        "no credentials in the environment: set " + ENV_AK + " and " + ENV_SK + " (and "
            + ENV_SECURITY_TOKEN + " for temporary credentials) to sign requests with AK/SK, or "
            + ENV_AUTH_TOKEN + " to send an IAM token; " + ENV_PROJECT_ID + " is optional");
  }

  private static CredentialsException missingHalf(String present, String missing) {
    return new CredentialsException(
        present + " is set but " + missing + " is not; AK/SK signing needs both " + ENV_AK
            + " and " + ENV_SK);
  }

  /** The variable's value, or null when it is unset or blank. */
  private static String value(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value;
  }

  private static String headerValue(Map<String, String> env, String name) {
    String value = value(env, name);
    String problem = value == null ? null : Checks.headerValueProblem(value);
    if (problem != null) {
      throw new CredentialsException(name + " " + problem);
    }
    return value;
  }
}
