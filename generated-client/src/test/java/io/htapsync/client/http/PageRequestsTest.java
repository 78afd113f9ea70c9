package io.htapsync.client.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.htapsync.client.api.StarRocksReplicationApi;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import retrofit2.Invocation;
import retrofit2.Retrofit;
import retrofit2.converter.gson.GsonConverterFactory;

class PageRequestsTest {
  private static final String PROJECT = "9f8e7d6c5b4a39281706f5e4d3c2b1a0";
  private static final String INSTANCE_A = "0123456789abcdef0123456789abcdefin07";
  private static final String INSTANCE_B = "fedcba9876543210fedcba9876543210in17";

  private final StarRocksReplicationApi api = new Retrofit.Builder()
      .baseUrl("https://gaussdb.cn-north-4.myhuaweicloud.com/")
      .addConverterFactory(GsonConverterFactory.create())
      .build()
      .create(StarRocksReplicationApi.class);
  private final AtomicInteger generated = new AtomicInteger();
  private final PageRequests.Generator fromInterface = (instanceId, offset, limit) -> {
    generated.incrementAndGet();
    return api.listStarRocksDataReplications(PROJECT, instanceId, limit, offset, "zh-cn").request();
  };

  @Test
  void everyRequestIsTheOneTheGeneratedInterfaceBuilds() {
    PageRequests requests = new PageRequests(fromInterface);
    int[][] pages = {{0, 100}, {50, 100}, {100, 100}, {150, 7}, {0, 1}, {2_147_483_547, 100}};
    for (String instance : new String[] {INSTANCE_A, INSTANCE_B, INSTANCE_A}) {
      for (int[] page : pages) {
        Request actual = requests.page(instance, page[0], page[1]);
        Request expected = fromInterface.generate(instance, page[0], page[1]);
        String what = instance + " offset " + page[0] + " limit " + page[1];
        assertEquals(expected.url(), actual.url(), what);
        assertEquals(expected.method(), actual.method(), what);
        assertEquals(expected.headers(), actual.headers(), what);
        assertNull(actual.body(), what);
      }
    }
  }

  @Test
  void theInterfaceIsAskedOncePerRunOfPagesOfOneInstance() {
    PageRequests requests = new PageRequests(fromInterface);
    requests.page(INSTANCE_A, 0, 100);
    requests.page(INSTANCE_A, 50, 100);
    requests.page(INSTANCE_A, 100, 10);
    assertEquals(1, generated.get());
    requests.page(INSTANCE_B, 0, 100);
    requests.page(INSTANCE_B, 50, 100);
    assertEquals(2, generated.get());
    requests.page(INSTANCE_A, 150, 100);
    assertEquals(3, generated.get());
  }

  @Test
  void aQueryOtherThanLimitThenOffsetIsNeverReused() {
    AtomicInteger calls = new AtomicInteger();
    PageRequests requests = new PageRequests((instanceId, offset, limit) -> {
      calls.incrementAndGet();
      HttpUrl url = HttpUrl.get("https://example.com/v3/" + instanceId).newBuilder()
          .addQueryParameter("limit", Integer.toString(limit))
          .addQueryParameter("offset", Integer.toString(offset))
          .addQueryParameter("marker", "m" + offset)
          .build();
      return new Request.Builder().url(url).build();
    });
    requests.page(INSTANCE_A, 0, 100);
    Request second = requests.page(INSTANCE_A, 50, 100);
    assertEquals(2, calls.get());
    assertEquals("m50", second.url().queryParameter("marker"));
  }

  @Test
  void requestsCarryNoRetrofitInvocationTag() {
    PageRequests requests = new PageRequests(fromInterface);
    assertNull(requests.page(INSTANCE_A, 0, 100).tag(Invocation.class));
    assertNull(requests.page(INSTANCE_A, 50, 100).tag(Invocation.class), "nor the reused request");
  }
}
