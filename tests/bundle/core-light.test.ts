/**
 * The core entry stays light: importing the built `cpi-gap` (ESM and CJS) loads none of the heavy
 * dependencies (mathjs, vega, vega-lite, fflate, @resvg/resvg-js), which only their subpath
 * entries (cpi-gap/expr, cpi-gap/render, cpi-gap/xlsx) may load. Each import runs in a fresh Node
 * process; ESM loads are recorded by a resolve hook, CJS loads read from require.cache. The same
 * probes run on cpi-gap/render and cpi-gap/xlsx, where the heavy packages must show up: that proves
 * the probes see them. The world panel (data/world/panel.json, bundled into cpi-gap/world) is held to
 * the same rule: no file the core loads holds it, and cpi-gap/world's files do.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/shared.js';

const HEAVY = ['mathjs', 'vega', 'vega-lite', 'fflate', '@resvg/resvg-js'] as const;
const work = mkdtempSync(join(tmpdir(), 'cpi-gap-core-light-'));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

/** The packages (by node_modules folder) among module paths or URLs. */
function packagesOf(locations: readonly string[]): Set<string> {
  const found = new Set<string>();
  for (const location of locations) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(decodeURIComponent(location).replaceAll('\\', '/'));
    if (match?.[1] !== undefined) found.add(match[1]);
  }
  return found;
}

/** Module URLs loaded by `import(file)` in a fresh Node process (resolve hook log). */
function esmLoads(file: string, name: string, then = ''): string[] {
  const log = join(work, `${name}.log`);
  const hooks = pathToFileURL(join(ROOT, 'tests', 'bundle', 'record-loads.mjs')).href;
  const program = `const m = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist', file)).href)});${then}`;
  execFileSync(process.execPath, ['--import', hooks, '--input-type=module', '-e', program], { env: { ...process.env, CPI_GAP_LOAD_LOG: log }, stdio: 'pipe' });
  return readFileSync(log, 'utf8').split('\n').filter((l) => l !== '');
}

/** Packages loaded by `import(file)` in a fresh Node process. */
function esmPackages(file: string, name: string, then = ''): Set<string> {
  return packagesOf(esmLoads(file, name, then));
}

/** Module paths loaded by `require(file)` in a fresh Node process (require.cache). */
function cjsLoads(file: string): string[] {
  const program = `require(${JSON.stringify(join(ROOT, 'dist', file))}); process.stdout.write(JSON.stringify(Object.keys(require.cache)));`;
  const out = execFileSync(process.execPath, ['-e', program], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return JSON.parse(out) as string[];
}

/** Packages loaded by `require(file)` in a fresh Node process. */
function cjsPackages(file: string): Set<string> {
  return packagesOf(cjsLoads(file));
}

/** The panel's format tag: every bundle that holds the panel holds it (src/world/panelFormat.ts). */
const PANEL_MARK = 'cpi-gap world panel 1';

/** Which of the loaded files of dist/ hold the world panel. */
function panelFiles(locations: readonly string[]): string[] {
  const dist = join(ROOT, 'dist');
  const files = locations.map((l) => (l.startsWith('file:') ? fileURLToPath(l) : l)).filter((f) => f.startsWith(dist));
  return files.filter((f) => readFileSync(f, 'utf8').includes(PANEL_MARK)).map((f) => f.slice(dist.length + 1));
}

describe('the core entry does not load the heavy dependencies', () => {
  it('ESM: import of dist/index.js loads zod but none of mathjs, vega, vega-lite, fflate, @resvg/resvg-js', () => {
    const loaded = esmPackages('index.js', 'core-esm');
    expect(loaded.has('zod')).toBe(true);
    expect(HEAVY.filter((p) => loaded.has(p))).toEqual([]);
  });

  it('CJS: require of dist/index.cjs loads zod but none of the heavy packages', () => {
    const loaded = cjsPackages('index.cjs');
    expect(loaded.has('zod')).toBe(true);
    expect(HEAVY.filter((p) => loaded.has(p))).toEqual([]);
  });

  it('neither ESM nor CJS loads a file holding the world panel, nor does cpi-gap/charts; cpi-gap/world does (ESM and CJS)', () => {
    expect(panelFiles(esmLoads('index.js', 'core-panel-esm'))).toEqual([]);
    expect(panelFiles(cjsLoads('index.cjs'))).toEqual([]);
    // The peer chart checks its records against src/world/records.ts, which holds no data.
    expect(panelFiles(esmLoads('charts.js', 'charts-panel-esm'))).toEqual([]);
    expect(panelFiles(esmLoads('world.js', 'world-esm')).length).toBeGreaterThan(0);
    expect(panelFiles(cjsLoads('world.cjs')).length).toBeGreaterThan(0);
  });

  it('the probes see heavy packages where they belong: cpi-gap/render loads vega and @resvg/resvg-js when it draws (not on import), cpi-gap/xlsx loads fflate', () => {
    const imported = esmPackages('render.js', 'render-import');
    expect(HEAVY.filter((p) => imported.has(p))).toEqual([]);
    const spec = JSON.stringify({ data: { values: [{ a: 1 }] }, mark: 'bar', encoding: { x: { field: 'a', type: 'quantitative' } } });
    const render = esmPackages('render.js', 'render-esm', `await m.toPng(${spec});`);
    expect(['vega', 'vega-lite', '@resvg/resvg-js'].filter((p) => !render.has(p))).toEqual([]);
    expect(cjsPackages('xlsx.cjs').has('fflate')).toBe(true);
  });
});
