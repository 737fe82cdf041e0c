/**
 * `npm test`: typecheck, lint, build, then the unit and the browser tests, with a short report and one summary line
 * at the very end (`N passed, N failed`); exits non-zero on any failure. The test files report in node:test's dot
 * form (a failure is printed whole); a stage that fails prints its own output.
 *
 * The type check runs beside everything else; the unit and the browser tests run side by side, the browser files
 * three at a time against one server and one Chromium. At three the two cores are busy (73 % user, 18 % system,
 * 3 % idle, measured over a whole run): more at once would not shorten it, and no wait is tighter for it (the
 * tests wait on conditions the page exposes, tests/browser/harness.ts).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { checkLaunch, launchOptions, SHARED_BROWSER_ENV, SHARED_SITE_ENV, serveSite } from '../tests/browser/harness.ts';
import { ROOT } from './lib/repo.ts';

/** Browser files run at once: enough to keep both cores busy while one file waits on its page. */
const BROWSER_FILES_AT_ONCE = 3;

interface Outcome {
  name: string;
  ok: boolean;
  output: string;
  seconds: number;
  passed: number;
  failed: number;
}

function run(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Omit<Outcome, 'passed' | 'failed'>> {
  const start = performance.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('close', (code) => resolve({ name, ok: code === 0, output, seconds: (performance.now() - start) / 1000 }));
  });
}

async function stage(name: string, cmd: string, args: string[]): Promise<Outcome> {
  const r = await run(name, cmd, args);
  // A stage is not a test: it adds to the count only when it fails.
  return { ...r, passed: 0, failed: r.ok ? 0 : 1 };
}

/** A node:test run: dots on screen, counts from a TAP copy of the same run. */
async function tests(name: string, dir: string, concurrency: number, tmp: string, env: NodeJS.ProcessEnv = {}): Promise<Outcome> {
  const files = readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith('.test.ts'))
    .sort()
    .map((f) => join(dir, f));
  const tap = join(tmp, `${name}.tap`);
  const r = await run(name, process.execPath, [
    '--import',
    'tsx',
    '--test',
    `--test-concurrency=${concurrency}`,
    '--test-reporter=dot',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    ...files,
  ], env);
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const count = (key: string): number => Number(new RegExp(`^# ${key} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  const failed = count('fail') + count('cancelled');
  // A run that failed without a failing test (a file that did not load) still counts as a failure.
  return { ...r, passed: count('pass'), failed: failed || (r.ok ? 0 : 1) };
}

const started = performance.now();
const tmp = mkdtempSync(join(tmpdir(), 'npm-test-'));
const outcomes: Outcome[] = [];

const report = (o: Outcome): void => {
  outcomes.push(o);
  console.log(`${o.ok ? 'ok' : 'FAILED'}  ${o.name} (${o.seconds.toFixed(1)} s)`);
  if (!o.ok) console.log(o.output.trimEnd());
};

try {
  // The type check needs nothing the others make and takes the longest of the stages: it runs beside them.
  const typecheck = stage('typecheck', 'npm', ['run', '--silent', 'typecheck']);
  for (const [name, cmd, args] of [
    ['lint', 'npm', ['run', '--silent', 'lint']],
    ['build', 'npm', ['run', '--silent', 'build']],
  ] as const) {
    report(await stage(name, cmd, [...args]));
    if (!outcomes.at(-1)?.ok) break;
  }
  if (outcomes.every((o) => o.ok)) {
    // One server and one Chromium for every browser file (tests/browser/harness.ts): each file used to start both,
    // about a second of the two cores apiece, and compress the site again.
    const site = await serveSite();
    const browser = await chromium.launchServer(launchOptions());
    const shared = { [SHARED_SITE_ENV]: site.url, [SHARED_BROWSER_ENV]: browser.wsEndpoint() };
    const checked = chromium.connect(browser.wsEndpoint()).then((probe) => checkLaunch(probe).finally(() => probe.close()));
    const results = await checked
      .then(() => Promise.all([tests('unit', 'tests/unit', 2, tmp), tests('browser', 'tests/browser', BROWSER_FILES_AT_ONCE, tmp, shared)]))
      .finally(() => Promise.all([browser.close(), site.close()]));
    for (const o of results) {
      outcomes.push(o);
      console.log(o.output.trimEnd());
      console.log(`${o.ok ? 'ok' : 'FAILED'}  ${o.name}: ${o.passed} passed, ${o.failed} failed (${o.seconds.toFixed(1)} s)`);
    }
  }
  report(await typecheck);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

const passed = outcomes.reduce((n, o) => n + o.passed, 0);
const failed = outcomes.reduce((n, o) => n + o.failed, 0);
console.log(`npm test took ${((performance.now() - started) / 1000).toFixed(0)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && outcomes.every((o) => o.ok) ? 0 : 1);
