package io.htapsync.client.internal;

import java.util.function.Consumer;
import okhttp3.Interceptor;
import okhttp3.logging.HttpLoggingInterceptor;

/**
 * Builds OkHttp's logging interceptor with every credential header redacted. Kept in its own class so
 * that the optional logging-interceptor jar is needed only by applications that turn logging on.
 */
public final class HttpLogging {
  /** Headers whose values are secrets: never logged. */
  public static final String[] SECRET_HEADERS = {"X-Auth-Token", "Authorization", "X-Security-Token"};

  private HttpLogging() {}

  public static Interceptor interceptor(String level, Consumer<String> sink) {
    HttpLoggingInterceptor logging = new HttpLoggingInterceptor(sink::accept);
    logging.setLevel(HttpLoggingInterceptor.Level.valueOf(level));
    for (String header : SECRET_HEADERS) {
      logging.redactHeader(header);
    }
    return logging;
  }
}
