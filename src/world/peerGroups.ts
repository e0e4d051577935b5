import * as z from 'zod/mini';
import { fail, parseInput } from '../errors.js';
import { countryOf, resolveCountry } from './countries.js';
import { editionRows, panel } from './panel.js';
import { Iso3List, NamedPeerGroup, PeerGroup, type ResolvedPeerGroup } from './records.js';
import { RegionCode, TI_REGIONS } from './regions.js';

/**
 * ASEAN's members and the date each joined (ASEAN's own record). A country counts as a member in a
 * CPI edition when it joined on or before 31 December of the edition's year: Timor-Leste, admitted
 * as the eleventh member on 26 October 2025, is in the group from CPI 2025 on, and the ten others
 * in every edition. Pass an ISO3 list as the group to compare with another membership.
 *
 * @example
 * ASEAN_MEMBERS.length; // => 11
 * ASEAN_MEMBERS.find((m) => m.iso3 === 'TLS')?.joined; // => '2025-10-26'
 * peerGroup('asean', { year: 2024 }).members.includes('TLS'); // => false
 * peerGroup('asean', { year: 2025 }).members.includes('TLS'); // => true
 */
export const ASEAN_MEMBERS: readonly { readonly iso3: string; readonly joined: string }[] = Object.freeze(
  [
    { iso3: 'IDN', joined: '1967-08-08' },
    { iso3: 'MYS', joined: '1967-08-08' },
    { iso3: 'PHL', joined: '1967-08-08' },
    { iso3: 'SGP', joined: '1967-08-08' },
    { iso3: 'THA', joined: '1967-08-08' },
    { iso3: 'BRN', joined: '1984-01-07' },
    { iso3: 'VNM', joined: '1995-07-28' },
    { iso3: 'LAO', joined: '1997-07-23' },
    { iso3: 'MMR', joined: '1997-07-23' },
    { iso3: 'KHM', joined: '1999-04-30' },
    { iso3: 'TLS', joined: '2025-10-26' },
  ].map((m) => Object.freeze(m)),
);

/** The ISO3 codes of a list, each checked against the panel (unknown codes name the closest countries). */
function listed(fn: string, codes: readonly string[], path: readonly (string | number)[]): string[] {
  const seen = new Set<string>();
  return codes.map((raw, i) => {
    const code = raw.toUpperCase();
    if (countryOf(code) === undefined) resolveCountry(fn, raw, [...path, i]);
    if (seen.has(code)) fail(fn, [...path, i], 'duplicate ISO3 code in the group', raw, 'duplicate');
    seen.add(code);
    return code;
  });
}

/**
 * Resolve a validated group for `year` (an edition of the panel); `region` is the country's region,
 * for `'region'`. Internal: {@link peerGroup} and `peerComparison` validate first.
 */
export function resolveGroup(fn: string, group: PeerGroup, year: number, region: RegionCode | undefined, path: readonly (string | number)[]): ResolvedPeerGroup {
  const rows = editionRows(year);
  const scored = new Set(rows.map((r) => r.iso3));
  let id: string;
  let name: { en: string; th: string };
  let all: string[];
  if (group === 'asean') {
    id = 'asean';
    name = { en: 'ASEAN', th: 'อาเซียน' };
    all = ASEAN_MEMBERS.filter((m) => Number(m.joined.slice(0, 4)) <= year).map((m) => m.iso3);
  } else if (typeof group !== 'string') {
    id = 'custom';
    name = { en: 'Selected countries', th: 'กลุ่มประเทศที่เลือก' };
    all = listed(fn, group, path);
  } else {
    const code = group === 'region' ? region : group;
    if (code === undefined) return fail(fn, path, "the group 'region' needs a country (its TI region)", group, 'missing_country');
    id = `region:${code}`;
    name = { ...TI_REGIONS[code] };
    all = rows.filter((r) => r.region === code).map((r) => r.iso3);
  }
  return { id, name, year, members: all.filter((c) => scored.has(c)), unscored: all.filter((c) => !scored.has(c)) };
}

const PeerGroupOptions = z.strictObject({
  /** The edition. */
  year: z.int(),
  /** The country whose region `'region'` means (ISO3 or name). */
  country: z.optional(z.string()),
});

/**
 * Who is in a peer group in one edition of the panel, and who of them TI scored: ASEAN by its
 * dated membership ({@link ASEAN_MEMBERS}), a TI region by the region TI gives each country that
 * edition (in TI's row order), a list as given (each code checked). `'region'` needs `options.country`.
 *
 * @throws {CpiGapError} naming `peerGroup` for an unknown group, year, country or ISO3 code (with
 * the closest names), or a code listed twice.
 * @example
 * peerGroup('asean', { year: 2024 }).unscored; // => ['BRN'] (Brunei was not scored in 2021-2024)
 * peerGroup('region', { year: 2025, country: 'THA' }).id; // => 'region:AP'
 * peerGroup(['tha', 'VNM'], { year: 2025 }).members; // => ['THA', 'VNM']
 */
export function peerGroup(group: PeerGroup, options: { readonly year: number; readonly country?: string }): ResolvedPeerGroup {
  const fn = 'peerGroup';
  const g = parseGroup(fn, group, ['group']);
  const o = parseInput(fn, PeerGroupOptions, options, ['options']);
  const editions = panel().file.editions;
  if (!editions.includes(o.year)) fail(fn, ['options', 'year'], `expected an edition of the panel (${editions[0]}..${editions.at(-1)})`, o.year, 'unknown_year');
  const region = o.country === undefined ? undefined : resolveCountry(fn, o.country).region;
  return resolveGroup(fn, g, o.year, region, ['group']);
}

/** Validate a group at a public boundary (a list's bad code is named by its index). Internal. */
export function parseGroup(fn: string, group: unknown, path: readonly (string | number)[]): PeerGroup {
  if (Array.isArray(group)) return parseInput(fn, Iso3List, group, path);
  const r = PeerGroup.safeParse(group);
  if (r.success) return r.data;
  return fail(fn, path, `expected ${NamedPeerGroup.options.map((g) => `'${g}'`).join(', ')}, a TI region (${RegionCode.options.join(', ')}) or a list of ISO3 codes`, group, 'invalid_group');
}
