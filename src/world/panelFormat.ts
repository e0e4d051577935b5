import type { TiField } from '../ti/headers.js';
import type { TiRow } from '../ti/readTiTable.js';
import { SOURCE_IDS, type SourceId } from '../dataset/sourceCatalog.js';

/** The version tag of `data/world/panel.json`; the loader refuses any other. Internal. */
export const PANEL_FORMAT = 'cpi-gap world panel 1';

/** The row fields of the panel, in column order, before the 14 source columns. Internal. */
export const PANEL_FIELDS = ['country', 'iso3', 'year', 'region', 'score', 'rank', 'standardError', 'sources', 'lower', 'upper'] as const satisfies readonly TiField[];

/** Every column of a panel row: the fields, then one column per source id (`SOURCE_IDS` order). Internal. */
export const PANEL_COLUMNS: readonly (TiField | SourceId)[] = [...PANEL_FIELDS, ...SOURCE_IDS];

/** One cell of a panel row: TI's text (country, ISO3, region), TI's number, or null for an empty cell. */
export type PanelCell = string | number | null;

/** `data/world/panel.json` as the build script writes it (see scripts/build-world.ts). Internal. */
export interface PanelFile {
  readonly format: string;
  readonly attribution: string;
  readonly licence: string;
  /** The file the panel was generated from (its base name), and the sheet for a workbook. */
  readonly file: string;
  readonly sheet: string | null;
  /** What `origin.file` of every value says: the file, and the sheet for a workbook. */
  readonly origin: string;
  readonly editions: readonly number[];
  readonly columns: readonly string[];
  /** TI's header of each column, as written in the file ('' for a column the file lacks). */
  readonly headers: readonly string[];
  /** The table by column: `data[c][r]` is row r's cell of column c (rows in the file's order). */
  readonly data: readonly (readonly PanelCell[])[];
}

/** TI's rows as panel columns (absent values become null). Internal: the build script's. */
export function encodeColumns(rows: readonly TiRow[]): PanelCell[][] {
  const fields = PANEL_FIELDS.map((f) => rows.map((row): PanelCell => row[f] ?? null));
  return [...fields, ...SOURCE_IDS.map((id) => rows.map((row) => row.sourceScores[id] ?? null))];
}

/**
 * Row `r` of the panel's columns back to the fields of TI's row, with the row's origin (the edition is the row's year).
 * Empty cells become absent fields; the result is checked by the loader (`TiRowSchema`). Internal.
 */
export function decodeRow(data: readonly (readonly PanelCell[])[], r: number, file: string): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  PANEL_FIELDS.forEach((f, c) => {
    const v = data[c]?.[r];
    if (v !== null && v !== undefined) row[f] = v;
  });
  const sourceScores: Record<string, unknown> = {};
  SOURCE_IDS.forEach((id, k) => {
    const v = data[PANEL_FIELDS.length + k]?.[r];
    if (v !== null && v !== undefined) sourceScores[id] = v;
  });
  return { ...row, sourceScores, origin: { kind: 'ti', edition: row['year'], file } };
}
