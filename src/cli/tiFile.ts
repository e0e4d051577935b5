import { basename } from 'node:path';
import type { TiResults } from '../ti/readTiTable.js';
import { readTiResults } from '../ti/readTiResults.js';
import type { EditionConformance } from '../ti/tiConformance.js';
import { renderRows, type Column } from '../util/table.js';
import { printable } from '../errors.js';
import { readBounded } from '../util/files.js';
import { INPUT_FILES, inFile } from './common.js';

/**
 * Read a TI CPI result file, `.csv` or `.xlsx` (through `cpi-gap/xlsx`: fflate and cpi-gap's bounded
 * XML reader, loaded only then); any other extension (`.xls`, `.xlsm`...) is refused before reading.
 * Shared by `cpi-gap ti`, `cpi-gap chart --ti` and `npm run conformance`.
 */
export async function readTiFile(file: string, sheet?: string, signal?: AbortSignal): Promise<TiResults> {
  const bytes = await readBounded(file, INPUT_FILES.ti, signal);
  try {
    if (/\.xlsx$/i.test(file)) {
      const { readTiWorkbook } = await import('../ti/xlsx.js');
      return await readTiWorkbook(bytes, { file: basename(file), ...(sheet === undefined ? {} : { sheet }) });
    }
    return readTiResults(bytes.toString('utf8'), { file: basename(file) });
  } catch (error) {
    throw inFile(file, error, []);
  }
}

function pct(n: number, of: number): string {
  return of === 0 ? '-' : `${n}/${of}`;
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(4);
}

/** What a TI file held: rows read, accepted, rejected (the first ten shown), columns recognised. */
export function tiReadSummary(file: string, results: TiResults): string[] {
  const { report } = results;
  return [
    printable(`${basename(file)}: ${report.rowsRead} rows read, ${report.rowsAccepted} accepted, ${report.rejected.length} rejected; ${report.recognised.length} columns recognised, ${report.ignored.length} ignored${report.ignored.length > 0 ? ` (${report.ignored.join(', ')})` : ''}`, true),
    ...report.rejected.slice(0, 10).map((r) => printable(`  rejected line ${r.line}: ${r.reason}`, true)),
  ];
}

/** The legend printed above {@link conformanceTable}. */
export const CONFORMANCE_LEGEND = 'score: recomputed (rounded) score = TI score; SE, lower, upper: within 0.001 of TI; rank: 1 + #higher scores that year = TI rank';

/** One line of the conformance table: an edition, or `all`. */
interface ConformanceLine {
  readonly edition: string;
  readonly rows: number;
  readonly score: string;
  readonly se: string;
  readonly lower: string;
  readonly upper: string;
  readonly rank: string;
  readonly maxAbs: EditionConformance['maxAbs'];
}

const CONFORMANCE_COLUMNS: readonly Column<ConformanceLine>[] = [
  { header: 'edition', value: (r) => r.edition },
  { header: 'rows', value: (r) => String(r.rows), align: 'right' },
  { header: 'score', value: (r) => r.score, align: 'right' },
  { header: 'SE<=0.001', value: (r) => r.se, align: 'right' },
  { header: 'lower<=0.001', value: (r) => r.lower, align: 'right' },
  { header: 'upper<=0.001', value: (r) => r.upper, align: 'right' },
  { header: 'rank', value: (r) => r.rank, align: 'right' },
  { header: 'max|d| score', value: (r) => fmt(r.maxAbs.score), align: 'right' },
  { header: 'SE', value: (r) => fmt(r.maxAbs.standardError), align: 'right' },
  { header: 'lower', value: (r) => fmt(r.maxAbs.lower), align: 'right' },
  { header: 'upper', value: (r) => fmt(r.maxAbs.upper), align: 'right' },
  { header: 'rank', value: (r) => fmt(r.maxAbs.rank), align: 'right' },
];

/**
 * The agreement of `tiConformance` per edition (and, for several editions, in total) as an aligned
 * table, CSV, or JSON (the editions' records).
 */
export function conformanceTable(editions: readonly EditionConformance[], format: 'table' | 'csv' | 'json' = 'table'): string {
  if (format === 'json') return JSON.stringify(editions, null, 2);
  const line = (edition: string, e: Omit<EditionConformance, 'edition'>): ConformanceLine => ({
    edition,
    rows: e.rows,
    score: pct(e.scoreAgree, e.computable),
    se: pct(e.seWithin, e.seCompared),
    lower: pct(e.lowerWithin, e.boundsCompared),
    upper: pct(e.upperWithin, e.boundsCompared),
    rank: pct(e.rankAgree, e.rankCompared),
    maxAbs: e.maxAbs,
  });
  const lines = editions.map((e) => line(String(e.edition), e));
  if (editions.length > 1) {
    const sum = (f: (e: EditionConformance) => number): number => editions.reduce((n, e) => n + f(e), 0);
    const max = (f: (e: EditionConformance) => number): number => editions.reduce((m, e) => Math.max(m, f(e)), 0);
    lines.push(
      line('all', {
        rows: sum((e) => e.rows),
        computable: sum((e) => e.computable),
        scoreAgree: sum((e) => e.scoreAgree),
        seCompared: sum((e) => e.seCompared),
        seWithin: sum((e) => e.seWithin),
        boundsCompared: sum((e) => e.boundsCompared),
        lowerWithin: sum((e) => e.lowerWithin),
        upperWithin: sum((e) => e.upperWithin),
        rankCompared: sum((e) => e.rankCompared),
        rankAgree: sum((e) => e.rankAgree),
        sourcesAgree: sum((e) => e.sourcesAgree),
        maxAbs: { score: max((e) => e.maxAbs.score), standardError: max((e) => e.maxAbs.standardError), lower: max((e) => e.maxAbs.lower), upper: max((e) => e.maxAbs.upper), rank: max((e) => e.maxAbs.rank) },
      }),
    );
  }
  return renderRows(CONFORMANCE_COLUMNS, lines, format);
}
