/**
 * `npm test`: typecheck, lint, build, then the unit and the browser tests, with a short report and one summary line
 * at the very end (`N passed, N failed`); exits non-zero on any failure. The test files report in node:test's dot
 * form (a failure is printed whole); a stage that fails prints its own output.
 *
 * The type check runs beside everything else; the unit and the browser tests run side by side, the unit files in two
 * processes and the browser files in three, against one server and one Chromium. With three the two cores are busy
 * (the browser suite alone: about 300 CPU-seconds in 155 s): more at once would not shorten it, and no wait is tighter for
 * it (the tests wait on conditions the page exposes, tests/browser/harness.ts).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { checkLaunch, launchOptions, SHARED_BROWSER_ENV, SHARED_SITE_ENV, serveSite } from '../tests/browser/harness.ts';
import { SHARD_FILES_ENV } from '../tests/shard.ts';
import { ROOT } from './lib/repo.ts';

const SHARD = join(ROOT, 'tests/shard.ts');

/** Browser test processes: enough to keep both cores busy while one waits on its page. */
const BROWSER_PROCESSES = 3;

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

/**
 * Files split into `count` shares of about equal size, the largest first into the smallest share: a file's size is
 * what is known of its time before it runs.
 */
function shares(files: string[], count: number): string[][] {
  const out = Array.from({ length: Math.min(count, files.length) }, () => ({ files: [] as string[], bytes: 0 }));
  const sized = files.map((f) => ({ f, bytes: statSync(join(ROOT, f)).size })).sort((a, b) => b.bytes - a.bytes);
  for (const { f, bytes } of sized) {
    const least = out.reduce((a, b) => (b.bytes < a.bytes ? b : a));
    least.files.push(f);
    least.bytes += bytes;
  }
  return out.map((s) => s.files.sort());
}

/**
 * A folder's test files in `processes` node:test processes side by side (tests/shard.ts), each running its share one
 * test at a time: dots on screen, counts from a TAP copy of the same run. A process a file, each starting its own Node,
 * tsx and playwright-core, the browser suite took 314–339 CPU-seconds (163–177 s); in three, 297–318 (151–161 s).
 * More shares than processes, each taken by the first process free, balanced no better and cost more (320, 164 s).
 */
async function tests(name: string, dir: string, processes: number, tmp: string, env: NodeJS.ProcessEnv = {}): Promise<Outcome> {
  const files = readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => join(dir, f));
  const runs = await Promise.all(
    shares(files, processes).map(async (share, i) => {
      const tap = join(tmp, `${name}-${i}.tap`);
      const args = ['--import', 'tsx', '--test', '--test-reporter=dot', '--test-reporter-destination=stdout'];
      const r = await run(name, process.execPath, [...args, '--test-reporter=tap', `--test-reporter-destination=${tap}`, SHARD], {
        ...env,
        [SHARD_FILES_ENV]: share.join('\n'),
      });
      const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
      const count = (key: string): number => Number(new RegExp(`^# ${key} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
      const failed = count('fail') + count('cancelled');
      // A run that failed without a failing test (a file that did not load) still counts as a failure.
      return { ...r, passed: count('pass'), failed: failed || (r.ok ? 0 : 1) };
    }),
  );
  return {
    name,
    ok: runs.every((r) => r.ok),
    output: runs.map((r) => r.output.trimEnd()).join('\n'),
    seconds: Math.max(...runs.map((r) => r.seconds)),
    passed: runs.reduce((n, r) => n + r.passed, 0),
    failed: runs.reduce((n, r) => n + r.failed, 0),
  };
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
      .then(() => Promise.all([tests('unit', 'tests/unit', 2, tmp), tests('browser', 'tests/browser', BROWSER_PROCESSES, tmp, shared)]))
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
