/**
 * The heavy packages are optional peer dependencies: an entry that needs one loads without it, and
 * the function that needs it throws a CpiGapError that names the package and the command to install
 * it. A package is made missing in a fresh Node process by a resolve hook (tests/bundle/load-hooks.mjs,
 * CPI_GAP_HIDE) that fails its resolution as Node does for a package that is not installed. The built
 * entries are used, as a user's program would load them; CommonJS too (require of cpi-gap/render).
 */
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../cli/buildDist.js';
import { ROOT } from '../helpers/shared.js';

beforeAll(async () => {
  await ensureBuilt();
}, 300_000);

const SPEC = JSON.stringify({ data: { values: [{ a: 1 }] }, mark: 'bar', encoding: { x: { field: 'a', type: 'quantitative' } } });

interface Outcome {
  readonly name?: string;
  readonly fn?: string;
  readonly message?: string;
  readonly codes?: string[];
  readonly ok?: string;
}

/** Run `body` (an async function body given `m`, the entry's module) in a fresh Node process with `hide` missing; returns what it threw or returned. */
function run(entry: string, hide: string, body: string): Outcome {
  const hooks = pathToFileURL(join(ROOT, 'tests', 'bundle', 'record-loads.mjs')).href;
  const program = [
    `const m = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist', entry)).href)});`,
    'try {',
    `  const ok = await (async () => { ${body} })();`,
    '  console.log(JSON.stringify({ ok: String(ok).slice(0, 20) }));',
    '} catch (e) {',
    '  console.log(JSON.stringify({ name: e.name, fn: e.fn, message: e.message, codes: (e.issues ?? []).map((i) => i.code) }));',
    '}',
  ].join('\n');
  const out = execFileSync(process.execPath, ['--import', hooks, '--input-type=module', '-e', program], { env: { ...process.env, CPI_GAP_HIDE: hide }, encoding: 'utf8' });
  return JSON.parse(out) as Outcome;
}

describe('optional peer dependencies', () => {
  it('cpi-gap/render loads without vega; toSvg then names vega and the install command', () => {
    const r = run('render.js', 'vega', `return m.toSvg(${SPEC});`);
    expect(r).toMatchObject({ name: 'CpiGapError', fn: 'toSvg', codes: ['missing_dependency'] });
    expect(r.message).toContain('vega');
    expect(r.message).toContain('npm install vega vega-lite opentype.js @resvg/resvg-js');
  });

  it('toPng without @resvg/resvg-js names it', () => {
    const r = run('render.js', '@resvg/resvg-js', `return m.toPng(${SPEC});`);
    expect(r).toMatchObject({ name: 'CpiGapError', fn: 'toPng', codes: ['missing_dependency'] });
    expect(r.message).toContain('@resvg/resvg-js');
  });

  it('toSvg without opentype.js names it', () => {
    const r = run('render.js', 'opentype.js', `return m.toSvg(${SPEC});`);
    expect(r).toMatchObject({ name: 'CpiGapError', codes: ['missing_dependency'] });
    expect(r.message).toContain('opentype.js');
  });

  it('cpi-gap/expr loads without mathjs; compileExpression then names mathjs', () => {
    const r = run('expr.js', 'mathjs', "return m.compileExpression('1 + t');");
    expect(r).toMatchObject({ name: 'CpiGapError', fn: 'compileExpression', codes: ['missing_dependency'] });
    expect(r.message).toContain('npm install mathjs');
  });

  it('with everything installed the same calls work (the hook hides nothing)', () => {
    expect(run('render.js', '', `return m.toSvg(${SPEC});`).ok).toMatch(/^<svg/);
    expect(run('expr.js', '', "return (await m.compileExpression('1 + t')).evaluate({ t: 2 });").ok).toBe('3');
  });

  it('require of cpi-gap/render works from CommonJS and draws (vega is loaded by import() on first use)', () => {
    const program = `require(${JSON.stringify(join(ROOT, 'dist', 'render.cjs'))}).toSvg(${SPEC}).then((svg) => console.log(svg.slice(0, 4)));`;
    expect(execFileSync(process.execPath, ['-e', program], { encoding: 'utf8' }).trim()).toBe('<svg');
  });
});

describe('the built entries imported from a plain `node -e` (a CommonJS eval: its global __filename is "[eval]")', () => {
  /** Run `program` with `node -e` from the system's temporary folder (not the package's). */
  const evalIn = (program: string): string => execFileSync(process.execPath, ['-e', program], { cwd: tmpdir(), encoding: 'utf8' }).trim();

  it('cpi-gap/render finds the shipped fonts beside its bundle', () => {
    const program = `import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'render.js')).href)}).then((m) => console.log(JSON.stringify(m.shippedFontFiles())), (e) => console.log(JSON.stringify(e.message)));`;
    expect(JSON.parse(evalIn(program))).toEqual([join(ROOT, 'fonts', 'sarabun', 'Sarabun-Regular.ttf'), join(ROOT, 'fonts', 'sarabun', 'Sarabun-Bold.ttf')]);
  });

  it('cpi-gap/simulation starts its worker threads (they send chunks; with a wrong worker path they failed and the calling thread did it all, silently)', () => {
    // Worker wrapped before the entry loads it (the ESM view of node:worker_threads synced), counting the chunks
    // workers send and their errors. A million paths: enough chunks left when the worker has started.
    const program = [
      "const wt = require('node:worker_threads');",
      'let chunks = 0;',
      'const errors = [];',
      'const Base = wt.Worker;',
      "wt.Worker = class extends Base { constructor(...a) { super(...a); this.on('message', () => { chunks += 1; }); this.on('error', (e) => { errors.push(e.message); }); } };",
      "require('node:module').syncBuiltinESMExports();",
      `Promise.all([import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'index.js')).href)}), import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'simulation.js')).href)})])`,
      '  .then(([core, sim]) => sim.simulate(core.thailand, { paths: 1000000, horizon: 1, threads: 2, model: "bootstrap" }))',
      '  .then(() => console.log(JSON.stringify({ chunks, errors })), (e) => console.log(JSON.stringify({ failed: e.message })));',
    ].join('\n');
    const out = JSON.parse(evalIn(program)) as { chunks?: number; errors?: string[] };
    expect(out.errors).toEqual([]);
    expect(out.chunks).toBeGreaterThan(0);
  });
});
