/**
 * peerComparison against values read from TI's cpi_historical_2012_2025.csv by hand: CPI 2025 of the
 * ASEAN members, their source scores, and the Welch p-values of each peer's difference from Thailand
 * computed with scipy.stats.t (t = d / sqrt(SE_a^2 + SE_b^2), Welch-Satterthwaite df from TI's
 * number of sources).
 */
import { describe, expect, it } from 'vitest';
import { caught } from '../../tests/helpers/caught.js';
import { createDataset } from '../dataset/createDataset.js';
import type { DatasetInput } from '../dataset/schema.js';
import { thailand } from '../dataset/thailand.js';
import { deepFreeze } from '../util/freeze.js';
import { peerComparison } from './peerComparison.js';
import { worldDataset } from './worldDataset.js';

/** CPI 2025, ASEAN: ISO3, score, world rank, and the scipy p-value of Thailand's difference. */
const ASEAN_2025 = [
  ['SGP', 84, 3, 0],
  ['BRN', 63, 31, 0.0302],
  ['MYS', 52, 54, 0],
  ['TLS', 44, 73, 0.1195],
  ['VNM', 41, 81, 0.0019],
  ['IDN', 34, 109, 0.7023],
  ['LAO', 34, 109, 0.8566],
  ['THA', 33, 116, null],
  ['PHL', 32, 120, 0.6799],
  ['KHM', 20, 163, 0.0044],
  ['MMR', 16, 169, 0],
] as const;

/** Thailand's 2025 source scores against the other ASEAN members' (TI's file): peers, median, best, how many above. */
const SOURCES_2025 = {
  WEF: { score: 35.46192, peers: 7, peerMedian: 63.59408, above: 7 },
  IMD: { score: 26.0897, peers: 4, peerMedian: 37.831295, above: 2 },
  PRS: { score: 32.75889, peers: 7, peerMedian: 38.75, above: 5 },
  BTI: { score: 29.94282, peers: 9, peerMedian: 34.24139, above: 5 },
  EIU: { score: 34.4944, peers: 7, peerMedian: 34.4944, above: 2 },
  GI: { score: 32.21466, peers: 10, peerMedian: 32.21466, above: 4 },
  PERC: { score: 44.79455, peers: 6, peerMedian: 39.943905, above: 1 },
  WJP: { score: 32.30574, peers: 7, peerMedian: 27.0941, above: 3 },
  VDEM: { score: 29.94624, peers: 9, peerMedian: 24.46955, above: 4 },
} as const;

describe('peerComparison: Thailand in ASEAN, CPI 2025', () => {
  const p = peerComparison('THA', { group: 'asean', year: 2025 });

  it('places Thailand 8th of 11, one point under the median (34) and 51 under the best (Singapore)', () => {
    expect(p).toMatchObject({ iso3: 'THA', year: 2025, score: 33, rank: 116, countries: 182, standardError: 0.9973887, groupRank: 8, groupSize: 11, median: 34, toMedian: -1, toBest: -51 });
    expect(p.best).toEqual({ score: 84, iso3: ['SGP'] });
    expect(p.group.id).toBe('asean');
  });

  it('lists every member by score with its rank, and ties by the library\'s Welch test (p >= 0.05): 4 peers', () => {
    expect(p.peers.map((r) => [r.iso3, r.score, r.rank])).toEqual(ASEAN_2025.map(([iso3, score, rank]) => [iso3, score, rank]));
    // Ranks in the group: Indonesia and Laos share 6th (34), Thailand is 8th.
    expect(p.peers.map((r) => r.groupRank)).toEqual([1, 2, 3, 4, 5, 6, 6, 8, 9, 10, 11]);
    p.peers.forEach((r, i) => {
      const expected = ASEAN_2025[i]?.[3] ?? null;
      if (expected === null) expect([r.self, r.pValue, r.tied, r.difference]).toEqual([true, null, null, 0]);
      else expect(Math.abs((r.pValue ?? -1) - expected)).toBeLessThan(0.00006);
    });
    expect(p.peers.filter((r) => r.tied === true).map((r) => r.iso3)).toEqual(['TLS', 'IDN', 'LAO', 'PHL']);
    expect(p.tied).toBe(4);
    expect(p.significance).toEqual({ test: 'welch', alpha: 0.05 });
  });

  it('sets each source against the same source of the other members, the same year, the largest lag first', () => {
    expect(p.sources.map((s) => s.source)).toEqual(Object.keys(SOURCES_2025));
    for (const s of p.sources) {
      const expected = SOURCES_2025[s.source as keyof typeof SOURCES_2025];
      expect(s).toMatchObject(expected);
      expect(s.gap).toBeCloseTo(expected.peerMedian - expected.score, 12);
    }
    expect(p.sources.find((s) => s.source === 'WEF')?.peerBest).toBe(99.16616);
    expect(p.lagging).toEqual(['WEF', 'IMD', 'PRS', 'BTI']);
    expect(p.unmatched).toEqual([]);
  });

  it('gives the same answer for the bundled thailand dataset (its 2025 values are TI\'s), with its own name', () => {
    const q = peerComparison(thailand, { group: 'asean' });
    expect(q.year).toBe(2025);
    const unnamed = (x: typeof p) => ({ ...x, name: null, origins: null, peers: x.peers.map((r) => ({ ...r, name: null })) });
    expect(unnamed(q)).toEqual(unnamed(p));
    expect(q.name).toEqual({ en: 'Thailand', th: 'ประเทศไทย' });
  });

  it('names its origins: the edition (and the dataset\'s values)', () => {
    expect(p.origins).toEqual([{ kind: 'ti', edition: 2025, file: 'cpi_historical_2012_2025.csv' }]);
  });
});

describe('peerComparison: groups, years and defaults', () => {
  it("defaults to the country's TI region and its latest edition: Thailand 23rd of 32 in Asia Pacific, median 40", () => {
    const p = peerComparison('Thailand');
    expect(p).toMatchObject({ year: 2025, groupRank: 23, groupSize: 32, median: 40 });
    expect(p.group).toMatchObject({ id: 'region:AP', name: { en: 'Asia Pacific', th: 'เอเชียแปซิฟิก' } });
  });

  it('adds the country to a list that leaves it out, and reads an earlier edition (Malaysia 50 against Viet Nam and Singapore, 2024)', () => {
    const p = peerComparison('MYS', { group: ['VNM', 'SGP'], year: 2024 });
    expect(p).toMatchObject({ score: 50, groupRank: 2, groupSize: 3, median: 50, toBest: -34 });
    expect(p.peers.map((r) => [r.iso3, r.difference, r.tied])).toEqual([['SGP', -34, false], ['MYS', 0, null], ['VNM', 10, false]]);
    // scipy: Viet Nam p = 0.000182, Singapore p = 1.3e-11.
    expect(p.peers.find((r) => r.iso3 === 'VNM')?.pValue).toBeCloseTo(0.00018163797, 6);
  });

  it('counts a tie at the top as a shared best', () => {
    const p = peerComparison('IDN', { group: ['LAO'], year: 2025 });
    expect(p.best).toEqual({ score: 34, iso3: ['IDN', 'LAO'] });
    expect([p.groupRank, p.toBest, p.tied]).toEqual([1, 0, 1]);
  });

  it('lists a source no peer has as unmatched (Thailand against Denmark: PERC)', () => {
    const p = peerComparison('THA', { group: ['DNK'], year: 2025 });
    expect(p.unmatched).toEqual(expect.arrayContaining(['PERC']));
    expect(p.sources.every((s) => s.peers === 1)).toBe(true);
  });

  it("reads a user's dataset of a country outside the panel, by the region it names", () => {
    const origin = { kind: 'user', note: 'test' } as const;
    const input: Omit<DatasetInput, 'country'> = {
      sources: [{ id: 'EIU', name: { en: 'EIU' } }, { id: 'PRS', name: { en: 'PRS' } }, { id: 'WEF', name: { en: 'WEF' } }],
      scores: [
        { source: 'EIU', year: 2025, value: 40, origin },
        { source: 'PRS', year: 2025, value: 41, origin },
        { source: 'WEF', year: 2025, value: 42, origin },
      ],
      cpi: [{ year: 2025, score: 41, origin, ti: { standardError: 1, lower: 39.36, upper: 42.64, sources: 3, origin } }],
    };
    const ds = createDataset({ ...input, country: { iso3: 'XYZ', name: { en: 'Example' }, region: 'AP' } });
    const p = peerComparison(ds);
    // 41 in 2025: ranked by the edition's scores, 1 + the 80 countries above 41 (Viet Nam's 41 ranked 81st).
    expect(p).toMatchObject({ iso3: 'XYZ', groupSize: 33, name: { en: 'Example', th: 'Example' } });
    expect(p.rank).toBe(81);
    expect(p.peers.find((r) => r.self)?.region).toBe('AP');
    // A user's dataset of a country in the panel without a Thai name takes the runtime's.
    expect(peerComparison(createDataset({ ...input, country: { iso3: 'MYS', name: { en: 'Malaysia (mine)' } } }), { group: 'asean' }).name).toEqual({ en: 'Malaysia (mine)', th: 'มาเลเซีย' });
    expect(caught(() => peerComparison(createDataset({ ...input, country: { iso3: 'XYZ', name: { en: 'Example' } } }))).message).toBe(
      "peerComparison: options.group: the group 'region' needs a country (its TI region) (got \"region\")",
    );
  });
});

describe('peerComparison: errors and inputs', () => {
  it('names the year when the dataset has no published score with TI\'s SE then, or it is not an edition', () => {
    expect(caught(() => peerComparison(thailand, { year: 2016 })).message).toBe(
      "peerComparison: options.year: expected a year with the country's published CPI score and TI's standard error (2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025) (got 2016)",
    );
    expect(caught(() => peerComparison('THA', { year: 2026 })).message).toBe('peerComparison: options.year: expected an edition of the panel (2012..2025) (got 2026)');
    const origin = { kind: 'user', note: 'test' } as const;
    const bare = createDataset({ country: { iso3: 'XYZ', name: { en: 'X' } }, sources: ['EIU', 'PRS', 'WEF'].map((id) => ({ id: id as 'EIU', name: { en: id } })), scores: ['EIU', 'PRS', 'WEF'].map((s) => ({ source: s as 'EIU', year: 2025, value: 40, origin })) });
    expect(caught(() => peerComparison(bare)).issues[0]).toMatchObject({ path: ['dataset', 'cpi'], code: 'missing_cpi' });
  });

  it('rejects a group without another member scored that edition, an unknown group, country or option', () => {
    expect(caught(() => peerComparison('THA', { group: ['THA'] })).message).toBe('peerComparison: options.group: expected a group with another country scored in 2025 (got "custom")');
    expect(caught(() => peerComparison('BRN', { group: ['BRN', 'THA'], year: 2024 })).issues[0]?.code).toBe('missing_cpi');
    expect(caught(() => peerComparison('THA', { group: 'G20' as 'asean' })).issues[0]?.path).toEqual(['options', 'group']);
    expect(caught(() => peerComparison('Atlantis')).fn).toBe('worldDataset');
    expect(caught(() => peerComparison('THA', { years: 2025 } as never)).issues[0]?.path).toEqual(['options']);
    expect(caught(() => peerComparison({} as never)).message).toMatch(/^peerComparison: country: expected a dataset made by createDataset/);
  });

  it('never mutates its inputs and returns a frozen record', () => {
    const options = deepFreeze({ group: ['VNM', 'SGP'], year: 2025 });
    const p = peerComparison(worldDataset('MYS'), options);
    expect(options).toEqual({ group: ['VNM', 'SGP'], year: 2025 });
    expect(Object.isFrozen(p) && Object.isFrozen(p.peers[0])).toBe(true);
  });
});
