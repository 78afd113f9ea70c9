#!/usr/bin/env bash
# Consumes the artifacts as another project would, following README.md's "Use it from your build"
# word for word: its install step into a fresh local repository, a scratch project OUTSIDE this
# reactor with the README's <dependency> blocks that runs the sandbox README's JUnit example, the
# README's dependency:copy of the spec YAML, and dependency:build-classpath for the sandbox.
#
# The fresh repository is a copy of the local one without io/htapsync, so the project's own artifacts
# come only from the install step while third-party jars and plugins are not downloaded again.
# HTAPSYNC_SEED_REPO overrides where that copy comes from.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
readme=$root/README.md
sandbox_readme=$root/sandbox/README.md

fail() { echo "consume-artifacts: FAIL: $*" >&2; exit 1; }
step() { echo "consume-artifacts: $*"; }

# The README section, and one fenced block of it: block LANG N prints the Nth ```LANG block.
section=$(awk '/^## Use it from your build$/ {on=1; next} on && /^## / {exit} on' "$readme")
[ -n "$section" ] || fail "README.md has no '## Use it from your build' section"
block() { awk -v lang="$1" -v want="$2" '
  $0 == "```" lang {n++; if (n == want) {on=1; next}}
  on && /^```$/ {exit}
  on' <<<"$3"; }
install_cmd=$(block bash 1 "$section")
dependencies_xml=$(block xml 1 "$section")
copy_cmd=$(block bash 2 "$section" | sed -e ':a' -e '/\\$/N; s/\\\n *//; ta')
example_java=$(block java 1 "$(cat "$sandbox_readme")")
[ -n "$install_cmd" ] && [ -n "$dependencies_xml" ] && [ -n "$copy_cmd" ] || fail "README.md's section lost a block"

# The README must name this build's version and pinned plugin, or a user copies stale coordinates.
pom_value() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$root/pom.xml" | head -1; }
version=$(awk '/<artifactId>htapsync-parent<\/artifactId>/ {f=1} f && /<version>/ {gsub(/.*<version>|<\/version>.*/, ""); print; exit}' "$root/pom.xml")
dependency_plugin=$(pom_value dependency-plugin.version)
grep -q "<version>$version</version>" <<<"$dependencies_xml" || fail "README.md's <dependency> blocks do not name version $version"
grep -q "<version>$version</version>" "$sandbox_readme" || fail "sandbox/README.md's <dependency> does not name version $version"
grep -qF "maven-dependency-plugin:$dependency_plugin:copy" <<<"$copy_cmd" || fail "README.md's copy command does not use the pinned maven-dependency-plugin $dependency_plugin"
grep -qF "htapsync-api-spec:$version:yaml" <<<"$copy_cmd" || fail "README.md's copy command does not name version $version"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
seed=${HTAPSYNC_SEED_REPO:-}
if [ -z "$seed" ] && [ -f .mvn/maven.config ]; then
  seed=$(sed -n 's/.*-Dmaven\.repo\.local=\([^ ]*\).*/\1/p' .mvn/maven.config | tail -1)
fi
seed=${seed:-$HOME/.m2/repository}
[ -d "$seed" ] || fail "no local repository at $seed to seed from"
repo=$work/repo
cp -r "$seed" "$repo"
rm -rf "$repo/io/htapsync"
step "fresh local repository $repo (seeded from $seed, without io/htapsync)"

# Runs a README command with the fresh repository, its output kept for when it fails.
run_logged() {
  local name=$1; shift
  if ! (eval "$*") >"$work/$name.log" 2>&1; then
    tail -40 "$work/$name.log" >&2
    fail "$name: $*"
  fi
}

step "install step: $install_cmd"
run_logged install "$install_cmd -q -Dmaven.repo.local='$repo'"
[ -f "$repo/io/htapsync/htapsync-client/$version/htapsync-client-$version.jar" ] \
  || fail "the install step did not install htapsync-client into the fresh repository"

step "spec YAML: $copy_cmd"
mkdir -p "$work/spec"
run_logged copy-spec "cd '$work/spec' && $copy_cmd -q -Dmaven.repo.local='$repo'"
cmp -s "$work/spec/htapsync-api-spec-$version.yaml" \
  "$root/api-spec/src/main/resources/io/htapsync/spec/starrocks-replication.yaml" \
  || fail "the copied YAML is missing or differs from the spec: $(ls "$work/spec")"

step "dependency:build-classpath in sandbox/"
run_logged sandbox-classpath "cd '$root/sandbox' && mvn -B -ntp -q dependency:build-classpath \
  -Dmdep.outputFile='$work/sandbox.classpath' -Dmaven.repo.local='$repo'"
grep -qF "$repo/io/htapsync/htapsync-client/$version/" "$work/sandbox.classpath" \
  || fail "sandbox/'s classpath does not take htapsync-client from the fresh repository"

step "scratch project outside the reactor: the sandbox README's example as its test"
consumer=$work/consumer
example_class=$(sed -n 's/^\(public \)\{0,1\}\(final \)\{0,1\}class \([A-Za-z0-9_]*\).*/\3/p' <<<"$example_java" | head -1)
[ -n "$example_class" ] || fail "sandbox/README.md's first java block declares no top-level class"
mkdir -p "$consumer/src/test/java"
printf '%s\n' "$example_java" >"$consumer/src/test/java/$example_class.java"
cat >"$consumer/pom.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>example</groupId>
  <artifactId>htapsync-consumer</artifactId>
  <version>1</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <dependencies>
$dependencies_xml
    <dependency>
      <groupId>org.junit.jupiter</groupId>
      <artifactId>junit-jupiter</artifactId>
      <version>$(pom_value junit.version)</version>
      <scope>test</scope>
    </dependency>
  </dependencies>
  <build>
    <pluginManagement>
      <plugins>
        <plugin><artifactId>maven-resources-plugin</artifactId><version>$(pom_value resources-plugin.version)</version></plugin>
        <plugin><artifactId>maven-compiler-plugin</artifactId><version>$(pom_value compiler-plugin.version)</version></plugin>
        <plugin><artifactId>maven-surefire-plugin</artifactId><version>$(pom_value surefire.version)</version></plugin>
        <plugin><artifactId>maven-dependency-plugin</artifactId><version>$dependency_plugin</version></plugin>
      </plugins>
    </pluginManagement>
  </build>
</project>
EOF
run_logged consumer "cd '$consumer' && mvn -B -ntp -q -Dmaven.repo.local='$repo' test dependency:build-classpath \
  -Dmdep.outputFile='$work/consumer.classpath'"
report=$consumer/target/surefire-reports/$example_class.txt
grep -qE '^Tests run: [1-9][0-9]*, Failures: 0, Errors: 0, Skipped: 0' "$report" 2>/dev/null \
  || fail "the example's tests did not all run and pass: $(cat "$report" 2>/dev/null)"
for artifact in htapsync-client htapsync-sandbox htapsync-api-spec; do
  grep -qF "$repo/io/htapsync/$artifact/$version/$artifact-$version.jar" "$work/consumer.classpath" \
    || fail "the scratch project's classpath lacks $artifact from the fresh repository"
done
step "OK: $(head -4 "$report" | tail -1)"
