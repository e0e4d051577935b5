import { describe, expect, it } from 'vitest';
import { thailand } from '../dataset/thailand.js';
import { CpiGapError } from '../errors.js';
import { cholesky, shrinkCovariance } from './covariance.js';
import { modelParameters } from './modelParameters.js';

/** Thailand 2017..2022, the seed's five-year table, as mc_numpy.py's SCORES writes it. */
const SCORES = {
  IMD: [43, 41, 45, 41, 39, 43], WEF: [42, 42, 43, 43, 42, 45],
  PERC: [41, 37, 38, 38, 36, 35], WJP: [40, 40, 38, 38, 35, 34],
  GI: [35, 35, 35, 35, 35, 35], PRS: [32, 32, 32, 32, 32, 32],
  EIU: [37, 37, 37, 37, 37, 37], VDEM: [23, 21, 20, 20, 26, 26],
  BTI: [37, 37, 37, 37, 37, 37],
} as const;

/** numpy: d = diff(s); d.mean(), d.std(ddof=1), computed here in plain loops. */
function expected(series: readonly number[], extra = 0): { mu: number; sigma: number; base: number } {
  const d: number[] = [];
  for (let i = 1; i < series.length; i += 1) d.push(series[i]! - series[i - 1]!);
  let sum = 0;
  for (const v of d) sum += v;
  const mean = sum / d.length;
  let ss = 0;
  for (const v of d) ss += (v - mean) * (v - mean);
  return { mu: mean + extra, sigma: Math.sqrt(ss / (d.length - 1)), base: series[series.length - 1]! };
}

describe('modelParameters', () => {
  it("gives Thailand's mu and sigma per source as mc_numpy.py computes them (base 2022, changes 2017-2022, TI's integers as the seed prints them)", async () => {
    for (const extra of [0, 2]) {
      const p = await modelParameters(thailand, { model: 'random-walk', baseYear: 2022, window: { from: 2017, to: 2022 }, extraDrift: extra });
      expect(p.model).toBe('random-walk');
      expect(p.baseYear).toBe(2022);
      expect(p.window).toEqual({ from: 2017, to: 2022 });
      expect(p.sources.map((s) => s.source).sort()).toEqual(Object.keys(SCORES).sort());
      for (const s of p.sources) {
        const e = expected(SCORES[s.source as keyof typeof SCORES], extra);
        expect(s.mu).toBeCloseTo(e.mu, 12);
        expect(s.sigma).toBeCloseTo(e.sigma, 12);
        expect(s.base).toBe(e.base);
        expect(s.changeYears).toEqual([2018, 2019, 2020, 2021, 2022]);
      }
    }
    // The values mc_numpy.py prints with EXTRA_DRIFT = 2 (IMD, WEF, PERC, WJP, GI, PRS, EIU, VDEM, BTI).
    const printed = { IMD: [2, 3.7416573867739413], WEF: [2.6, 1.51657508881031], VDEM: [2.6, 3.1304951684997055], GI: [2, 0] } as const;
    const p = await modelParameters(thailand, { model: 'random-walk', baseYear: 2022, window: { from: 2017, to: 2022 }, extraDrift: 2 });
    for (const [id, [mu, sigma]] of Object.entries(printed)) {
      const s = p.sources.find((x) => x.source === id);
      expect(s?.mu).toBeCloseTo(mu, 12);
      expect(s?.sigma).toBeCloseTo(sigma, 12);
    }
  });

  it('takes other windows and base years as options', async () => {
    const p = await modelParameters(thailand, { model: 'random-walk', window: { from: 2017, to: 2025 } });
    expect(p.baseYear).toBe(2025);
    expect(p.sources[0]?.changes.length).toBe(8);
    // The default base year is the latest (2025) and the window every year up to it.
    const q = await modelParameters(thailand, { model: 'random-walk' });
    expect(q.baseYear).toBe(2025);
    expect(q.window).toEqual({ from: 2017, to: 2025 });
    expect(q.sources.find((s) => s.source === 'IMD')?.base).toBeCloseTo(26.1, 1);
  });

  it('does not modify its input and returns a frozen result', async () => {
    const options = { window: { from: 2017, to: 2022 } };
    const before = JSON.stringify(options);
    const p = await modelParameters(thailand, options);
    expect(JSON.stringify(options)).toBe(before);
    expect(Object.isFrozen(p.sources[0]?.changes)).toBe(true);
  });

  it('rejects bad options naming the function and field', async () => {
    await expect(modelParameters(thailand, { model: 'bootstrap', shrinkage: 0.2 })).rejects.toThrow('modelParameters: options.shrinkage: applies only to model');
    await expect(modelParameters(thailand, { model: 'random-walk', extraDrift: Number.NaN })).rejects.toThrow(CpiGapError);
    await expect(modelParameters({ ...thailand })).rejects.toThrow('modelParameters: dataset:');
  });
});

describe('shrinkCovariance and cholesky', () => {
  it('shrinks towards the diagonal with the Schafer-Strimmer intensity (computed here by hand for 2 variables)', () => {
    const rows = [[1, 2], [2, 1], [3, 5], [4, 3]];
    const t = rows.length;
    const mx = 2.5;
    const my = 2.75;
    const w = rows.map(([x, y]) => (x! - mx) * (y! - my));
    const wBar = w.reduce((a, b) => a + b, 0) / t;
    const s12 = (t / (t - 1)) * wBar;
    const varS12 = (t / (t - 1) ** 3) * w.reduce((a, b) => a + (b - wBar) ** 2, 0);
    const lambda = Math.min(1, varS12 / (s12 * s12));
    const r = shrinkCovariance(rows);
    expect(r.lambda).toBeCloseTo(lambda, 12);
    expect(r.sample[0]?.[1]).toBeCloseTo(s12, 12);
    expect(r.shrunk[0]?.[1]).toBeCloseTo((1 - lambda) * s12, 12);
    expect(r.shrunk[0]?.[0]).toBeCloseTo(5 / 3, 12);
  });

  it('factors a semi-definite matrix, leaving zero columns for zero variances', () => {
    const a = [[4, 0, 2], [0, 0, 0], [2, 0, 5]];
    const l = cholesky(a);
    expect(Array.from(l)).toEqual([2, 0, 0, 0, 0, 0, 1, 0, 2]);
  });
});
