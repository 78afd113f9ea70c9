package io.htapsync.client.sync;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/** A MockWebServer script: one response per request in order, the last repeated forever. */
final class ScriptedServer extends Dispatcher {
  private final List<MockResponse> steps = new CopyOnWriteArrayList<>();
  final AtomicInteger requests = new AtomicInteger();

  ScriptedServer then(MockResponse response) {
    steps.add(response);
    return this;
  }

  ScriptedServer then(int times, MockResponse response) {
    for (int i = 0; i < times; i++) {
      steps.add(response);
    }
    return this;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    int n = requests.getAndIncrement();
    return steps.get(Math.min(n, steps.size() - 1)).clone();
  }

  /** A one-page body with the given tasks (JSON objects). */
  static String page(String... tasks) {
    return "{\"total_count\":" + tasks.length + ",\"replications\":[" + String.join(",", tasks) + "]}";
  }

  static String task(String name, String stage, int percentage, String catchupStage, int catchupPercentage) {
    return "{\"task_name\":\"" + name + "\",\"source_database\":\"db_" + name + "\",\"target_database\":\"olap_"
        + name + "\",\"status\":\"Yes\",\"stage\":\"" + stage + "\",\"percentage\":" + percentage
        + ",\"catchup_stage\":" + (catchupStage == null ? "null" : "\"" + catchupStage + "\"")
        + ",\"catchup_percentage\":" + catchupPercentage + "}";
  }
}
