/**
 * The forms the spec adds for generated clients: the two error bodies typed as the `ApiError` oneOf, and AK/SK
 * signing done from a request hook (typescript-fetch `Middleware.pre`) with the headers the spec's `AkSkSignature`
 * scheme lists under `x-htapsync-signing`, checked against the vendor's own worked example.
 */
import { strict as assert } from 'node:assert';
import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from 'yaml';
import {
  ApiErrorFromJSON,
  Configuration,
  Middleware,
  RequestContext,
  StarRocksReplicationApi,
} from '../target/typescript-client';

interface SigningHeader { name: string; required: boolean }

function signingSpec(): { algorithm: string; headers: SigningHeader[]; 'unsigned-headers': string[] } {
  const specPath = process.env.HTAPSYNC_SPEC;
  if (!specPath) {
    throw new Error('HTAPSYNC_SPEC is not set: it must name the spec YAML file (spec-tools/check.sh sets it)');
  }
  return parse(readFileSync(specPath, 'utf8')).components.securitySchemes.AkSkSignature['x-htapsync-signing'];
}

test('ApiError decodes both error forms', () => {
  const documented = ApiErrorFromJSON({ error_code: 'DBS.200022', error_msg: 'Instance not found.' });
  assert.ok('errorCode' in documented);
  assert.equal(documented.errorCode, 'DBS.200022');
  assert.equal(documented.errorMsg, 'Instance not found.');
  const other = ApiErrorFromJSON({ code: 'IAM.0003', message: 'Forbidden' });
  assert.ok('code' in other);
  assert.equal(other.code, 'IAM.0003');
  assert.equal(other.message, 'Forbidden');
});

// RFC 3986 unreserved characters stay, every other UTF-8 byte becomes %XX (upper case), as the spec describes.
function percentEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, c => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

/** The signing hook a user of the generated client writes from the spec's description of AkSkSignature. */
function akSkSigner(ak: string, sk: string, projectId: string, now: () => string): Middleware {
  const spec = signingSpec();
  const unsigned = new Set(spec['unsigned-headers'].map(h => h.toLowerCase()));
  return {
    async pre(context: RequestContext) {
      const url = new URL(context.url);
      const headers: Record<string, string> = { ...(context.init.headers as Record<string, string>) };
      for (const header of spec.headers.filter(h => h.required)) {
        headers[header.name] = header.name === 'X-Sdk-Date' ? now() : projectId;
      }
      const canonicalUri = url.pathname.split('/').map(s => percentEncode(decodeURIComponent(s))).join('/') + '/';
      const canonicalQuery = [...url.searchParams.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join('&');
      const signed: Record<string, string> = { host: url.host };
      for (const [name, value] of Object.entries(headers)) {
        if (!unsigned.has(name.toLowerCase())) {
          signed[name.toLowerCase()] = value.trim();
        }
      }
      const names = Object.keys(signed).sort();
      const canonicalRequest = [
        (context.init.method ?? 'GET').toUpperCase(), canonicalUri, canonicalQuery,
        names.map(n => `${n}:${signed[n]}\n`).join(''), names.join(';'),
        createHash('sha256').update(String(context.init.body ?? '')).digest('hex'),
      ].join('\n');
      const stringToSign = `${spec.algorithm}\n${headers['X-Sdk-Date']}\n`
        + createHash('sha256').update(canonicalRequest).digest('hex');
      const signature = createHmac('sha256', sk).update(stringToSign).digest('hex');
      headers.Authorization = `${spec.algorithm} Access=${ak}, SignedHeaders=${names.join(';')}, Signature=${signature}`;
      return { url: context.url, init: { ...context.init, headers } };
    },
  };
}

test('a request hook signs the generated client\'s request as the vendor\'s signer does', async () => {
  const sent: Record<string, string>[] = [];
  const api = new StarRocksReplicationApi(new Configuration({
    basePath: 'https://gaussdb.ap-southeast-1.myhuaweicloud.com',
    middleware: [akSkSigner('HPUAEXAMPLEKEY01', 's3cr3tSKexample0123456789', '9f8e7d6c5b4a39281706f5e4d3c2b1a0',
      () => '20260301T083015Z')],
    fetchApi: async (_input: RequestInfo | URL, init?: RequestInit) => {
      sent.push({ ...(init?.headers as Record<string, string>) });
      return new Response(JSON.stringify({ total_count: 0, replications: [] }),
        { status: 200, headers: { 'Content-Type': 'application/json' } });
    },
  }));
  const page = await api.listStarRocksDataReplications({
    projectId: '9f8e7d6c5b4a39281706f5e4d3c2b1a0',
    instanceId: '5c1f7e2a9b3d4e6f8a0b1c2d3e4f5a6bin07',
    offset: 20,
    limit: 50,
    xLanguage: 'zh-cn',
  });
  assert.equal(page.totalCount, 0);
  // The worked example of the vendor's signer (shared/reference/api-facts.md).
  assert.equal(sent[0].Authorization, 'SDK-HMAC-SHA256 Access=HPUAEXAMPLEKEY01, '
    + 'SignedHeaders=host;x-language;x-project-id;x-sdk-date, '
    + 'Signature=dbb6faa175684695bd8b4be26fdac365e626e4d6712a7fc13265118b6820befe');
  assert.equal(sent[0]['X-Sdk-Date'], '20260301T083015Z');
  assert.equal(sent[0]['X-Project-Id'], '9f8e7d6c5b4a39281706f5e4d3c2b1a0');
  assert.equal('X-Auth-Token' in sent[0], false);
});
