// Opens the HTML reference built by `redocly build-docs` in headless Chromium (Debian's /usr/bin/chromium, no
// downloaded browser), navigates to the operation as a reader would, and checks that its summary and its response
// codes are rendered. Fails on a script error in the page or on any outside request other than an image (the page
// must not need the network to render).
//
// Usage: node scripts/check-reference-page.mjs <page.html> <spec.yaml> <screenshot.png>
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { parse } from 'yaml';

const [pagePath, specPath, screenshotPath] = process.argv.slice(2);
if (!pagePath || !specPath || !screenshotPath) {
  console.error('usage: check-reference-page.mjs <page.html> <spec.yaml> <screenshot.png>');
  process.exit(2);
}
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const REQUIRED_CODES = ['200', '400', '500'];

const spec = parse(readFileSync(specPath, 'utf8'));
const [[path, item]] = Object.entries(spec.paths);
const operation = item.get;
const documentedCodes = Object.keys(operation.responses);

const problems = [];
const blocked = [];
const userDataDir = mkdtempSync(join(tmpdir(), 'htapsync-chromium-'));
let codes = [];
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: CHROMIUM,
  headless: true,
  chromiumSandbox: false, // adds --no-sandbox: the check runs as root
  args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  context.setDefaultTimeout(20_000);
  await context.route('**/*', (route) => {
    const request = route.request();
    if (/^(file|data|blob):/.test(request.url())) return route.continue();
    blocked.push(`${request.resourceType()} ${request.url()}`);
    if (request.resourceType() !== 'image') problems.push(`the page requested ${request.url()} (${request.resourceType()})`);
    return route.abort();
  });
  const page = context.pages()[0] ?? await context.newPage();
  page.on('pageerror', (error) => problems.push(`script error in the page: ${error.message}`));

  await page.goto(pathToFileURL(resolve(pagePath)).href);
  // The tag section lists the operation by its path; a reader clicks it to open the operation.
  const pathTail = path.split('/').slice(-3).join('/');
  await page.getByRole('link', { name: new RegExp(pathTail.replace(/[/{}]/g, '\\$&')) }).first().click();
  await page.getByRole('heading', { name: operation.summary }).first().waitFor();
  if (!decodeURIComponent(page.url()).toLowerCase().endsWith(operation.operationId.toLowerCase())) {
    problems.push(`the operation link led to ${page.url()}, not to ${operation.operationId}`);
  }

  codes = (await page.getByRole('tablist', { name: 'Response status' }).first().getByRole('tab').allInnerTexts())
    .map((text) => text.trim());
  for (const code of new Set([...REQUIRED_CODES, ...documentedCodes])) {
    if (!codes.includes(code)) problems.push(`response code ${code} is not rendered (rendered: ${codes.join(', ')})`);
  }
  // Each error code opens its own description and body schema.
  for (const code of ['400', '500']) {
    await page.getByRole('tablist', { name: 'Response status' }).first().getByRole('tab', { name: code, exact: true }).click();
    const description = operation.responses[code].description.trim();
    await page.getByText(description, { exact: true }).first().waitFor();
    await page.getByText('error_code', { exact: true }).first().waitFor();
  }
  await page.screenshot({ path: screenshotPath });
} catch (error) {
  // Playwright's message names the step and what it waited for; its first lines are enough to act on.
  problems.push(String(error.message).replace(/\u001b\[[0-9;]*m/g, '').split('\n').map((line) => line.trim()).filter(Boolean).slice(0, 3).join(' '));
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}

if (problems.length > 0) {
  problems.forEach((problem) => console.error(`FAIL: ${problem}`));
  process.exitCode = 1;
} else {
  console.log(`rendered ${operation.operationId} ("${operation.summary}") with response codes ${codes.join(', ')}; `
    + `400 and 500 open their error bodies; outside requests blocked: ${blocked.length === 0 ? 'none' : blocked.join(', ')}`);
}
