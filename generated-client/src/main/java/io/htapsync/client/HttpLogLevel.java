package io.htapsync.client;

/**
 * How much of each HTTP exchange {@link StarRocksReplicationClient.Builder#httpLogging} writes.
 * Credential headers are always redacted. Needs {@code com.squareup.okhttp3:logging-interceptor} on
 * the classpath (an optional dependency of this library).
 */
public enum HttpLogLevel {
  /** Request and response lines. */
  BASIC,
  /** Lines and headers. */
  HEADERS,
  /** Lines, headers and bodies. */
  BODY
}
