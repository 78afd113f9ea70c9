package io.htapsync.cli;

/** The CLI's exit codes; scripts rely on them, so they never change meaning. */
public final class ExitCode {
  public static final int OK = 0;
  /** The service answered with an error (HTTP status, code, message and request id on stderr). */
  public static final int API_ERROR = 1;
  /** Bad command line or configuration (missing credentials, bad ID, unknown region). */
  public static final int USAGE = 2;
  /** Network failure or timeout, after retries. */
  public static final int NETWORK = 3;
  /** The service answered 2xx with a body that is not the documented shape. */
  public static final int UNDECODABLE = 4;
  /** {@code watch --until-synced --timeout}: the time ran out before the instance was synced. */
  public static final int TIMED_OUT = 5;
  /** A bug in htapsync itself (an exception nobody planned for); never retry on it. */
  public static final int INTERNAL = 70;

  private ExitCode() {}
}
