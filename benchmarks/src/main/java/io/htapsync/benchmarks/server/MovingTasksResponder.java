package io.htapsync.benchmarks.server;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One page of tasks in full sync whose percentages move on every request, and every {@code failEvery}-th
 * request a proxy's 503 (with {@code Retry-After: 1}, which OkHttp does not retry by itself): what a
 * watcher sees of an instance that keeps changing through an unreliable gateway. Holds nothing per
 * request but a counter.
 */
public final class MovingTasksResponder implements LoopbackHttpServer.Responder {
  private static final byte[] UNAVAILABLE = ("HTTP/1.1 503 Service Unavailable\r\n"
      + "Content-Type: text/html\r\n"
      + "Retry-After: 1\r\n"
      + "Content-Length: 16\r\n"
      + "\r\n"
      + "<html>503</html>").getBytes(StandardCharsets.ISO_8859_1);

  private final int tasks;
  private final int failEvery;
  private final AtomicLong requests = new AtomicLong();

  public MovingTasksResponder(int tasks, int failEvery) {
    if (tasks < 1 || tasks > 50) {
      throw new IllegalArgumentException("1..50 tasks (one page), got " + tasks);
    }
    this.tasks = tasks;
    this.failEvery = failEvery;
  }

  @Override
  public byte[] respond(String target) {
    long n = requests.incrementAndGet();
    if (failEvery > 0 && n % failEvery == 0) {
      return UNAVAILABLE;
    }
    StringBuilder json = new StringBuilder("{\"total_count\":").append(tasks).append(",\"replications\":[");
    for (int t = 0; t < tasks; t++) {
      json.append(t == 0 ? "" : ",").append("{\"task_name\":\"task_").append(t)
          .append("\",\"source_database\":\"db_").append(t).append("\",\"target_database\":\"olap_").append(t)
          .append("\",\"status\":\"Yes\",\"stage\":\"full\",\"percentage\":").append((n + t) % 100)
          .append(",\"catchup_stage\":null,\"catchup_percentage\":null}");
    }
    return LoopbackHttpServer.okJson(json.append("]}").toString().getBytes(StandardCharsets.UTF_8));
  }

  /** Requests answered so far. */
  public long requests() {
    return requests.get();
  }
}
