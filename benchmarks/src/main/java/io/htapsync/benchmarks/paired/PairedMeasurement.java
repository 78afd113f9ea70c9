package io.htapsync.benchmarks.paired;

import io.htapsync.benchmarks.call.CallBenchmark;
import io.htapsync.benchmarks.decode.DecodeBenchmark;
import io.htapsync.benchmarks.fixture.PageJson;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The client against its baseline, interleaved (see {@link Interleaved}), on the very same code the
 * JMH benchmarks run: decoding (client vs plain Gson, both counter forms) and the end-to-end call
 * (client vs raw OkHttp + Gson). Prints {@code key=value} lines for the report.
 *
 * <p>Usage: {@code PairedMeasurement [decodeMillis [callMillis]]}: how long to time each decode
 * comparison (default 10000) and the call comparison (default 20000), each after a warm-up of a fifth
 * of that.
 */
public final class PairedMeasurement {
  private PairedMeasurement() {}

  public static void main(String[] args) throws Exception {
    long decodeMillis = args.length > 0 ? Long.parseLong(args[0]) : 10_000;
    long callMillis = args.length > 1 ? Long.parseLong(args[1]) : 20_000;
    measure(decodeMillis, callMillis).forEach((key, value) -> System.out.println(key + "=" + value));
  }

  public static Map<String, String> measure(long decodeMillis, long callMillis) throws Exception {
    Map<String, String> out = new LinkedHashMap<>();
    for (PageJson.Counters counters : PageJson.Counters.values()) {
      DecodeBenchmark decode = new DecodeBenchmark();
      decode.counters = counters;
      decode.setUp();
      put(out, "paired.decode." + counters,
          Interleaved.compare(decode::client, decode::plainGson, decodeMillis / 5, decodeMillis));
    }
    CallBenchmark call = new CallBenchmark();
    call.setUp();
    try {
      put(out, "paired.call", Interleaved.compare(call::client, call::rawOkHttpGson, callMillis / 5, callMillis));
      // The design not taken (Retrofit executes, a converter decodes), against the same baseline and
      // against the client, so the two designs stand side by side in one run.
      put(out, "paired.call.retrofit",
          Interleaved.compare(call::retrofitAdapterConverter, call::rawOkHttpGson, callMillis / 5, callMillis));
      put(out, "paired.call.clientVsRetrofit",
          Interleaved.compare(call::client, call::retrofitAdapterConverter, callMillis / 5, callMillis));
    } finally {
      call.tearDown();
    }
    return out;
  }

  private static void put(Map<String, String> out, String prefix, Interleaved.Comparison c) {
    out.put(prefix + ".samples", Integer.toString(c.a.samples));
    out.put(prefix + ".client.medianMicros", fixed(c.a.median));
    out.put(prefix + ".client.p99Micros", fixed(c.a.p99));
    out.put(prefix + ".baseline.medianMicros", fixed(c.b.median));
    out.put(prefix + ".baseline.p99Micros", fixed(c.b.p99));
    out.put(prefix + ".ratio", fixed(c.ratio));
    out.put(prefix + ".ratioLowestFifth", fixed(c.lowestBlockRatio));
    out.put(prefix + ".ratioHighestFifth", fixed(c.highestBlockRatio));
  }

  private static String fixed(double value) {
    return String.format(Locale.ROOT, "%.3f", value);
  }
}
