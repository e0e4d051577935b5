/**
 * Every export reachable from the package's entries has a doc comment with an `@example`, and every
 * example runs. Each example is written to a temporary module (imports of `cpi-gap` and its subpaths
 * pointed at `src/`, see docExamples.ts) and imported, with the working folder set to a temporary
 * folder that holds TI's result files when ../shared has them. Examples that read a TI file are
 * skipped, with a message, where the file is absent.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ROOT, sharedPath } from '../helpers/shared.js';
import { checkArrows, docExports, exampleModule, exportIndex, hasTiFiles, tiFilesUsed } from './docExamples.js';

const exports = docExports(ROOT);
/**
 * Exports that still lack an `@example` (`file:name`), in tests/examples/examples-backlog.json. The
 * test fails on any other export without one, and on a listed one that has gained one, so the list
 * only shrinks.
 */
const BACKLOG_FILE = 'tests/examples/examples-backlog.json';
const BACKLOG = new Set(JSON.parse(readFileSync(join(ROOT, BACKLOG_FILE), 'utf8')) as string[]);
const index = exportIndex(exports);
// Inside the project (tmp/ is git-ignored), so that an example's bare imports (zod) resolve.
mkdirSync(join(ROOT, 'tmp'), { recursive: true });
const work = mkdtempSync(join(ROOT, 'tmp', 'doc-examples-'));
const modules = join(work, 'modules');
const cwd = join(work, 'cwd');
mkdirSync(modules);
mkdirSync(cwd);
const tiDir = sharedPath('data/ti-cpi');
if (existsSync(tiDir)) for (const f of readdirSync(tiDir)) symlinkSync(join(tiDir, f), join(cwd, f));

describe('doc examples', () => {
  it('finds the exports of every entry', () => {
    // Independent of the extractor: names that each entry certainly exports.
    const names = new Set(exports.map((e) => e.name));
    for (const n of ['sourceGaps', 'aggregate', 'thailand', 'CpiGapError', 'readTiResults', 'simulate', 'gapBarsSpec', 'toSvg', 'plan', 'readTiWorkbook', 'worldDataset', 'peerComparison']) expect(names).toContain(n);
  });

  it('checks the values an example promises, and only literal ones', async () => {
    const { code, checks } = checkArrows("const a = 1 + 1;\na; // => 2\na * 2; // => 4 (twice)\n[a, a]; // => [2, 2]\nfoo(\n  a); // => 2");
    expect(checks).toBe(2);
    expect(code).toContain('__expect(a, 2)');
    expect(code).toContain('a * 2; // => 4 (twice)');
    const wrong = join(modules, 'wrong-claim.ts');
    writeFileSync(wrong, exampleModule('Math.max(1, 2); // => 1', ROOT, index));
    await expect(import(wrong)).rejects.toThrow(/deep-equal|Expected/);
    const close = join(modules, 'close-claim.ts');
    writeFileSync(close, exampleModule('0.1 + 0.2; // => 0.3\nroundScore(50.5); // => 51', ROOT, index));
    await expect(import(close)).resolves.toBeDefined();
  });

  it('every export has an @example (apart from the listed backlog, which may only shrink)', () => {
    const missing = exports.filter((e) => e.examples.length === 0 && !BACKLOG.has(`${e.file}:${e.name}`));
    const byFolder = new Map<string, string[]>();
    for (const e of missing) {
      const folder = e.file.split('/').slice(0, -1).join('/');
      byFolder.set(folder, [...(byFolder.get(folder) ?? []), `${e.name} (${e.file})`]);
    }
    const report = [...byFolder].map(([folder, names]) => `${folder}: ${names.length}\n  ${names.join('\n  ')}`).join('\n');
    expect(missing.length, `exports without an @example:\n${report}`).toBe(0);
    const keys = new Set(exports.filter((e) => e.examples.length === 0).map((e) => `${e.file}:${e.name}`));
    const done = [...BACKLOG].filter((k) => !keys.has(k));
    expect(done, `these now have an @example (or are gone): remove them from ${BACKLOG_FILE}`).toEqual([]);
  });

  describe('every example runs', () => {
    let previous = '';
    beforeAll(() => {
      previous = process.cwd();
      process.chdir(cwd);
    });
    afterAll(() => {
      process.chdir(previous);
      rmSync(work, { recursive: true, force: true });
    });
    beforeEach(() => {
      vi.spyOn(console, 'log').mockImplementation(() => undefined);
    });
    afterEach(() => {
      vi.restoreAllMocks();
    });

    const cases = exports.flatMap((e) => e.examples.map((code, i) => ({ e, code, i })));
    let n = 0;
    for (const { e, code, i } of cases) {
      const label = `${e.file} ${e.name}${i > 0 ? ` #${i + 1}` : ''}`;
      const file = join(modules, `example-${String(n++).padStart(3, '0')}.ts`);
      const runnable = hasTiFiles(code, cwd);
      if (!runnable) console.warn(`[cpi-gap] skipped the example of ${e.name}: it reads ${tiFilesUsed(code).join(', ')}, not found under ${tiDir}.`);
      it.skipIf(!runnable)(label, async () => {
        writeFileSync(file, exampleModule(code, ROOT, index));
        await expect(import(file)).resolves.toBeDefined();
      });
    }
  });
});
