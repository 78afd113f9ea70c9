/**
 * Consumer side of the contract for TypeScript: the generated typescript-fetch client against pact-js's own mock
 * server (the Pact FFI core that ships inside the npm package), writing a V4 pact to PACT_DIR. The provider
 * verification in contract-tests replays that pact against the sandbox, as it does the Java client's.
 *
 * Provider name and provider states are the ones the Java consumer uses (contract-tests ReplicationContract): the
 * provider verification maps each state onto sandbox data.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { MatchersV3, PactV4 } from '@pact-foundation/pact';
// The builder types are not re-exported from the package root.
import type { V4RequestBuilder, V4ResponseBuilder } from '@pact-foundation/pact/src/v4/http/types';
import {
  Configuration,
  ErrorResponseFromJSON,
  ListStarRocksDataReplicationsResponse,
  ResponseError,
  StarRocksReplicationApi,
} from '../target/typescript-client';

const { regex, like, constrainedArrayLike } = MatchersV3;

const CONSUMER = 'htapsync-typescript-client';
const PROVIDER = 'starrocks-replication-api';
const PROJECT_ID = '9f8e7d6c5b4a39281706f5e4d3c2b1a0';
const INSTANCE_ID = '0123456789abcdef0123456789abcdefin07';
const MISSING_INSTANCE_ID = '5c1f7e2a9b3d4e6f8a0b1c2d3e4f5a6bin17';
const STATE_ONE_TASK = `instance ${INSTANCE_ID} has 1 replication task`;
const STATE_120_TASKS = `instance ${INSTANCE_ID} has 120 replication tasks`;
const STATE_MISSING_INSTANCE = `instance ${MISSING_INSTANCE_ID} does not exist`;
const STATE_INTERNAL_ERROR = 'the service fails with an internal error';
const PAGE_CAP = 50;

// IAM tokens change every day: the pact pins their form only. The client's token differs from the pact's example,
// so a request matches only because the pact pins the form.
const AUTH_TOKEN = regex('^[A-Za-z0-9+/=_.-]+$', 'example-iam-token');
const CLIENT_TOKEN = 'MIIZclient-token_for.contract+tests=';
const REQUEST_ID = regex('^[0-9a-f]{32}$', '3b8f21c6a0d94e0c9b2f7d5e1a4c6b80');
// The spec's pattern for a counter sent as a string (schema NumericString), and for stage names.
const NUMERIC_STRING_REGEX = '^-?[0-9]+(\\.[0-9]+)?$';
const STAGE_REGEX = '^[A-Za-z_]+$';

function pactDir(): string {
  const dir = process.env.PACT_DIR;
  if (!dir) throw new Error('PACT_DIR is not set: it names the folder the pact file is written to (check.sh sets it)');
  return dir;
}

const pact = new PactV4({ consumer: CONSUMER, provider: PROVIDER, dir: pactDir(), logLevel: 'warn' });

function api(baseUrl: string): StarRocksReplicationApi {
  return new StarRocksReplicationApi(new Configuration({
    basePath: baseUrl,
    apiKey: (name: string) => (name === 'X-Auth-Token' ? CLIENT_TOKEN : '') as string,
  }));
}

/**
 * A counter is "a JSON number OR a numeric string", as in the Java pact. pact-js's typed matchingRules() cannot
 * combine matchers with OR, so the rule goes, as written in a V4 pact file, to the Pact core's
 * with_matching_rules call underneath the builder (pinned pact-js version; the pact file check below would notice
 * if the rules stopped arriving).
 */
function counterRules(paths: string[], nullable: string[] = []): Record<string, unknown> {
  const rules: Record<string, unknown> = {};
  const either = [{ match: 'number' }, { match: 'regex', regex: NUMERIC_STRING_REGEX }];
  for (const path of paths) rules[path] = { combine: 'OR', matchers: either };
  for (const path of nullable) rules[path] = { combine: 'OR', matchers: [...either, { match: 'null' }] };
  return rules;
}

function stageOrNullRule(path: string): Record<string, unknown> {
  return { [path]: { combine: 'OR', matchers: [{ match: 'regex', regex: STAGE_REGEX }, { match: 'null' }] } };
}

function withBodyRules(builder: V4ResponseBuilder, rules: Record<string, unknown>): void {
  const core = (builder as unknown as { interaction: { withResponseMatchingRules(rules: string): unknown } }).interaction;
  core.withResponseMatchingRules(JSON.stringify({ body: rules }));
}

const TASK_COUNTERS = counterRules(['$.total_count', '$.replications[*].percentage'], ['$.replications[*].catchup_percentage']);

function task(example: { source: string; target: string; name: string; stage: string }, extra: Record<string, unknown>) {
  return {
    source_database: like(example.source),
    target_database: like(example.target),
    task_name: like(example.name),
    status: like('Yes'),
    stage: like(example.stage),
    ...extra,
  };
}

/** A token-authenticated list request, as the generated client sends it. */
function listRequest(query?: Record<string, string>) {
  return (builder: V4RequestBuilder) => {
    builder.headers({ 'X-Auth-Token': AUTH_TOKEN, 'X-Language': 'en-us' });
    if (query) builder.query(query);
  };
}

test('decodes the reference page example, counters as JSON numbers', async () => {
  await pact.addInteraction()
    .given(STATE_ONE_TASK)
    .uponReceiving('a TypeScript list request, answered as on the reference page (counters as JSON numbers)')
    .withRequest('GET', `/v3/${PROJECT_ID}/instances/${INSTANCE_ID}/starrocks/databases/replication`, listRequest())
    .willRespondWith(200, (builder) => {
      builder.headers({ 'X-Request-Id': REQUEST_ID });
      builder.jsonBody({
        total_count: 1,
        replications: constrainedArrayLike(task({ source: 'source_database', target: 'target_database', name: 'task_name', stage: 'Incremental' },
          { percentage: 100, catchup_stage: null, catchup_percentage: 0 }), 1, PAGE_CAP, 1),
        ext_text: null,
      });
      withBodyRules(builder, { ...TASK_COUNTERS, ...stageOrNullRule('$.replications[*].catchup_stage'), ...extTextRule() });
    })
    .executeTest(async (server) => {
      const page = await api(server.url).listStarRocksDataReplications({ projectId: PROJECT_ID, instanceId: INSTANCE_ID, xLanguage: 'en-us' });
      assert.equal(page.totalCount, 1);
      const [only] = onlyTasks(page, 1);
      assert.equal(only.taskName, 'task_name');
      assert.equal(only.stage, 'Incremental');
      assert.equal(only.percentage, 100);
      assert.equal(only.catchupStage, null);
      assert.equal(only.catchupPercentage, 0);
    });
});

test('decodes counters sent as strings, with the fields the reference page leaves out', async () => {
  await pact.addInteraction()
    .given(STATE_ONE_TASK)
    .uponReceiving('a TypeScript list request, answered with counters as strings')
    .withRequest('GET', `/v3/${PROJECT_ID}/instances/${INSTANCE_ID}/starrocks/databases/replication`, listRequest())
    .willRespondWith(200, (builder) => {
      builder.headers({ 'X-Request-Id': REQUEST_ID });
      builder.jsonBody({
        total_count: '1',
        replications: constrainedArrayLike(task({ source: 'sales', target: 'sales_olap', name: 'sales_to_starrocks', stage: 'incremental' }, {
          percentage: '100',
          catchup_stage: 'incremental',
          catchup_percentage: '99.5',
          is_need_repair: regex('^(true|false)$', 'false'),
          is_main_task: regex('^(true|false)$', 'true'),
        }), 1, PAGE_CAP, 1),
        ext_text: null,
      });
      withBodyRules(builder, { ...TASK_COUNTERS, ...stageOrNullRule('$.replications[*].catchup_stage'), ...extTextRule() });
    })
    .executeTest(async (server) => {
      const page = await api(server.url).listStarRocksDataReplications({ projectId: PROJECT_ID, instanceId: INSTANCE_ID, xLanguage: 'en-us' });
      assert.equal(page.totalCount, '1');
      const [only] = onlyTasks(page, 1);
      assert.equal(only.percentage, '100');
      assert.equal(only.catchupStage, 'incremental');
      assert.equal(only.catchupPercentage, '99.5');
      assert.equal(Number(only.catchupPercentage), 99.5);
      assert.equal(only.isNeedRepair, 'false');
      assert.equal(only.isMainTask, 'true');
    });
});

test('sends offset and limit and decodes a full second page', async () => {
  await pact.addInteraction()
    .given(STATE_120_TASKS)
    .uponReceiving('a TypeScript request for the second page of 50 tasks')
    .withRequest('GET', `/v3/${PROJECT_ID}/instances/${INSTANCE_ID}/starrocks/databases/replication`,
      listRequest({ offset: '50', limit: '50' }))
    .willRespondWith(200, (builder) => {
      builder.headers({ 'X-Request-Id': REQUEST_ID });
      builder.jsonBody({
        total_count: '120',
        replications: constrainedArrayLike(task({ source: 'orders', target: 'orders_olap', name: 'orders_to_starrocks', stage: 'full' },
          { percentage: '42.7', catchup_stage: null, catchup_percentage: null }), 1, PAGE_CAP, PAGE_CAP),
        ext_text: null,
      });
      withBodyRules(builder, { ...TASK_COUNTERS, ...stageOrNullRule('$.replications[*].catchup_stage'), ...extTextRule() });
    })
    .executeTest(async (server) => {
      const page = await api(server.url).listStarRocksDataReplications({
        projectId: PROJECT_ID, instanceId: INSTANCE_ID, offset: 50, limit: 50, xLanguage: 'en-us',
      });
      assert.equal(page.totalCount, '120');
      const tasks = onlyTasks(page, PAGE_CAP);
      // 50 skipped + 50 received < 120: a caller paging by total_count must ask again.
      assert.ok(50 + tasks.length < Number(page.totalCount));
      assert.equal(tasks[0].stage, 'full');
      assert.equal(tasks[0].percentage, '42.7');
      assert.equal(tasks[0].catchupPercentage, null); // sent as null, kept as null (NullablePercentage | null)
    });
});

test('reads the instance-not-found error, DBS.200022', async () => {
  await pact.addInteraction()
    .given(STATE_MISSING_INSTANCE)
    .uponReceiving('a TypeScript list request for an instance that does not exist')
    .withRequest('GET', `/v3/${PROJECT_ID}/instances/${MISSING_INSTANCE_ID}/starrocks/databases/replication`, listRequest())
    .willRespondWith(400, (builder) => {
      builder.headers({ 'X-Request-Id': REQUEST_ID });
      // The code is exact: it is how a caller tells "no such instance" from other client errors.
      builder.jsonBody({ error_code: 'DBS.200022', error_msg: like('Instance not found.') });
    })
    .executeTest(async (server) => {
      const body = await errorBody(api(server.url), MISSING_INSTANCE_ID, 400);
      assert.equal(body.errorCode, 'DBS.200022');
      assert.equal(body.errorMsg, 'Instance not found.');
    });
});

test('reads an internal error, 500', async () => {
  await pact.addInteraction()
    .given(STATE_INTERNAL_ERROR)
    .uponReceiving('a TypeScript list request while the service fails')
    .withRequest('GET', `/v3/${PROJECT_ID}/instances/${INSTANCE_ID}/starrocks/databases/replication`, listRequest())
    .willRespondWith(500, (builder) => {
      builder.headers({ 'X-Request-Id': REQUEST_ID });
      builder.jsonBody({ error_code: regex('^DBS\\.[0-9]{6}$', 'DBS.200001'), error_msg: like('The system is busy. Try again later.') });
    })
    .executeTest(async (server) => {
      const body = await errorBody(api(server.url), INSTANCE_ID, 500);
      assert.equal(body.errorCode, 'DBS.200001');
    });
});

after(() => {
  // What reached the file: the OR rules went through the core (see counterRules), for every 200 interaction.
  const file = join(pactDir(), `${CONSUMER}-${PROVIDER}.json`);
  const written = JSON.parse(readFileSync(file, 'utf8'));
  assert.equal(written.metadata.pactSpecification.version, '4.0');
  assert.equal(written.interactions.length, 5);
  for (const interaction of written.interactions.filter((i: { response: { status: number } }) => i.response.status === 200)) {
    for (const path of ['$.total_count', '$.replications[*].percentage', '$.replications[*].catchup_percentage']) {
      const rule = interaction.response.matchingRules.body[path];
      assert.equal(rule?.combine, 'OR', `${interaction.description}: ${path} is not an OR rule`);
      assert.deepEqual(rule.matchers.slice(0, 2), [{ match: 'number' }, { match: 'regex', regex: NUMERIC_STRING_REGEX }]);
    }
  }
});

function extTextRule(): Record<string, unknown> {
  return { '$.ext_text': { combine: 'OR', matchers: [{ match: 'regex', regex: '^.{0,10}$' }, { match: 'null' }] } };
}

function onlyTasks(page: ListStarRocksDataReplicationsResponse, count: number) {
  assert.equal(page.replications?.length, count);
  return page.replications!;
}

async function errorBody(client: StarRocksReplicationApi, instanceId: string, status: number) {
  const error = await client.listStarRocksDataReplications({ projectId: PROJECT_ID, instanceId, xLanguage: 'en-us' })
    .then(() => undefined, (e: unknown) => e);
  assert.ok(error instanceof ResponseError, `expected a ResponseError, got ${String(error)}`);
  assert.equal(error.response.status, status);
  return ErrorResponseFromJSON(await error.response.json());
}
