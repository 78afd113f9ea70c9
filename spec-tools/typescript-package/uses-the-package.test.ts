/**
 * Another team's project: it installed the htapsync-client npm tarball (check.sh copies this file into a scratch
 * project next to node_modules/htapsync-client) and uses only what the package exports, with its type declarations.
 * REFERENCE_EXAMPLE names a JSON file holding the spec's reference-page example.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  Configuration,
  ListStarRocksDataReplicationsResponse,
  ListStarRocksDataReplicationsResponseFromJSON,
  StarRocksReplicationApi,
} from 'htapsync-client';

// Fails tsc, not just a test, if the installed declarations narrow or lose the counters' type.
const totalCount: ListStarRocksDataReplicationsResponse['totalCount'] = '42';
const alsoANumber: ListStarRocksDataReplicationsResponse['totalCount'] = 42;

function referenceExample(): unknown {
  const file = process.env.REFERENCE_EXAMPLE;
  if (!file) throw new Error('REFERENCE_EXAMPLE is not set: it names the reference example as a JSON file');
  return JSON.parse(readFileSync(file, 'utf8'));
}

test('the installed package decodes the reference page example', () => {
  const page = ListStarRocksDataReplicationsResponseFromJSON(referenceExample());
  assert.equal(page.totalCount, 1);
  assert.equal(page.replications?.[0].taskName, 'task_name');
  assert.equal(page.replications?.[0].stage, 'Incremental');
  assert.equal(page.replications?.[0].percentage, 100);
  assert.equal(page.replications?.[0].catchupPercentage, 0);
  assert.deepEqual([totalCount, alsoANumber], ['42', 42]);
});

test('the installed package resolves from node_modules, with its declarations', () => {
  const entry = require.resolve('htapsync-client');
  assert.match(entry, /node_modules\/htapsync-client\/dist\/index\.js$/);
  const declarations = readFileSync(entry.replace(/index\.js$/, 'apis/StarRocksReplicationApi.d.ts'), 'utf8');
  assert.match(declarations, /export declare class StarRocksReplicationApi /);
  assert.equal(typeof new StarRocksReplicationApi(new Configuration({ basePath: 'http://127.0.0.1:9' }))
    .listStarRocksDataReplications, 'function');
});
