import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../util/freeze.js';
import scores from '../../data/thailand/scores.json';
import { thailand } from '../dataset/thailand.js';
import { onTrack } from './onTrack.js';

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
