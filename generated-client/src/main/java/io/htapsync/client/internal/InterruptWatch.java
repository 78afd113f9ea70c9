package io.htapsync.client.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;

/**
 * Cancels a blocking OkHttp call when the thread waiting in it is interrupted. A thread blocked in a
 * socket read does not notice an interrupt, and Java tells no one else of it, so one daemon thread
 * looks at the waiting threads' interrupt flags every {@link #PERIOD_MILLIS} ms while any call is
 * watched, and sleeps without a timeout while none is. One such thread serves the whole JVM.
 */
final class InterruptWatch {
  static final long PERIOD_MILLIS = 10;
  static final InterruptWatch SHARED = new InterruptWatch();

  private final Set<Watched> watched = ConcurrentHashMap.newKeySet();
  private Thread thread;

  private InterruptWatch() {}

  /** Watches {@code call}, made on the current thread, until the returned handle is closed. */
  Watched watch(Call call) {
    Watched w = new Watched(Thread.currentThread(), call);
    watched.add(w);
    synchronized (this) {
      if (thread == null) {
        thread = new Thread(this::run, "htapsync interrupt watch");
        thread.setDaemon(true);
        thread.start();
      } else {
        notifyAll();
      }
    }
    return w;
  }

  private void run() {
    try {
      while (true) {
        synchronized (this) {
          while (watched.isEmpty()) {
            wait();
          }
        }
        TimeUnit.MILLISECONDS.sleep(PERIOD_MILLIS);
        for (Watched w : watched) {
          if (w.thread.isInterrupted()) {
            w.interrupted = true;
            w.call.cancel();
          }
        }
      }
    } catch (InterruptedException e) {
      synchronized (this) {
        thread = null; // someone stopped the watch; the next call starts another
      }
    }
  }

  /** One watched call; close it when the call is over. */
  final class Watched implements AutoCloseable {
    final Thread thread;
    final Call call;
    volatile boolean interrupted;

    Watched(Thread thread, Call call) {
      this.thread = thread;
      this.call = call;
    }

    /** True when the watch cancelled the call because its thread was interrupted. */
    boolean cancelledByInterrupt() {
      return interrupted;
    }

    @Override
    public void close() {
      watched.remove(this);
    }
  }
}
