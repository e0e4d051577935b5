import { describe, expect, it } from 'vitest';
import { caught } from '../../tests/helpers/caught.js';
import { createDataset, type Dataset } from '../dataset/createDataset.js';
import type { DatasetInput } from '../dataset/schema.js';
import { composeScenarios } from './composeScenarios.js';
import { onTrack } from './onTrack.js';
import { trend } from './trend.js';

const origin = { kind: 'user', note: 'test' } as const;

/** Three sources with the given yearly scores from 2018, and optionally published CPI rows. */
function dataset(rows: Record<'EIU' | 'PRS' | 'WEF', number[]>, cpi: DatasetInput['cpi'] = []): Dataset {
  const ids = ['EIU', 'PRS', 'WEF'] as const;
  return createDataset({
    country: { iso3: 'XYZ', name: { en: 'Example' } },
    sources: ids.map((id) => ({ id, name: { en: id } })),
    scores: ids.flatMap((id) => rows[id].map((value, i) => ({ source: id, year: 2018 + i, value, origin }))),
    cpi,
  });
}

describe('composeScenarios: names, base year and until', () => {
  it('joins only the names that are given, and leaves out a base year or until nobody gave', () => {
    const out = composeScenarios({ name: 'A', changes: [] }, { changes: [] }, { name: 'B', changes: [] });
    expect(out).toStrictEqual({ name: 'A + B', changes: [] });
    expect('baseYear' in out || 'until' in out).toBe(false);
    expect(composeScenarios({ changes: [] })).toStrictEqual({ changes: [] });
  });

  it('keeps the one base year given by some of the specs, and the latest until', () => {
    expect(composeScenarios({ baseYear: 2022, until: 2024, changes: [] }, { until: 2027, changes: [] }, { baseYear: 2022, changes: [] })).toStrictEqual({
      baseYear: 2022,
      until: 2027,
      changes: [],
    });
  });

  it('needs at least one spec', () => {
    expect(caught(() => composeScenarios()).message).toBe('composeScenarios: specs: expected at least one scenario spec (got an array of 0)');
  });
});

describe('the CPI series of a dataset without published scores', () => {
  it('rounds the mean of the sources in each year (TI rounding: x.5 goes up)', () => {
    // Means by hand: 2018 (40 + 41 + 42) / 3 = 41; 2019 (40 + 41 + 43) / 3 = 41.33 -> 41;
    // 2020 (41 + 42 + 44) / 3 = 42.33 -> 42; 2021 (40 + 41 + 44.5) / 3 = 41.83 -> 42.
    const ds = dataset({ EIU: [40, 40, 41, 40], PRS: [41, 41, 42, 41], WEF: [42, 43, 44, 44.5] });
    const t = trend(ds, { series: 'cpi' });
    expect(t.points.map((p) => p.value)).toEqual([41, 41, 42, 42]);
  });

  it('uses the published score where there is one, and the sources elsewhere', () => {
    const ds = dataset({ EIU: [40, 40, 41, 40], PRS: [41, 41, 42, 41], WEF: [42, 43, 44, 44.5] }, [{ year: 2019, score: 45, origin }]);
    expect(trend(ds, { series: 'cpi' }).points.map((p) => p.value)).toEqual([41, 45, 42, 42]);
  });
});

describe('onTrack: a published CPI year after the last source year', () => {
  it('rejects a target year that is not after the CPI series' + "'s last year", () => {
    // Sources 2018-2021; the CPI is published up to 2022, so `by` 2022 is after the sources but not after the CPI.
    const ds = dataset({ EIU: [40, 41, 42, 43], PRS: [40, 41, 42, 43], WEF: [40, 41, 42, 43] }, [{ year: 2022, score: 44, origin }]);
    const e = caught(() => onTrack(ds, { target: 51, by: 2022 }));
    expect(e.message).toBe('onTrack: options.by: expected a year after the last year of cpi cpi (2022) (got 2022)');
    expect(e.issues[0]?.code).toBe('invalid_range');
  });
});
