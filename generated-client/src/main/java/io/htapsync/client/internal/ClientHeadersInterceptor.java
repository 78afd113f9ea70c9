package io.htapsync.client.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Adds the headers every request of this client carries: {@code User-Agent}. */
public final class ClientHeadersInterceptor implements Interceptor {
  private final String userAgent;

  public ClientHeadersInterceptor(String userAgent) {
    this.userAgent = userAgent;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    return chain.proceed(chain.request().newBuilder().header("User-Agent", userAgent).build());
  }
}
