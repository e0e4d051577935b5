import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/shared.js';
import { ensureBuilt } from './buildDist.js';
import { defineCliSuite, type RunResult } from './cases.js';

const BIN = join(ROOT, 'dist', 'cli.js');

/** Run `node dist/cli.js ...argv` in a child process, stdout and stderr piped (not a terminal). */
function runNode(nodeArgs: readonly string[], argv: readonly string[]): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [...nodeArgs, BIN, ...argv], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

const run = (argv: readonly string[]) => runNode([], argv);

beforeAll(async () => {
  await ensureBuilt();
}, 600_000);

defineCliSuite('built bin', run);

describe('built bin: Ctrl-C', () => {
  it('stops a long simulation cleanly on SIGINT: one line, exit 130, no output', async () => {
    // Send Ctrl-C once the bin has surely started: well after the time it takes to print its help here.
    const t0 = Date.now();
    await run(['--help']);
    const startup = Date.now() - t0;
    const child = spawn(process.execPath, [BIN, 'simulate', '--paths', '1000000000', '--threads', '1'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const started = Date.now();
    setTimeout(() => child.kill('SIGINT'), Math.max(1500, 3 * startup + 500));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(Date.now() - started).toBeLessThan(Math.max(1500, 3 * startup + 500) + 20_000);
    expect(code).toBe(130);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^cpi-gap: interrupted \(Ctrl-C\): the simulation stopped after \d+ of 1000000000 paths; nothing was written\n$/);
  });
});

describe('built bin: heavy modules load only when needed', () => {
  // A module hook that refuses mathjs, vega, vega-lite, fflate and resvg: a command that imports one fails.
  const hook = join(mkdtempSync(join(tmpdir(), 'cpi-gap-hook-')), 'refuse.mjs');
  writeFileSync(
    hook,
    [
      "import { register } from 'node:module';",
      `register('data:text/javascript,' + encodeURIComponent("export async function resolve(s, c, next) { if (/^(mathjs|vega|vega-lite|fflate|@resvg\\\\/resvg-js)$/.test(s)) throw new Error('refused ' + s); return next(s, c); }"));`,
    ].join('\n'),
  );
  const refusing = (argv: readonly string[]) => runNode(['--import', hook], argv);

  it.each([['report'], ['gaps', '--by', 'cpi'], ['scenario', 'examples/scenarios/ws1-steady.yaml'], ['solve'], ['trend'], ['simulate', '--paths', '1000']])('%s runs without them', async (...argv) => {
    const r = await refusing(argv);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('a scenario with an expression loads mathjs, and an SVG chart loads vega (the hook refuses them)', async () => {
    const expr = await refusing(['scenario', 'examples/scenarios/vdem-expression.yaml']);
    expect(expr.code).toBe(1);
    expect(expr.stderr).toMatch(/refused mathjs/);
    const svg = await refusing(['chart', 'gap-bars', '--out', join(tmpdir(), 'cpi-gap-refused.svg')]);
    expect(svg.code).toBe(1);
    expect(svg.stderr).toMatch(/refused vega/);
  });
});

describe('built bin: the world panel loads only when a command needs it', () => {
  /** The files of dist/ that a run loads (resolve hook log) and that hold the world panel (its format tag). */
  async function panelFiles(argv: readonly string[]): Promise<{ code: number; files: string[] }> {
    const log = join(mkdtempSync(join(tmpdir(), 'cpi-gap-loads-')), 'loads.log');
    const r = await new Promise<RunResult>((resolve) => {
      execFile(process.execPath, ['--import', join(ROOT, 'tests', 'bundle', 'record-loads.mjs'), BIN, ...argv], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CPI_GAP_LOAD_LOG: log } }, (error, stdout, stderr) => {
        resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
      });
    });
    const dist = join(ROOT, 'dist');
    const loaded = readFileSync(log, 'utf8').split('\n').filter((l) => l.startsWith('file:')).map((l) => fileURLToPath(l)).filter((f) => f.startsWith(dist));
    return { code: r.code, files: [...new Set(loaded.filter((f) => readFileSync(f, 'utf8').includes('cpi-gap world panel 1')))] };
  }

  it("Thailand's report, gaps and trend load no file holding it; --country IDN and peers do", async () => {
    for (const argv of [['report'], ['gaps', '--by', 'cpi'], ['trend']]) expect(await panelFiles(argv)).toEqual({ code: 0, files: [] });
    for (const argv of [['report', '--country', 'IDN'], ['peers', '--group', 'asean']]) {
      const r = await panelFiles(argv);
      expect(r.code).toBe(0);
      expect(r.files.length).toBeGreaterThan(0);
    }
  });
});
