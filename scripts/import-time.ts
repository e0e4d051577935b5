/**
 * npm run import-time [-- --runs 15]
 *
 * How long importing each built entry takes, as a user's `node` pays it: for each entry, `runs`
 * fresh Node processes run `await import('./dist/<entry>.js')` (plain node, no loader), and the
 * median wall time of the process is printed beside the median of a process that imports nothing
 * (Node's own start-up), and the difference. For cpi-gap/world also the first call that decodes the
 * panel (`countries()`), timed inside the process. Build first (`npm run build`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  return Number.isInteger(v) && v > 0 ? v : fallback;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** Wall milliseconds of one fresh process running `program` (an ES module body). */
function once(program: string): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', program], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error(`node exited ${String(r.status)} running: ${program}`);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/**
 * Each program `runs` times, interleaved (one run of each in turn, so that a busy moment of the
 * machine weighs on all alike); the median and the minimum of each.
 */
function interleaved(programs: readonly string[], runs: number): { median: number; min: number }[] {
  const times = programs.map((): number[] => []);
  for (let i = 0; i < runs; i++) programs.forEach((p, k) => times[k]?.push(once(p)));
  return times.map((t) => ({ median: median(t), min: Math.min(...t) }));
}

/** Median milliseconds of the first `countries()` (decoding and checking the panel), in-process. */
function firstUse(runs: number): number {
  const url = pathToFileURL(join(ROOT, 'dist', 'world.js')).href;
  const program = `const w = await import(${JSON.stringify(url)}); const t = performance.now(); w.countries(); w.worldDataset('IDN'); process.stdout.write(String(performance.now() - t));`;
  const times = Array.from({ length: runs }, () => Number(spawnSync(process.execPath, ['--input-type=module', '-e', program], { cwd: ROOT, encoding: 'utf8' }).stdout));
  return median(times);
}

const runs = arg('runs', 15);
if (!existsSync(join(ROOT, 'dist', 'world.js'))) {
  console.error('import-time: dist/ is missing: run npm run build first');
  process.exitCode = 1;
} else {
  const entries = ['index', 'world', 'charts'];
  const programs = ['', ...entries.map((e) => `await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist', `${e}.js`)).href)});`)];
  const [base, ...rest] = interleaved(programs, runs);
  console.log(`import time: ${runs} fresh node processes each, interleaved (wall ms, median / min; node ${process.version})`);
  console.log(`  node alone              ${base?.median.toFixed(1)} / ${base?.min.toFixed(1)}`);
  rest.forEach((t, i) => {
    console.log(`  import dist/${`${entries[i] ?? ''}.js`.padEnd(11)} ${t.median.toFixed(1)} / ${t.min.toFixed(1)}   (median +${(t.median - (base?.median ?? 0)).toFixed(1)} over node alone)`);
  });
  console.log(`  first countries() + worldDataset('IDN') in cpi-gap/world (decode and check the panel), median: ${firstUse(runs).toFixed(1)} ms`);
}
