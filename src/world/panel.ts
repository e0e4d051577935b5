import * as z from 'zod/mini';
import panelFile from '../../data/world/panel.json';
import { CpiGapError, fromZodIssues, safeParseEn } from '../errors.js';
import { TiRowSchema } from '../ti/datasetFromTi.js';
import { deepFreeze } from '../util/freeze.js';
import { SOURCE_IDS, type SourceId } from '../dataset/sourceCatalog.js';
import { INTEGER_EDITIONS } from '../methodology/editions.js';
import { roundScore } from '../methodology/roundScore.js';
import { decodeRow, PANEL_COLUMNS, PANEL_FORMAT, type PanelCell, type PanelFile } from './panelFormat.js';

/**
 * One country-year of the panel: TI's row as `readTiResults` gives it (and `datasetFromTi` takes).
 *
 * @example
 * const row: PanelRow | undefined = worldRows().find((r) => r.iso3 === 'IDN' && r.year === 2025);
 * row?.score; // => 34
 * row?.sourceScores.TI_BPS; // => undefined (TI's Bribe Payers Survey: 2012-2013 only)
 */
export type PanelRow = z.output<typeof TiRowSchema>;

/** The decoded panel and its indexes. Internal. */
export interface Panel {
  readonly file: PanelFile;
  /** Every row, in TI's order. */
  readonly rows: readonly PanelRow[];
  /** Rows by ISO3 code, each country's in year order. */
  readonly byIso3: ReadonlyMap<string, readonly PanelRow[]>;
  /** Rows by edition, in TI's order. */
  readonly byYear: ReadonlyMap<number, readonly PanelRow[]>;
}

let cache: Panel | undefined;

function group<K>(rows: readonly PanelRow[], key: (r: PanelRow) => K): Map<K, PanelRow[]> {
  const map = new Map<K, PanelRow[]>();
  for (const r of rows) {
    const list = map.get(key(r));
    if (list === undefined) map.set(key(r), [r]);
    else list.push(r);
  }
  return map;
}

/**
 * The bundled panel (data/world/panel.json), decoded and checked on first use, then kept: every row
 * must be a valid TI row (`TiRowSchema`) and the columns those cpi-gap knows. A panel that fails is
 * a CpiGapError naming `world panel`, the row and the field (it means the data file was edited by
 * hand; `npm run world` regenerates it). Internal.
 */
export function panel(): Panel {
  if (cache !== undefined) return cache;
  const file = panelFile as PanelFile;
  const n = Math.max(0, ...file.data.map((column) => column.length));
  if (file.format !== PANEL_FORMAT || file.columns.join() !== PANEL_COLUMNS.join() || file.data.length !== PANEL_COLUMNS.length || file.data.some((column) => column.length !== n)) {
    throw new CpiGapError('world panel', [{ path: ['format'], message: `expected "${PANEL_FORMAT}" with the columns ${PANEL_COLUMNS.join(', ')}, each as long: regenerate it with npm run world`, value: file.format, code: 'invalid_panel' }]);
  }
  const decoded = Array.from({ length: n }, (_, r) => decodeRow(file.data, r, file.origin));
  const parsed = safeParseEn(z.array(TiRowSchema), decoded);
  if (!parsed.success) throw new CpiGapError('world panel', fromZodIssues(parsed.error.issues, decoded, ['rows']), { cause: parsed.error });
  const rows = deepFreeze(parsed.data);
  const byIso3 = group(rows, (r) => r.iso3);
  for (const [iso3, list] of byIso3) {
    list.sort((a, b) => a.year - b.year);
    const twice = list.find((r, i) => list[i - 1]?.year === r.year);
    if (twice !== undefined) throw new CpiGapError('world panel', [{ path: ['rows'], message: `${iso3} has two rows for ${twice.year}: regenerate it with npm run world`, value: twice.year, code: 'invalid_panel' }]);
  }
  cache = { file: deepFreeze(file), rows, byIso3, byYear: group(rows, (r) => r.year) };
  return cache;
}

/** One country's rows (by ISO3), in year order; none for a code the panel lacks. Internal. */
export function countryRows(iso3: string): readonly PanelRow[] {
  return panel().byIso3.get(iso3) ?? [];
}

/** One edition's rows, in TI's order; none for a year the panel lacks. Internal. */
export function editionRows(year: number): readonly PanelRow[] {
  return panel().byYear.get(year) ?? [];
}

/**
 * One country's source scores by year, read straight from the bundled file's columns without
 * decoding and checking the whole panel (which `panel()` does, at some 40 MB): what a country
 * model needs to read its series at TI's precision. Internal.
 */
export function countrySourceScores(iso3: string): ReadonlyMap<number, Readonly<Record<string, number>>> {
  if (cache !== undefined) return new Map(countryRows(iso3).map((r) => [r.year, r.sourceScores]));
  const file = panelFile as PanelFile;
  const col = (name: string): readonly PanelCell[] => file.data[PANEL_COLUMNS.indexOf(name as never)] ?? [];
  const isoCol = col('iso3');
  const yearCol = col('year');
  const out = new Map<number, Record<string, number>>();
  isoCol.forEach((code, r) => {
    if (code !== iso3) return;
    const scores: Record<string, number> = {};
    for (const id of SOURCE_IDS) {
      const v = col(id)[r];
      if (typeof v === 'number') scores[id] = v;
    }
    out.set(Number(yearCol[r]), scores);
  });
  return out;
}


/**
 * A source's changes from each edition to the edition `k` later, across every country of the panel
 * where both scored it, at one precision (rounded half up as TI rounds when either edition stores
 * integers). What `feasibility` and `sourceChangeRecord` count. Internal.
 */
export function sourceChanges(source: SourceId, k: number): number[] {
  const out: number[] = [];
  for (const rows of panel().byIso3.values()) {
    const byYear = new Map(rows.flatMap((r) => (r.sourceScores[source] === undefined ? [] : [[r.year, r.sourceScores[source]] as const])));
    for (const [year, b] of byYear) {
      const a = byYear.get(year - k);
      if (a === undefined) continue;
      const integer = INTEGER_EDITIONS.includes(year) || INTEGER_EDITIONS.includes(year - k);
      out.push(integer ? roundScore(b) - roundScore(a) : b - a);
    }
  }
  return out;
}
