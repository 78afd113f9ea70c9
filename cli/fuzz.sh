#!/usr/bin/env bash
# Fuzzes the fleet-file parser's Jazzer target (io.htapsync.cli.exporter.FleetFileFuzzTest) for a fixed
# time (default 5 minutes) and prints libFuzzer's totals. The normal test run only replays the committed
# inputs (regression mode); this script is what actually fuzzes.
#
#   cli/fuzz.sh          # 5 minutes
#   cli/fuzz.sh 30s
#
# A finding fails the run; Jazzer saves the input as crash-<sha1> next to the committed inputs
# (src/test/resources/io/htapsync/cli/exporter/FleetFileFuzzTestInputs/anyTextAsAFleetFile/), where every
# later test run replays it. The coverage corpus goes to cli/.cifuzz-corpus/ (not committed).
set -uo pipefail
cd "$(dirname "$0")/.."

duration="${1:-5m}"
log=cli/target/fuzz/FleetFileFuzzTest.log
mkdir -p cli/target/fuzz
echo "== FleetFileFuzzTest: fuzzing for $duration (log: $log)"
# Instrument the parser and SnakeYAML (whose composer the inputs mostly exercise).
JAZZER_FUZZ=1 mvn -B -ntp test -pl cli -am \
    -Dtest=FleetFileFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Djazzer.max_duration="$duration" \
    -Djazzer.instrument='io.htapsync.cli.**,org.yaml.snakeyaml.**' >"$log" 2>&1
status=$?
grep -aE '^Done [0-9]+ runs|^#[0-9]+[[:space:]]+DONE' "$log" | tail -2
grep -aE 'Tests run: [0-9]+, Failures' "$log" | tail -1
if [ $status -ne 0 ]; then
  echo "!! FleetFileFuzzTest: finding or failure (exit $status); see $log"
  grep -aE '^== Java Exception|^Caused by|crash-[0-9a-f]+' "$log" | head -10
fi
exit $status
