package io.htapsync.client.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.htapsync.client.ReplicationPage;
import io.htapsync.client.ReplicationStage;
import io.htapsync.client.ReplicationStatus;
import io.htapsync.client.StarRocksReplicationClient;
import io.htapsync.client.exception.HtapSyncException;
import io.htapsync.client.json.NumericString;
import io.htapsync.client.model.StarRocksReplicationInfo;
import io.htapsync.client.retry.RetryPolicy;
import okhttp3.Headers;

/**
 * Any bytes as the body of a 200, through the whole client: the call returns a page or throws one
 * of our exceptions. A NullPointerException, JsonSyntaxException, NumberFormatException,
 * StackOverflowError or any other throwable escaping is a finding.
 *
 * <p>The normal test run replays the inputs under
 * {@code src/test/resources/io/htapsync/client/fuzz/ResponseDecodingFuzzTestInputs/}; {@code fuzz.sh}
 * fuzzes.
 */
class ResponseDecodingFuzzTest {
  private static final CannedServer SERVER = new CannedServer();
  private static final StarRocksReplicationClient CLIENT = SERVER.client(RetryPolicy.none());
  private static final Headers HEADERS = Headers.of("Content-Type", "application/json",
      "X-Request-Id", "fuzz-request");

  @FuzzTest(maxDuration = "5m")
  void anyBodyAsA200(byte[] body) {
    SERVER.answer(200, HEADERS, body);
    ReplicationPage page;
    try {
      page = CLIENT.listReplications("0123456789abcdef0123456789abcdefin07", 0, 100);
    } catch (HtapSyncException e) {
      Outcomes.assertReadable(e);
      return;
    }
    readEverything(page);
  }

  /** A page the client returned must be usable: every accessor and conversion that does not throw. */
  private static void readEverything(ReplicationPage page) {
    if (page.nextOffset() < page.offset()) {
      throw new AssertionError("next offset before this one: " + page);
    }
    page.isLast();
    page.toString();
    for (StarRocksReplicationInfo task : page.replications()) {
      if (task == null) {
        throw new AssertionError("a null task in " + page);
      }
      task.toString();
      ReplicationStage.parse(task.getStage());
      ReplicationStage.parse(task.getCatchupStage());
      ReplicationStatus.parse(task.getStatus());
      convert(task.getPercentage());
      convert(task.getCatchupPercentage());
    }
  }

  private static void convert(NumericString value) {
    if (value != null) {
      value.toBigDecimal();
      value.toLong();
      value.toString();
    }
  }
}
