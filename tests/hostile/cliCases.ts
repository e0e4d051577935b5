/**
 * The hostile files and runs of issue 21, as command lines: each case builds its input in a fresh
 * folder (small, generated here: no file of TI's is copied), names the command, and says what the
 * run must end with. tests/hostile/cli.test.ts runs them under a memory limit and checks that no
 * file of the folder changed; scripts/hostile-table.ts measures them for the table.
 */
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { columnName, deflatedRepeat, workbookParts, zipBytes } from '../helpers/xlsx.js';
import type { RunOptions } from './harness.js';

/** One hostile command line. */
export interface CliCase {
  /** The case number (1-13) and a letter. */
  readonly id: string;
  readonly title: string;
  /** Writes the inputs into `dir`; returns the arguments and how to run. */
  readonly setup: (dir: string) => { argv: string[]; run?: Omit<RunOptions, 'cwd'> };
  /** The exit code the run must end with (2: the user's input refused; 1: the system failed a write). */
  readonly code: number;
  /** What stderr must say (one line). */
  readonly stderr: RegExp;
  /** The figures the issue measured on the old main, for the table. */
  readonly before: string;
}

const PROGRESS_HEADER = 'Project ID,Project name,Budget planned (baht),Reporting agency,Reporting date,Status,Percent complete,Budget spent (baht),KPI result,Problems and obstacles';

/** A progress CSV of `n` rows, each wrong in four fields (an unknown project, a bad date, status and percentage). */
export function badProgressCsv(n: number): string {
  return [PROGRESS_HEADER, ...Array.from({ length: n }, (_, i) => `nope-${String(i)},x,1,a,2023-13-45,weird,200,-1,k,p`)].join('\n');
}

/** A TI-style result file of one made-up country with `se` as its standard error and `score` as its score. */
export function tiCsv(score: string, se: string): string {
  return [
    'Country / Territory,ISO3,Region,CPI 2025 score,Rank,Standard error 2025,Number of sources,Lower CI,Upper CI,Economist Intelligence Unit Country Ratings,Varieties of Democracy Project,World Economic Forum EOS',
    `Alpha,ALP,AP,${score},1,${se},3,40,60,45,50,55`,
  ].join('\n');
}

/** Case 1: a header and 3,000 rows, each with one cell in column XFD (16,384): 43 KB that cost the old reader 4 GB. */
export function sparseXfdWorkbook(): Uint8Array {
  const ref = (r: number) => `${columnName(16_384)}${String(r)}`;
  const rows = [`<row r="1"><c r="A1" t="inlineStr"><is><t>Country / Territory</t></is></c></row>`, ...Array.from({ length: 3000 }, (_, i) => `<row r="${String(i + 2)}"><c r="${ref(i + 2)}"><v>1</v></c></row>`)];
  const xml = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`;
  return zipBytes(workbookParts([{ name: 'CPI2025', xml }]));
}

/** Case 1: a workbook whose sheet inflates to `megabytes` MB of spaces from about a thousandth of that. */
export function whitespaceBombWorkbook(megabytes: number): Uint8Array {
  const parts = workbookParts([{ name: 'CPI2025', rows: [['Country / Territory']] }]);
  return zipBytes(parts.map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { ...p, data: Buffer.alloc(megabytes * 1024 * 1024, 0x20), raw: deflatedRepeat(megabytes) } : p)));
}

/** Case 9: nine levels of nine aliases: a 1 KB YAML that expands to 9^10 nodes. */
export const ALIAS_BOMB = ['a: &a [x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 9 }, (_, i) => `b${String(i + 1)}: &b${String(i + 1)} [${Array.from({ length: 9 }, () => (i === 0 ? '*a' : `*b${String(i)}`)).join(', ')}]`), 'baseYear: 2024', 'changes: []'].join('\n');

/** `n` scenario changes as JSON. */
export function manyChanges(n: number): string {
  return JSON.stringify({ baseYear: 2024, changes: Array.from({ length: n }, () => ({ kind: 'set', source: 'PRS', year: 2025, value: 40 })) });
}

const write = (dir: string, name: string, data: string | Uint8Array): string => {
  writeFileSync(join(dir, name), data);
  return name;
};

/** The file every case's output flag points to, holding a previous run's output: it must stay as it was. */
export const PREVIOUS = 'previous.out';
const previous = (dir: string, ext: string): string => write(dir, `${PREVIOUS}${ext}`, 'the previous, good output\n');

export const CLI_CASES: readonly CliCase[] = [
  {
    id: '1a',
    title: 'xlsx with 3,000 cells in column XFD (43 KB)',
    setup: (dir) => ({ argv: ['ti', write(dir, 'sparse.xlsx', sparseXfdWorkbook()), '--out', previous(dir, '.txt')] }),
    code: 2,
    stderr: /^cpi-gap: sparse\.xlsx: .*past the 1024 columns cpi-gap reads/,
    before: '50 s, 4 GB, killed (exit 134)',
  },
  {
    id: '1b',
    title: 'xlsx whose sheet inflates to 100 MB of spaces',
    setup: (dir) => ({ argv: ['ti', write(dir, 'bomb.xlsx', whitespaceBombWorkbook(100)), '--out', previous(dir, '.txt')] }),
    code: 2,
    stderr: /^cpi-gap: bomb\.xlsx: .*(inflates past|more than)/,
    before: '2 MB bomb: 2.3 GB, then failed',
  },
  {
    id: '3',
    title: 'a write that fails part-way (file-size limit, ulimit -f 1) over a good --out',
    setup: (dir) => ({ argv: ['simulate', '--paths', '2000', '--format', 'json', '--out', previous(dir, '.json')], run: { shell: 'ulimit -f 1' } }),
    code: 1,
    stderr: /^cpi-gap: previous\.out\.json: --out: cannot write the file: the file is larger than the system allows \(EFBIG\)$/,
    before: 'good file replaced by a truncated one',
  },
  {
    id: '3b',
    title: 'a PNG chart that fails part-way over a good --out',
    setup: (dir) => ({ argv: ['chart', 'gap-bars', '--out', previous(dir, '.png')], run: { shell: 'ulimit -f 1' } }),
    code: 1,
    stderr: /^cpi-gap: previous\.out\.png: --out: cannot write the file: .*\(EFBIG\)$/,
    before: 'good file replaced by a truncated one',
  },
  {
    id: '4',
    title: 'progress CSV with 100,000 bad rows (3.6 MB)',
    setup: (dir) => ({ argv: ['plan', 'status', write(dir, 'bad.csv', badProgressCsv(100_000)), '--out', previous(dir, '.txt')] }),
    code: 2,
    stderr: /^cpi-gap: bad\.csv: row 2\.Project ID: .*; and 980 more; checking stopped after 1000 issues: the last 99800 rows were not checked$/,
    before: '> 15 min (20,000 rows: 7.8 s and one 8.5 MB line)',
  },
  {
    id: '5',
    title: 'Ctrl-C during a report written to --out',
    setup: (dir) => ({ argv: ['report', '--out', previous(dir, '.txt')], run: { ctrlC: true } }),
    code: 130,
    stderr: /^cpi-gap: interrupted \(Ctrl-C\)/,
    before: 'finished, exit 0, --out overwritten',
  },
  {
    id: '6a',
    title: '`yes |` into a .yaml link to /dev/stdin',
    setup: (dir) => {
      symlinkSync('/dev/stdin', join(dir, 'in.yaml'));
      return { argv: ['scenario', 'in.yaml', '--out', previous(dir, '.txt')], run: { stdin: 'yes' } };
    },
    code: 2,
    stderr: /^cpi-gap: in\.yaml: scenario-file: the file is larger than 1048576 bytes/,
    before: 'segfault at 3 GB',
  },
  {
    id: '6b',
    title: 'a .yaml link to /dev/zero',
    setup: (dir) => {
      symlinkSync('/dev/zero', join(dir, 'zero.yaml'));
      return { argv: ['scenario', 'zero.yaml'] };
    },
    code: 2,
    stderr: /^cpi-gap: zero\.yaml: scenario-file: the file is larger than 1048576 bytes/,
    before: 'aborted',
  },
  {
    id: '6c',
    title: 'plan status of a .csv link to /dev/zero (no limit before)',
    setup: (dir) => {
      symlinkSync('/dev/zero', join(dir, 'zero.csv'));
      return { argv: ['plan', 'status', 'zero.csv'] };
    },
    code: 2,
    stderr: /^cpi-gap: zero\.csv: updates-file: the file is larger than 10485760 bytes/,
    before: '60 MB file: 2.1 GB',
  },
  {
    id: '7',
    title: 'chart source-heatmap --width 4000 --height 4000 --scale 10',
    setup: (dir) => ({ argv: ['chart', 'source-heatmap', '--width', '4000', '--height', '4000', '--scale', '10', '--out', previous(dir, '.png')] }),
    code: 2,
    stderr: /^cpi-gap: toPng: options\.scale: the drawing would be \d+ x \d+ at scale 10, \d+ million pixels; at most 100 million/,
    before: '14.6 GB',
  },
  {
    id: '8a',
    title: 'scenario file with 125,000 changes (6.6 MB JSON)',
    setup: (dir) => ({ argv: ['scenario', write(dir, 'many.json', manyChanges(125_000))] }),
    code: 2,
    stderr: /^cpi-gap: many\.json: scenario-file: the file is larger than 1048576 bytes/,
    before: 'RangeError, no file named',
  },
  {
    id: '8b',
    title: 'scenario file with 10,001 changes (under the byte cap)',
    setup: (dir) => ({ argv: ['scenario', write(dir, 'many.json', manyChanges(10_001))] }),
    code: 2,
    stderr: /^cpi-gap: many\.json: changes: expected at most 10000 items \(got an array of 10001\)$/,
    before: 'RangeError at 125,000, no file named',
  },
  {
    id: '9',
    title: 'YAML alias bomb',
    setup: (dir) => ({ argv: ['scenario', write(dir, 'bomb.yaml', ALIAS_BOMB)] }),
    code: 2,
    stderr: /^cpi-gap: bomb\.yaml: document: YAML aliases expand too far/,
    before: 'exit 1, no file named',
  },
  {
    id: '10',
    title: 'TI file with 1e999 as a standard error, analysed',
    setup: (dir) => ({ argv: ['ti', write(dir, 'inf.csv', tiCsv('50', '1e999')), '--country', 'ALP'] }),
    code: 2,
    stderr: /^cpi-gap: inf\.csv: rows: expected at least one row/,
    before: 'Infinity accepted; later errors name neither file nor line',
  },
  {
    id: '13a',
    title: '.xls workbook',
    setup: (dir) => ({ argv: ['ti', write(dir, 'CPI2025.xls', tiCsv('50', '2'))] }),
    code: 2,
    stderr: /^cpi-gap: CPI2025\.xls: ti-file: expected a \.csv or \.xlsx file; this is an Excel 97-2003 workbook/,
    before: 'parsed as CSV',
  },
  {
    id: '13b',
    title: 'JSON scenario with a key twice',
    setup: (dir) => ({ argv: ['scenario', write(dir, 'twice.json', '{"baseYear": 2024, "changes": [], "changes": [{"kind": "delta", "source": "VDEM", "year": 2026, "delta": 50}]}')] }),
    code: 2,
    stderr: /^cpi-gap: twice\.json: document: the key "changes" appears twice/,
    before: 'last key won',
  },
  {
    id: '13c',
    title: '--out inside a path where a file is in the way',
    setup: (dir) => ({ argv: ['report', '--format', 'csv', '--out', join(write(dir, 'afile', 'a file\n'), 'report.csv')] }),
    code: 2,
    stderr: /^cpi-gap: afile\/report\.csv: --out: cannot create folder 'afile': a file is in the way \((EEXIST|ENOTDIR)\)$/,
    before: "raw Node message (EEXIST ... mkdir 'afile')",
  },
];

/** A fresh folder for one case. */
export function caseFolder(id: string): string {
  return mkdtempSync(join(tmpdir(), `cpi-gap-hostile-${id}-`));
}
