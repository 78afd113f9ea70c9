package io.htapsync.client.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.htapsync.client.StarRocksReplicationClient;
import io.htapsync.client.exception.ApiException;
import io.htapsync.client.exception.ClientErrorException;
import io.htapsync.client.exception.HtapSyncException;
import io.htapsync.client.exception.ServerErrorException;
import io.htapsync.client.exception.ThrottledException;
import io.htapsync.client.retry.RetryPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import okhttp3.Headers;

/**
 * Any error answer (status, Retry-After, body) through the whole client: it must end in the
 * {@link ApiException} subclass that the status calls for, with a readable message, whatever the
 * body holds. The retry policy allows a second attempt but no wait, so Retry-After and backoff
 * are parsed and weighed on every input without sleeping.
 *
 * <p>An input is a tiny HTTP-like text, so that the committed inputs stay readable:
 * <pre>
 * 429                      status, 400..599 (anything else: 500)
 * Retry-After: 3           header lines until a blank line (Retry-After, X-Request-Id)
 *
 * {"error_code": ...}      the body, any bytes
 * </pre>
 */
class ErrorDecodingFuzzTest {
  private static final CannedServer SERVER = new CannedServer();
  private static final RetryPolicy POLICY = RetryPolicy.builder()
      .maxAttempts(2)
      .baseDelay(Duration.ZERO)
      .maxDelay(Duration.ZERO)
      .maxRetryAfter(Duration.ZERO)
      .build();

  @FuzzTest(maxDuration = "5m")
  void anyErrorAnswer(byte[] input) {
    Answer answer = Answer.parse(input);
    SERVER.answer(answer.status, answer.headers, answer.body);
    // A client per input: a 429's Retry-After closes the host for the client that got it.
    try (StarRocksReplicationClient client = SERVER.client(POLICY)) {
      client.listReplications("0123456789abcdef0123456789abcdefin07", 0, 100);
    } catch (HtapSyncException e) {
      Outcomes.assertReadable(e);
      check(answer.status, e);
      return;
    }
    throw new AssertionError("HTTP " + answer.status + " returned a page");
  }

  private static void check(int status, HtapSyncException e) {
    if (!(e instanceof ApiException) || ((ApiException) e).httpStatus() != status) {
      throw new AssertionError("HTTP " + status + " ended in " + e, e);
    }
    Class<?> expected = status == 429 ? ThrottledException.class
        : status < 500 ? ClientErrorException.class : ServerErrorException.class;
    if (e.getClass() != expected) {
      throw new AssertionError("HTTP " + status + " gave " + e.getClass().getSimpleName(), e);
    }
    if (e instanceof ThrottledException
        && ((ThrottledException) e).retryAfter().filter(Duration::isNegative).isPresent()) {
      throw new AssertionError("negative Retry-After " + ((ThrottledException) e).retryAfter(), e);
    }
  }

  /** The parsed input: never throws, whatever the bytes. */
  static final class Answer {
    int status = 500;
    Headers headers = Headers.of();
    byte[] body = new byte[0];

    static Answer parse(byte[] input) {
      Answer answer = new Answer();
      int headEnd = indexOf(input, new byte[] {'\n', '\n'});
      if (headEnd < 0) {
        answer.body = input;
        return answer;
      }
      String[] lines = new String(input, 0, headEnd, StandardCharsets.ISO_8859_1).split("\n", -1);
      String statusLine = lines[0].trim();
      if (statusLine.matches("[45][0-9][0-9]")) {
        answer.status = Integer.parseInt(statusLine);
      }
      Headers.Builder headers = new Headers.Builder();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        if (colon > 0) {
          String name = lines[i].substring(0, colon).trim();
          // What an HTTP/1.1 parser can hand over: no CR, LF or NUL in a value.
          String value = lines[i].substring(colon + 1).trim().replaceAll("[\r\n\0]", "");
          if (name.equalsIgnoreCase("Retry-After") || name.equalsIgnoreCase("X-Request-Id")) {
            headers.addUnsafeNonAscii(name, value);
          }
        }
      }
      answer.headers = headers.build();
      answer.body = java.util.Arrays.copyOfRange(input, headEnd + 2, input.length);
      return answer;
    }

    private static int indexOf(byte[] data, byte[] pattern) {
      outer:
      for (int i = 0; i + pattern.length <= data.length; i++) {
        for (int j = 0; j < pattern.length; j++) {
          if (data[i + j] != pattern[j]) {
            continue outer;
          }
        }
        return i;
      }
      return -1;
    }
  }
}
