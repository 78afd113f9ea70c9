#!/usr/bin/env bash
# Fuzzes the Jazzer targets under io.htapsync.client.fuzz, one after the other, each for a fixed time
# (default 5 minutes), and prints libFuzzer's totals per target. The normal test run only replays the
# committed inputs (regression mode); this script is what actually fuzzes.
#
#   generated-client/fuzz.sh                       # the three targets, 5 minutes each
#   generated-client/fuzz.sh 30s NumericStringFuzzTest
#
# A finding fails the target's run; Jazzer saves the input as crash-<sha1> next to the committed
# inputs (src/test/resources/io/htapsync/client/fuzz/<Target>Inputs/<method>/), where every later
# test run replays it. The coverage corpus goes to generated-client/.cifuzz-corpus/ (not committed).
set -uo pipefail
cd "$(dirname "$0")/.."

duration="${1:-5m}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(ResponseDecodingFuzzTest ErrorDecodingFuzzTest NumericStringFuzzTest)
fi
logs=generated-client/target/fuzz
mkdir -p "$logs"

failed=0
for target in "${targets[@]}"; do
  log="$logs/$target.log"
  echo "== $target: fuzzing for $duration (log: $log)"
  # Instrument the client and Gson (whose parser the inputs mostly exercise), not OkHttp or Jazzer.
  JAZZER_FUZZ=1 mvn -B -ntp test -pl generated-client -am \
      -Dtest="$target" -Dsurefire.failIfNoSpecifiedTests=false \
      -Djazzer.max_duration="$duration" \
      -Djazzer.instrument='io.htapsync.**,com.google.gson.**' >"$log" 2>&1
  status=$?
  # libFuzzer's own summary lines: "Done N runs in S second(s)" and the last "#N ... exec/s" status.
  grep -aE '^Done [0-9]+ runs|^#[0-9]+[[:space:]]+DONE' "$log" | tail -2
  grep -aE 'Tests run: [0-9]+, Failures' "$log" | tail -1
  if [ $status -ne 0 ]; then
    failed=1
    echo "!! $target: finding or failure (exit $status); see $log"
    grep -aE '^== Java Exception|^Caused by|crash-[0-9a-f]+' "$log" | head -10
  fi
done
exit $failed
