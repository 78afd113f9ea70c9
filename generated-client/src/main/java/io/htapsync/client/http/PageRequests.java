package io.htapsync.client.http;

import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.Request;
import retrofit2.Invocation;

/**
 * Builds the request for one page of an instance's tasks.
 *
 * <p>The generated interface is the authority on that request (path, parameter names, headers), but
 * asking it for every page costs about 5 µs, mostly Retrofit resolving the relative URL afresh: some
 * 5 % of a whole call over loopback (BENCHMARKS.md). Paging and polling ask for the same
 * instance again and again with only {@code offset} and {@code limit} changing, so the request the
 * interface built last is kept and only those two query values are replaced. It is kept only when
 * its query is exactly {@code limit} then {@code offset}, holding the values asked for: a spec that
 * renamed, moved or added a query parameter makes every request come from the interface again,
 * never a wrong one.
 *
 * <p>Requests carry no Retrofit {@link Invocation} tag: a kept request's tag would name the
 * arguments of the call that built it, not of the page asked for. Thread-safe.
 */
public final class PageRequests {
  static final String LIMIT = "limit";
  static final String OFFSET = "offset";

  /** Asks the generated interface for the request of a page. */
  @FunctionalInterface
  public interface Generator {
    Request generate(String instanceId, int offset, int limit);
  }

  /** The last instance's generated request; immutable, so racing threads at worst rebuild it. */
  private static final class Template {
    final String instanceId;
    final Request request;

    Template(String instanceId, Request request) {
      this.instanceId = instanceId;
      this.request = request;
    }
  }

  private final Generator generator;
  private volatile Template last;

  public PageRequests(Generator generator) {
    this.generator = Objects.requireNonNull(generator, "generator");
  }

  public Request page(String instanceId, int offset, int limit) {
    Template template = last;
    if (template != null && template.instanceId.equals(instanceId)) {
      HttpUrl url = template.request.url().newBuilder()
          .query(null)
          .addQueryParameter(LIMIT, Integer.toString(limit))
          .addQueryParameter(OFFSET, Integer.toString(offset))
          .build();
      return template.request.newBuilder().url(url).build();
    }
    Request generated = generator.generate(instanceId, offset, limit).newBuilder()
        .tag(Invocation.class, null)
        .build();
    if (isPageQuery(generated.url(), offset, limit)) {
      last = new Template(instanceId, generated);
    }
    return generated;
  }

  private static boolean isPageQuery(HttpUrl url, int offset, int limit) {
    return url.querySize() == 2
        && LIMIT.equals(url.queryParameterName(0))
        && Integer.toString(limit).equals(url.queryParameterValue(0))
        && OFFSET.equals(url.queryParameterName(1))
        && Integer.toString(offset).equals(url.queryParameterValue(1));
  }
}
