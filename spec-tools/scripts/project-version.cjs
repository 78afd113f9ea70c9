// Prints the Maven project version of the root pom.xml (the packages' version), or with --pep440 its Python form:
// "0.1.0-SNAPSHOT" is valid semver for npm, and becomes "0.1.0.dev0" for a wheel.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const pom = readFileSync(join(__dirname, '..', '..', 'pom.xml'), 'utf8');
const match = /<artifactId>htapsync-parent<\/artifactId>\s*<version>([^<]+)<\/version>/.exec(pom);
if (!match) {
  console.error('pom.xml: no <version> right after <artifactId>htapsync-parent</artifactId>');
  process.exit(1);
}
const version = match[1].trim();
if (process.argv[2] === '--pep440') {
  const parts = /^(\d+\.\d+\.\d+)(-SNAPSHOT)?$/.exec(version);
  if (!parts) {
    console.error(`pom.xml: version ${version} is not MAJOR.MINOR.PATCH[-SNAPSHOT]`);
    process.exit(1);
  }
  console.log(parts[2] ? `${parts[1]}.dev0` : parts[1]);
} else {
  console.log(version);
}
