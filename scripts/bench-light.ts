/**
 * The "light" lines of `npm run bench` (issue 18), measured in one run on this machine:
 * - CLI cold start: the median wall time of `node dist/cli.js report` against `node -e
 *   "import('cpi-gap')"` (the core entry, resolved through the package's own exports), the two
 *   alternated so that both see the same load on the machine. Goal: report <= 0.35 s.
 * - Browser bundle size: the core, and the core with cpi-gap/charts, bundled by esbuild for the
 *   browser with every dependency inside (zod/mini too), minified and gzipped. Goal: core <= 40 KB
 *   (the figure `npm run size` checks, in its kB of 1,000 bytes). Thai text is kept as UTF-8, as
 *   browser bundlers write it (Vite, Rollup with terser); the core is also measured with esbuild's
 *   own default, charset ascii, which writes each Thai letter as a \uXXXX escape.
 * Uses the built dist/ (built first when it is missing).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const RUNS = 9;
const COLD_START_GOAL = 0.35;
const CORE_BUNDLE_GOAL_KB = 40;

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid]!) : ((s[mid - 1]!) + (s[mid]!)) / 2;
};

/** Wall seconds of one run of `node args` in `root`. */
function wall(root: string, args: readonly string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed (exit ${r.status})`);
  return (performance.now() - t0) / 1000;
}

/** The minified, gzipped size (kB of 1,000 bytes, as size-limit counts) of a browser bundle of `code` (imports of cpi-gap resolved in `root`). */
async function bundleKb(root: string, code: string, charset: 'utf8' | 'ascii' = 'utf8'): Promise<{ raw: number; gz: number }> {
  const out = await build({ stdin: { contents: code, resolveDir: root, loader: 'js' }, bundle: true, minify: true, format: 'esm', platform: 'browser', target: 'es2022', charset, write: false, logLevel: 'silent' });
  const bytes = out.outputFiles[0]?.contents ?? new Uint8Array();
  return { raw: bytes.length / 1000, gz: gzipSync(bytes, { level: 9 }).length / 1000 };
}

const verdict = (ok: boolean): string => (ok ? 'PASS' : 'FAIL');

/** Print the cold-start and bundle-size lines; returns whether both goals hold. */
export async function lightBench(root: string): Promise<boolean> {
  if (!existsSync(join(root, 'dist', 'cli.js'))) execFileSync('npx', ['tsup'], { cwd: root, stdio: 'ignore' });
  const cli = join(root, 'dist', 'cli.js');
  const report: number[] = [];
  const core: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    report.push(wall(root, [cli, 'report']));
    core.push(wall(root, ['-e', "import('cpi-gap')"]));
  }
  const r = median(report);
  const c = median(core);
  console.log(`CLI cold start (median of ${RUNS}, alternated): cpi-gap report ${r.toFixed(3)} s; node -e "import('cpi-gap')" ${c.toFixed(3)} s; ratio ${(r / c).toFixed(2)}`);
  const startOk = r <= COLD_START_GOAL;
  console.log(`${verdict(startOk)}  cpi-gap report cold start <= ${COLD_START_GOAL} s (median ${r.toFixed(3)} s)`);
  const bundles = [
    ['core (cpi-gap)', "export * from 'cpi-gap';"],
    ['core + charts', "export * from 'cpi-gap'; export * from 'cpi-gap/charts';"],
    ['simulation', "export * from 'cpi-gap/simulation';"],
  ] as const;
  let coreGz = Infinity;
  for (const [name, code] of bundles) {
    const size = await bundleKb(root, code);
    if (name === 'core (cpi-gap)') coreGz = size.gz;
    console.log(`browser bundle, ${name}: ${size.raw.toFixed(1)} kB minified, ${size.gz.toFixed(1)} kB min+gz (esbuild, dependencies included, UTF-8)`);
  }
  const ascii = await bundleKb(root, bundles[0][1], 'ascii');
  console.log(`browser bundle, core (cpi-gap) with esbuild's default charset (ascii, Thai as \\uXXXX): ${ascii.raw.toFixed(1)} kB minified, ${ascii.gz.toFixed(1)} kB min+gz`);
  const sizeOk = coreGz <= CORE_BUNDLE_GOAL_KB;
  console.log(`${verdict(sizeOk)}  core browser bundle <= ${CORE_BUNDLE_GOAL_KB} kB min+gz (${coreGz.toFixed(1)} kB)`);
  return startOk && sizeOk;
}
