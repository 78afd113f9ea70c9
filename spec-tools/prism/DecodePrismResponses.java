import io.htapsync.client.StarRocksReplicationClient;
import io.htapsync.client.ReplicationPage;
import io.htapsync.client.auth.Credentials;
import io.htapsync.client.exception.ApiException;
import io.htapsync.client.json.NumericString;
import io.htapsync.client.model.StarRocksReplicationInfo;
import io.htapsync.client.retry.RetryPolicy;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;

/**
 * "What the spec allows, the client accepts": the Java client against Prism's dynamic mock, which makes up a
 * response from the spec's schemas for every request. Each request carries its own seed ({@code Prefer: seed=})
 * so the run is the same every time while every response differs. Every 200 must decode, with each counter
 * usable the way the CLI uses it (a count as a long from 0, a percentage as a decimal from 0 to 100); every error
 * status must become an ApiException carrying the error code from either error form.
 *
 * <p>Run by spec-tools/check.sh: {@code java -cp cli/target/htapsync.jar DecodePrismResponses.java URL SUCCESSES}.
 * Prints the failures and a closing "N passed, N failed"; exits 1 on any failure.
 */
public class DecodePrismResponses {
  static final String PROJECT = "9f8e7d6c5b4a39281706f5e4d3c2b1a0";
  static final String INSTANCE = "0123456789abcdef0123456789abcdefin07";
  static final int[] ERROR_STATUSES = {400, 401, 403, 429, 500};
  static final int PER_ERROR_STATUS = 10;
  static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  // The Prefer header of the request being made: requests run one at a time.
  static final AtomicReference<String> PREFER = new AtomicReference<>();

  public static void main(String[] args) {
    URI endpoint = URI.create(args[0]);
    int successes = Integer.parseInt(args[1]);
    List<String> failures = new ArrayList<>();
    int passed = 0;
    int tasks = 0;
    int stringCounters = 0;
    int nullCatchups = 0;
    StarRocksReplicationClient client = client(endpoint);
    for (int i = 0; i < successes + ERROR_STATUSES.length * PER_ERROR_STATUS; i++) {
      Integer status = i < successes ? null : ERROR_STATUSES[(i - successes) / PER_ERROR_STATUS];
      String prefer = "dynamic=true, seed=htapsync-" + i + (status == null ? "" : ", code=" + status);
      PREFER.set(prefer);
      try {
        if (status == null) {
          ReplicationPage page = client.listReplications(INSTANCE, 0, 100);
          checkPage(page);
          tasks += page.replications().size();
          for (StarRocksReplicationInfo task : page.replications()) {
            stringCounters += task.getPercentage() != null && !task.getPercentage().isJsonNumber() ? 1 : 0;
            nullCatchups += task.getCatchupPercentage() == null ? 1 : 0;
          }
        } else {
          ApiException e = expectError(client, status);
          if (e.errorCode() == null || e.errorMessage() == null) {
            throw new AssertionError("HTTP " + status + " error body gave no code and message: " + e.bodySnippet());
          }
        }
        passed++;
      } catch (RuntimeException | AssertionError e) {
        failures.add("request " + i + " (Prefer: " + prefer + "): " + e);
      }
    }
    client.close();
    failures.forEach(f -> System.out.println("FAIL " + f));
    System.out.println("asked for " + successes + " generated 200 responses (" + tasks + " tasks, " + stringCounters
        + " percentages as strings, " + nullCatchups + " null catch-up percentages) and "
        + ERROR_STATUSES.length * PER_ERROR_STATUS + " generated error responses (400, 401, 403, 429, 500)");
    System.out.println("prism-decode: " + passed + " passed, " + failures.size() + " failed");
    System.exit(failures.isEmpty() ? 0 : 1);
  }

  static StarRocksReplicationClient client(URI endpoint) {
    OkHttpClient http = new OkHttpClient.Builder()
        .addInterceptor(chain -> chain.proceed(chain.request().newBuilder().header("Prefer", PREFER.get()).build()))
        .build();
    return StarRocksReplicationClient.builder().endpoint(endpoint).allowInsecureHttp().projectId(PROJECT)
        .credentials(Credentials.token("prism-token")).retryPolicy(RetryPolicy.none()).okHttpClient(http)
        .build();
  }

  static void checkPage(ReplicationPage page) {
    if (page.totalCount() < 0) {
      throw new AssertionError("total_count " + page.totalCount());
    }
    for (StarRocksReplicationInfo task : page.replications()) {
      percentage("percentage", task.getPercentage());
      percentage("catchup_percentage", task.getCatchupPercentage());
    }
  }

  static void percentage(String name, NumericString value) {
    if (value == null) {
      return;
    }
    BigDecimal decimal = value.asBigDecimal();
    if (decimal.signum() < 0 || decimal.compareTo(HUNDRED) > 0) {
      throw new AssertionError(name + " outside 0..100: " + value);
    }
  }

  static ApiException expectError(StarRocksReplicationClient client, int status) {
    try {
      client.listReplications(INSTANCE, 0, 100);
    } catch (ApiException e) {
      if (e.httpStatus() != status) {
        throw new AssertionError("expected HTTP " + status + ", got " + e.httpStatus());
      }
      return e;
    }
    throw new AssertionError("HTTP " + status + " did not fail");
  }
}
