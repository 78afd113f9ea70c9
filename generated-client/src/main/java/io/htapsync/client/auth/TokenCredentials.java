package io.htapsync.client.auth;

import io.htapsync.client.exception.CredentialsException;
import io.htapsync.client.internal.Snippets;
import java.time.Clock;
import java.util.function.Supplier;
import okhttp3.Request;

/** An IAM token sent as {@code X-Auth-Token}, fixed or asked from a supplier on every attempt. */
final class TokenCredentials extends Credentials {
  static final String HEADER = "X-Auth-Token";

  private final Supplier<String> tokenSupplier;
  private final boolean fixed;

  private TokenCredentials(Supplier<String> tokenSupplier, boolean fixed, String projectId) {
    super(projectId);
    this.tokenSupplier = tokenSupplier;
    this.fixed = fixed;
  }

  static TokenCredentials fixed(String token, String projectId) {
    Checks.requireHeaderValue(token, "token");
    return new TokenCredentials(() -> token, true, projectId);
  }

  static TokenCredentials supplied(Supplier<String> tokenSupplier) {
    return new TokenCredentials(Checks.requireNonNull(tokenSupplier, "tokenSupplier"), false, null);
  }

  @Override
  public Request authenticate(Request request, String projectId, Clock clock) {
    Checks.requireNonNull(request, "request");
    Checks.requireNonNull(clock, "clock");
    if (projectId != null) {
      Checks.requireText(projectId, "projectId");
    }
    return request.newBuilder().header(HEADER, currentToken()).build();
  }

  private String currentToken() {
    String token;
    try {
      token = tokenSupplier.get();
    } catch (RuntimeException e) {
      // Named as the supplier's failure (not a stray exception from inside the client); its message
      // is the supplier's own words, bounded to one line.
      throw new CredentialsException("the token supplier failed: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + Snippets.excerpt(e.getMessage(), 200)), e);
    }
    if (token == null || token.isBlank()) {
      throw new CredentialsException("the token supplier returned a null or blank token");
    }
    String problem = Checks.headerValueProblem(token);
    if (problem != null) {
      throw new CredentialsException("the token returned by the token supplier " + problem);
    }
    return token;
  }

  @Override
  public String toString() {
    return "Credentials.token(" + (fixed ? "****" : "supplier") + projectIdSuffix() + ")";
  }
}
