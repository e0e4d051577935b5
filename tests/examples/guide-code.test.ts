/**
 * The TypeScript blocks of README.md and the guide (docs/guide/*.md) run as written: each ```ts
 * block becomes a module (imports of `cpi-gap`, its subpaths and `./src/index.js` pointed at
 * `src/`), imported with the working folder set to a temporary folder.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ROOT } from '../helpers/shared.js';
import { docExports, exampleModule, exportIndex } from './docExamples.js';

const index = exportIndex(docExports(ROOT));
const pages = ['README.md', ...readdirSync(join(ROOT, 'docs', 'guide')).filter((f) => f.endsWith('.md')).map((f) => join('docs', 'guide', f))];
const blocks = pages.flatMap((page) =>
  [...readFileSync(join(ROOT, page), 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((m, i) => ({ page, i, code: m[1] ?? '' })),
);

mkdirSync(join(ROOT, 'tmp'), { recursive: true }); // tmp/ is git-ignored
const work = mkdtempSync(join(ROOT, 'tmp', 'guide-code-'));

describe('code blocks of the README and the guide', () => {
  let previous = '';
  beforeAll(() => {
    previous = process.cwd();
    process.chdir(work);
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    vi.spyOn(console, 'table').mockImplementation(() => undefined);
  });
  afterAll(() => {
    process.chdir(previous);
    vi.restoreAllMocks();
    rmSync(work, { recursive: true, force: true });
  });

  it('finds the blocks (the README quick start and every chapter with code)', () => {
    expect(blocks.some((b) => b.page === 'README.md')).toBe(true);
    expect(new Set(blocks.map((b) => b.page)).size).toBeGreaterThanOrEqual(8);
  });

  for (const { page, i, code } of blocks) {
    it(`${page} block ${i + 1}`, async () => {
      const file = join(work, `${page.replace(/[/.]/g, '-')}-${i}.ts`);
      const source = code.replace(/(['"])\.\/src\/index\.js\1/g, "'cpi-gap'");
      writeFileSync(file, exampleModule(source, ROOT, index));
      await expect(import(file)).resolves.toBeDefined();
    });
  }
});
