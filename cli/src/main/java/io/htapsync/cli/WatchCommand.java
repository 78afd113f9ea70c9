package io.htapsync.cli;

import io.htapsync.client.model.StarRocksReplicationInfo;
import io.htapsync.client.sync.TaskSyncState;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "watch", mixinStandardHelpOptions = true,
    description = {"Redraw the tasks' stage and progress every interval until Ctrl-C.",
        "With --until-synced, exit 0 once the instance has tasks and every one is incremental",
        "with no catch-up running or its catch-up incremental at 100%."})
final class WatchCommand implements Callable<Integer> {
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

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

  @Option(names = "--until-synced", description = "Exit 0 once every task is synced.")
  boolean untilSynced;

  /** Counted down by Ctrl-C (see {@link HtapSyncCli}); the poll loop waits on it between polls. */
  final CountDownLatch stop = new CountDownLatch(1);
  /** True while a poll is in flight: Ctrl-C then ends the run at once rather than after the poll. */
  volatile boolean polling;

  @Override
  public Integer call() throws InterruptedException {
    if (interval.isZero()) {
      throw new IllegalArgumentException("--interval must be positive");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean redrawInPlace = cli.interactive;
    cli.activeWatch = this;
    try (Connection connection = cli.connect(err)) {
      int linesDrawn = 0;
      while (true) {
        long start = System.nanoTime();
        polling = true;
        List<StarRocksReplicationInfo> tasks;
        try {
          tasks = connection.client.streamReplications(instanceOption.id).collect(Collectors.toList());
        } finally {
          polling = false;
        }
        cli.timing.firstCallDone(System.nanoTime() - start);
        long synced = tasks.stream().filter(t -> TaskSyncState.of(t).isSynced()).count();
        String frame = CLOCK.format(LocalTime.now()) + "  " + instanceOption.id + "  " + synced + " of " + tasks.size()
            + " tasks synced\n" + TaskTable.render(tasks);
        if (redrawInPlace && linesDrawn > 0) {
          out.print("\033[" + linesDrawn + "A\033[J"); // cursor up over the last frame, clear below
        } else if (linesDrawn > 0) {
          out.println();
        }
        out.print(frame);
        out.flush();
        linesDrawn = (int) frame.chars().filter(c -> c == '\n').count();
        // An instance without tasks is not "synced": it may not have started replicating yet.
        if (untilSynced && !tasks.isEmpty() && synced == tasks.size()) {
          err.println("htapsync: all " + tasks.size() + " tasks are synced");
          return ExitCode.OK;
        }
        if (stop.await(interval.toMillis(), TimeUnit.MILLISECONDS)) {
          err.println("htapsync: watch stopped");
          return ExitCode.OK;
        }
      }
    } finally {
      cli.activeWatch = null;
    }
  }
}
