package io.htapsync.client;

import okhttp3.OkHttpClient;

/**
 * Test-only bridge to the client's package-private {@link StarRocksReplicationClient#httpClient()},
 * so that resource tests in other packages can see its dispatcher and connection pool.
 */
public final class ClientInternals {
  private ClientInternals() {}

  public static OkHttpClient httpClient(StarRocksReplicationClient client) {
    return client.httpClient();
  }
}
