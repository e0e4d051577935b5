import * as z from 'zod/mini';
import { fail, parseInput } from '../errors.js';
import { deepFreeze } from '../util/freeze.js';
import { countryOf } from './countries.js';
import { editionRows, panel, type PanelRow } from './panel.js';
import { EditionRow, type WorldEdition } from './records.js';

/** A panel row as an edition row, checked: every panel row has rank, SE, bounds and sources (a test holds the panel to it). */
function editionRow(r: PanelRow): EditionRow {
  const { iso3, score, rank, standardError, lower, upper, sources } = r;
  // The country's names and region (extra fields of the country are left out by the schema).
  return parseInput('edition', EditionRow, { ...countryOf(iso3), iso3, score, rank, standardError, lower, upper, sources }, ['panel', `${iso3} ${r.year}`]);
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
