#!/usr/bin/env bash
# Builds what the benchmarks need, runs them, and prints one table (see BENCHMARKS.md).
# About 5 minutes on 2 cores (11 at most). Usage: benchmarks/run.sh
#   HTAPSYNC_CLI_ARGS  arguments of the cold-start row's CLI run (default: "list --instance a3f5c7e9b1d24f6a8c0e2b4d6f8a0c1ein07")
set -euo pipefail

cd "$(dirname "$0")/.."
out=benchmarks/target/run
jar=benchmarks/target/benchmarks.jar
# Short but stable enough on a shared 2-core machine; BENCHMARKS.md says how noisy.
jmh_settings=(-f 1 -wi 3 -w 1s -i 5 -r 1s -prof gc -jvmArgsAppend "-Xms1g -Xmx1g")
jmh_settings_text="forks 1, warmup 3 x 1 s, measurement 5 x 1 s, -prof gc, -Xms1g -Xmx1g"

echo "run.sh: building the client and benchmarks.jar..." >&2
# dependency:list runs in each module after its package; generated-client's list is the footprint.
mkdir -p benchmarks/target
mvn -B -q -DskipTests package dependency:list -pl benchmarks,cli -am \
  -DincludeScope=runtime -DoutputAbsoluteArtifactFilename=true -DoutputFile=target/runtime-dependencies.txt \
  > benchmarks/target/run-build.log 2>&1 \
  || { tail -n 40 benchmarks/target/run-build.log >&2; exit 1; }

rm -rf "$out"
mkdir -p "$out"

echo "run.sh: JMH decode and call benchmarks (about 2 minutes)..." >&2
java -jar "$jar" "${jmh_settings[@]}" -rf json -rff "$out/jmh.json" \
  'io\.htapsync\.benchmarks\.(decode|call)\.' > "$out/jmh.log" 2>&1 \
  || { tail -n 40 "$out/jmh.log" >&2; exit 1; }

echo "run.sh: paired (interleaved) decode and call comparisons (about 45 s)..." >&2
java -Xms1g -Xmx1g -cp "$jar" io.htapsync.benchmarks.paired.PairedMeasurement 10000 20000 > "$out/paired.properties"

echo "run.sh: paging 100,000 tasks (about 30 s)..." >&2
java -Xms1g -Xmx1g -cp "$jar" io.htapsync.benchmarks.paging.PagingMeasurement 100000 15000 3 > "$out/paging.properties"

echo "run.sh: watcher heap over 10,000 polls (about 30 s; BENCHMARKS.md, Watcher heap)..." >&2
java -Xmx256m -cp "$jar" io.htapsync.benchmarks.watch.WatchHeapMeasurement 10000 > "$out/watch-heap.properties"
grep -E '^watch\.(heapAt\.(1000|10000)|heapGrowthBytes|seconds)=' "$out/watch-heap.properties" >&2

# The exporter (issue 12, section 6): its real FleetPoller against a loopback server holding each
# answer 50 ms, under -Xmx64m (the heap target); the same with 10 tasks an instance for the heap's
# growth with tasks; /metrics of 10,000 task series through MetricsServer and CachedExposition.
echo "run.sh: exporter fleet scans and /metrics rendering (about 3 minutes)..." >&2
java -Xmx64m -cp "$jar" io.htapsync.benchmarks.exporter.FleetScanMeasurement 1000 50 32 1 2 7 > "$out/fleet.properties"
java -Xmx1g -cp "$jar" io.htapsync.benchmarks.exporter.FleetScanMeasurement 1000 50 32 10 1 3 > "$out/fleet-large.properties"
java -Xms1g -Xmx1g -cp "$jar" io.htapsync.benchmarks.exporter.MetricsRenderMeasurement 1000 1 100 400 > "$out/render.properties"
# Ten times the task series (10,000 tasks, 22 MiB of text): how rendering and serving scale (row 6c').
java -Xms1g -Xmx1g -cp "$jar" io.htapsync.benchmarks.exporter.MetricsRenderMeasurement 10000 10 30 100 > "$out/render-large.properties"

echo "run.sh: cold start, installed launcher (about 1 minute) and footprint..." >&2
# The distribution as a user installs it, with a cache folder that starts empty.
dist_tar=$(ls cli/target/htapsync-*.tar.gz | head -n 1)
mkdir -p "$out/dist"
tar xzf "$dist_tar" -C "$out/dist"
dist_home=$(ls -d "$out"/dist/htapsync-* | head -n 1)
client_jar=$(ls generated-client/target/htapsync-client-*.jar | grep -v -e sources -e javadoc | head -n 1)
java -cp "$jar" io.htapsync.benchmarks.report.Report \
  --jmh "$out/jmh.json" \
  --paired "$out/paired.properties" \
  --paging "$out/paging.properties" \
  --fleet "$out/fleet.properties" \
  --fleet-large "$out/fleet-large.properties" \
  --render "$out/render.properties" \
  --render-large "$out/render-large.properties" \
  --client-jar "$client_jar" \
  --dependencies generated-client/target/runtime-dependencies.txt \
  --cli-jar cli/target/htapsync.jar \
  --dist-home "$dist_home" \
  --cache-home "$out/launcher-cache" \
  --cli-args "${HTAPSYNC_CLI_ARGS:-list --instance a3f5c7e9b1d24f6a8c0e2b4d6f8a0c1ein07}" \
  --settings "$jmh_settings_text" | tee "$out/table.md"
