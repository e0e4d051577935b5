/**
 * npm run bench [-- --paths 1000000 --horizon 8]
 *
 * cpi-gap's Monte Carlo against the numpy reference (../shared/bench/mc_numpy.py), in one process
 * tree on this machine. Each side runs in its own child process, so each peak RSS is that side's
 * own: python3 reports resource.getrusage(RUSAGE_SELF).ru_maxrss after running the script, the
 * cpi-gap child reports process.resourceUsage().maxRSS (worker threads included: same process).
 * The cpi-gap child is plain `node` on a bundle of the sources built here with tsup (no tsx loader
 * in the measured process), as a user's `node app.js` importing cpi-gap/simulation would run.
 *
 * Runs: numpy 1,000,000 paths x 8 years (9 sources), extra drift 0 and 2; cpi-gap's random-walk
 * with the same settings. Prints the time ratios (simulation time as each side measures it, and
 * wall time of the child), peak memory and its ratio, P(score >= 51) per year side by side for
 * drift 2 with the difference in Monte Carlo standard errors, and PASS/FAIL per goal:
 *   time <= 0.5 x numpy's; peak memory <= 25% of numpy's; drift-2 probabilities within 4 SE.
 * Without python3 or numpy it says so and prints cpi-gap's own figures.
 * First, the CLI's cold start and the browser bundle sizes (scripts/bench-light.ts).
 *
 * Then the world run: ../shared/bench/mc_world_numpy.py (100,000 paths x 8 years, every country of
 * TI's latest edition a pooled-normal walk, Thailand with a drift of 3 a year, ranks 43 and 53,
 * target 51) beside cpi-gap's run of the same model (src/simulation/world/pooledNormal.ts), with
 * the same goals: time <= 0.5 x numpy's, peak memory <= 25%, P(rank <= 43), P(rank <= 53) and
 * P(score >= 51) within 4 Monte Carlo SE every year.
 */
// The parent's modules load in main() only, so the measured child loads nothing it does not need.
import type { spawnSync as SpawnSync } from 'node:child_process';

const TARGET = 51;

interface SideResult {
  /** Simulation seconds as the side measures them. */
  readonly seconds: number;
  /** Wall seconds of the child process. */
  readonly wall: number;
  /** Peak RSS in kB. */
  readonly maxRssKb: number;
  readonly pHit: readonly number[];
  readonly median: readonly number[];
  readonly threads?: number;
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

/** Child mode: run cpi-gap's random walk and print one JSON line. */
async function child(): Promise<void> {
  const extra = Number(process.argv[process.argv.indexOf('--child') + 1] ?? '0');
  const paths = arg('paths', 1_000_000);
  const horizon = arg('horizon', 8);
  const { thailand } = await import('../src/dataset/index.js');
  const { simulate, THREADS_THRESHOLD } = await import('../src/simulation/index.js');
  const t0 = performance.now();
  const threadsArg = arg('threads', 0);
  // mc_numpy.py's model: Thailand's own random walk from 2022, changes 2017-2022.
  const r = await simulate(thailand, { model: 'random-walk', baseYear: 2022, window: { from: 2017, to: 2022 }, paths, horizon, extraDrift: extra, target: TARGET, ...(threadsArg > 0 ? { threads: threadsArg } : {}) });
  const seconds = (performance.now() - t0) / 1000;
  // The threads simulate chose by default (its rule, restated for the report).
  const { availableParallelism } = await import('node:os');
  const threads = threadsArg > 0 ? threadsArg : paths * horizon * r.parameters.sources.length < THREADS_THRESHOLD ? 1 : Math.min(2, availableParallelism());
  process.stdout.write(
    `${JSON.stringify({ seconds, maxRssKb: process.resourceUsage().maxRSS, pHit: r.years.map((y) => y.pTarget), median: r.years.map((y) => y.median), threads })}\n`,
  );
}

interface Env {
  readonly spawnSync: typeof SpawnSync;
  readonly root: string;
  readonly numpyScript: string;
  readonly outDir: string;
  readonly exists: (path: string) => boolean;
}

async function env(): Promise<Env> {
  const { spawnSync } = await import('node:child_process');
  const fs = await import('node:fs');
  const path = await import('node:path');
  const url = await import('node:url');
  const root = path.resolve(path.dirname(url.fileURLToPath(import.meta.url)), '..');
  const outDir = path.join(root, 'node_modules', '.cache', 'cpi-gap-bench');
  fs.mkdirSync(outDir, { recursive: true });
  return { spawnSync, root, numpyScript: path.resolve(root, '..', 'shared', 'bench', 'mc_numpy.py'), outDir, exists: (file) => fs.existsSync(file) };
}

/** Bundle this script and the worker with tsup into the cache folder; returns the child script's path. */
async function buildChild(e: Env): Promise<string> {
  const { build } = await import('tsup');
  await build({
    config: false,
    entry: { bench: `${e.root}/scripts/bench.ts`, 'simulation-worker': `${e.root}/src/simulation/worker.ts` },
    outDir: e.outDir,
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    splitting: true,
    clean: true,
    dts: false,
    silent: true,
    external: ['tsup', 'esbuild'],
  });
  return `${e.outDir}/bench.js`;
}

function runNode(e: Env, script: string, extra: number, paths: number, horizon: number, threads?: number): SideResult {
  const t0 = performance.now();
  const args = [script, '--child', String(extra), '--paths', String(paths), '--horizon', String(horizon), ...(threads === undefined ? [] : ['--threads', String(threads)])];
  const out = e.spawnSync(process.execPath, args, { encoding: 'utf8', cwd: e.root });
  const wall = (performance.now() - t0) / 1000;
  if (out.status !== 0) throw new Error(`cpi-gap child failed: ${out.stderr}`);
  const r = JSON.parse(out.stdout.trim().split('\n').pop() ?? '{}') as Omit<SideResult, 'wall'>;
  return { ...r, wall };
}

/** python3 and numpy present? Returns a reason when not. */
function numpyMissing(e: Env): string | null {
  if (!e.exists(e.numpyScript)) return `the numpy script ${e.numpyScript} is missing`;
  const py = e.spawnSync('python3', ['-c', 'import numpy; print(numpy.__version__)'], { encoding: 'utf8' });
  if (py.error !== undefined) return 'python3 is not installed';
  if (py.status !== 0) return 'numpy is not installed for python3';
  return null;
}

const PY_WRAPPER = [
  'import json, resource, runpy, sys',
  'script = sys.argv[1]',
  'sys.argv = sys.argv[1:]',
  'runpy.run_path(script, run_name="__main__")',
  'sys.stdout.flush()',
  'print(json.dumps({"maxRssKb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))',
].join('\n');

function runNumpy(e: Env, extra: number, paths: number, horizon: number): SideResult {
  const t0 = performance.now();
  const out = e.spawnSync('python3', ['-c', PY_WRAPPER, e.numpyScript, String(paths), String(horizon), String(extra), String(TARGET)], { encoding: 'utf8' });
  const wall = (performance.now() - t0) / 1000;
  if (out.status !== 0) throw new Error(`numpy run failed: ${out.stderr}`);
  const lines = out.stdout.trim().split('\n');
  const main = JSON.parse(lines[lines.length - 2] ?? '{}') as { seconds: number; p_hit: number[]; median: number[] };
  const rss = JSON.parse(lines[lines.length - 1] ?? '{}') as { maxRssKb: number };
  return { seconds: main.seconds, wall, maxRssKb: rss.maxRssKb, pHit: main.p_hit, median: main.median };
}

const mb = (kb: number): string => `${(kb / 1024).toFixed(1)} MB`;
const s3 = (x: number): string => `${x.toFixed(3)} s`;
const verdict = (ok: boolean): string => (ok ? 'PASS' : 'FAIL');

async function main(): Promise<void> {
  const paths = arg('paths', 1_000_000);
  const horizon = arg('horizon', 8);
  console.log(`cpi-gap Monte Carlo bench: ${paths.toLocaleString('en')} paths x 9 sources x ${horizon} years, Thailand random walk (base 2022, changes 2017-2022), target ${TARGET}`);
  console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
  const e = await env();
  const { lightBench } = await import('./bench-light.js');
  const light = await lightBench(e.root);
  console.log('');
  const script = await buildChild(e);
  const missing = numpyMissing(e);
  if (missing !== null) console.log(`numpy reference skipped: ${missing}. Showing cpi-gap's own figures only.`);

  const runs = [0, 2].map((extra) => ({
    extra,
    numpy: missing === null ? runNumpy(e, extra, paths, horizon) : null,
    cpi: runNode(e, script, extra, paths, horizon),
  }));
  // For information (not judged): the same run forced onto two threads.
  const two = runNode(e, script, 2, paths, horizon, 2);

  console.log('');
  console.log('run           side      sim time   wall time  peak RSS   threads');
  for (const r of runs) {
    const label = `drift ${r.extra}`.padEnd(13);
    if (r.numpy !== null) console.log(`${label} numpy     ${s3(r.numpy.seconds).padStart(9)}  ${s3(r.numpy.wall).padStart(9)}  ${mb(r.numpy.maxRssKb).padStart(9)}   1`);
    console.log(`${label} cpi-gap   ${s3(r.cpi.seconds).padStart(9)}  ${s3(r.cpi.wall).padStart(9)}  ${mb(r.cpi.maxRssKb).padStart(9)}   ${r.cpi.threads ?? '?'} (default)`);
  }
  console.log(`drift 2       cpi-gap   ${s3(two.seconds).padStart(9)}  ${s3(two.wall).padStart(9)}  ${mb(two.maxRssKb).padStart(9)}   2 (threads: 2, for information; same probabilities: ${String(two.pHit.every((p, i) => p === runs[1]?.cpi.pHit[i]))})`);

  const drift2 = runs.find((r) => r.extra === 2);
  if (drift2 === undefined) return;
  console.log('');
  console.log(`P(score >= ${TARGET}) per year, extra drift 2 (N = ${paths.toLocaleString('en')} each; se = sqrt(p1(1-p1)/N + p2(1-p2)/N))`);
  console.log(missing === null ? 'year   cpi-gap     numpy       diff       |diff|/se   median cpi-gap/numpy' : 'year   cpi-gap');
  const rows = drift2.cpi.pHit.map((p1, y) => {
    const p2 = drift2.numpy?.pHit[y];
    if (p2 === undefined) return { year: 2023 + y, p1, p2: null, d: 0, k: 0 };
    const se = Math.sqrt((p1 * (1 - p1)) / paths + (p2 * (1 - p2)) / paths);
    const d = p1 - p2;
    return { year: 2023 + y, p1, p2, d, k: se === 0 ? (d === 0 ? 0 : Infinity) : Math.abs(d) / se };
  });
  for (const [y, r] of rows.entries()) {
    if (r.p2 === null) console.log(`${r.year}   ${r.p1.toFixed(6)}`);
    else console.log(`${r.year}   ${r.p1.toFixed(6)}    ${r.p2.toFixed(6)}    ${(r.d >= 0 ? '+' : '') + r.d.toFixed(6)}  ${r.k.toFixed(2).padStart(8)}    ${drift2.cpi.median[y]} / ${drift2.numpy?.median[y]}`);
  }
  const maxSe = Math.max(...rows.map((r) => r.k));
  const agree = rows.every((r) => r.k <= 4);

  console.log('');
  if (runs.some((r) => r.numpy === null)) {
    console.log('Goals: not judged (no numpy reference on this machine).');
    reportWorld(e, script);
    return;
  }
  const ratios = runs.map((r) => ({ extra: r.extra, time: r.cpi.seconds / (r.numpy?.seconds ?? 1), wall: r.cpi.wall / (r.numpy?.wall ?? 1), mem: r.cpi.maxRssKb / (r.numpy?.maxRssKb ?? 1) }));
  for (const r of ratios) {
    console.log(`drift ${r.extra}: time ratio cpi-gap/numpy ${r.time.toFixed(3)} (simulation), ${r.wall.toFixed(3)} (wall); peak memory ratio ${(100 * r.mem).toFixed(1)}%`);
  }
  const timeOk = ratios.every((r) => r.time <= 0.5);
  const memOk = ratios.every((r) => r.mem <= 0.25);
  console.log(`${verdict(timeOk)}  time <= 0.5 x numpy's (worst ratio ${Math.max(...ratios.map((r) => r.time)).toFixed(3)})`);
  console.log(`${verdict(memOk)}  peak memory <= 25% of numpy's (worst ${(100 * Math.max(...ratios.map((r) => r.mem))).toFixed(1)}%)`);
  console.log(`${verdict(agree)}  drift 2: P(score >= ${TARGET}) within 4 Monte Carlo SE every year (largest ${maxSe.toFixed(2)} SE)`);
  const worldOk = reportWorld(e, script);
  if (!(timeOk && memOk && agree && light && worldOk)) process.exitCode = 1;
}

/** The world run's settings: mc_world_numpy.py's arguments (paths, horizon, focus, ranks, target, focus drift). */
const WORLD = { paths: 100_000, horizon: 8, focus: 'THA', ranks: [43, 53], target: 51, drift: 3 } as const;

/** Child mode: cpi-gap's run of mc_world_numpy.py's model (every country a pooled-normal walk) and one JSON line. */
async function worldChild(): Promise<void> {
  const { worldRows } = await import('../src/world/worldPanel.js');
  const { pooledNormalWorld } = await import('../src/simulation/world/pooledNormal.js');
  const rows = worldRows();
  const score = new Map(rows.map((r) => [`${r.iso3}@${r.year}`, r.score]));
  const baseYear = Math.max(...rows.map((r) => r.year));
  const iso = [...new Set(rows.filter((r) => r.year === baseYear).map((r) => r.iso3))].sort();
  const changes = rows.flatMap((r) => {
    const before = score.get(`${r.iso3}@${r.year - 1}`);
    return before === undefined ? [] : [r.score - before];
  });
  const mean = changes.reduce((a, b) => a + b, 0) / changes.length;
  const sd = Math.sqrt(changes.reduce((a, b) => a + (b - mean) ** 2, 0) / (changes.length - 1));
  const t0 = performance.now();
  const years = pooledNormalWorld({ base: Float64Array.from(iso.map((c) => score.get(`${c}@${baseYear}`) ?? 0)), focus: iso.indexOf(WORLD.focus), sd, focusDrift: WORLD.drift, paths: WORLD.paths, horizon: WORLD.horizon, seed: 12345, ranks: WORLD.ranks, target: WORLD.target });
  const seconds = (performance.now() - t0) / 1000;
  process.stdout.write(`${JSON.stringify({ seconds, maxRssKb: process.resourceUsage().maxRSS, sd, countries: iso.length, baseYear, years })}\n`);
}

interface WorldSide {
  /** The edition both runs start from: the latest of TI's file. */
  readonly baseYear: number;
  readonly seconds: number;
  readonly wall: number;
  readonly maxRssKb: number;
  /** Per year: P(score >= target), P(rank <= k) per k, median score for rank k per k. */
  readonly years: readonly { readonly pTarget: number; readonly pRank: readonly number[]; readonly median: readonly number[] }[];
}

function runWorldSides(e: Env, script: string): { cpi: WorldSide; numpy: WorldSide | null; missing: string | null } {
  const t0 = performance.now();
  const out = e.spawnSync(process.execPath, [script, '--world-child'], { encoding: 'utf8', cwd: e.root });
  if (out.status !== 0) throw new Error(`cpi-gap world child failed: ${out.stderr}`);
  const c = JSON.parse(out.stdout.trim().split('\n').pop() ?? '{}') as { seconds: number; maxRssKb: number; baseYear: number; years: { pTarget: number; pRank: number[]; medianScoreForRank: number[] }[] };
  const cpi = { baseYear: c.baseYear, seconds: c.seconds, wall: (performance.now() - t0) / 1000, maxRssKb: c.maxRssKb, years: c.years.map((y) => ({ pTarget: y.pTarget, pRank: y.pRank, median: y.medianScoreForRank })) };
  const script2 = e.numpyScript.replace(/mc_numpy\.py$/, 'mc_world_numpy.py');
  const csv = `${e.root}/../shared/data/ti-cpi/cpi_historical_2012_2025.csv`;
  const missing = numpyMissing(e) ?? (e.exists(script2) && e.exists(csv) ? null : `${script2} or ${csv} is missing`);
  if (missing !== null) return { cpi, numpy: null, missing };
  const t1 = performance.now();
  const py = e.spawnSync('python3', ['-c', PY_WRAPPER, script2, csv, String(WORLD.paths), String(WORLD.horizon), WORLD.focus, WORLD.ranks.join(','), String(WORLD.target), String(WORLD.drift)], { encoding: 'utf8' });
  if (py.status !== 0) throw new Error(`numpy world run failed: ${py.stderr}`);
  const lines = py.stdout.trim().split('\n');
  const n = JSON.parse(lines[lines.length - 2] ?? '{}') as { seconds: number; years: { p_target: number; p_rank: Record<string, number>; median_score_for_rank: Record<string, number> }[] };
  const rss = JSON.parse(lines[lines.length - 1] ?? '{}') as { maxRssKb: number };
  const numpy = { baseYear: cpi.baseYear, seconds: n.seconds, wall: (performance.now() - t1) / 1000, maxRssKb: rss.maxRssKb, years: n.years.map((y) => ({ pTarget: y.p_target, pRank: WORLD.ranks.map((k) => y.p_rank[String(k)] ?? 0), median: WORLD.ranks.map((k) => y.median_score_for_rank[String(k)] ?? 0) })) };
  return { cpi, numpy, missing: null };
}

/** The world run beside mc_world_numpy.py: times, memory, their ratios, and every probability in Monte Carlo SE. */
function reportWorld(e: Env, script: string): boolean {
  const { cpi, numpy, missing } = runWorldSides(e, script);
  console.log('');
  console.log(`World run: every country of the latest edition a pooled-normal walk (mc_world_numpy.py's model), ${WORLD.paths.toLocaleString('en')} paths x ${WORLD.horizon} years, focus ${WORLD.focus} with drift ${WORLD.drift}, ranks ${WORLD.ranks.join(', ')}, target ${WORLD.target}`);
  if (missing !== null || numpy === null) {
    console.log(`numpy world reference skipped: ${missing ?? 'unknown'}. cpi-gap: ${s3(cpi.seconds)}, peak ${mb(cpi.maxRssKb)}.`);
    return true;
  }
  console.log('side      sim time   wall time  peak RSS');
  console.log(`numpy    ${s3(numpy.seconds).padStart(9)}  ${s3(numpy.wall).padStart(9)}  ${mb(numpy.maxRssKb).padStart(9)}`);
  console.log(`cpi-gap  ${s3(cpi.seconds).padStart(9)}  ${s3(cpi.wall).padStart(9)}  ${mb(cpi.maxRssKb).padStart(9)}`);
  const N = WORLD.paths;
  const k = (p1: number, p2: number): number => {
    const se = Math.sqrt((p1 * (1 - p1)) / N + (p2 * (1 - p2)) / N);
    return se === 0 ? (p1 === p2 ? 0 : Infinity) : Math.abs(p1 - p2) / se;
  };
  console.log(`year  P(score>=${WORLD.target}) cpi-gap/numpy (SE) | ${WORLD.ranks.map((r) => `P(rank<=${r}) cpi-gap/numpy (SE)`).join(' | ')} | median score for rank ${WORLD.ranks.join('/')}`);
  let worst = 0;
  cpi.years.forEach((y, i) => {
    const n = numpy.years[i];
    if (n === undefined) return;
    const ks = [k(y.pTarget, n.pTarget), ...y.pRank.map((p, j) => k(p, n.pRank[j] ?? 0))];
    worst = Math.max(worst, ...ks);
    const cells = [`${y.pTarget.toFixed(5)}/${n.pTarget.toFixed(5)} (${(ks[0] ?? 0).toFixed(2)})`, ...y.pRank.map((p, j) => `${p.toFixed(5)}/${(n.pRank[j] ?? 0).toFixed(5)} (${(ks[j + 1] ?? 0).toFixed(2)})`)];
    console.log(`${cpi.baseYear + 1 + i}  ${cells.join(' | ')} | ${y.median.join('/')} vs ${n.median.join('/')}`);
  });
  const time = cpi.seconds / numpy.seconds;
  const mem = cpi.maxRssKb / numpy.maxRssKb;
  console.log(`world: time ratio cpi-gap/numpy ${time.toFixed(3)} (simulation), ${(cpi.wall / numpy.wall).toFixed(3)} (wall); peak memory ratio ${(100 * mem).toFixed(1)}%`);
  console.log(`${verdict(time <= 0.5)}  world: time <= 0.5 x numpy's (${time.toFixed(3)})`);
  console.log(`${verdict(mem <= 0.25)}  world: peak memory <= 25% of numpy's (${(100 * mem).toFixed(1)}%)`);
  console.log(`${verdict(worst <= 4)}  world: P(rank <= ${WORLD.ranks.join('), P(rank <= ')}) and P(score >= ${WORLD.target}) within 4 Monte Carlo SE every year (largest ${worst.toFixed(2)} SE)`);
  return time <= 0.5 && mem <= 0.25 && worst <= 4;
}

if (process.argv.includes('--child')) await child();
else if (process.argv.includes('--world-child')) await worldChild();
else await main();
