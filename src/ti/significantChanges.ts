import * as z from 'zod/mini';
import { parseInput } from '../errors.js';
import { changeSignificance, ChangeSignificanceOptions, CountryYearEstimate } from '../methodology/changeSignificance.js';
import type { DeepReadonly } from '../util/freeze.js';

/**
 * One country-year as {@link significantChanges} reads it (a `TiRow`, or a row of `worldRows()`, fits).
 *
 * @example
 * const r: SignificanceRow = { iso3: 'THA', year: 2025, score: 33, standardError: 0.997, sources: 9 };
 * console.log(r);
 */
export const SignificanceRow = z.extend(CountryYearEstimate, { iso3: z.string().check(z.minLength(1)), year: z.int() });
export type SignificanceRow = CountryYearEstimate & { readonly iso3: string; readonly year: number };

/**
 * A country whose score changed significantly since an earlier edition, as TI's sheet "Significant
 * Changes since 2012" shows it: the reference year and the change.
 *
 * @example
 * const c: SignificantChange = { iso3: 'THA', year: 2015, change: -5 };
 * console.log(c);
 */
export const SignificantChange = z.object({ iso3: z.string(), year: z.int(), change: z.number().check(z.minimum(-100), z.maximum(100)) });
export type SignificantChange = DeepReadonly<z.output<typeof SignificantChange>>;

/**
 * TI's list "Significant Changes since 2012" rebuilt from the editions' scores and SEs: every
 * country scored in `latest` whose change from any earlier edition is significant (by default TI's
 * rule, `test: 'ti'`), shown with the significant change of largest size (equal sizes: the latest
 * reference year), as TI's sheet shows one pair per country. A reconstruction: TI does not document
 * how it picks the pair.
 *
 * @example
 * import { worldRows } from 'cpi-gap/world';
 * const list = significantChanges(worldRows(), 2025);
 * list.find((c) => c.iso3 === 'THA'); // => { iso3: 'THA', year: 2015, change: -5 }
 * list.length; // => 82 (TI lists 81; Dominica's rise of 5, z = 1.77, is the difference)
 */
export function significantChanges(rows: readonly SignificanceRow[], latest: number, options: ChangeSignificanceOptions = {}): SignificantChange[] {
  const all = parseInput('significantChanges', z.array(SignificanceRow), rows, ['rows']);
  parseInput('significantChanges', ChangeSignificanceOptions, options, ['options']);
  const byCountry = new Map<string, typeof all>();
  for (const r of all) byCountry.set(r.iso3, [...(byCountry.get(r.iso3) ?? []), r]);
  const out: SignificantChange[] = [];
  for (const [iso3, list] of byCountry) {
    const now = list.find((r) => r.year === latest);
    if (now === undefined) continue;
    let best: SignificantChange | null = null;
    for (const before of list.filter((r) => r.year < latest).sort((a, b) => a.year - b.year)) {
      const r = changeSignificance(before, now, options);
      if (r.significant && (best === null || Math.abs(r.change) >= Math.abs(best.change))) best = { iso3, year: before.year, change: r.change };
    }
    if (best !== null) out.push(best);
  }
  return out.sort((a, b) => (a.iso3 < b.iso3 ? -1 : 1));
}

/**
 * How a rebuilt list agrees with TI's: per country scored in the latest edition, both list it /
 * only TI / only the rule / neither, and, of those both list, how many show the same reference year.
 *
 * @example
 * const a = significanceAgreement([{ iso3: 'THA', year: 2015, change: -5 }], [{ iso3: 'THA', year: 2015, change: -5 }], ['THA', 'IDN']);
 * [a.both, a.neither, a.agreement]; // => [1, 1, 1]
 */
export function significanceAgreement(rule: readonly SignificantChange[], ti: readonly SignificantChange[], countries: readonly string[]): { both: number; onlyTi: number; onlyRule: number; neither: number; sameYear: number; agreement: number; disagreements: string[] } {
  parseInput('significanceAgreement', z.array(SignificantChange), rule, ['rule']);
  parseInput('significanceAgreement', z.array(SignificantChange), ti, ['ti']);
  parseInput('significanceAgreement', z.array(z.string()), countries, ['countries']);
  const inRule = new Map(rule.map((c) => [c.iso3, c]));
  const inTi = new Map(ti.map((c) => [c.iso3, c]));
  const counts = { both: 0, onlyTi: 0, onlyRule: 0, neither: 0, sameYear: 0 };
  const disagreements: string[] = [];
  for (const iso3 of countries) {
    const a = inRule.get(iso3);
    const b = inTi.get(iso3);
    if (a !== undefined && b !== undefined) {
      counts.both += 1;
      if (a.year === b.year) counts.sameYear += 1;
      else disagreements.push(`${iso3}: reference year ${a.year} (rule), ${b.year} (TI)`);
    } else if (a === undefined && b === undefined) counts.neither += 1;
    else {
      if (a === undefined) counts.onlyTi += 1;
      else counts.onlyRule += 1;
      disagreements.push(`${iso3}: listed by ${a === undefined ? 'TI only' : 'the rule only'}`);
    }
  }
  return { ...counts, agreement: countries.length === 0 ? 1 : (counts.both + counts.neither) / countries.length, disagreements };
}

/**
 * The rows of TI's sheet "Significant Changes since 2012" (CPI 2025 workbook) as cells: one row per
 * listed country under a header row whose second cell is "ISO3" (Country, ISO3, Region, CPI2025,
 * Reference Year, CPI score for reference year, Direction of Change, Change, Category). Internal:
 * `npm run conformance` and the tests read TI's sheet with it.
 */
export function significanceSheetRows(cells: readonly (readonly (string | number | null | undefined)[])[]): SignificantChange[] {
  const text = (c: string | number | null | undefined): string => (c === null || c === undefined ? '' : String(c).trim());
  const headerAt = cells.findIndex((r) => text(r[1]) === 'ISO3');
  return cells
    .slice(headerAt + 1)
    .filter((r) => /^[A-Z]{3}$/.test(text(r[1])) && /^\d{4}$/.test(text(r[4])))
    .map((r) => ({ iso3: text(r[1]), year: Number(r[4]), change: Number(r[6]) }));
}
