package io.htapsync.cli;

import io.htapsync.client.ReplicationPage;
import io.htapsync.client.RequestArguments;
import io.htapsync.client.StarRocksReplicationClient;
import io.htapsync.client.model.StarRocksReplicationInfo;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "list", mixinStandardHelpOptions = true,
    description = "List the data synchronization tasks of a StarRocks instance.")
final class ListCommand implements Callable<Integer> {
  @ParentCommand
  HtapSyncCli cli;

  @Spec
  CommandSpec spec;

  @Mixin
  InstanceOption instanceOption = new InstanceOption();

  @ArgGroup(exclusive = true)
  Range range = new Range();

  static final class Range {
    @ArgGroup(exclusive = false)
    Page page;

    @Option(names = "--all", description = "Every task, across as many pages as it takes.")
    boolean all;
  }

  static final class Page {
    @Option(names = "--offset", paramLabel = "N", defaultValue = "0",
        description = "Record offset: N starts at record N+1 (default: ${DEFAULT-VALUE}).")
    int offset;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100",
        description = "Page size 1..100 (default: ${DEFAULT-VALUE}; the service returns at most 50).")
    int limit;
  }

  @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "table",
      description = "table or json (default: ${DEFAULT-VALUE}).")
  OutputFormat output;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int offset = range.page == null ? 0 : range.page.offset;
    int limit = range.page == null ? 100 : range.page.limit;
    try {
      RequestArguments.page(offset, limit); // before the sandbox starts or anything is sent
    } catch (IllegalArgumentException e) {
      throw ClientTerms.usageError(spec.commandLine(), e, Map.of("limit", "--limit", "offset", "--offset"));
    }
    try (Connection connection = cli.connect(err)) {
      StarRocksReplicationClient client = connection.client;
      long start = System.nanoTime();
      long total;
      List<StarRocksReplicationInfo> tasks;
      if (range.all) {
        long[] totalSeen = {0};
        tasks = client.streamReplications(instanceOption.id, page -> {
          cli.timing.firstCallDone(System.nanoTime() - start);
          totalSeen[0] = page.totalCount();
          if (!page.isLast() || page.offset() > 0) {
            progress(err, page.nextOffset(), page.totalCount());
          }
        }).collect(Collectors.toList());
        total = tasks.isEmpty() ? 0 : totalSeen[0];
      } else {
        ReplicationPage page = client.listReplications(instanceOption.id, offset, limit);
        cli.timing.firstCallDone(System.nanoTime() - start);
        total = page.totalCount();
        tasks = page.replications();
      }
      out.print(output == OutputFormat.json ? JsonOutput.render(total, tasks) + "\n" : TaskTable.render(tasks));
      if (output == OutputFormat.table) {
        out.println(tasks.size() + " of " + total + " task" + (total == 1 ? "" : "s"));
      }
      out.flush();
      return ExitCode.OK;
    }
  }

  private static void progress(PrintWriter err, long fetched, long total) {
    err.println("htapsync: fetched " + fetched + " of " + total + " tasks");
    err.flush();
  }
}
