#!/usr/bin/env bash
# Checks that the htapsync OpenAPI spec works as a product for languages other than Java:
#   1. Spectral lint (spectral:oas + OWASP API Security ruleset), no error and no warning
#   2. Redocly lint (recommended-strict), no error and no warning
#   3. Redocly build-docs HTML reference, rendered in headless Chromium
#   4. TypeScript typescript-fetch client: tsc type check and node --test on the spec's examples
#   5. Python python-pydantic-v1 client (Debian's pydantic 1.10): unittest on the spec's examples
#   6. kin-openapi (Debian's golang-go and kin-openapi 0.110): the document and every example validate
#   7. openapi-spec-validator (when the machine's python3 has it): the document validates
#   8. Prism's dynamic mock: >= 200 generated responses, seeded, each decoded by the Java client (cli/target/htapsync.jar)
# Installs what it needs (npm ci from package-lock.json; Debian's chromium and python3 packages when missing),
# prints one line per check and exits non-zero if any check failed. Full tool output goes to target/logs/.
set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$HERE"
SPEC="$(cd .. && pwd)/api-spec/src/main/resources/io/htapsync/spec/starrocks-replication.yaml"
TARGET="$HERE/target"
LOGS="$TARGET/logs"
BIN="$HERE/node_modules/.bin"
CHROMIUM=/usr/bin/chromium
PYTHON=/usr/bin/python3 # Debian's python3: the one its python3-* packages install into
APT_PACKAGES=(chromium python3-pydantic python3-urllib3 python3-dateutil python3-typing-extensions python3-yaml)
APT_PACKAGES+=(golang-go golang-github-getkin-kin-openapi-dev) # kin-openapi check: Debian's Go and its packaged sources
# Keep the tools quiet and offline-friendly: no telemetry, no update checks.
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true SCARF_ANALYTICS=false DO_NOT_TRACK=1 \
  NO_UPDATE_NOTIFIER=1 NPM_CONFIG_UPDATE_NOTIFIER=false PYTHONDONTWRITEBYTECODE=1
export HTAPSYNC_SPEC="$SPEC"

mkdir -p "$LOGS"
passed=0
failed=0
pass() { passed=$((passed + 1)); printf 'PASS %-22s %s\n' "$1" "$2"; }
fail() { failed=$((failed + 1)); printf 'FAIL %-22s %s (log: %s)\n' "$1" "$2" "${3#"$HERE"/}"; }
die() { echo "spec-tools: $*" >&2; echo "spec-tools: 0 passed, 1 failed"; exit 1; }

# ---- prerequisites --------------------------------------------------------------------------------------------
[ -f "$SPEC" ] || die "spec not found at $SPEC"
command -v node >/dev/null || die "node is missing (Node.js >= 20.19 is needed)"
command -v java >/dev/null || die "java is missing (OpenAPI Generator runs on it)"
node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' \
  || die "Node.js $(node --version) is too old: >= 20.19 is needed"

missing=()
for package in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  [ "$(id -u)" -eq 0 ] || die "missing Debian packages (${missing[*]}) and not root: install them first"
  echo "installing Debian packages: ${missing[*]}"
  { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"; } > "$LOGS/apt.log" 2>&1 \
    || die "apt-get install failed, see $LOGS/apt.log"
fi

# npm ci only when node_modules does not match package-lock.json (npm writes its copy to node_modules/).
if ! node scripts/npm-install-is-current.cjs; then
  echo "installing npm packages (npm ci)"
  npm ci --ignore-scripts --no-audit --no-fund > "$LOGS/npm-ci.log" 2>&1 || die "npm ci failed, see $LOGS/npm-ci.log"
fi

# ---- 1. Spectral ----------------------------------------------------------------------------------------------
log="$LOGS/spectral.log"
if "$BIN/spectral" lint --ruleset .spectral.yaml --fail-severity=warn --format stylish "$SPEC" > "$log" 2>&1; then
  pass "spectral-lint" "0 errors, 0 warnings (spectral:oas + OWASP API Security ruleset, Spectral $("$BIN/spectral" --version))"
else
  fail "spectral-lint" "$(grep -E 'problems? \(' "$log" | tail -1 || echo 'did not run')" "$log"
fi

# ---- 2. Redocly lint ------------------------------------------------------------------------------------------
log="$LOGS/redocly-lint.log"
if "$BIN/redocly" lint --config redocly.yaml --format stylish "$SPEC" > "$log" 2>&1; then
  if grep -qE '[0-9]+ warnings?' "$log"; then
    fail "redocly-lint" "$(grep -E '[0-9]+ warnings?' "$log" | tail -1)" "$log"
  else
    pass "redocly-lint" "0 errors, 0 warnings (recommended-strict, Redocly CLI $("$BIN/redocly" --version 2>/dev/null | tail -1))"
  fi
else
  fail "redocly-lint" "$(grep -E 'Validation failed' "$log" | tail -1 || echo 'did not run')" "$log"
fi

# ---- 3. HTML reference ----------------------------------------------------------------------------------------
log="$LOGS/reference-page.log"
page="$TARGET/html/starrocks-replication.html"
rm -rf "$TARGET/html"
if "$BIN/redocly" build-docs --config redocly.yaml --inlineBundle --output "$page" \
      --title "htapsync: TaurusDB StarRocks data synchronization API" "$SPEC" > "$log" 2>&1 \
    && CHROMIUM="$CHROMIUM" node scripts/check-reference-page.mjs "$page" "$SPEC" "$TARGET/html/operation.png" >> "$log" 2>&1; then
  pass "reference-page" "${page#"$HERE"/}: $(tail -1 "$log")"
else
  fail "reference-page" "$(grep -E '^FAIL|Error' "$log" | head -1 || echo 'did not build')" "$log"
fi

# ---- 4. TypeScript --------------------------------------------------------------------------------------------
log="$LOGS/typescript.log"
rm -rf "$TARGET/typescript-client" "$TARGET/typescript-build"
if { "$BIN/openapi-generator-cli" generate -g typescript-fetch -i "$SPEC" -o "$TARGET/typescript-client" \
        --additional-properties=supportsES6=true \
      && echo "== tsc --noEmit" && "$BIN/tsc" -p typescript --noEmit \
      && echo "== tsc" && "$BIN/tsc" -p typescript \
      && echo "== node --test" && node --test "$TARGET/typescript-build/typescript/"; } > "$log" 2>&1; then
  pass "typescript-client" "typescript-fetch $(cat "$TARGET/typescript-client/.openapi-generator/VERSION"): tsc clean, node --test $(awk '/^# pass/{p=$3} /^# fail/{f=$3} END{print p " passed, " f " failed"}' "$log")"
else
  fail "typescript-client" "$(grep -E '^# (pass|fail)|error TS' "$log" | head -3 | tr '\n' ' ' || echo 'generation failed')" "$log"
fi

# ---- 5. Python ------------------------------------------------------------------------------------------------
log="$LOGS/python.log"
rm -rf "$TARGET/python-client"
if { "$BIN/openapi-generator-cli" generate -g python-pydantic-v1 -i "$SPEC" -o "$TARGET/python-client" \
        --additional-properties=packageName=htapsync_client,projectName=htapsync-client \
      && echo "== unittest with $($PYTHON --version), pydantic $($PYTHON -c 'import pydantic; print(pydantic.VERSION)')" \
      && PYTHONPATH="$TARGET/python-client" "$PYTHON" -m unittest discover -s python -t python -p 'test_*.py' -v; } \
    > "$log" 2>&1; then
  pass "python-client" "python-pydantic-v1 on $($PYTHON --version), pydantic $($PYTHON -c 'import pydantic; print(pydantic.VERSION)'): $(grep -E '^Ran [0-9]+ tests?' "$log"), OK"
else
  fail "python-client" "$(grep -E '^(Ran |FAILED|[A-Za-z.]*Error: )' "$log" | head -3 | tr '\n' ' ' || echo 'generation failed')" "$log"
fi

# ---- 6. kin-openapi -------------------------------------------------------------------------------------------
# Built against Debian's packaged sources (GOPATH mode), never the Go module proxy.
log="$LOGS/kin-openapi.log"
if { GO111MODULE=off GOPATH=/usr/share/gocode GOCACHE="$TARGET/go-cache" GOFLAGS= GOPROXY=off \
        go build -o "$TARGET/kin-check" ./kin \
      && "$TARGET/kin-check" "$SPEC"; } > "$log" 2>&1; then
  pass "kin-openapi" "kin-openapi $(dpkg-query -W -f='${Version}' golang-github-getkin-kin-openapi-dev) on $(go version | cut -d' ' -f3): $(tail -1 "$log" | sed 's/^kin-openapi: //') (document, every example, number formats)"
else
  fail "kin-openapi" "$(grep -E '^FAIL' "$log" | head -1 | cut -c1-160 || echo 'did not build')" "$log"
fi

# ---- 7. openapi-spec-validator --------------------------------------------------------------------------------
# Not a Debian package: used from the machine's python3 when it has it, reported as skipped otherwise.
log="$LOGS/openapi-spec-validator.log"
if python3 -c 'import openapi_spec_validator' > "$log" 2>&1; then
  if python3 -m openapi_spec_validator "$SPEC" >> "$log" 2>&1; then
    pass "openapi-spec-validator" "$(python3 -m pip show openapi-spec-validator 2>/dev/null | grep -i '^version' | tr -d '\n' || true): $(tail -1 "$log")"
  else
    fail "openapi-spec-validator" "$(tail -1 "$log" | cut -c1-160)" "$log"
  fi
else
  printf 'SKIP %-22s %s\n' "openapi-spec-validator" "python3 has no openapi_spec_validator module"
fi

# ---- 8. Prism dynamic mock against the Java client ------------------------------------------------------------
# Prism makes up each response from the schemas (a seed per request via Prefer, so runs repeat); the Java client
# must decode every one. Needs the CLI's jar, which `mvn verify` (or `mvn package`) builds.
log="$LOGS/prism-decode.log"
CLI_JAR="$(cd .. && pwd)/cli/target/htapsync.jar"
if [ ! -f "$CLI_JAR" ]; then
  fail "prism-decode" "$CLI_JAR is missing: run mvn -B package first" "$log"
else
  prism_log="$LOGS/prism-mock.log"
  "$BIN/prism" mock --dynamic --port 0 --host 127.0.0.1 "$SPEC" > "$prism_log" 2>&1 &
  prism_pid=$!
  prism_url=""
  for _ in $(seq 1 100); do
    prism_url="$(grep -oE 'Prism is listening on http://127\.0\.0\.1:[0-9]+' "$prism_log" | grep -oE 'http://[0-9.:]+$' || true)"
    [ -n "$prism_url" ] && break
    kill -0 "$prism_pid" 2>/dev/null || break
    sleep 0.2
  done
  if [ -n "$prism_url" ] && java -cp "$CLI_JAR" prism/DecodePrismResponses.java "$prism_url" 200 > "$log" 2>&1; then
    pass "prism-decode" "Prism $("$BIN/prism" --version) dynamic mock: $(grep -E '^asked' "$log"); $(tail -1 "$log" | sed 's/^prism-decode: //')"
  else
    fail "prism-decode" "$(grep -E '^FAIL' "$log" | head -1 | cut -c1-160 || true) $(tail -1 "$log" 2>/dev/null)" "$log"
  fi
  kill "$prism_pid" 2>/dev/null
  wait "$prism_pid" 2>/dev/null
fi

echo "spec-tools: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
