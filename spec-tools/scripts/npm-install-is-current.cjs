// Exits 0 when node_modules/ holds exactly the package versions of package-lock.json (npm records what it
// installed in node_modules/.package-lock.json), so check.sh can skip `npm ci` on a second run.
// Optional packages for other platforms (fsevents, ...) are in the lock file but never installed here.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const installedFile = join(__dirname, '..', 'node_modules', '.package-lock.json');
if (!existsSync(installedFile)) process.exit(1);
const locked = require(join(__dirname, '..', 'package-lock.json')).packages;
const installed = require(installedFile).packages;

for (const [path, entry] of Object.entries(locked)) {
  if (path === '') continue;
  const present = installed[path];
  if (!present && entry.optional) continue;
  if (!present || present.version !== entry.version) process.exit(1);
}
for (const path of Object.keys(installed)) {
  if (!(path in locked)) process.exit(1);
}
process.exit(0);
