package io.htapsync.client.internal;

import io.htapsync.client.exception.ApiException;
import io.htapsync.client.exception.CallInterruptedException;
import io.htapsync.client.exception.HtapSyncException;
import io.htapsync.client.exception.ThrottledException;
import io.htapsync.client.exception.TransportException;
import io.htapsync.client.listener.CallListener;
import io.htapsync.client.retry.RetryAfter;
import io.htapsync.client.retry.RetryPolicy;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.ref.WeakReference;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Runs one logical call as one or more HTTP attempts under a {@link RetryPolicy}, blocking or
 * asynchronously. Both forms share {@link #nextWait} and the host's throttling gate, so they retry
 * and wait identically, and both report to the {@link CallListener}.
 *
 * <p>Each attempt is a new OkHttp call, so the client's interceptors (authentication among them) run
 * again: a token supplier is asked again and an AK/SK signature carries a fresh date. Each attempt's
 * timeout is cut to what is left of the policy's deadline, so no call outlives it. Before each
 * attempt the call waits while its host's {@link HostGates gate} is closed by a 429's
 * {@code Retry-After}; a wait longer than the policy accepts or the deadline allows fails at once.
 */
public final class CallExecutor {
  /** Maps a 2xx response to the result; may throw IOException when the body cannot be read. */
  @FunctionalInterface
  public interface SuccessHandler<T> {
    T handle(Response response) throws IOException;
  }

  private final OkHttpClient http;
  private final RetryPolicy policy;
  private final Clock clock;
  private final Timing timing;
  private final CallListener listener;
  private final HostGates gates;
  private volatile boolean closed;

  /**
   * @param clock the wall clock, for {@code Retry-After} dates
   * @param timing waits, timers and the monotonic clock for deadlines and gates
   */
  public CallExecutor(OkHttpClient http, RetryPolicy policy, Clock clock, Timing timing,
      CallListener listener, HostGates gates) {
    this.http = http;
    this.policy = policy;
    this.clock = clock;
    this.timing = timing;
    this.listener = listener;
    this.gates = gates;
  }

  /** Ends retries still to come: calls waiting to retry fail at once instead of retrying. */
  public void close() {
    closed = true;
  }

  /**
   * Blocks until the call succeeds or fails for good. Interrupting the thread cancels the attempt in
   * flight (or the wait before the next) and ends the call with a {@link CallInterruptedException},
   * the thread's interrupt flag kept.
   *
   * @param instanceId what the call is about, for the listener
   */
  public <T> T execute(String instanceId, Request request, SuccessHandler<T> onSuccess) {
    CallEvents events = new CallEvents(listener, instanceId, timing);
    try {
      T result = attempts(events, request, onSuccess);
      events.finished(null);
      return result;
    } catch (RuntimeException | Error e) {
      events.finished(e);
      throw e;
    }
  }

  private <T> T attempts(CallEvents events, Request request, SuccessHandler<T> onSuccess) {
    long start = events.startNanos();
    for (int attempt = 1; ; attempt++) {
      awaitGate(request, start, attempt);
      Failure failure;
      int status = 0;
      Call call = newAttempt(request, start);
      long attemptStart = events.attemptStarted(attempt);
      try (InterruptWatch.Watched watch = InterruptWatch.SHARED.watch(call)) {
        try (Response response = call.execute()) {
          status = response.code();
          if (response.isSuccessful()) {
            return onSuccess.handle(response);
          }
          failure = httpFailure(response);
        } catch (AbortingInterceptor.Aborted e) {
          throw e.unwrap();
        } catch (IOException e) {
          if (watch.cancelledByInterrupt() || Thread.currentThread().isInterrupted()) {
            Thread.currentThread().interrupt();
            throw new CallInterruptedException(describe(request) + " interrupted", attempt, e);
          }
          failure = new Failure(e);
        }
      } finally {
        events.attemptEnded(attempt, status, attemptStart);
      }
      Optional<Duration> wait = nextWait(attempt, failure, start);
      if (wait.isEmpty()) {
        throw failure.toException(request, attempt);
      }
      events.retryScheduled(attempt + 1, wait.get());
      sleep(wait.get(), request, attempt);
    }
  }

  /** Waits while the host's gate is closed; fails when the wait would be longer than allowed. */
  private void awaitGate(Request request, long start, int attempt) {
    for (long left; (left = gates.nanosUntilOpen(request.url(), timing.nanoTime())) > 0; ) {
      if (!gateWaitAllowed(left, start)) {
        throw gates.rejection(request.url(), left);
      }
      sleep(Duration.ofNanos(left), request, attempt - 1);
    }
  }

  private boolean gateWaitAllowed(long nanos, long start) {
    return !closed && nanos <= policy.maxRetryAfter().toNanos() && nanos < remainingNanos(start);
  }

  private void sleep(Duration wait, Request request, int attempts) {
    try {
      timing.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CallInterruptedException("interrupted while waiting to send " + describe(request), attempts, e);
    }
  }

  /**
   * Starts the call on OkHttp's dispatcher; no thread waits for it. Waits between attempts are timers,
   * not sleeping threads. Cancelling the future cancels the attempt in flight and any retry to come.
   */
  public <T> CompletableFuture<T> executeAsync(String instanceId, Request request, SuccessHandler<T> onSuccess) {
    AsyncAttempts<T> attempts = new AsyncAttempts<>(new CallEvents(listener, instanceId, timing), request,
        onSuccess);
    // An attempt's own timeout only starts when OkHttp's dispatcher runs it (5 per host at once), so
    // a queued call could outlive the deadline: this timer ends the whole call on time regardless.
    // The timer holds the call weakly: a finished call nobody references is not kept for the deadline.
    // The call's end cancels the timer, so the timer queue holds only the calls in flight.
    WeakReference<AsyncAttempts<T>> weak = new WeakReference<>(attempts);
    Runnable cancelDeadline = timing.schedule(policy.deadline(), () -> {
      AsyncAttempts<T> pending = weak.get();
      if (pending != null) {
        pending.deadlinePassed();
      }
    });
    attempts.result.whenComplete((value, error) -> {
      cancelDeadline.run();
      attempts.events.finished(error);
    });
    attempts.next();
    return attempts.result;
  }

  private Call newAttempt(Request request, long start) {
    Call call = http.newCall(request);
    long left = Math.max(1, remainingNanos(start));
    long perAttempt = call.timeout().timeoutNanos();
    call.timeout().timeout(perAttempt == 0 ? left : Math.min(perAttempt, left), TimeUnit.NANOSECONDS);
    return call;
  }

  /** What is left of the deadline; zero or less once it has passed. */
  private long remainingNanos(long start) {
    return policy.deadline().toNanos() - (timing.nanoTime() - start);
  }

  private Failure httpFailure(Response response) {
    Optional<Duration> retryAfter = RetryAfter.parse(response.header("Retry-After"), clock);
    ApiException error = ApiErrors.from(response, retryAfter.orElse(null));
    if (error instanceof ThrottledException throttled && retryAfter.isPresent()) {
      gates.close(response.request().url(), retryAfter.get(), throttled, timing.nanoTime());
    }
    return new Failure(error, retryAfter);
  }

  /** The wait before the next attempt, or empty when this failure is final. */
  private Optional<Duration> nextWait(int attempt, Failure failure, long start) {
    if (closed || attempt >= policy.maxAttempts()) {
      return Optional.empty();
    }
    boolean retryable = failure.api == null
        ? policy.retriesIoFailures() && !(failure.io instanceof InterruptedIOException && deadlinePassed(start))
        : policy.retriesStatus(failure.api.httpStatus());
    if (!retryable) {
      return Optional.empty();
    }
    Optional<Duration> wait = policy.delayBeforeRetry(attempt, failure.retryAfter,
        () -> ThreadLocalRandom.current().nextDouble());
    if (wait.isEmpty() || wait.get().toNanos() >= remainingNanos(start)) {
      return Optional.empty();
    }
    return wait;
  }

  private boolean deadlinePassed(long start) {
    return timing.nanoTime() - start >= policy.deadline().toNanos();
  }

  static String describe(Request request) {
    return request.method() + " " + request.url().host() + request.url().encodedPath();
  }

  /** Why one attempt failed: an HTTP error answer or an I/O failure. */
  private static final class Failure {
    final ApiException api;
    final IOException io;
    final Optional<Duration> retryAfter;

    Failure(ApiException api, Optional<Duration> retryAfter) {
      this.api = api;
      this.io = null;
      this.retryAfter = retryAfter;
    }

    Failure(IOException io) {
      this.api = null;
      this.io = io;
      this.retryAfter = Optional.empty();
    }

    HtapSyncException toException(Request request, int attempts) {
      if (api != null) {
        return api;
      }
      String what = io instanceof InterruptedIOException ? "timed out" : "failed";
      return new TransportException(describe(request) + " " + what + ": " + io.getClass().getSimpleName()
          + (io.getMessage() == null ? "" : ": " + Snippets.excerpt(io.getMessage(), 200)), attempts, io);
    }
  }

  /** The state of one asynchronous logical call across its attempts. */
  private final class AsyncAttempts<T> implements Callback {
    final CallEvents events;
    final Request request;
    final SuccessHandler<T> onSuccess;
    final long start;
    final CompletableFuture<T> result = new CompletableFuture<>() {
      @Override
      public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        Call call = current;
        if (call != null) {
          call.cancel();
        }
        return cancelled;
      }
    };
    volatile Call current;
    volatile int attempt;
    volatile long attemptStart;

    AsyncAttempts(CallEvents events, Request request, SuccessHandler<T> onSuccess) {
      this.events = events;
      this.request = request;
      this.onSuccess = onSuccess;
      this.start = events.startNanos();
    }

    void next() {
      if (result.isDone()) {
        return;
      }
      if (closed) {
        result.completeExceptionally(new IllegalStateException(
            "the client was closed while " + describe(request) + " waited to retry"));
        return;
      }
      long gate = gates.nanosUntilOpen(request.url(), timing.nanoTime());
      if (gate > 0) {
        if (gateWaitAllowed(gate, start)) {
          timing.schedule(Duration.ofNanos(gate), this::next);
        } else {
          result.completeExceptionally(gates.rejection(request.url(), gate));
        }
        return;
      }
      Call call = newAttempt(request, start);
      current = call;
      if (result.isDone()) {
        return; // cancelled between the check and now: never start it
      }
      attempt++;
      attemptStart = events.attemptStarted(attempt);
      call.enqueue(this);
    }

    void deadlinePassed() {
      if (result.isDone()) {
        return;
      }
      TransportException timedOut = new TransportException(describe(request) + " timed out: the deadline of "
          + policy.deadline().toMillis() + " ms passed", Math.max(attempt, 1), null);
      if (result.completeExceptionally(timedOut)) {
        Call call = current;
        if (call != null) {
          call.cancel();
        }
      }
    }

    @Override
    public void onFailure(Call call, IOException e) {
      events.attemptEnded(attempt, 0, attemptStart);
      if (e instanceof AbortingInterceptor.Aborted) {
        result.completeExceptionally(((AbortingInterceptor.Aborted) e).unwrap());
      } else {
        failed(new Failure(e));
      }
    }

    @Override
    public void onResponse(Call call, Response response) {
      Failure failure = null;
      try (response) {
        if (response.isSuccessful()) {
          T value = onSuccess.handle(response);
          events.attemptEnded(attempt, response.code(), attemptStart);
          result.complete(value);
          return;
        }
        failure = httpFailure(response);
      } catch (IOException e) {
        failure = new Failure(e);
      } catch (RuntimeException | Error e) {
        events.attemptEnded(attempt, response.code(), attemptStart);
        result.completeExceptionally(e);
        return;
      }
      events.attemptEnded(attempt, response.code(), attemptStart);
      failed(failure);
    }

    private void failed(Failure failure) {
      if (result.isDone()) {
        return;
      }
      Optional<Duration> wait = nextWait(attempt, failure, start);
      if (wait.isEmpty()) {
        result.completeExceptionally(failure.toException(request, attempt));
      } else {
        events.retryScheduled(attempt + 1, wait.get());
        timing.schedule(wait.get(), this::next);
      }
    }
  }
}
