/**
 * The folder map of CONTRIBUTING.md is the rule: every import between the folders of src/ must be
 * one its "may import" column allows, the heavy subpaths reach the command line only through
 * `await import()`, and the entries load only what they should (the core none of the subpath
 * folders; cpi-gap/charts neither the plan's data nor the simulation kernel). The table is read from
 * CONTRIBUTING.md, so the map and the code cannot drift apart.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/shared.js';

interface Rule {
  /** `src/util`, `src/plan/progress`, `src/errors.ts`... */
  readonly folder: string;
  /** The "entry" column: `core`, `internal`, a subpath, the bin. */
  readonly entry: string;
  readonly everything: boolean;
  readonly allowed: readonly string[];
  /** Under `everything`: names reachable only through `await import()`. */
  readonly dynamicOnly: readonly string[];
}

/** The folder map: each row's folder and the names of its "may import" column. */
function folderMap(): Rule[] {
  const text = readFileSync(join(ROOT, 'CONTRIBUTING.md'), 'utf8');
  const section = text.slice(text.indexOf('### Folder map'));
  const rows = section.split('\n').filter((l) => l.startsWith("| `src/"));
  return rows.map((line) => {
    const cells = line.split('|').map((c) => c.trim());
    const folder = /`([^`]+)`/.exec(cells[1] ?? '')?.[1] ?? '';
    const last = cells[cells.length - 2] ?? '';
    const names = [...last.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '');
    const everything = last.startsWith('everything');
    return { folder, entry: cells[3] ?? '', everything, allowed: everything ? [] : names, dynamicOnly: everything ? names.filter((n) => n !== 'await import()') : [] };
  });
}

/** What a name of the map stands for, as paths relative to the root (a folder ends with /). */
const WORLD_RECORDS = ['src/world/records.ts', 'src/world/regions.ts'];
const GROUPS: Readonly<Record<string, readonly string[]>> = {
  'plan/records': ['src/plan/budgetRecords.ts', 'src/plan/grouping.ts', 'src/plan/schema.ts', 'src/plan/progress/records.ts', 'src/plan/progress/states.ts'],
  'simulation/records': ['src/simulation/records.ts', 'src/simulation/defaults.ts'],
  'world/records': WORLD_RECORDS,
  // Every other file of src/world: the panel and what is built on it.
  'world/panel': sourceFiles(join(ROOT, 'src', 'world')).filter((f) => !WORLD_RECORDS.includes(f)),
};
function pathsOf(name: string): readonly string[] {
  const group = GROUPS[name];
  if (group !== undefined) return group;
  if (name === 'package.json' || name.startsWith('data/')) return [name.startsWith('data/') ? `${name}/` : name];
  if (name === 'errors') return ['src/errors.ts'];
  if (name === 'ti/xlsx') return ['src/ti/xlsx.ts'];
  return [`src/${name}/`];
}
const covers = (paths: readonly string[], file: string): boolean => paths.some((p) => (p.endsWith('/') ? file.startsWith(p) : file === p));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === '__snapshots__' ? [] : sourceFiles(path);
    return name.endsWith(".ts") && !/\.test(-data)?\.ts$|\.test\.ts$/.test(name) ? [relative(ROOT, path)] : [];
  });
}

interface Import {
  readonly target: string;
  readonly dynamic: boolean;
  /** `import type` / `export type`: erased at build, so it loads nothing. */
  readonly typeOnly: boolean;
}
/** The relative imports of a file (static, re-exports and `import()`), as paths from the root. */
function importsOf(file: string): Import[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const found: Import[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'";]*?from\s+'(\.[^']+)'|import\('(\.[^']+)'\)/g)) {
    const spec = m[1] ?? m[2] ?? '';
    const target = normalize(join(dirname(file), spec)).replace(/\.js$/, '.ts');
    found.push({ target, dynamic: m[2] !== undefined, typeOnly: /^\s*(?:import|export)\s+type\s/.test(m[0]) });
  }
  return found;
}

const map = folderMap();
/** The row of the map a file belongs to: the longest folder that holds it. */
function ruleOf(file: string): Rule | undefined {
  return map.filter((r) => file === r.folder || file.startsWith(`${r.folder}/`)).sort((a, b) => b.folder.length - a.folder.length)[0];
}

describe('the folder map of CONTRIBUTING.md', () => {
  const files = sourceFiles(join(ROOT, 'src'));

  it('is found, and gives every file of src/ a row', () => {
    expect(map.map((r) => r.folder)).toEqual(expect.arrayContaining(['src/index.ts', 'src/errors.ts', 'src/util', 'src/dataset', 'src/plan', 'src/plan/progress', 'src/charts', 'src/cli']));
    expect(files.filter((f) => ruleOf(f) === undefined)).toEqual([]);
  });

  it('allows every import between folders (a file may import its own folder)', () => {
    expect(files.flatMap(importsOf).length).toBeGreaterThan(400);
    const broken: string[] = [];
    for (const file of files) {
      const rule = ruleOf(file);
      if (rule === undefined) continue;
      for (const { target, dynamic } of importsOf(file)) {
        if (ruleOf(target) === rule) continue;
        const ok = rule.everything
          ? dynamic || !rule.dynamicOnly.some((n) => covers(pathsOf(n), target))
          : rule.allowed.some((n) => covers(pathsOf(n), target));
        if (!ok) broken.push(`${file} -> ${target}${dynamic ? ' (import())' : ''}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('catches a forbidden import (the check can fail)', () => {
    const methodology = ruleOf('src/methodology/rank.ts');
    expect(methodology?.allowed.some((n) => covers(pathsOf(n), 'src/analysis/gaps.ts'))).toBe(false);
    expect(ruleOf('src/plan/progress/rollup.ts')?.folder).toBe('src/plan/progress');
  });

  /** Every file an entry loads at import (static imports, transitively). */
  function closure(entry: string): Set<string> {
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file) || !file.startsWith('src/')) return;
      seen.add(file);
      for (const { target, dynamic, typeOnly } of importsOf(file)) if (!dynamic && !typeOnly) visit(target);
    };
    visit(entry);
    return seen;
  }

  it('keeps the core entry to the folders the map marks core or internal', () => {
    const loaded = [...closure('src/index.ts')];
    expect(loaded.length).toBeGreaterThan(30);
    const outside = loaded.filter((f) => !/^(core|internal)\b/.test(ruleOf(f)?.entry ?? ''));
    expect(outside).toEqual([]);
  });

  it('keeps the plan data, the simulation kernel and the world panel out of cpi-gap/charts', () => {
    const loaded = [...closure('src/charts/index.ts')];
    expect(loaded.filter((f) => f.startsWith('src/plan/') && !covers(GROUPS['plan/records'] ?? [], f))).toEqual([]);
    expect(loaded.filter((f) => f.startsWith('src/simulation/') && !covers(GROUPS['simulation/records'] ?? [], f))).toEqual([]);
    expect(loaded.filter((f) => f.startsWith('src/world/') && !covers(WORLD_RECORDS, f))).toEqual([]);
    expect(loaded).toContain('src/world/records.ts');
  });

  it('keeps the world panel out of cpi-gap/simulation until the world model runs (a country model never loads it)', () => {
    const loaded = [...closure('src/simulation/index.ts')];
    expect(loaded).toContain('src/simulation/world/load.ts');
    expect(loaded.filter((f) => f.startsWith('src/world/') || f === 'src/simulation/world/start.ts')).toEqual([]);
  });

  it('keeps the world panel out of the command line until a command imports it', () => {
    expect(GROUPS['world/panel']).toContain('src/world/panel.ts');
    const loaded = [...closure('src/cli/program.ts')];
    expect(loaded.filter((f) => f.startsWith('src/world/') && !covers(WORLD_RECORDS, f))).toEqual([]);
  });
});
