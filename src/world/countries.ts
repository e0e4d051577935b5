import * as z from 'zod/mini';
import { fail, parseInput } from '../errors.js';
import { deepFreeze } from '../util/freeze.js';
import { ISO3_TO_ALPHA2 } from './iso.js';
import { countryRows, panel } from './panel.js';
import { WorldCountry } from './records.js';

let names: { en: Intl.DisplayNames; th: Intl.DisplayNames } | undefined;

/** A region's name in a locale from `Intl.DisplayNames` (Node 20 and browsers have it), or undefined where the runtime's ICU has none. */
function displayName(alpha2: string, locale: 'en' | 'th'): string | undefined {
  names ??= { en: new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' }), th: new Intl.DisplayNames(['th'], { type: 'region', fallback: 'none' }) };
  return names[locale].of(alpha2);
}

/** Each country's codes, TI's name and region, and editions, checked: every ISO3 has an alpha-2 code and a TI region (a test holds the panel to it). */
const Codes = z.array(z.omit(WorldCountry, { name: true }));

let list: readonly WorldCountry[] | undefined;

/**
 * Every country and territory in the bundled panel (TI's "CPI Historical" table, 2012-2025), sorted
 * by ISO3: codes, English and Thai names from `Intl.DisplayNames` (the runtime's ICU: Node 20 and
 * browsers have both; where a runtime lacks a name, TI's name stands in), TI's region and the
 * editions that scored it. O(1) after the first call (the list is built once and frozen).
 *
 * @example
 * const all = countries();
 * all.length; // => 183
 * all.find((c) => c.iso3 === 'IDN')?.name.th; // => 'อินโดนีเซีย'
 * all.find((c) => c.iso3 === 'KSV')?.alpha2; // => 'XK'
 */
export function countries(): readonly WorldCountry[] {
  if (list !== undefined) return list;
  const raw = [...panel().byIso3].map(([iso3, rows]) => {
    // Each country's rows are in year order (the panel has at least one per country).
    const latest = rows.reduce((_, r) => r);
    const editions = rows.map((r) => r.year);
    return { iso3, alpha2: ISO3_TO_ALPHA2[iso3], tiName: latest.country, region: latest.region, firstEdition: Math.min(...editions), lastEdition: latest.year, editions };
  });
  const out = parseInput('countries', Codes, raw, ['panel']).map((c): WorldCountry => {
    const en = displayName(c.alpha2, 'en') ?? c.tiName;
    return { ...c, name: { en, th: displayName(c.alpha2, 'th') ?? en } };
  });
  list = deepFreeze(out.sort((a, b) => a.iso3.localeCompare(b.iso3)));
  return list;
}

let index: ReadonlyMap<string, WorldCountry> | undefined;

/** The country of an ISO3 code of the panel, or undefined. O(1). Internal. */
export function countryOf(iso3: string): WorldCountry | undefined {
  index ??= new Map(countries().map((c) => [c.iso3, c]));
  return index.get(iso3);
}

/** Fold a name for matching: no Latin accents, case, spaces or punctuation (Thai letters and marks kept). */
function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^\p{L}\p{M}\p{N}]+/gu, '');
}

let aliasList: readonly { readonly country: WorldCountry; readonly names: readonly string[] }[] | undefined;

/** Every name each country answers to, folded: ISO3, the English and Thai names, each of TI's spellings. */
function aliases(): readonly { readonly country: WorldCountry; readonly names: readonly string[] }[] {
  aliasList ??= countries().map((country) => {
    const ti = countryRows(country.iso3).map((r) => r.country);
    return { country, names: [...new Set([country.iso3, country.name.en, country.name.th, ...ti].map(fold))] };
  });
  return aliasList;
}

/** Levenshtein distance between two strings, by code point. O(|a| x |b|). */
function distance(a: string, b: string): number {
  const bs = Array.from(b);
  let prev = Array.from({ length: bs.length + 1 }, (_, j) => j);
  Array.from(a).forEach((ca, i) => {
    let diag = i;
    let left = i + 1;
    const row = [left];
    prev.slice(1).forEach((up, j) => {
      left = Math.min(up + 1, left + 1, diag + (ca === bs[j] ? 0 : 1));
      diag = up;
      row.push(left);
    });
    prev = row;
  });
  return prev.reduce((_, v) => v);
}

/** The three countries whose names come closest to `query`: containing it first, then by edit distance. */
function closest(query: string): WorldCountry[] {
  const q = fold(query);
  const scored = aliases().map(({ country: c, names }) => {
    const contains = q !== '' && names.some((n) => n.includes(q));
    return { c, score: (contains ? 0 : 1000) + Math.min(...names.map((n) => distance(q, n))) };
  });
  return scored.sort((a, b) => a.score - b.score || a.c.iso3.localeCompare(b.c.iso3)).slice(0, 3).map((s) => s.c);
}

const Query = z.string().check(z.trim(), z.minLength(1, 'expected an ISO3 code or a country name'), z.maxLength(100, 'expected at most 100 characters'));

/**
 * The country an ISO3 code or a name stands for: its ISO3 code (any case), its English or Thai name
 * from {@link countries}, or any spelling TI has used (`Guinea Bissau`); case, accents, spaces and
 * punctuation do not matter.
 *
 * @throws {CpiGapError} naming `findCountry` and the query, with the three closest names, when
 * nothing matches.
 * @example
 * findCountry('idn').name.en; // => 'Indonesia'
 * findCountry('United States of America').iso3; // => 'USA'
 * findCountry('ไทย').iso3; // => 'THA'
 * // findCountry('Indonesai') throws: "findCountry: country: no country or territory of TI's CPI is called this; closest: Indonesia (IDN), ..."
 */
export function findCountry(query: string): WorldCountry {
  return resolveCountry('findCountry', query);
}

/** {@link findCountry} for another public function: its errors name `fn` and `path`. Internal. */
export function resolveCountry(fn: string, query: unknown, path: readonly (string | number)[] = ['country']): WorldCountry {
  const q = parseInput(fn, Query, query, path);
  const folded = fold(q);
  const hit = aliases().find((a) => a.names.includes(folded));
  if (hit !== undefined) return hit.country;
  const near = closest(q).map((c) => `${c.name.en} (${c.iso3})`);
  return fail(fn, path, `no country or territory of TI's CPI is called this; closest: ${near.join(', ')}`, query, 'unknown_country');
}
