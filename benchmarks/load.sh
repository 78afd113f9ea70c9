#!/usr/bin/env bash
# The sandbox under load: 64 concurrent clients for 30 s on loopback (RELIABILITY.md, item 8).
# Usage: benchmarks/load.sh [clients] [seconds]. Exits 1 if any call failed or broke the spec.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests package -pl benchmarks -am > /dev/null
exec java -cp benchmarks/target/benchmarks.jar io.htapsync.benchmarks.load.SandboxLoad "${1:-64}" "${2:-30}"
