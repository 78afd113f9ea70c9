// Writes one of the spec's 200 examples as a JSON file: node spec-example.mjs SPEC NAME OUT
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';

const [specPath, name, out] = process.argv.slice(2);
const operation = parse(readFileSync(specPath, 'utf8'))
  .paths['/v3/{project_id}/instances/{instance_id}/starrocks/databases/replication'].get;
const example = operation.responses['200'].content['application/json'].examples[name];
if (!example) {
  console.error(`${specPath}: no 200 example named '${name}'`);
  process.exit(1);
}
writeFileSync(out, JSON.stringify(example.value));
