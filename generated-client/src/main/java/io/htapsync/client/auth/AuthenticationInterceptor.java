package io.htapsync.client.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Applies {@link Credentials#authenticate} to every request that passes through it.
 *
 * <p>Add it as an application interceptor AFTER any retry interceptor: a retry calls {@code
 * proceed} again, the request passes through here again, and so each attempt carries a freshly
 * supplied token, or a fresh {@code X-Sdk-Date} and signature (the gateway rejects a signature
 * whose date is too old, so a signature must never be reused by a later attempt).
 *
 * <p>A {@link io.htapsync.client.exception.CredentialsException} (for example a token supplier
 * returning nothing) propagates unchanged; failing to read a request body to hash it surfaces as
 * the underlying {@link IOException}.
 */
public final class AuthenticationInterceptor implements Interceptor {
  private final Credentials credentials;
  private final String projectId;
  private final Clock clock;

  /**
   * @param projectId sent as {@code X-Project-Id} with AK/SK; may be null to use {@link
   *     Credentials#projectId()}
   * @param clock the source of {@code X-Sdk-Date}, normally {@link Clock#systemUTC()}
   * @throws IllegalArgumentException if {@code credentials} or {@code clock} is null or {@code
   *     projectId} is blank
   */
  public AuthenticationInterceptor(Credentials credentials, String projectId, Clock clock) {
    this.credentials = Checks.requireNonNull(credentials, "credentials");
    this.projectId = projectId == null ? null : Checks.requireText(projectId, "projectId");
    this.clock = Checks.requireNonNull(clock, "clock");
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request authenticated;
    try {
      authenticated = credentials.authenticate(chain.request(), projectId, clock);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return chain.proceed(authenticated);
  }

  @Override
  public String toString() {
    return "AuthenticationInterceptor(" + credentials + ")";
  }
}
