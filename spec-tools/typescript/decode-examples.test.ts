/**
 * Decodes the spec's own 200 examples through the generated typescript-fetch client, and checks at compile time
 * that the three counters are typed `string | number`: the service sends both forms.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from 'yaml';
import {
  Configuration,
  ErrorResponseFromJSON,
  ListStarRocksDataReplicationsResponse,
  ListStarRocksDataReplicationsResponseFromJSON,
  ListStarRocksDataReplicationsResponseToJSON,
  ResponseError,
  StarRocksReplicationApi,
  StarRocksReplicationInfo,
} from '../target/typescript-client';

// Compile-time check: `Equals<A, B>` is `true` only when A and B are the same type, so a generator or spec change
// that narrows a counter to `string` (or widens it to `any`) fails `tsc`, not just a test.
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
const totalCountIsMixed: Equals<NonNullable<ListStarRocksDataReplicationsResponse['totalCount']>, string | number> = true;
const percentageIsMixed: Equals<NonNullable<StarRocksReplicationInfo['percentage']>, string | number> = true;
const catchupPercentageIsMixed: Equals<NonNullable<StarRocksReplicationInfo['catchupPercentage']>, string | number> = true;
const stageIsOpenString: Equals<NonNullable<StarRocksReplicationInfo['stage']>, string> = true;

const OPERATION_PATH = '/v3/{project_id}/instances/{instance_id}/starrocks/databases/replication';

function specExample(name: string): unknown {
  const specPath = process.env.HTAPSYNC_SPEC;
  if (!specPath) {
    throw new Error('HTAPSYNC_SPEC is not set: it must name the spec YAML file (spec-tools/check.sh sets it)');
  }
  const spec = parse(readFileSync(specPath, 'utf8'));
  const example = spec.paths[OPERATION_PATH].get.responses['200'].content['application/json'].examples[name];
  if (example === undefined) {
    throw new Error(`the spec has no 200 example named '${name}'`);
  }
  return example.value;
}

test('the counters are typed string | number and stage stays an open string', () => {
  assert.ok(totalCountIsMixed && percentageIsMixed && catchupPercentageIsMixed && stageIsOpenString);
});

test('decodes the reference page example, whose counters are JSON numbers', () => {
  const json = specExample('reference-page');
  const page = ListStarRocksDataReplicationsResponseFromJSON(json);

  assert.equal(page.totalCount, 1);
  assert.equal(page.extText, null);
  assert.equal(page.replications?.length, 1);
  const task = page.replications![0];
  assert.equal(task.taskName, 'task_name');
  assert.equal(task.stage, 'Incremental');
  assert.equal(task.percentage, 100);
  assert.equal(task.catchupStage, null);
  assert.equal(task.catchupPercentage, 0);
  // Each counter keeps the JSON form it arrived in when written back.
  assert.deepEqual(ListStarRocksDataReplicationsResponseToJSON(page), {
    total_count: 1,
    ext_text: null,
    replications: [{
      source_database: 'source_database', target_database: 'target_database', task_name: 'task_name',
      status: 'Yes', stage: 'Incremental', percentage: 100, catchup_stage: null, catchup_percentage: 0,
      is_need_repair: undefined, is_main_task: undefined,
    }],
  });
});

test('decodes the documented form, whose counters are strings, with the fields the page leaves out', () => {
  const json = specExample('counters-as-strings');
  const page = ListStarRocksDataReplicationsResponseFromJSON(json);

  assert.equal(page.totalCount, '2');
  assert.equal(page.replications?.length, 2);
  const [sales, crm] = page.replications!;
  assert.equal(sales.percentage, '100');
  assert.equal(sales.catchupStage, 'incremental');
  assert.equal(sales.catchupPercentage, '99.5');
  assert.equal(sales.isNeedRepair, 'false');
  assert.equal(sales.isMainTask, 'true');
  assert.equal(crm.stage, 'full');
  assert.equal(crm.percentage, '42.7');
  assert.equal(crm.catchupStage, null);
  // NullablePercentage is nullable, so typescript-fetch keeps null apart from absent (`| null`).
  assert.equal(crm.catchupPercentage, null);
});

test('tolerates fields the spec does not list and stage values it does not document', () => {
  const page = ListStarRocksDataReplicationsResponseFromJSON({
    total_count: '1',
    replications: [{ task_name: 't1', stage: 'Wait', percentage: '0', some_new_field: 42 }],
    another_new_field: 'x',
  });
  assert.equal(page.replications![0].stage, 'Wait');
  assert.equal(page.replications![0].percentage, '0');
});

test('the generated API sends the documented request and decodes success and error bodies', async () => {
  const calls: { url: string; headers: Record<string, string> }[] = [];
  const answers = [
    new Response(JSON.stringify(specExample('counters-as-strings')), { status: 200, headers: { 'Content-Type': 'application/json' } }),
    new Response(JSON.stringify({ error_code: 'DBS.200022', error_msg: 'Instance not found.' }), { status: 400, headers: { 'Content-Type': 'application/json' } }),
  ];
  const api = new StarRocksReplicationApi(new Configuration({
    basePath: 'https://gaussdb.ap-southeast-1.myhuaweicloud.com',
    apiKey: (name: string) => (name === 'X-Auth-Token' ? 'token-for-tests' : undefined) as string,
    fetchApi: async (input: RequestInfo | URL, init?: RequestInit) => {
      calls.push({ url: String(input), headers: { ...(init?.headers as Record<string, string>) } });
      return answers.shift()!;
    },
  }));
  const request = {
    projectId: '9f8e7d6c5b4a39281706f5e4d3c2b1a0',
    instanceId: '0123456789abcdef0123456789abcdefin07',
    offset: 20,
    limit: 50,
    xLanguage: 'en-us' as const,
  };

  const page = await api.listStarRocksDataReplications(request);
  assert.equal(page.totalCount, '2');
  assert.equal(calls[0].url, 'https://gaussdb.ap-southeast-1.myhuaweicloud.com/v3/9f8e7d6c5b4a39281706f5e4d3c2b1a0'
      + '/instances/0123456789abcdef0123456789abcdefin07/starrocks/databases/replication?limit=50&offset=20');
  assert.equal(calls[0].headers['X-Language'], 'en-us');
  assert.equal(calls[0].headers['X-Auth-Token'], 'token-for-tests');
  assert.equal('Authorization' in calls[0].headers, false);

  const error = await api.listStarRocksDataReplications(request).then(() => undefined, (e: unknown) => e);
  assert.ok(error instanceof ResponseError, `expected a ResponseError, got ${String(error)}`);
  assert.equal(error.response.status, 400);
  const body = ErrorResponseFromJSON(await error.response.json());
  assert.equal(body.errorCode, 'DBS.200022');
  assert.equal(body.errorMsg, 'Instance not found.');
});
