import * as z from 'zod/mini';
import { Year } from '../dataset/schema.js';
import type { DeepReadonly } from '../util/freeze.js';
import { panel, type PanelRow } from './panel.js';

/**
 * What the bundled panel is and where it comes from.
 *
 * @example
 * const info: WorldPanelInfo = worldPanel();
 * info.attribution; // => 'Transparency International, Corruption Perceptions Index'
 * info.licence; // => 'CC BY-ND 4.0'
 */
export const WorldPanelInfo = z.object({
  /** The attribution TI's licence asks for. */
  attribution: z.string().check(z.minLength(1)),
  licence: z.string().check(z.minLength(1)),
  /** The file the panel was generated from, and the sheet for a workbook (else null). */
  file: z.string().check(z.minLength(1)),
  sheet: z.nullable(z.string().check(z.minLength(1))),
  /** The editions it holds, ascending. */
  editions: z.array(Year),
  /** Country-years (rows of TI's table) and countries. */
  rows: z.int().check(z.minimum(0)),
  countries: z.int().check(z.minimum(0)),
});
export type WorldPanelInfo = DeepReadonly<z.output<typeof WorldPanelInfo>>;

/**
 * The bundled panel's provenance and extent: TI's attribution and licence, the file it was
 * generated from (by `npm run world`), its editions, rows and countries.
 *
 * @example
 * const info = worldPanel();
 * info.file; // => 'cpi_historical_2012_2025.csv'
 * [info.editions[0], info.editions.at(-1)]; // => [2012, 2025]
 * [info.rows, info.countries]; // => [2494, 183]
 */
export function worldPanel(): WorldPanelInfo {
  const p = panel();
  return Object.freeze({ attribution: p.file.attribution, licence: p.file.licence, file: p.file.file, sheet: p.file.sheet, editions: p.file.editions, rows: p.rows.length, countries: p.byIso3.size });
}

/**
 * Every country-year of the bundled panel, in TI's order, in the shape `readTiResults` gives (and
 * `datasetFromTi`, `tiConformance` take): country, ISO3, year, region, score, rank, standard error,
 * sources, interval bounds, `sourceScores` by source id (absent where TI's cell is empty) and the
 * origin. For work across all countries at once (pooled changes, every country's rank); deeply frozen.
 *
 * @example
 * const rows = worldRows();
 * rows.length; // => 2494
 * rows.filter((r) => r.year === 2025).length; // => 182
 * rows.find((r) => r.iso3 === 'THA' && r.year === 2014)?.standardError; // => 1.6000000238418579
 */
export function worldRows(): readonly PanelRow[] {
  return panel().rows;
}
