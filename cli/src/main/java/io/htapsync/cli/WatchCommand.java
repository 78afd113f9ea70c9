package io.htapsync.cli;

import io.htapsync.client.StarRocksReplicationClient;
import io.htapsync.client.sync.SyncEvent;
import io.htapsync.client.sync.SyncListener;
import io.htapsync.client.sync.SyncSnapshot;
import io.htapsync.client.sync.SyncWatch;
import io.htapsync.client.sync.WaitOptions;
import io.htapsync.client.sync.WatchOptions;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code htapsync watch}: the client's watcher ({@code client.watch}) or, with {@code --until-synced},
 * its waiter ({@code client.waitUntilSyncedAsync}), shown as a table or as JSON lines. What counts as
 * synced, what changed and which failed polls to outlive is decided by the client; this command only
 * shows it and turns the end into an exit code.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
    description = {"Show the tasks' stage and progress every interval until Ctrl-C: a table redrawn in place,",
        "or with --output jsonl one JSON object per change. Failed polls are shown and retried.",
        "With --until-synced, exit 0 once the instance has tasks and every one is incremental",
        "with no catch-up running or its catch-up incremental at 100%%; with --timeout, exit 5 if",
        "that has not happened in time."})
final class WatchCommand implements Callable<Integer> {
  /** Without --timeout, --until-synced waits as long as it takes (a scheduler's "never"). */
  static final Duration NO_TIMEOUT = Duration.ofNanos(Long.MAX_VALUE);

  @ParentCommand
  HtapSyncCli cli;

  @Spec
  CommandSpec spec;

  @Mixin
  InstanceOption instanceOption = new InstanceOption();

  @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "5s",
      converter = DurationConverter.class,
      description = "Time between polls, e.g. 500ms, 5s, 1m (default: ${DEFAULT-VALUE}).")
  Duration interval;

  @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "table",
      description = "table or jsonl (default: ${DEFAULT-VALUE}).")
  WatchOutput output;

  @Option(names = "--until-synced", description = "Exit 0 once every task is synced.")
  boolean untilSynced;

  @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "With --until-synced: give up after this long, exit 5 (default: no limit).")
  Duration timeout;

  @Option(names = "--stall-after", paramLabel = "DURATION", defaultValue = "5m",
      converter = DurationConverter.class,
      description = "Report a task as stalled after this long without progress (default: ${DEFAULT-VALUE}).")
  Duration stallAfter;

  /** Counted down by Ctrl-C (see {@link HtapSyncCli}) or by the end of the watch or wait. */
  final CountDownLatch stop = new CountDownLatch(1);
  private volatile boolean stoppedByUser;

  /** Ctrl-C: the command wakes at once, whatever a poll is doing, and exits 0. */
  void stopByUser() {
    stoppedByUser = true;
    stop.countDown();
  }

  @Override
  public Integer call() throws InterruptedException {
    if (timeout != null && !untilSynced) {
      throw new ParameterException(spec.commandLine(), "--timeout needs --until-synced");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    cli.activeWatch = this;
    try (Connection connection = cli.connect(err)) {
      SyncListener view = timed(output.view(out, instanceOption.id, cli.interactive));
      return untilSynced ? waitUntilSynced(connection.client, view, err) : watch(connection.client, view, err);
    } finally {
      cli.activeWatch = null;
    }
  }

  private int watch(StarRocksReplicationClient client, SyncListener view, PrintWriter err)
      throws InterruptedException {
    WatchOptions options = WatchOptions.builder().pollInterval(interval).stallAfter(stallAfter).build();
    try (SyncWatch watch = client.watch(instanceOption.id, options, view)) {
      watch.termination().whenComplete((done, failure) -> stop.countDown());
      stop.await();
      if (stoppedByUser || watch.isRunning()) {
        return stopped(err);
      }
      watch.termination().join(); // a watch ends by itself only with an error: thrown from here
      throw new IllegalStateException("the watch ended without an error");
    } catch (CompletionException e) {
      throw rethrow(e);
    }
  }

  private int waitUntilSynced(StarRocksReplicationClient client, SyncListener view, PrintWriter err)
      throws InterruptedException {
    WaitOptions options = WaitOptions.builder().pollInterval(interval).stallAfter(stallAfter)
        .timeout(timeout != null ? timeout : NO_TIMEOUT).listener(view).build();
    CompletableFuture<SyncSnapshot> wait = client.waitUntilSyncedAsync(instanceOption.id, options);
    wait.whenComplete((snapshot, failure) -> stop.countDown());
    stop.await();
    if (stoppedByUser || !wait.isDone()) {
      wait.cancel(true);
      return stopped(err);
    }
    try {
      SyncSnapshot synced = wait.join();
      err.println("htapsync: all " + synced.tasks().size() + " tasks are synced");
      return ExitCode.OK;
    } catch (CompletionException e) {
      throw rethrow(e); // WaitTimeoutException is exit 5, API errors 1, ...: see ErrorReporter
    }
  }

  /** The view, telling {@link Timing} when the first poll ended (well or not). */
  private SyncListener timed(SyncListener view) {
    long start = System.nanoTime();
    return new SyncListener() {
      @Override
      public void onEvent(SyncEvent event) {
        if (event.type() == SyncEvent.Type.POLL_FAILED) {
          cli.timing.firstCallDone(System.nanoTime() - start);
        }
        view.onEvent(event);
      }

      @Override
      public void onSnapshot(SyncSnapshot snapshot) {
        cli.timing.firstCallDone(System.nanoTime() - start);
        view.onSnapshot(snapshot);
      }

      @Override
      public void onStopped(Throwable cause) {
        view.onStopped(cause);
      }
    };
  }

  private static int stopped(PrintWriter err) {
    err.println("htapsync: watch stopped");
    return ExitCode.OK;
  }

  private static RuntimeException rethrow(CompletionException e) {
    Throwable cause = e.getCause();
    if (cause instanceof RuntimeException) {
      return (RuntimeException) cause;
    }
    if (cause instanceof Error) {
      throw (Error) cause;
    }
    return e;
  }
}
