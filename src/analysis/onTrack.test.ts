import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../util/freeze.js';
import scores from '../../data/thailand/scores.json';
import { createDataset } from '../dataset/createDataset.js';
import { thailand } from '../dataset/thailand.js';
import { onTrack } from './onTrack.js';
import { trend } from './trend.js';

const v2025 = Object.fromEntries(scores.filter((s) => s.year === 2025).map((s) => [s.source, s.value]));

describe('onTrack', () => {
  it('CPI for 51 by 2027: needs 8.75 a year from 33, trend -0.4: reverse', () => {
    const rows = onTrack(thailand, { target: 51, by: 2027 });
    expect(rows[0]).toMatchObject({ kind: 'cpi', id: 'cpi', current: 33, currentYear: 2025, needed: 50.5, years: 2, requiredGain: 8.75, flag: 'reverse', n: 9 });
    expect(rows[0]?.slope).toBeCloseTo(-0.4, 12);
    expect(rows[0]?.projected).toBeCloseTo(33 - 0.8, 12);
    expect(rows[0]?.ratio).toBeCloseTo(-0.4 / 8.75, 12);
    expect(rows.map((r) => r.kind)).toEqual(['cpi', ...Array(9).fill('source'), ...Array(4).fill('workstream')]);
  });

  it('a source rising too slowly must accelerate (V-Dem)', () => {
    const vdem = onTrack(thailand, { target: 51, by: 2027 }).find((r) => r.id === 'VDEM');
    expect(vdem?.requiredGain).toBeCloseTo((50.5 - (v2025.VDEM ?? 0)) / 2, 12);
    expect(vdem?.slope).toBeGreaterThan(0);
    expect(vdem?.flag).toBe('accelerate');
  });

  it('a workstream is the mean of its sources', () => {
    const ws1 = onTrack(thailand, { target: 51, by: 2027 }).find((r) => r.kind === 'workstream' && r.id === '1');
    const mean = ((v2025.GI ?? 0) + (v2025.IMD ?? 0) + (v2025.PRS ?? 0) + (v2025.WEF ?? 0)) / 4;
    expect(ws1?.current).toBeCloseTo(mean, 12);
  });

  it('a source already past the level: on-track if the trend keeps it there, reverse if it would fall below', () => {
    // Target 35 -> level 34.5. WEF 35.46, falling about 1 a year: below 34.5 by 2027. PERC 44.79 and rising.
    const rows = onTrack(thailand, { target: 35, by: 2027 });
    expect(rows.find((r) => r.id === 'WEF')).toMatchObject({ flag: 'reverse', ratio: null });
    expect(rows.find((r) => r.id === 'PERC')?.flag).toBe('on-track');
    // IMD at 26.09 falling 1.42 a year still stays above a level of 19.5.
    expect(onTrack(thailand, { target: 20, by: 2027 }).find((r) => r.id === 'IMD')?.flag).toBe('on-track');
  });

  it('carries the trend warnings, and fits over a window', () => {
    const rows = onTrack(thailand, { target: 51, by: 2030, from: 2021 });
    expect(rows[0]?.n).toBe(5);
    expect(rows[0]?.warnings.map((w) => w.code)).toContain('few_points');
  });

  it('names the function, the field and the value on bad options', () => {
    expect(() => onTrack(thailand, { target: 51, by: 2025 })).toThrow(/onTrack: options.by: .*\(got 2025\)/);
    expect(() => onTrack(thailand, { target: 51, by: 2027, from: 2024 })).toThrow(/onTrack: options: .*at least 3/);
  });
});

describe('onTrack inputs', () => {
  it('are never mutated', () => {
    const options = deepFreeze({ target: 57, by: 2027, from: 2018 });
    onTrack(thailand, options);
    expect(options).toEqual({ target: 57, by: 2027, from: 2018 });
  });
});

describe('onTrack with sources that appear in only some years', () => {
  const origin = { kind: 'user', note: 'test' } as const;
  const years = [2012, 2013, 2014, 2015, 2016];
  // EIU, PRS and WEF every year; TI_BPS in 2012-2013 only (as TI's Bribe Payers Survey); GI stops after 2014.
  const series: Record<'EIU' | 'PRS' | 'WEF' | 'TI_BPS' | 'GI', readonly (number | null)[]> = {
    EIU: [40, 41, 42, 43, 44],
    PRS: [40, 40, 40, 40, 40],
    WEF: [30, 31, 32, 33, 34],
    TI_BPS: [50, 51, null, null, null],
    GI: [45, 46, 47, null, null],
  };
  const ids = Object.keys(series) as (keyof typeof series)[];
  const ds = createDataset({
    country: { iso3: 'XYZ', name: { en: 'Example' } },
    sources: ids.map((id) => ({ id, name: { en: id } })),
    scores: ids.flatMap((id) => series[id].flatMap((value, i) => (value === null ? [] : [{ source: id, year: years[i] ?? 0, value, origin }]))),
    workstreams: [{ number: 1, name: { en: 'one' }, sources: ['EIU', 'TI_BPS'], origin }],
  });

  it('gives a row to each source with 3 points up to the last year, and names the others on the CPI row', () => {
    const rows = onTrack(ds, { target: 51, by: 2020 });
    expect(rows.map((r) => r.id)).toEqual(['cpi', 'EIU', 'PRS', 'WEF']);
    const skipped = rows[0]?.warnings.filter((w) => w.code === 'series_skipped');
    expect(skipped?.map((w) => ('series' in w ? w.series : ''))).toEqual(['source TI_BPS', 'source GI', 'workstream 1']);
    expect(skipped?.[0]?.message).toBe('source TI_BPS has 2 point(s) in the window; a trend needs at least 3: left out');
    expect(skipped?.[1]?.message).toBe("source GI has no score in 2016, the window's last year (its last: 2014): it no longer counts in the CPI; left out");
    // The workstream's sources are all present only in 2012-2013 (TI_BPS's years): 2 points.
    expect(skipped?.[2]?.message).toBe('workstream 1 has 2 point(s) in the window; a trend needs at least 3: left out');
  });

  it('fits the CPI over every year, and a window ending in 2014 keeps GI (scored then)', () => {
    const rows = onTrack(ds, { target: 51, by: 2020, to: 2014 });
    expect(rows.map((r) => r.id)).toEqual(['cpi', 'EIU', 'PRS', 'WEF', 'GI']);
    const gi = rows.find((r) => r.id === 'GI');
    // GI 45, 46, 47 (2012-2014): slope 1, from 47 to 50.5 in 6 years.
    expect(gi).toMatchObject({ current: 47, currentYear: 2014, slope: 1, n: 3, flag: 'on-track' });
    expect(gi?.requiredGain).toBeCloseTo(3.5 / 6, 12);
  });

  it('still fails when the CPI itself has fewer than 3 points in the window', () => {
    expect(() => onTrack(ds, { target: 51, by: 2020, from: 2015 })).toThrow('onTrack: options: the CPI has 2 point(s) in the window; a trend with a residual SD needs at least 3 (got {"from":2015})');
  });
});

describe('onTrack and trend read a stepped source (EIU) by level', () => {
  /** Thailand's EIU scores as the seed and TI give them (37 to 2022, 37.26, 34.52, 34.49). */
  const eiu = thailand.scores.filter((s) => s.source === 'EIU');
  /** OLS slope, computed here. */
  const slope = (ys: readonly number[], xs: readonly number[]): number => {
    const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
    const my = ys.reduce((a, b) => a + b, 0) / ys.length;
    return xs.reduce((a, x, i) => a + (x - mx) * ((ys[i] ?? 0) - my), 0) / xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  };
  /** Thailand with EIU's 2024 and 2025 values replaced. */
  const moved = (v2024: number, v2025: number) =>
    createDataset({
      country: thailand.country,
      sources: thailand.sources,
      cpi: thailand.cpi,
      targets: thailand.targets,
      workstreams: thailand.workstreams,
      scores: thailand.scores.map((s) => (s.source !== 'EIU' || s.year < 2024 ? s : { ...s, value: s.year === 2024 ? v2024 : v2025 })),
    } as Parameters<typeof createDataset>[0]);

  it("Thailand's EIU stayed on its level (the second of five): TI's rescaling in 2024 is no change, not 'reverse'", () => {
    // As stored, the values fall (37 -> 34.49): a plain line through them slopes down.
    expect(slope(eiu.map((s) => s.value), eiu.map((s) => s.year))).toBeLessThan(-0.2);
    const row = onTrack(thailand, { target: 51, by: 2027 }).find((r) => r.id === 'EIU');
    expect(row).toMatchObject({ slope: 0, current: 34.4944, flag: 'accelerate' });
    expect(row?.warnings.find((w) => w.code === 'stepped_levels')?.message).toMatch(/EIU stayed on level 2 of 5 in 2017-2025: TI rescaled its levels/);
    const t = trend(thailand, { series: 'EIU' });
    expect(t.slope).toBe(0);
    expect(t.points.map((p) => p.value)).toEqual(eiu.map(() => 34.4944));
    // Workstream 3 (EIU and WEF) moves as WEF alone does, EIU held on its level.
    const wef = thailand.scores.filter((s) => s.source === 'WEF');
    const ws3 = onTrack(thailand, { target: 51, by: 2027 }).find((r) => r.kind === 'workstream' && r.id === '3');
    expect(ws3?.slope).toBeCloseTo(slope(wef.map((s) => s.value / 2), wef.map((s) => s.year)), 10);
    expect(ws3?.warnings.map((w) => w.code)).toContain('stepped_levels');
  });

  it('an actual level change still counts: up a level is a rise, down a level a fall', () => {
    const years = eiu.map((s) => s.year);
    // Up to the third level in 2024 (50.63 on the 2024 scale, 50.61 on 2025's): on the 2025 scale 34.4944 x 7, 50.60913 x 2.
    const up = onTrack(moved(50.63015, 50.60913), { target: 51, by: 2027 }).find((r) => r.id === 'EIU');
    expect(up?.slope).toBeCloseTo(slope([...years.slice(0, 7).map(() => 34.4944), 50.60913, 50.60913], years), 10);
    // 50.61 is past the level 51 needs (50.5), and rising: on track.
    expect(up?.flag).toBe('on-track');
    expect(up?.warnings.find((w) => w.code === 'stepped_levels')?.message).toContain('2023 2, 2024 3, 2025 3');
    const down = onTrack(moved(18.41219, 18.37966), { target: 51, by: 2027 }).find((r) => r.id === 'EIU');
    expect(down?.slope).toBeCloseTo(slope([...years.slice(0, 7).map(() => 34.4944), 18.37966, 18.37966], years), 10);
    expect(down?.flag).toBe('reverse');
    // A value on no level (a dataset of one's own) is read as it is.
    expect(trend(moved(40, 41), { series: 'EIU' }).warnings.map((w) => w.code)).not.toContain('stepped_levels');
  });
});
