package io.htapsync.client;

import com.google.gson.Gson;
import io.htapsync.client.auth.AuthenticationInterceptor;
import io.htapsync.client.auth.Credentials;
import io.htapsync.client.internal.AbortingInterceptor;
import io.htapsync.client.internal.CallExecutor;
import io.htapsync.client.internal.ClientHeadersInterceptor;
import io.htapsync.client.internal.HttpLogging;
import io.htapsync.client.internal.ReplicationRequests;
import io.htapsync.client.internal.ResponseDecoder;
import io.htapsync.client.internal.Timing;
import io.htapsync.client.listener.CallListener;
import io.htapsync.client.model.StarRocksReplicationInfo;
import io.htapsync.client.paging.ReplicationSpliterator;
import io.htapsync.client.region.RegionEndpoints;
import io.htapsync.client.retry.RetryPolicy;
import io.htapsync.client.sync.SnapshotFetch;
import io.htapsync.client.sync.SyncListener;
import io.htapsync.client.sync.SyncSnapshot;
import io.htapsync.client.sync.SyncWaiter;
import io.htapsync.client.sync.SyncWatch;
import io.htapsync.client.sync.WaitOptions;
import io.htapsync.client.sync.WatchOptions;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Lists the data synchronization tasks of StarRocks instances.
 *
 * <pre>{@code
 * try (var client = StarRocksReplicationClient.builder()
 *     .region("cn-north-4")
 *     .projectId("9f8e7d6c5b4a39281706f5e4d3c2b1a0")
 *     .credentials(Credentials.fromEnvironment())
 *     .build()) {
 *   client.streamReplications(instanceId).forEach(task -> ...);
 * }
 * }</pre>
 *
 * <p>Thread-safe: share one client. Every call validates its arguments before sending anything,
 * retries what its {@link RetryPolicy} allows, and fails with a subclass of {@link
 * io.htapsync.client.exception.HtapSyncException}.
 *
 * <p>Every call runs one way: a {@link ListReplicationsRequest} (the overloads make one) becomes an
 * OkHttp request, the executor runs its attempts through the interceptors (headers, authentication),
 * and the decoder turns the answer into a checked {@link ReplicationPage}. A 429 with {@code
 * Retry-After} holds back every call of this client (and of clients sharing its {@link HostThrottle})
 * to that host until the time has passed;
 * interrupting a thread in a blocking call cancels it ({@link
 * io.htapsync.client.exception.CallInterruptedException}); a {@link Builder#callListener listener}
 * hears of every attempt.
 */
public final class StarRocksReplicationClient implements AutoCloseable {
  private final ReplicationRequests requests;
  private final CallExecutor executor;
  private final ResponseDecoder decoder;
  private final OkHttpClient http;
  private final boolean ownsHttp;
  private final String projectId;
  private final Language language;
  private final HttpUrl endpoint;
  private final Credentials credentials;
  private volatile boolean closed;

  private StarRocksReplicationClient(Builder b, HttpUrl endpoint, String projectId) {
    this.endpoint = endpoint;
    this.projectId = projectId;
    this.language = b.language;
    this.credentials = b.credentials;
    this.ownsHttp = b.okHttpClient == null;
    OkHttpClient.Builder http = (ownsHttp ? new OkHttpClient.Builder() : b.okHttpClient.newBuilder())
        .connectTimeout(b.connectTimeout)
        .readTimeout(b.readTimeout)
        .writeTimeout(b.readTimeout)
        .callTimeout(b.callTimeout)
        // A redirect would carry X-Auth-Token and X-Security-Token to another host (OkHttp strips
        // only Authorization), and the service never redirects: a 3xx is reported, not followed.
        .followRedirects(false)
        .followSslRedirects(false)
        .addInterceptor(new ClientHeadersInterceptor(userAgent(b.userAgentSuffix)))
        .addInterceptor(new AbortingInterceptor(
            new AuthenticationInterceptor(b.credentials, projectId, b.clock)));
    if (b.logLevel != null) {
      http.addNetworkInterceptor(HttpLogging.interceptor(b.logLevel.name(), b.logSink));
    }
    if (!endpoint.isHttps()) {
      // A plain-http endpoint (allowInsecureHttp(): a loopback server) is all this client calls, and
      // it follows no redirect: without a TLS ConnectionSpec OkHttp sets up no TLS at all (the trust
      // store and an SSLContext, about 70 ms of a short CLI run).
      http.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
    }
    this.http = http.build();
    this.requests = new ReplicationRequests(endpoint, projectId, language.headerValue());
    this.decoder = new ResponseDecoder(new Gson());
    this.executor = new CallExecutor(this.http, b.retryPolicy, b.clock, b.timing, b.callListener,
        (b.hostThrottle != null ? b.hostThrottle : new HostThrottle()).gates());
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The first page (offset 0, limit 100; the service returns at most 50 of them). */
  public ReplicationPage listReplications(String instanceId) {
    return listReplications(ListReplicationsRequest.of(instanceId));
  }

  /**
   * One page of tasks; {@link ListReplicationsRequest#of(String, int, int)} says what the arguments mean.
   *
   * @throws IllegalArgumentException for a bad argument, before anything is sent
   */
  public ReplicationPage listReplications(String instanceId, int offset, int limit) {
    return listReplications(ListReplicationsRequest.of(instanceId, offset, limit));
  }

  /** The page {@code request} names. */
  public ReplicationPage listReplications(ListReplicationsRequest request) {
    return executor.execute(request.instanceId(), toHttp(request), response -> decoder.decode(response, request));
  }

  /** {@link #listReplications(String)} without blocking a thread. */
  public CompletableFuture<ReplicationPage> listReplicationsAsync(String instanceId) {
    return listReplicationsAsync(ListReplicationsRequest.of(instanceId));
  }

  /**
   * {@link #listReplications(String, int, int)} on OkHttp's dispatcher, with the same retries and
   * errors; the future fails with the same exceptions. Bad arguments throw at once.
   */
  public CompletableFuture<ReplicationPage> listReplicationsAsync(String instanceId, int offset, int limit) {
    return listReplicationsAsync(ListReplicationsRequest.of(instanceId, offset, limit));
  }

  /** {@link #listReplications(ListReplicationsRequest)} without blocking a thread. */
  public CompletableFuture<ReplicationPage> listReplicationsAsync(ListReplicationsRequest request) {
    return executor.executeAsync(request.instanceId(), toHttp(request),
        response -> decoder.decode(response, request));
  }

  /**
   * Every task of the instance, fetched lazily page by page; see {@link ReplicationSpliterator} for
   * how it ends. Close the stream or not: it holds no resource between pages.
   */
  public Stream<StarRocksReplicationInfo> streamReplications(String instanceId) {
    return streamReplications(instanceId, page -> { });
  }

  /**
   * {@link #streamReplications(String)}, telling {@code pageListener} of each page as it arrives
   * (its {@link ReplicationPage#totalCount()} and {@link ReplicationPage#nextOffset()} make a
   * progress display).
   */
  public Stream<StarRocksReplicationInfo> streamReplications(String instanceId,
      Consumer<ReplicationPage> pageListener) {
    Objects.requireNonNull(pageListener, "pageListener");
    return StreamSupport.stream(spliterator(ListReplicationsRequest.of(instanceId), pageListener), false);
  }

  /** The same walk as {@link #streamReplications(String)}, for for-each loops. */
  public Iterable<StarRocksReplicationInfo> iterateReplications(String instanceId) {
    ListReplicationsRequest first = ListReplicationsRequest.of(instanceId);
    return () -> Spliterators.iterator(spliterator(first, page -> { }));
  }

  private ReplicationSpliterator spliterator(ListReplicationsRequest first, Consumer<ReplicationPage> pageListener) {
    return new ReplicationSpliterator(first.instanceId(),
        (offset, limit) -> listReplications(first.withOffset(offset)), first.limit(), pageListener);
  }

  private okhttp3.Request toHttp(ListReplicationsRequest request) {
    Objects.requireNonNull(request, "request");
    if (closed) {
      throw new IllegalStateException("this StarRocksReplicationClient is closed");
    }
    return requests.toHttp(request);
  }

  /**
   * Stops the client. If it made its own OkHttp client, its threads and pooled connections go too;
   * a client passed to {@link Builder#okHttpClient} is left running for its other users.
   */
  @Override
  public void close() {
    closed = true;
    executor.close();
    if (ownsHttp) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  /** The OkHttp client this client runs on; for tests of resource handling. */
  OkHttpClient httpClient() {
    return http;
  }

  @Override
  public String toString() {
    return "StarRocksReplicationClient{endpoint=" + endpoint + ", projectId=" + projectId
        + ", language=" + language.headerValue() + ", credentials=" + credentials + '}';
  }

  private static String userAgent(String suffix) {
    String version = StarRocksReplicationClient.class.getPackage().getImplementationVersion();
    String agent = "htapsync-java/" + (version == null ? "dev" : version) + " Java/"
        + System.getProperty("java.version");
    return suffix == null ? agent : agent + " " + suffix;
  }

  // ---- Sync state, waiting and change events: thin entry points into io.htapsync.client.sync ----

  /**
   * Every task of the instance, all pages, as one {@link SyncSnapshot}: {@link SyncSnapshot#isSynced()}
   * and per-task {@link io.htapsync.client.sync.TaskSyncState}. Same paging, retries and errors as
   * {@link #streamReplications(String)}.
   */
  public SyncSnapshot snapshot(String instanceId) {
    RequestArguments.instanceId(instanceId);
    return SnapshotFetch.blocking(instanceId, pages -> streamReplications(instanceId, pages), Clock.systemUTC());
  }

  /**
   * {@link #snapshot(String)} without blocking a thread: the pages are chained {@link
   * #listReplicationsAsync(String, int, int)} calls. Cancelling the future cancels the page in flight.
   */
  public CompletableFuture<SyncSnapshot> snapshotAsync(String instanceId) {
    RequestArguments.instanceId(instanceId);
    return SnapshotFetch.async(instanceId, (offset, limit) -> listReplicationsAsync(instanceId, offset, limit),
        RequestArguments.MAX_LIMIT, Clock.systemUTC());
  }

  /**
   * Blocks until the instance is synced (it has tasks and every one is synced), polling as {@code
   * options} say; see {@link SyncWaiter} for how a wait ends.
   *
   * @return the first synced snapshot
   * @throws io.htapsync.client.sync.WaitTimeoutException at the timeout, carrying the last snapshot
   * @throws io.htapsync.client.exception.HtapSyncException a non-retryable poll failure, at once
   */
  public SyncSnapshot waitUntilSynced(String instanceId, WaitOptions options) {
    RequestArguments.instanceId(instanceId);
    return SyncWaiter.await(this::snapshotAsync, instanceId, options);
  }

  /**
   * {@link #waitUntilSynced} without blocking a thread: polls are timer tasks and asynchronous
   * calls. Cancelling the future stops the polling.
   */
  public CompletableFuture<SyncSnapshot> waitUntilSyncedAsync(String instanceId, WaitOptions options) {
    RequestArguments.instanceId(instanceId);
    return SyncWaiter.waitAsync(this::snapshotAsync, instanceId, options);
  }

  /**
   * Polls the instance and tells {@code listener} what changed ({@link io.htapsync.client.sync.SyncEvent})
   * until the returned handle is closed; see {@link SyncWatch}.
   */
  public SyncWatch watch(String instanceId, WatchOptions options, SyncListener listener) {
    RequestArguments.instanceId(instanceId);
    return SyncWatch.start(this::snapshotAsync, instanceId, options, listener);
  }

  /** Configures a {@link StarRocksReplicationClient}. Not thread-safe; the client it builds is. */
  public static final class Builder {
    private URI endpointUri;
    private String region;
    private boolean allowInsecureHttp;
    private String projectId;
    private Credentials credentials;
    private Language language = Language.EN_US;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private Duration callTimeout = Duration.ofSeconds(60);
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private OkHttpClient okHttpClient;
    private String userAgentSuffix;
    private Clock clock = Clock.systemUTC();
    private HttpLogLevel logLevel;
    private Consumer<String> logSink;
    private Timing timing = Timing.SYSTEM;
    private CallListener callListener = CallListener.NONE;
    private HostThrottle hostThrottle;

    private Builder() {}

    /** The region whose endpoint to call, e.g. {@code cn-north-4}; see {@link RegionEndpoints}. */
    public Builder region(String region) {
      RegionEndpoints.endpointOf(region);
      this.region = region;
      this.endpointUri = null;
      return this;
    }

    /** An explicit endpoint, e.g. a private one; https unless {@link #allowInsecureHttp()}. */
    public Builder endpoint(URI endpoint) {
      this.endpointUri = Objects.requireNonNull(endpoint, "endpoint");
      this.region = null;
      return this;
    }

    /** Allows an {@code http} endpoint: for loopback test servers, never for the real service. */
    public Builder allowInsecureHttp() {
      this.allowInsecureHttp = true;
      return this;
    }

    /** The project (32 letters and digits); defaults to the one the credentials carry, if any. */
    public Builder projectId(String projectId) {
      this.projectId = RequestArguments.projectId(projectId);
      return this;
    }

    public Builder credentials(Credentials credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    /** The language of the service's error messages (default en-us). */
    public Builder language(Language language) {
      this.language = Objects.requireNonNull(language, "language");
      return this;
    }

    /** Default 10 s. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /** The longest silence while reading a response; default 30 s. */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = positive(timeout, "readTimeout");
      return this;
    }

    /** The most one attempt may take, end to end; default 60 s. See also {@link RetryPolicy#deadline()}. */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = positive(timeout, "callTimeout");
      return this;
    }

    /** Default {@link RetryPolicy#defaults()}; {@link RetryPolicy#none()} turns retries off. */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
      return this;
    }

    /**
     * An OkHttp client whose connection pool and dispatcher to share. Its settings are kept; this
     * builder's timeouts and interceptors are applied on top. {@link #close()} leaves it running.
     */
    public Builder okHttpClient(OkHttpClient client) {
      this.okHttpClient = Objects.requireNonNull(client, "okHttpClient");
      return this;
    }

    /** Appended to the {@code User-Agent}, e.g. {@code "sync-dashboard/2.1"}. */
    public Builder userAgent(String suffix) {
      if (suffix == null || suffix.isBlank() || suffix.chars().anyMatch(c -> c < 0x20 || c >= 0x7f)) {
        throw new IllegalArgumentException("userAgent suffix must be non-blank printable ASCII");
      }
      this.userAgentSuffix = suffix;
      return this;
    }

    /**
     * Logs each HTTP exchange to {@code sink}, credential headers redacted. Needs OkHttp's
     * logging-interceptor on the classpath.
     */
    public Builder httpLogging(HttpLogLevel level, Consumer<String> sink) {
      try {
        Class.forName("okhttp3.logging.HttpLoggingInterceptor", false, Builder.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("httpLogging needs com.squareup.okhttp3:logging-interceptor"
            + " (the version matching OkHttp) on the classpath");
      }
      this.logLevel = Objects.requireNonNull(level, "level");
      this.logSink = Objects.requireNonNull(sink, "sink");
      return this;
    }

    /** The clock for signing dates and {@code Retry-After} dates; for tests. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Told of every call's attempts, retries and outcome, sync and async, e.g. for metrics
     * ({@code htapsync-micrometer}). It runs on the calling or OkHttp's thread and must be quick; what
     * it throws is logged and ignored, never changing a call's outcome. Default: {@link CallListener#NONE}.
     */
    public Builder callListener(CallListener listener) {
      this.callListener = Objects.requireNonNull(listener, "callListener");
      return this;
    }

    /**
     * Shares where a 429's {@code Retry-After} holds calls back with the other clients given the same
     * {@link HostThrottle}: a fleet's clients then slow down together on a throttled host. Default: a
     * throttle of this client's own.
     */
    public Builder hostThrottle(HostThrottle throttle) {
      this.hostThrottle = Objects.requireNonNull(throttle, "hostThrottle");
      return this;
    }

    /** Waits and timers for retries and deadlines; tests drive their own instead of sleeping. */
    Builder timing(Timing timing) {
      this.timing = Objects.requireNonNull(timing, "timing");
      return this;
    }

    /**
     * @throws IllegalStateException naming what is missing or inconsistent
     */
    public StarRocksReplicationClient build() {
      if (credentials == null) {
        throw new IllegalStateException("credentials are required: credentials(Credentials.token(..)),"
            + " Credentials.akSk(..) or Credentials.fromEnvironment()");
      }
      String project = projectId != null ? projectId : credentials.projectId().orElse(null);
      if (project == null) {
        throw new IllegalStateException("projectId is required: projectId(..) or the environment"
            + " variable HUAWEICLOUD_SDK_PROJECT_ID with Credentials.fromEnvironment()");
      }
      RequestArguments.projectId(project);
      return new StarRocksReplicationClient(this, baseUrl(), project);
    }

    private HttpUrl baseUrl() {
      if (endpointUri == null && region == null) {
        throw new IllegalStateException("an endpoint is required: region(\"cn-north-4\") or endpoint(URI)");
      }
      URI uri = endpointUri != null ? endpointUri : RegionEndpoints.endpointOf(region);
      if (uri.getRawUserInfo() != null) {
        // Checked first and not echoed: user:password@ would otherwise reach toString() and messages.
        throw new IllegalStateException("endpoint must not carry user info (user:password@host);"
            + " credentials go in credentials(..)");
      }
      String scheme = uri.getScheme();
      if ("http".equalsIgnoreCase(scheme) && !allowInsecureHttp) {
        throw new IllegalStateException("endpoint " + uri + " is plain http; tokens and signatures"
            + " would travel unencrypted. Use https, or allowInsecureHttp() for a loopback test server");
      }
      if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)) {
        throw new IllegalStateException("endpoint " + uri + " must be an https URL");
      }
      if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
        throw new IllegalStateException("endpoint " + uri + " must not have a query or fragment");
      }
      HttpUrl url = HttpUrl.get(uri.toString());
      String path = url.encodedPath().endsWith("/") ? url.encodedPath() : url.encodedPath() + "/";
      return url.newBuilder().encodedPath(path).build();
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive, got " + d);
      }
      return d;
    }
  }
}
