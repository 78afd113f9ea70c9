#!/usr/bin/env bash
# Soak: the client's watcher and the exporter each run 100,000 polls against the embedded sandbox at a
# 10 ms interval with 10 % injected failures, sampling heap after GC, live threads and open file
# descriptors (RELIABILITY.md, section 10). About 6-10 minutes on 2 cores.
# Usage: benchmarks/soak.sh [polls] [failure-rate] [failure-kind]   (defaults 100000 0.1 500)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests install -pl benchmarks -am > /dev/null
exec java -Xmx256m -cp benchmarks/target/benchmarks.jar io.htapsync.benchmarks.soak.Soak \
  "${1:-100000}" "${2:-0.1}" "${3:-500}"
