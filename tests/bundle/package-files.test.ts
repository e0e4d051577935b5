/**
 * What the package ships: every relative link and image of README.md, and of every Markdown page the
 * package ships (docs/, the guide), resolves to a file in the package (npm pack's list), so they read
 * whole in node_modules/cpi-gap, and nothing in them points at a repository address (the project has
 * no public one yet). The install from git builds dist/ through `prepare`.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, normalize, posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/shared.js';

const packed = (): Set<string> => {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
  return new Set((JSON.parse(out) as { files: { path: string }[] }[])[0]?.files.map((f) => f.path));
};

describe('the packed files', () => {
  it("README.md's relative links and images all point at packed files", () => {
    const files = packed();
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const targets = [...readme.matchAll(/\]\(([^)#\s]+)/g)].map((m) => m[1] ?? '').filter((l) => !/^[a-z]+:/.test(l));
    expect(targets.length).toBeGreaterThan(10);
    const missing = targets.filter((t) => {
      const path = normalize(t).replace(/\/$/, '');
      return !files.has(path) && ![...files].some((f) => f.startsWith(`${path}/`));
    });
    expect(missing).toEqual([]);
    expect(files.has('dist/index.js')).toBe(true);
    expect(files.has('docs/gallery/gap-bars.en.svg')).toBe(true);
  });

  it('the relative links of every packed Markdown page point at packed files (the guide linked examples/*.ts, which are not shipped)', () => {
    const files = packed();
    const pages = [...files].filter((f) => f.endsWith('.md'));
    expect(pages).toEqual(expect.arrayContaining(['docs/guide/scenarios.md', 'docs/charts.md', 'docs/app/README.md']));
    const broken = pages.flatMap((page) =>
      [...readFileSync(join(ROOT, page), 'utf8').matchAll(/\]\(([^)#\s]+)/g)]
        .map((m) => m[1] ?? '')
        .filter((l) => !/^[a-z]+:/.test(l))
        .filter((l) => {
          const path = posix.normalize(posix.join(posix.dirname(page), l)).replace(/\/$/, '');
          return !files.has(path) && ![...files].some((f) => f.startsWith(`${path}/`));
        })
        .map((l) => `${page} -> ${l}`),
    );
    expect(broken).toEqual([]);
  });

  it('an install from git builds dist/ (prepare runs the build)', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['prepare']).toBe(pkg.scripts['build']);
  });
});
