package io.htapsync.benchmarks.report;

/** Stands in for cli/target/htapsync.jar: prints the HTAPSYNC_TIMING line the report expects. */
public final class FakeCli {
  private FakeCli() {}

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("fail")) {
      System.err.println("htapsync: unknown command fail");
      System.exit(3);
    }
    if ("1".equals(System.getenv("HTAPSYNC_TIMING"))) {
      System.err.println("htapsync-timing jvm_start_ms=12 sandbox_start_ms=34.5 first_call_ms=56");
    }
    System.out.println("task_name  status");
  }
}
