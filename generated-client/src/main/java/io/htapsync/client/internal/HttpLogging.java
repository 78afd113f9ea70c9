package io.htapsync.client.internal;

import java.util.function.Consumer;
import okhttp3.Interceptor;
import okhttp3.logging.HttpLoggingInterceptor;

/**
 * Builds OkHttp's logging interceptor with every credential redacted: the credential headers by
 * name, and their values wherever else they show up in a logged line, such as a server's error body
 * that echoes the token or the signature back. Kept in its own class so that the optional
 * logging-interceptor jar is needed only by applications that turn logging on.
 */
public final class HttpLogging {
  private HttpLogging() {}

  /** A network interceptor (it must see the headers authentication added) that logs to {@code sink}. */
  public static Interceptor interceptor(String level, Consumer<String> sink) {
    HttpLoggingInterceptor.Level logLevel = HttpLoggingInterceptor.Level.valueOf(level);
    return chain -> exchangeLogger(logLevel, sink, SecretValues.of(chain.request())).intercept(chain);
  }

  // One logger per exchange: its sink knows this exchange's secrets, even with calls running at once.
  private static HttpLoggingInterceptor exchangeLogger(HttpLoggingInterceptor.Level level,
      Consumer<String> sink, SecretValues secrets) {
    HttpLoggingInterceptor logging = new HttpLoggingInterceptor(line -> sink.accept(secrets.redact(line)));
    logging.setLevel(level);
    SecretValues.HEADERS.forEach(logging::redactHeader);
    return logging;
  }
}
