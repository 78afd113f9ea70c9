package io.htapsync.client.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Buffer;

/**
 * An access key pair, optionally temporary (with a security token), that signs every attempt.
 *
 * <p>Signed are the headers the request carries when it reaches {@link AuthenticationInterceptor}
 * (except {@code Content-Type}), the three this class adds, and {@code host}. Headers that OkHttp's
 * bridge adds later ({@code Host}, {@code Connection}, {@code Accept-Encoding}, {@code User-Agent},
 * {@code Content-Type}, {@code Content-Length}) or a network interceptor adds are not signed; the
 * gateway checks only the headers named in {@code SignedHeaders}, so that is fine, and the signed
 * {@code host} value is the one the bridge will send. A request body is read into memory once to
 * hash it and then sent from that copy.
 */
final class AkSkCredentials extends Credentials {
  static final String PROJECT_ID_HEADER = "X-Project-Id";
  static final String SECURITY_TOKEN_HEADER = "X-Security-Token";
  static final String AUTHORIZATION_HEADER = "Authorization";

  private final String ak;
  private final String sk;
  private final String securityToken;

  /** {@code securityToken} and {@code projectId} may be null: permanent keys, no project. */
  AkSkCredentials(String ak, String sk, String securityToken, String projectId) {
    super(projectId);
    this.ak = Checks.requireHeaderValue(ak, "ak");
    this.sk = Checks.requireText(sk, "sk");
    this.securityToken =
        securityToken == null ? null : Checks.requireHeaderValue(securityToken, "securityToken");
  }

  @Override
  public Request authenticate(Request request, String projectId, Clock clock) {
    Checks.requireNonNull(request, "request");
    Checks.requireNonNull(clock, "clock");
    String project = projectId != null ? Checks.requireText(projectId, "projectId") : null;
    if (project == null) {
      project = projectId().orElse(null);
    }

    Request.Builder unsigned =
        request
            .newBuilder()
            .removeHeader(AUTHORIZATION_HEADER)
            .header(AkSkSigner.SDK_DATE_HEADER, AkSkSigner.sdkDate(clock.instant()));
    if (project != null) {
      unsigned.header(PROJECT_ID_HEADER, project);
    }
    if (securityToken != null) {
      unsigned.header(SECURITY_TOKEN_HEADER, securityToken);
    }
    byte[] body = null;
    if (request.body() != null) {
      body = readBody(request.body());
      unsigned.method(request.method(), RequestBody.create(body, request.body().contentType()));
    }
    Request toSign = unsigned.build();

    String authorization =
        AkSkSigner.sign(toSign.method(), toSign.url().uri(), toSign.headers(), body, ak, sk);
    return toSign.newBuilder().header(AUTHORIZATION_HEADER, authorization).build();
  }

  private static byte[] readBody(RequestBody body) {
    try (Buffer buffer = new Buffer()) {
      body.writeTo(buffer);
      return buffer.readByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the request body to sign it", e);
    }
  }

  @Override
  public String toString() {
    return "Credentials.akSk(ak="
        + maskedAk()
        + ", sk=****"
        + (securityToken == null ? "" : ", securityToken=****")
        + projectIdSuffix()
        + ")";
  }

  // The AK travels in clear text in every Authorization header, but a full AK in logs still helps
  // whoever has found the SK elsewhere; four plus two characters are enough to tell keys apart.
  private String maskedAk() {
    return ak.length() < 10 ? "****" : ak.substring(0, 4) + "****" + ak.substring(ak.length() - 2);
  }
}
