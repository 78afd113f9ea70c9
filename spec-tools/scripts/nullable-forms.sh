#!/usr/bin/env bash
# Tries five OpenAPI 3.0.3 forms of NullablePercentage ("a number, a numeric string, or null") on the readers
# that disagree about it: kin-openapi 0.110 (document and examples), Spectral (spectral:oas, no exceptions)
# and Redocly (recommended-strict, no exceptions). Prints one line per form. Run after spec-tools/check.sh,
# which installs the tools and builds target/kin-check. Nothing here is part of the build: it is the record
# behind "Where readers disagree" in spec-tools/README.md, for anyone who wants to try another form.
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SPEC="$HERE/../api-spec/src/main/resources/io/htapsync/spec/starrocks-replication.yaml"
BIN="$HERE/node_modules/.bin"
KIN="$HERE/target/kin-check"
OUT="$HERE/target/nullable-forms"
[ -x "$KIN" ] && [ -x "$BIN/spectral" ] && [ -x "$BIN/redocly" ] || { echo "run spec-tools/check.sh first" >&2; exit 2; }
rm -rf "$OUT" && mkdir -p "$OUT"
printf 'extends:\n  - spectral:oas\n' > "$OUT/.spectral.yaml"
printf 'extends:\n  - recommended-strict\n' > "$OUT/redocly.yaml"

python3 - "$SPEC" "$OUT" <<'PY'
import sys
spec, out = open(sys.argv[1]).read(), sys.argv[2]
start, end = spec.index('    NullablePercentage:\n'), spec.index('    BooleanString:\n')
pattern = "'^(100(\\.0+)?|[0-9]{1,2}(\\.[0-9]+)?)$'"
number = "        - type: number\n          format: double\n          minimum: 0\n          maximum: 100\n"
string = "        - type: string\n          pattern: " + pattern + "\n"
nullable_string = "        - type: string\n          nullable: true\n          pattern: " + pattern + "\n"
forms = {
    'A-oneOf-nullable-beside-and-in-string-branch': "      nullable: true\n      oneOf:\n" + number + nullable_string,
    'B-oneOf-nullable-in-both-branches': "      oneOf:\n" + number.replace("double\n", "double\n          nullable: true\n") + nullable_string,
    'C-oneOf-nullable-beside-only': "      nullable: true\n      oneOf:\n" + number + string,
    'D-anyOf-with-a-null-only-branch': "      anyOf:\n" + number + string + "        - type: string\n          nullable: true\n          enum: [null]\n",
    'E-type-string-nullable-beside-oneOf': "      type: string\n      nullable: true\n      oneOf:\n" + number + string,
}
for name, body in forms.items():
    with open(f"{out}/{name}.yaml", "w") as f:
        f.write(spec[:start] + "    NullablePercentage:\n      description: form " + name + "\n" + body + spec[end:])
PY

for form in "$OUT"/[A-E]-*.yaml; do
  name=$(basename "$form" .yaml)
  if "$KIN" "$form" > "$OUT/$name.kin.log" 2>&1; then kin=accepts
  else kin="rejects ($(grep -m1 -oE 'Value is not nullable|field must be set to [a-z]+ or not be present' "$OUT/$name.kin.log"))"; fi
  if "$BIN/spectral" lint -q -r "$OUT/.spectral.yaml" "$form" > "$OUT/$name.spectral.log" 2>&1; then spectral=accepts
  else spectral="rejects ($(grep -m1 -oE '"nullable" cannot be used without "type"|must match exactly one schema in oneOf|type must be [a-z,]*' "$OUT/$name.spectral.log"))"; fi
  if (cd "$OUT" && "$BIN/redocly" lint --config redocly.yaml "$form") > "$OUT/$name.redocly.log" 2>&1; then redocly=accepts
  else redocly="rejects ($(grep -cE '^\[[0-9]+\]' "$OUT/$name.redocly.log") problem(s))"; fi
  printf '%-46s kin-openapi %s; Spectral %s; Redocly %s\n' "$name" "$kin" "$spectral" "$redocly"
done
