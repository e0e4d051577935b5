import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../util/freeze.js';
import cpi from '../../data/thailand/cpi.json';
import scores from '../../data/thailand/scores.json';
import { thailand } from '../dataset/thailand.js';
import { CpiGapError } from '../errors.js';
import { projectTrend } from './projectTrend.js';
import { trend } from './trend.js';

/** Least squares by the textbook formulas, written independently of the code under test. */
function ols(points: [number, number][]) {
  const n = points.length;
  const mx = points.reduce((a, p) => a + p[0], 0) / n;
  const my = points.reduce((a, p) => a + p[1], 0) / n;
  const sxx = points.reduce((a, p) => a + (p[0] - mx) ** 2, 0);
  const sxy = points.reduce((a, p) => a + (p[0] - mx) * (p[1] - my), 0);
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  const sse = points.reduce((a, p) => a + (p[1] - intercept - slope * p[0]) ** 2, 0);
  const sst = points.reduce((a, p) => a + (p[1] - my) ** 2, 0);
  return { n, mx, sxx, slope, intercept, r2: 1 - sse / sst, sd: Math.sqrt(sse / (n - 2)) };
}

const cpiPoints = cpi.map((c): [number, number] => [c.year, c.score]);

describe('trend', () => {
  it('fits the published CPI 2017-2025: slope -0.4 a year, r squared 0.8', () => {
    const t = trend(thailand, { series: 'cpi' });
    const ref = ols(cpiPoints);
    // By hand: years centred -4..4, scores 37 36 36 36 35 36 35 34 33: Sxy = -24, Sxx = 60.
    expect(t.slope).toBeCloseTo(-24 / 60, 12);
    expect(t.intercept).toBeCloseTo(ref.intercept, 8);
    // SST = 12, SSR = 0.16 x 60 = 9.6, SSE = 2.4.
    expect(t.rSquared).toBeCloseTo(0.8, 12);
    expect(t.residualSd).toBeCloseTo(Math.sqrt(2.4 / 7), 12);
    expect(t.n).toBe(9);
    expect(t.warnings).toEqual([]);
    expect(t.points[0]).toMatchObject({ year: 2017, value: 37 });
    expect(t.points[0]?.fitted).toBeCloseTo(35 + 1 / 3 + 1.6, 10);
  });

  it('fits a source over a window', () => {
    const pts = scores.filter((s) => s.source === 'VDEM' && s.year >= 2019).map((s): [number, number] => [s.year, s.value]);
    const ref = ols(pts);
    const t = trend(thailand, { series: 'VDEM', from: 2019 });
    expect(t).toMatchObject({ series: 'VDEM', from: 2019, to: 2025, n: 7 });
    expect(t.slope).toBeCloseTo(ref.slope, 10);
    expect(t.rSquared).toBeCloseTo(ref.r2, 10);
    expect(t.residualSd).toBeCloseTo(ref.sd, 10);
  });

  it('warns with codes when the fit rests on fewer than 6 points or explains little', () => {
    expect(trend(thailand, { series: 'cpi', from: 2021 }).warnings.map((w) => w.code)).toContain('few_points');
    const perc = trend(thailand, { series: 'PERC' });
    expect(perc.rSquared).toBeCloseTo(ols(scores.filter((s) => s.source === 'PERC').map((s): [number, number] => [s.year, s.value])).r2, 10);
    expect(perc.warnings.map((w) => w.code)).toEqual(['low_r_squared']);
  });

  it('gives r squared 1 for a flat series, never NaN', () => {
    const t = trend(thailand, { series: 'EIU', from: 2017, to: 2022 }); // 37 every year
    expect(t.slope).toBe(0);
    expect(t.rSquared).toBe(1);
    expect(t.residualSd).toBe(0);
  });

  it('names the function, the field and the value on bad input', () => {
    expect(() => trend(thailand, { series: 'AFDB' })).toThrow(/trend: options.series: .*\(got "AFDB"\)/);
    expect(() => trend(thailand, { series: 'cpi', from: 2024, to: 2020 })).toThrow(/trend: options.to/);
    expect(() => trend(thailand, { series: 'cpi', from: 2024 })).toThrow(CpiGapError);
    expect(() => trend({} as never, { series: 'cpi' })).toThrow(/trend: dataset/);
    expect(() => trend(thailand, { series: 'cpi', extra: 1 } as never)).toThrow(/trend: options/);
  });
});

describe('projectTrend', () => {
  it('projects the line with a t prediction interval (n - 2 df)', () => {
    const fit = trend(thailand, { series: 'cpi' });
    const rows = projectTrend(fit, { until: 2027 });
    expect(rows.map((r) => r.year)).toEqual([2026, 2027]);
    // 2026: mean 35.333 + (-0.4) x 5 = 33.333; half-width t(0.95, 7) = 1.894579 x s x sqrt(1 + 1/9 + 25/60).
    const s = Math.sqrt(2.4 / 7);
    const half = 1.894579 * s * Math.sqrt(1 + 1 / 9 + 25 / 60);
    expect(rows[0]?.value).toBeCloseTo(33 + 1 / 3, 10);
    expect(rows[0]?.lower).toBeCloseTo(33 + 1 / 3 - half, 5);
    expect(rows[0]?.upper).toBeCloseTo(33 + 1 / 3 + half, 5);
    expect(rows[0]?.bounded).toBe(false);
    const wide = projectTrend(fit, { until: 2026, level: 0.95 })[0];
    expect((wide?.upper ?? 0) - (wide?.value ?? 0)).toBeCloseTo(2.364624 * s * Math.sqrt(1 + 1 / 9 + 25 / 60), 5);
  });

  it('bounds projections to 0..100 and says so', () => {
    const fit = { ...trend(thailand, { series: 'cpi' }), slope: 20, intercept: 35 - 20 * 2021 };
    const rows = projectTrend(fit, { until: 2030 });
    expect(rows.every((r) => r.value <= 100 && r.upper <= 100 && r.lower >= 0)).toBe(true);
    expect(rows.at(-1)).toMatchObject({ value: 100, bounded: true });
  });

  it('names the function, the field and the value on bad input', () => {
    const fit = trend(thailand, { series: 'cpi' });
    expect(() => projectTrend(fit, { until: 2025 })).toThrow(/projectTrend: options.until: .*\(got 2025\)/);
    expect(() => projectTrend({ ...fit, n: 2 }, { until: 2027 })).toThrow(/projectTrend: fit.n/);
    expect(() => projectTrend(fit, { until: 2027, level: 1 })).toThrow(/projectTrend: options.level/);
  });
});

describe('trend and projectTrend inputs', () => {
  it('are never mutated', () => {
    const options = deepFreeze({ series: 'cpi' as const, from: 2018 });
    const fit = deepFreeze(trend(thailand, options));
    const json = JSON.stringify(fit);
    projectTrend(fit, deepFreeze({ until: 2028, level: 0.8 }));
    expect(JSON.stringify(fit)).toBe(json);
    expect(options).toEqual({ series: 'cpi', from: 2018 });
  });
});
