import { z } from 'zod';
import type { Provenance } from '../dataset/schema.js';
import { fail, parseInput } from '../errors.js';
import { deepFreeze } from '../util/freeze.js';
import { countryOf } from './countries.js';
import { editionRows, panel, type PanelRow } from './panel.js';
import type { EditionRow } from './records.js';

/**
 * Every country's published CPI of one edition.
 *
 * @example
 * const e: WorldEdition = edition(2022);
 * e.countries; // => 180
 * e.rows[0]?.iso3; // => 'DNK'
 */
export interface WorldEdition {
  readonly year: number;
  /** The number of countries TI scored (and ranked) in the edition. */
  readonly countries: number;
  /** Every country's row, by rank (best first), ties by ISO3. */
  readonly rows: readonly EditionRow[];
  /** Every country's score, in the order of `rows`: what `rank`, `scoreForRank`, `scenarioRank` and `rankPosition` take. */
  readonly scores: readonly number[];
  readonly origin: Provenance;
}

/** A panel row as an edition row; every panel row has rank, SE, bounds and sources (a test checks). Internal. */
export function editionRow(r: PanelRow): EditionRow {
  const c = countryOf(r.iso3);
  const { rank, standardError, lower, upper, sources } = r;
  /* v8 ignore next 3 -- a test checks that every panel row carries all of them */
  if (c === undefined || rank === undefined || standardError === undefined || lower === undefined || upper === undefined || sources === undefined) {
    return fail('edition', ['panel'], "a row of the panel lacks TI's rank, standard error, interval or number of sources", `${r.iso3} ${r.year}`, 'invalid_panel');
  }
  return { iso3: r.iso3, name: c.name, region: c.region, score: r.score, rank, standardError, lower, upper, sources };
}

const made = new Map<number, WorldEdition>();

/**
 * Every country's published CPI score, rank, standard error and 90% interval in one edition of the
 * bundled panel (2012-2025): for ranks (`scenarioRank(result, edition(2025).scores)`), rank
 * positions and peers. The edition's origin names TI's edition and the panel's file.
 *
 * @throws {CpiGapError} naming `edition` when the year is not an edition of the panel.
 * @example
 * const e = edition(2025);
 * e.countries; // => 182
 * rank(51, e.scores); // => 56 (1 + the 55 countries scoring more than 51)
 * scoreForRank(53, e.scores); // => 53 (the least score ranked 53rd or better)
 */
export function edition(year: number): WorldEdition {
  const y = parseInput('edition', z.int(), year, ['year']);
  const known = made.get(y);
  if (known !== undefined) return known;
  const p = panel();
  const rows = editionRows(y);
  const editions = p.file.editions;
  if (rows.length === 0) return fail('edition', ['year'], `expected an edition of the panel (${editions[0]}..${editions.at(-1)})`, year, 'unknown_year');
  const sorted = rows.map(editionRow).sort((a, b) => a.rank - b.rank || (a.iso3 < b.iso3 ? -1 : 1));
  const result = deepFreeze({ year: y, countries: sorted.length, rows: sorted, scores: sorted.map((r) => r.score), origin: { kind: 'ti' as const, edition: y, file: p.file.origin } });
  made.set(y, result);
  return result;
}
