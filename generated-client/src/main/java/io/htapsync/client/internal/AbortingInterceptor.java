package io.htapsync.client.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Wraps an interceptor whose unchecked exceptions (a token supplier that fails, say) must end the
 * call at once, unretried. OkHttp's async path turns an unchecked exception from an interceptor into
 * a vague "canceled" IOException and rethrows it on its dispatcher thread; carried as an
 * {@link Aborted} IOException it reaches {@link CallExecutor} intact, on both paths.
 */
public final class AbortingInterceptor implements Interceptor {
  private final Interceptor delegate;

  public AbortingInterceptor(Interceptor delegate) {
    this.delegate = delegate;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    try {
      return delegate.intercept(chain);
    } catch (RuntimeException e) {
      throw new Aborted(e);
    }
  }

  /** Carries the interceptor's exception through OkHttp to the executor, which rethrows it. */
  static final class Aborted extends IOException {
    private static final long serialVersionUID = 1L;

    Aborted(RuntimeException cause) {
      super(cause.getMessage(), cause);
    }

    RuntimeException unwrap() {
      return (RuntimeException) getCause();
    }
  }
}
