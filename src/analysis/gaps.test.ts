import { describe, expect, it } from 'vitest';
import { thailand } from '../dataset/thailand.js';
import { CpiGapError } from '../errors.js';
import { cpiGap, sourceGaps, workstreamGaps } from './gaps.js';

describe('sourceGaps', () => {
  it('gives the seed gaps for 2022 against 51', () => {
    const gaps = Object.fromEntries(sourceGaps(thailand, { year: 2022, target: 51 }).map((g) => [g.source, g.gap]));
    // 51 minus each score of the seed table's 2022 column.
    expect(gaps).toEqual({ IMD: 8, WEF: 6, PERC: 16, WJP: 17, GI: 16, PRS: 19, EIU: 14, VDEM: 25, BTI: 14 });
  });

  it('ranks the gaps, largest first, ties sharing the best place', () => {
    const ranks = Object.fromEntries(sourceGaps(thailand, { year: 2022 }).map((g) => [g.source, g.gapRank]));
    expect(ranks).toEqual({ VDEM: 1, PRS: 2, WJP: 3, PERC: 4, GI: 4, EIU: 6, BTI: 6, IMD: 8, WEF: 9 });
  });

  it('carries the workstreams and the origin of each score', () => {
    const prs = sourceGaps(thailand, { year: 2022 }).find((g) => g.source === 'PRS');
    expect(prs?.workstreams).toEqual([1, 2]);
    expect(prs?.origin.kind).toBe('seed');
  });

  it('defaults to the latest year and a target of 51', () => {
    const gaps = sourceGaps(thailand);
    expect(gaps[0]).toMatchObject({ year: 2025, target: 51 });
    expect(gaps).toHaveLength(9);
  });

  it('names the function, the field and the value on bad options', () => {
    expect(() => sourceGaps(thailand, { year: 2030 })).toThrow('sourceGaps: options.year: expected a year present in the dataset (2017..2025) (got 2030)');
    expect(() => sourceGaps(thailand, { target: 51.5 })).toThrow(/sourceGaps: options.target: .*\(got 51.5\)/);
    expect(() => sourceGaps(thailand, { target: 101 })).toThrow(CpiGapError);
    expect(() => sourceGaps(thailand, { year: 2022, extra: 1 } as never)).toThrow(/options/);
    expect(() => sourceGaps({} as never)).toThrow('sourceGaps: dataset: expected a dataset made by createDataset');
  });
});

describe('cpiGap', () => {
  it('2022 against 51: mean 36, total uplift 9 x 50.5 - 324 = 130.5, 14.5 per source', () => {
    const g = cpiGap(thailand, { year: 2022, target: 51 });
    expect(g).toMatchObject({ published: 36, publishedRank: 101, n: 9, sum: 324, mean: 36, score: 36, neededMean: 50.5, reached: false });
    expect(g.totalUplift).toBe(9 * 50.5 - 324);
    expect(g.evenUplift).toBe(14.5);
  });

  it('2025 against 51: mean 33.11, total uplift 156.49', () => {
    // TI's unrounded 2025 source scores for Thailand (CPI2025_Results.csv).
    const ti2025 = [29.94282, 34.4944, 32.21466, 26.0897, 44.79455, 32.75889, 29.94624, 35.46192, 32.30574];
    const sum = ti2025.reduce((a, b) => a + b, 0);
    const g = cpiGap(thailand, { year: 2025 });
    expect(g.mean).toBeCloseTo(sum / 9, 10);
    expect(g.mean.toFixed(2)).toBe('33.11');
    expect(g.totalUplift.toFixed(2)).toBe('156.49');
    expect(g.totalUplift).toBeCloseTo(454.5 - sum, 10);
    expect(g.published).toBe(33);
    expect(g.score).toBe(33);
  });

  it('says when the target is already reached (negative uplift is the surplus)', () => {
    const g = cpiGap(thailand, { year: 2022, target: 30 });
    expect(g.reached).toBe(true);
    expect(g.totalUplift).toBe(9 * 29.5 - 324);
  });

  it('for every seed year the rounded mean equals the published CPI', () => {
    for (const year of [2017, 2018, 2019, 2020, 2021, 2022]) {
      const g = cpiGap(thailand, { year });
      expect(g.score).toBe(g.published);
    }
  });
});

describe('workstreamGaps', () => {
  it('sums and averages each workstream\'s source gaps (2022, 51)', () => {
    const ws = workstreamGaps(thailand, { year: 2022 });
    // WS1 GI 16 + IMD 8 + PRS 19 + WEF 6; WS2 BTI 14 + EIU 14 + PRS 19 + WJP 17; WS3 EIU 14 + WEF 6; WS4 BTI 14 + PERC 16 + VDEM 25.
    expect(ws.map((w) => w.gapSum)).toEqual([49, 64, 20, 55]);
    expect(ws.map((w) => w.gapMean)).toEqual([49 / 4, 16, 10, 55 / 3]);
  });

  it('says which sources feed two workstreams, so nobody adds the sums', () => {
    const ws = workstreamGaps(thailand, { year: 2022 });
    expect(ws[0]?.sharedSources).toEqual(['PRS', 'WEF']);
    expect(ws[1]?.sources.find((s) => s.source === 'PRS')?.alsoIn).toEqual([1]);
    expect(ws[3]?.sharedSources).toEqual(['BTI']);
    const distinct = new Set(ws.flatMap((w) => w.sources.map((s) => s.source)));
    expect(distinct.size).toBe(9);
  });
});

describe('cpiGap at an exact tie of integer-stored scores', () => {
  it("uses TI's published score, and says so: Thailand 2013 (mean 35.5 of integers, published 35)", async () => {
    const { worldDataset } = await import('../world/worldDataset.js');
    const tha = worldDataset('THA');
    const values = tha.scores.filter((s) => s.year === 2013).map((s) => s.value);
    // By hand: the 2013 edition stores integers and their mean is exactly 35.5; TI published 35.
    expect(values.every((v) => Number.isInteger(v))).toBe(true);
    expect(values.reduce((a, b) => a + b, 0) / values.length).toBe(35.5);
    const g = cpiGap(tha, { year: 2013, target: 36 });
    expect([g.published, g.score, g.tie, g.reached]).toEqual([35, 35, true, false]);
    // No tie: the rounded mean, as before.
    const h = cpiGap(tha, { year: 2025, target: 33 });
    expect([h.tie, h.score, h.reached]).toEqual([false, 33, true]);
  });
});
