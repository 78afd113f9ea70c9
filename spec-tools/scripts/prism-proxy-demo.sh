#!/usr/bin/env bash
# Stoplight Prism as a validating proxy in front of the sandbox: the CLI's demo calls go through
#   prism proxy SPEC http://127.0.0.1:SANDBOX_PORT --errors
# and Prism must find 0 violations in them. A last probe that breaks the spec (limit=0) must be flagged, so a
# Prism that validates nothing cannot pass. Usage: prism-proxy-demo.sh SPEC PRISM_BIN SANDBOX_JAR CLI_JAR LOG_DIR
# Prints one summary line; exits non-zero on any violation or unexpected result. Ephemeral ports only.
set -uo pipefail
SPEC="$1" PRISM="$2" SANDBOX_JAR="$3" CLI_JAR="$4" LOGS="$5"
mkdir -p "$LOGS"
PROJECT=2f6b0c9d8e7a41b3a5c4d6e8f0a1b2c3        # the sandbox's demo project (sandbox/README.md)
DEMO=a3f5c7e9b1d24f6a8c0e2b4d6f8a0c1ein07       # 7 tasks
WAREHOUSE=5c1f7e2a9b3d4e6f8a0b1c2d3e4f5a6bin17  # 123 tasks: 3 pages
UNKNOWN=00000000000000000000000000000000in07
started=()
stop_all() { for pid in "${started[@]}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; done; }
trap stop_all EXIT
problem() { echo "$*"; exit 1; }

# Waits until FILE has a line matching PATTERN (or 30 s pass), then prints that line.
await_line() {
  local file="$1" pattern="$2"
  for _ in $(seq 300); do
    grep -m1 -E "$pattern" "$file" 2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}
free_port() { node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })'; }

# Starts a sandbox (extra options in $@) and a Prism proxy in front of it; sets PROXY to the proxy's URL.
start_pair() {
  local name="$1"; shift
  java -jar "$SANDBOX_JAR" --port 0 "$@" > "$LOGS/prism-$name-sandbox.log" 2>&1 &
  started+=($!)
  local line port
  line=$(await_line "$LOGS/prism-$name-sandbox.log" '^htapsync sandbox listening on ') || problem "sandbox ($name) did not start, see $LOGS/prism-$name-sandbox.log"
  port="${line##*:}"
  local prism_port prism_log="$LOGS/prism-$name.log"
  prism_port=$(free_port)
  "$PRISM" proxy "$SPEC" "http://127.0.0.1:$port" --errors -h 127.0.0.1 -p "$prism_port" > "$prism_log" 2>&1 &
  started+=($!)
  await_line "$prism_log" 'Prism is listening on' > /dev/null || problem "prism ($name) did not start, see $prism_log"
  PROXY="http://127.0.0.1:$prism_port"
}

# Runs the CLI through the proxy; checks its exit code and that its output holds TEXT.
calls=0
cli() {
  local expected_rc="$1" text="$2"; shift 2
  local out="$LOGS/prism-call-$calls.log" rc
  calls=$((calls + 1))
  HTAPSYNC_AUTH_TOKEN=prism-demo-token java -jar "$CLI_JAR" --endpoint "$PROXY" --project "$PROJECT" "$@" > "$out" 2>&1
  rc=$?
  [ "$rc" -eq "$expected_rc" ] || problem "htapsync $* exited $rc, expected $expected_rc (see $out)"
  grep -q -- "$text" "$out" || problem "htapsync $* did not print '$text' (see $out)"
}
# Prism logs a violation as a warning or error line ("Violation: ..."); with --errors it also rejects the call.
violations() { cat "$LOGS"/prism-numbers.log "$LOGS"/prism-strings.log 2>/dev/null | grep -cE 'Violation|(warning|error|fatal) {2,}'; }
forwarded() { cat "$LOGS"/prism-numbers.log "$LOGS"/prism-strings.log 2>/dev/null | grep -c 'Received forward response'; }

start_pair numbers
cli 0 "7 of 7 tasks" list --instance "$DEMO"
cli 0 '"total_count": 123' list --instance "$WAREHOUSE" --all --output json
cli 1 "DBS.200022" list --instance "$UNKNOWN"
start_pair strings --counters strings
cli 0 "7 of 7 tasks" list --instance "$DEMO"
cli 0 '"total_count": 123' list --instance "$WAREHOUSE" --all --output json

found=$(violations)
through=$(forwarded)
# 1 + 3 pages + 1 + 1 + 3 pages: every call went through Prism to the sandbox.
[ "$through" -eq 9 ] || problem "Prism forwarded $through requests, expected 9 (see $LOGS/prism-*.log)"
[ "$found" -eq 0 ] || problem "Prism found $found violation(s) in the demo calls (see $LOGS/prism-*.log)"

probe=$(curl -s -o /dev/null -w '%{http_code}' -H 'X-Auth-Token: prism-demo-token' \
  "$PROXY/v3/$PROJECT/instances/$DEMO/starrocks/databases/replication?limit=0")
sleep 0.5
[ "$(violations)" -gt 0 ] || problem "Prism did not flag a request with limit=0 (answered $probe): it is not validating"
echo "$calls CLI calls ($through requests) through prism proxy --errors: 0 violations; a limit=0 probe was flagged (HTTP $probe)"
