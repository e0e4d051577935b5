/**
 * cpi-gap/world: countries, names, datasets, editions, peer groups. Expected values are TI's, read
 * from cpi_historical_2012_2025.csv (the file the panel is generated from) and written here, or
 * computed in the test from the panel file itself.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caught } from '../../tests/helpers/caught.js';
import { ROOT } from '../../tests/helpers/shared.js';
import { cpiGap } from '../analysis/gaps.js';
import { rank } from '../methodology/rank.js';
import { tiConformance } from '../ti/tiConformance.js';
import { ASEAN_MEMBERS, countries, edition, findCountry, ISO3_TO_ALPHA2, NON_ISO_CODES, peerGroup, TI_REGIONS, worldDataset, worldPanel, worldRows } from './index.js';

const raw = JSON.parse(readFileSync(join(ROOT, 'data', 'world', 'panel.json'), 'utf8')) as { columns: string[]; data: (string | number | null)[][] };
const column = (name: string) => raw.data[raw.columns.indexOf(name)] ?? [];
const iso3s = [...new Set(column('iso3'))] as string[];
/** TI's name of each country in its latest edition (TI's rows are not all in year order). */
const tiName = new Map<string, string>();
const latest = new Map<string, number>();
column('iso3').forEach((code, r) => {
  const year = column('year')[r] as number;
  if (year < (latest.get(code as string) ?? 0)) return;
  latest.set(code as string, year);
  tiName.set(code as string, column('country')[r] as string);
});

/**
 * Where the runtime's English name (CLDR) differs from TI's, and why: a different convention, the
 * same name spelled otherwise, or an official name. Any other mismatch means a wrong alpha-2 code.
 */
const NAMED_OTHERWISE: Readonly<Record<string, string>> = {
  BIH: '& for and',
  BRN: "official name (TI: 'Brunei Darussalam')",
  CIV: 'apostrophe',
  COD: "CLDR: 'Congo - Kinshasa'",
  COG: "CLDR: 'Congo - Brazzaville'",
  CPV: "TI: 'Cabo Verde'",
  GNB: "TI: 'Guinea Bissau'",
  HKG: "CLDR: 'Hong Kong SAR China'",
  LCA: 'St. for Saint',
  MMR: "CLDR: 'Myanmar (Burma)'",
  STP: 'accents and &',
  TTO: '& for and',
  TUR: "CLDR: 'Türkiye'",
  USA: "TI: 'United States of America'",
  VCT: 'St. and & for Saint and and',
};

describe('ISO3_TO_ALPHA2', () => {
  it('has a distinct alpha-2 code for every country of the panel, and nothing else', () => {
    expect(iso3s).toHaveLength(183);
    expect(Object.keys(ISO3_TO_ALPHA2).sort()).toEqual([...iso3s].sort());
    expect(new Set(Object.values(ISO3_TO_ALPHA2)).size).toBe(183);
    expect(Object.values(ISO3_TO_ALPHA2).every((c) => /^[A-Z]{2}$/.test(c))).toBe(true);
  });

  it("each code names TI's country: the runtime's English name is TI's, but for the listed conventions", () => {
    const en = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    const mismatches = iso3s.filter((code) => en.of(ISO3_TO_ALPHA2[code] ?? '') !== tiName.get(code)).sort();
    expect(mismatches).toEqual(Object.keys(NAMED_OTHERWISE).sort());
  });

  it("lists TI's codes that ISO 3166-1 does not assign: Kosovo's KSV (alpha-2 XK, user-assigned)", () => {
    expect(Object.keys(NON_ISO_CODES)).toEqual(['KSV']);
    expect(ISO3_TO_ALPHA2.KSV).toBe('XK');
    expect(findCountry('KSV').name).toEqual({ en: 'Kosovo', th: 'โคโซโว' });
  });
});

describe('countries', () => {
  const all = countries();

  it('lists the 183 countries and territories by ISO3, frozen, with names, region and editions', () => {
    expect(all.map((c) => c.iso3)).toEqual([...iso3s].sort());
    expect(Object.isFrozen(all) && Object.isFrozen(all[0]) && Object.isFrozen(all[0]?.editions)).toBe(true);
    expect(countries()).toBe(all);
    const tha = all.find((c) => c.iso3 === 'THA');
    expect(tha).toMatchObject({ alpha2: 'TH', name: { en: 'Thailand', th: 'ไทย' }, tiName: 'Thailand', region: 'AP', firstEdition: 2012, lastEdition: 2025 });
    expect(all.every((c) => c.name.en !== '' && /[\u0E00-\u0E7F]/.test(c.name.th) && Object.hasOwn(TI_REGIONS, c.region))).toBe(true);
  });

  it("gives each country the editions that scored it (TI's rows): Brunei with gaps, Belize once", () => {
    expect(all.find((c) => c.iso3 === 'BRN')?.editions).toEqual([2012, 2013, 2016, 2017, 2018, 2019, 2020, 2025]);
    expect(all.find((c) => c.iso3 === 'BLZ')).toMatchObject({ editions: [2025], firstEdition: 2025, lastEdition: 2025 });
    expect(all.reduce((n, c) => n + c.editions.length, 0)).toBe(2494);
  });

  it("names each by TI's latest spelling (TI wrote Guinea-Bissau and Guinea Bissau)", () => {
    expect(all.find((c) => c.iso3 === 'GNB')?.tiName).toBe('Guinea Bissau');
    expect(findCountry('Guinea-Bissau').iso3).toBe('GNB');
  });
});

describe('findCountry', () => {
  it('finds by ISO3 in any case, English, Thai and TI names, ignoring accents, case and punctuation', () => {
    expect(['tha', 'THA', 'Thailand', 'ไทย', ' thailand '].map((q) => findCountry(q).iso3)).toEqual(['THA', 'THA', 'THA', 'THA', 'THA']);
    expect(findCountry('cote divoire').iso3).toBe('CIV');
    expect(findCountry('Côte d’Ivoire').iso3).toBe('CIV');
    expect(findCountry('united states of america').iso3).toBe('USA');
    expect(findCountry('Brunei Darussalam').iso3).toBe('BRN');
    // Thai vowel and tone marks count: อินโดนีเซีย without its marks is not Indonesia.
    expect(findCountry('อินโดนีเซีย').iso3).toBe('IDN');
    expect(caught(() => findCountry('อนโดนเซย')).issues[0]?.code).toBe('unknown_country');
  });

  it('names the function, the query and the three closest countries when nothing matches', () => {
    const e = caught(() => findCountry('Indonesai'));
    expect(e.message).toBe('findCountry: country: no country or territory of TI\'s CPI is called this; closest: Indonesia (IDN), India (IND), Angola (AGO) (got "Indonesai")');
    expect(e.issues[0]?.code).toBe('unknown_country');
    // A part of a name puts the countries containing it first.
    expect(caught(() => findCountry('Korea')).message).toMatch(/closest: South Korea \(KOR\), North Korea \(PRK\)/);
    expect(caught(() => worldDataset('Burma')).message).toMatch(/^worldDataset: country: .*closest: Myanmar \(Burma\) \(MMR\)/);
  });

  it('rejects what is not a name: empty, too long, not a string', () => {
    expect(caught(() => findCountry('  ')).message).toBe('findCountry: country: expected an ISO3 code or a country name (got "  ")');
    expect(caught(() => findCountry('x'.repeat(101))).message).toMatch(/^findCountry: country: expected at most 100 characters/);
    expect(caught(() => findCountry(42 as unknown as string)).issues[0]?.path).toEqual(['country']);
  });
});

describe('worldDataset', () => {
  const idn = worldDataset('IDN');

  it("holds Indonesia's 14 editions as TI publishes them: score, rank, countries, SE, interval, sources", () => {
    expect(idn.country).toEqual({ iso3: 'IDN', name: { en: 'Indonesia', th: 'อินโดนีเซีย' }, region: 'AP' });
    expect(idn.years).toEqual([2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    expect(idn.cpi.map((c) => c.score)).toEqual([32, 32, 34, 36, 37, 37, 38, 40, 37, 38, 34, 34, 37, 34]);
    const y2025 = idn.cpi.at(-1);
    expect(y2025).toMatchObject({ year: 2025, score: 34, rank: 109, countries: 182 });
    expect(y2025?.ti).toMatchObject({ standardError: 2.343841, lower: 30.1561, upper: 37.8439, sources: 9 });
    expect(idn.sources.map((s) => s.id)).toEqual(['BTI', 'EIU', 'GI', 'IMD', 'PERC', 'PRS', 'VDEM', 'WEF', 'WJP', 'TI_BPS']);
    expect(idn.workstreams).toEqual([]);
    expect(idn.targets).toEqual([]);
  });

  it("gives every value the origin of its TI edition and the panel's file", () => {
    const origins = new Set([...idn.scores.map((s) => JSON.stringify(s.origin)), ...idn.cpi.map((c) => JSON.stringify(c.origin))]);
    expect([...origins].map((o) => JSON.parse(o) as unknown)).toEqual(idn.years.map((edition) => ({ kind: 'ti', edition, file: 'cpi_historical_2012_2025.csv' })));
  });

  it('is made once per country, accepts a name, and is deeply frozen', () => {
    expect(worldDataset('indonesia')).toBe(idn);
    expect(Object.isFrozen(idn.scores[0])).toBe(true);
    expect(cpiGap(idn, { target: 51 }).published).toBe(34);
  });

  it('takes a country TI scored once (Belize) and rejects an unknown one with the closest names', () => {
    expect(worldDataset('BLZ').years).toEqual([2025]);
    expect(caught(() => worldDataset('XYZ')).message).toMatch(/^worldDataset: country: no country or territory of TI's CPI is called this; closest: /);
  });
});

describe('edition', () => {
  it("lists every country of CPI 2025 by rank with TI's SE and interval; its scores rank as TI ranked", () => {
    const e = edition(2025);
    expect(e.countries).toBe(182);
    expect(e.rows.map((r) => r.rank)).toEqual([...e.rows.map((r) => r.rank)].sort((a, b) => a - b));
    expect(e.rows.find((r) => r.iso3 === 'THA')).toMatchObject({ score: 33, rank: 116, standardError: 0.9973887, lower: 31.36428, upper: 34.63572, sources: 9, region: 'AP', name: { en: 'Thailand', th: 'ไทย' } });
    expect(e.rows.every((r) => rank(r.score, e.scores) === r.rank)).toBe(true);
    expect(e.origin).toEqual({ kind: 'ti', edition: 2025, file: 'cpi_historical_2012_2025.csv' });
    expect(edition(2025)).toBe(e);
    expect(Object.isFrozen(e.rows[0])).toBe(true);
  });

  it('counts the countries of each edition as TI scored them (168 in 2015, 180 in 2022)', () => {
    expect([edition(2015).countries, edition(2022).countries]).toEqual([168, 180]);
  });

  it('rejects a year that is not an edition', () => {
    expect(caught(() => edition(2026)).message).toBe('edition: year: expected an edition of the panel (2012..2025) (got 2026)');
    expect(caught(() => edition(2025.5)).issues[0]?.path).toEqual(['year']);
  });
});

describe('peerGroup', () => {
  it("dates ASEAN's membership: Timor-Leste from CPI 2025; Brunei unscored 2021-2024", () => {
    expect(ASEAN_MEMBERS.map((m) => m.iso3).sort()).toEqual(['BRN', 'IDN', 'KHM', 'LAO', 'MMR', 'MYS', 'PHL', 'SGP', 'THA', 'TLS', 'VNM']);
    expect(peerGroup('asean', { year: 2025 })).toEqual({ id: 'asean', name: { en: 'ASEAN', th: 'อาเซียน' }, year: 2025, members: ['IDN', 'MYS', 'PHL', 'SGP', 'THA', 'BRN', 'VNM', 'LAO', 'MMR', 'KHM', 'TLS'], unscored: [] });
    expect(peerGroup('asean', { year: 2024 })).toMatchObject({ members: ['IDN', 'MYS', 'PHL', 'SGP', 'THA', 'VNM', 'LAO', 'MMR', 'KHM'], unscored: ['BRN'] });
  });

  it("takes TI's regions by code, or the country's own (32 in Asia Pacific, 49 in Sub-Saharan Africa in 2025)", () => {
    expect(peerGroup('region', { year: 2025, country: 'Thailand' })).toMatchObject({ id: 'region:AP', name: { en: 'Asia Pacific', th: 'เอเชียแปซิฟิก' } });
    expect(peerGroup('region', { year: 2025, country: 'THA' }).members).toHaveLength(32);
    expect(peerGroup('SSA', { year: 2025 }).members).toHaveLength(49);
    const sizes = Object.keys(TI_REGIONS).map((code) => peerGroup(code as keyof typeof TI_REGIONS, { year: 2025 }).members.length);
    expect(sizes).toEqual([33, 32, 19, 18, 49, 31]);
  });

  it('takes a list of ISO3 codes in any case, and names an unknown or repeated code', () => {
    expect(peerGroup(['tha', 'VNM', 'BRN'], { year: 2024 })).toEqual({ id: 'custom', name: { en: 'Selected countries', th: 'กลุ่มประเทศที่เลือก' }, year: 2024, members: ['THA', 'VNM'], unscored: ['BRN'] });
    expect(caught(() => peerGroup(['THA', 'XXX'], { year: 2025 })).message).toMatch(/^peerGroup: group\[1\]: no country or territory of TI's CPI is called this; closest: .* \(got "XXX"\)$/);
    expect(caught(() => peerGroup(['THA', 'tha'], { year: 2025 })).message).toBe('peerGroup: group[1]: duplicate ISO3 code in the group (got "tha")');
    expect(caught(() => peerGroup(['TH'], { year: 2025 })).issues[0]?.path).toEqual(['group', 0]);
  });

  it('rejects an unknown group, a region without a country, and a year that is not an edition', () => {
    expect(caught(() => peerGroup('ASEAN' as 'asean', { year: 2025 })).message).toBe("peerGroup: group: expected 'asean', 'region', a TI region (AME, AP, ECA, MENA, SSA, WE/EU) or a list of ISO3 codes (got \"ASEAN\")");
    expect(caught(() => peerGroup('region', { year: 2025 })).message).toBe("peerGroup: group: the group 'region' needs a country (its TI region) (got \"region\")");
    expect(caught(() => peerGroup('asean', { year: 2011 })).message).toBe('peerGroup: options.year: expected an edition of the panel (2012..2025) (got 2011)');
    expect(caught(() => peerGroup('asean', { year: 2025, extra: 1 } as { year: number })).issues[0]?.path).toEqual(['options']);
  });
});

describe('worldPanel', () => {
  it("states the attribution, licence, file, editions and extent of TI's table", () => {
    expect(worldPanel()).toEqual({
      attribution: 'Transparency International, Corruption Perceptions Index',
      licence: 'CC BY-ND 4.0',
      file: 'cpi_historical_2012_2025.csv',
      sheet: null,
      editions: [2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025],
      rows: 2494,
      countries: 183,
    });
  });
});

describe('worldRows', () => {
  it("gives every row in TI's order and shape, frozen, for TI's own checks (ranks reproduce in every edition)", () => {
    const rows = worldRows();
    expect(rows.map((r) => `${r.iso3} ${r.year}`)).toEqual(column('iso3').map((c, r) => `${String(c)} ${String(column('year')[r])}`));
    expect(Object.isFrozen(rows) && Object.isFrozen(rows[0]?.sourceScores)).toBe(true);
    const editions = tiConformance(rows);
    expect(editions.map((e) => e.edition)).toEqual(worldPanel().editions);
    expect(editions.every((e) => e.rankAgree === e.rows)).toBe(true);
  });
});
