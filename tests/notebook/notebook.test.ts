import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../cli/buildDist.js';
import { ROOT } from '../helpers/shared.js';

/**
 * examples/cpi-gap.ipynb, executed by Jupyter's nbconvert with the Deno kernel (the `deno` npm
 * package, a devDependency), as a user runs it: in a folder where `cpi-gap` is an installed package
 * (node_modules/cpi-gap links to this checkout, built). The kernel's spec is written to a temporary
 * JUPYTER_PATH, as `deno jupyter --install` would write it, so the machine's own kernels are left
 * alone. Every cell must run without an error; the tables come out as HTML and the chart as SVG.
 * Needs Debian's jupyter-nbconvert (apt-get install jupyter-nbconvert python3-ipykernel, as .ci/run
 * does): skipped with a message where it is missing.
 */
const DENO = join(ROOT, 'node_modules', '.bin', 'deno');
const HAVE_NBCONVERT = spawnSync('jupyter-nbconvert', ['--version'], { stdio: 'ignore' }).status === 0;
const READY = HAVE_NBCONVERT && existsSync(DENO);
if (!READY) console.warn(`[cpi-gap] skipped the notebook test: ${HAVE_NBCONVERT ? `${DENO} is missing (npm install)` : 'jupyter-nbconvert is not installed (apt-get install jupyter-nbconvert python3-ipykernel)'}.`);

interface Output {
  readonly output_type: string;
  readonly data?: Record<string, string | string[]>;
  readonly ename?: string;
  readonly evalue?: string;
}

const text = (v: string | string[] | undefined): string => (Array.isArray(v) ? v.join('') : (v ?? ''));

describe.skipIf(!READY)('the notebook (Jupyter, Deno kernel)', () => {
  let dir = '';
  let outputs: Output[][] = [];

  beforeAll(async () => {
    await ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'cpi-gap-notebook-'));
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(ROOT, join(dir, 'node_modules', 'cpi-gap'), 'dir');
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'notebook', private: true, dependencies: { 'cpi-gap': '*' } }));
    copyFileSync(join(ROOT, 'examples', 'cpi-gap.ipynb'), join(dir, 'cpi-gap.ipynb'));
    const denoBinary = execFileSync(DENO, ['eval', 'console.log(Deno.execPath())'], { encoding: 'utf8' }).trim();
    mkdirSync(join(dir, 'jupyter', 'kernels', 'deno'), { recursive: true });
    const spec = { argv: [denoBinary, 'jupyter', '--kernel', '--conn', '{connection_file}'], display_name: 'Deno', language: 'typescript' };
    writeFileSync(join(dir, 'jupyter', 'kernels', 'deno', 'kernel.json'), JSON.stringify(spec));
    // Under a loaded CI machine the Deno kernel has once dropped a cell's execute_result (an empty
    // output, no error). Up to three executions are allowed for that case only; a notebook that lacks
    // its rich output three times, or raises, still fails the tests below.
    for (let attempt = 1; attempt <= 3; attempt++) {
      execFileSync('jupyter-nbconvert', ['--to', 'notebook', '--execute', '--ExecutePreprocessor.timeout=120', '--output', 'executed.ipynb', 'cpi-gap.ipynb'], {
        cwd: dir,
        env: { ...process.env, JUPYTER_PATH: join(dir, 'jupyter') },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      const executed = JSON.parse(readFileSync(join(dir, 'executed.ipynb'), 'utf8')) as { cells: { cell_type: string; outputs?: Output[] }[] };
      outputs = executed.cells.filter((c) => c.cell_type === 'code').map((c) => c.outputs ?? []);
      const missing = outputs.some((cell) => !cell.some((o) => o.data?.['text/html'] !== undefined || o.data?.['image/svg+xml'] !== undefined));
      if (!missing || outputs.flat().some((o) => o.output_type === 'error')) break;
    }
  }, 400_000);

  afterAll(() => {
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  it('runs every cell without an error', () => {
    expect(outputs).toHaveLength(5);
    expect(outputs.flat().filter((o) => o.output_type === 'error').map((o) => `${o.ename ?? ''}: ${o.evalue ?? ''}`)).toEqual([]);
  });

  it('shows the gap table, the CPI, the scenario and the simulation as HTML tables', () => {
    const html = outputs.slice(0, 4).map((cell) => text(cell.find((o) => o.output_type === 'execute_result')?.data?.['text/html']));
    for (const h of html) expect(h).toMatch(/^<table class="cpi-gap">/);
    // The sources of Thailand's CPI 2025 (TI), one row each.
    for (const source of ['IMD', 'WEF', 'PERC', 'WJP', 'GI', 'PRS', 'EIU', 'VDEM', 'BTI']) expect(html[0]).toContain(`<td>${source}</td>`);
    // Thailand's published CPI 2025 score is 33 (TI 2025).
    expect(html[1]).toContain('<tr><td>published</td><td style="text-align:right">33</td></tr>');
    expect(html[2]).toContain('<th>score</th>');
    expect(html[3]).toContain('<th>pTarget</th>');
  });

  it('draws the fan chart as SVG', () => {
    const chart = outputs[4]?.find((o) => o.output_type === 'execute_result')?.data;
    expect(text(chart?.['image/svg+xml'])).toMatch(/^<svg[^>]*class="marks"/);
    expect(text(chart?.['image/svg+xml'])).toContain('simulated CPI');
  });
});
