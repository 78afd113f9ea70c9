package io.htapsync.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.htapsync.client.ListReplicationsRequest;
import io.htapsync.client.api.StarRocksReplicationApi;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import retrofit2.Retrofit;
import retrofit2.converter.gson.GsonConverterFactory;

/** The request built with OkHttp is, field for field, the one the generated interface builds. */
class ReplicationRequestsTest {
  private static final String PROJECT = "9f8e7d6c5b4a39281706f5e4d3c2b1a0";
  private static final String[] INSTANCES = {
      "0123456789abcdef0123456789abcdefin07", "fedcba9876543210fedcba9876543210in17", "A1B2C3D4E5F60718293A4B5C6D7E8F90in07"};
  private static final int[][] PAGES = {{0, 100}, {50, 100}, {100, 100}, {150, 7}, {0, 1}, {2_147_483_547, 100}};

  @ParameterizedTest
  @ValueSource(strings = {"https://gaussdb.cn-north-4.myhuaweicloud.com/", "http://127.0.0.1:8080/a/b/"})
  void everyRequestIsTheOneTheGeneratedInterfaceBuilds(String base) {
    HttpUrl endpoint = HttpUrl.get(base);
    StarRocksReplicationApi api = new Retrofit.Builder().baseUrl(endpoint)
        .addConverterFactory(GsonConverterFactory.create()).build().create(StarRocksReplicationApi.class);
    for (String language : new String[] {"en-us", "zh-cn"}) {
      ReplicationRequests requests = new ReplicationRequests(endpoint, PROJECT, language);
      for (String instance : INSTANCES) {
        for (int[] page : PAGES) {
          Request actual = requests.toHttp(ListReplicationsRequest.of(instance, page[0], page[1]));
          Request expected = api.listStarRocksDataReplications(PROJECT, instance, page[1], page[0], language)
              .request();
          String what = base + " " + language + " " + instance + " offset " + page[0] + " limit " + page[1];
          assertEquals(expected.url(), actual.url(), what);
          assertEquals(expected.method(), actual.method(), what);
          assertEquals(expected.headers(), actual.headers(), what);
          assertNull(actual.body(), what);
        }
      }
    }
  }

  @Test
  void carriesNoCredentials() {
    Request request = new ReplicationRequests(HttpUrl.get("https://example.com/"), PROJECT, "en-us")
        .toHttp(ListReplicationsRequest.of(INSTANCES[0]));
    assertNull(request.header("X-Auth-Token"));
    assertNull(request.header("Authorization"));
  }
}
