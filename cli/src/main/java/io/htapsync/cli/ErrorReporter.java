package io.htapsync.cli;

import io.htapsync.client.exception.ApiException;
import io.htapsync.client.exception.CredentialsException;
import io.htapsync.client.exception.InconsistentPagingException;
import io.htapsync.client.exception.NumericConversionException;
import io.htapsync.client.exception.ResponseDecodingException;
import io.htapsync.client.exception.TransportException;
import io.htapsync.client.sync.WaitTimeoutException;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Turns what went wrong into one clear stderr message and the matching {@link ExitCode}. */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
    int exit = report(e, command.getErr());
    if (exit == ExitCode.USAGE) {
      HtapSyncCli.printHelpHint(command, command.getErr());
    }
    return exit;
  }

  static int report(Exception e, PrintWriter err) {
    if (e instanceof WaitTimeoutException) {
      err.println("htapsync: " + e.getMessage());
      return ExitCode.TIMED_OUT;
    }
    if (e instanceof ApiException) {
      ApiException api = (ApiException) e;
      err.println("htapsync: the service answered HTTP " + api.httpStatus());
      err.println("  error code: " + orDash(api.errorCode()));
      err.println("  message:    " + (api.errorMessage() != null ? api.errorMessage() : orDash(api.bodySnippet())));
      err.println("  request id: " + orDash(api.requestId()));
      return ExitCode.API_ERROR;
    }
    if (e instanceof TransportException) {
      err.println("htapsync: network failure: " + e.getMessage());
      return ExitCode.NETWORK;
    }
    if (e instanceof ResponseDecodingException || e instanceof InconsistentPagingException
        || e instanceof NumericConversionException) {
      err.println("htapsync: the service's answer could not be read: " + e.getMessage());
      return ExitCode.UNDECODABLE;
    }
    if (e instanceof IllegalArgumentException || e instanceof IllegalStateException
        || e instanceof CredentialsException || e instanceof CommandLine.ParameterException) {
      err.println("htapsync: " + e.getMessage());
      return ExitCode.USAGE;
    }
    err.println("htapsync: internal error (please report it): " + e);
    return ExitCode.INTERNAL;
  }

  /**
   * One line for a failure that does not end the command (a failed poll while watching): the HTTP
   * status, error code and message for API errors, without the body a proxy's HTML page would fill
   * the screen with; the exception's own message otherwise.
   */
  static String oneLine(Exception e) {
    if (e instanceof ApiException) {
      ApiException api = (ApiException) e;
      return "HTTP " + api.httpStatus() + (api.errorCode() != null ? " " + api.errorCode() : "")
          + (api.errorMessage() != null ? ": " + api.errorMessage() : "");
    }
    return String.valueOf(e.getMessage());
  }

  private static String orDash(String value) {
    return value == null || value.isEmpty() ? "-" : value;
  }
}
