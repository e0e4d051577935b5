import { describe, expect, it } from 'vitest';
import { createDataset, type Dataset } from '../dataset/createDataset.js';
import type { DatasetInput } from '../dataset/schema.js';
import { thailand } from '../dataset/thailand.js';
import { CpiGapError } from '../errors.js';
import { BINS } from './kernel.js';
import { modelParameters } from './modelParameters.js';
import { scenario } from '../analysis/scenario.js';
import { lastRun, runChunks } from './runChunks.js';
import { kernelParams, simulate, type SimulationResult } from './simulate.js';

const origin = { kind: 'user', note: 'test' } as const;

/** A dataset from per-source yearly series starting in `first`. */
function dataset(series: Partial<Record<'EIU' | 'PRS' | 'WEF', number[]>>, first = 2010): Dataset {
  const ids = Object.keys(series) as ('EIU' | 'PRS' | 'WEF')[];
  const input: DatasetInput = {
    country: { iso3: 'XYZ', name: { en: 'Example' } },
    sources: ids.map((id) => ({ id, name: { en: id } })),
    scores: ids.flatMap((id) => (series[id] ?? []).map((value, i) => ({ source: id, year: first + i, value, origin }))),
  };
  return createDataset(input);
}

/** Standard normal CDF, Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7), written for the tests. */
function phi(x: number): number {
  const t = 1 / (1 + 0.3275911 * (Math.abs(x) / Math.SQRT2));
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(x * x) / 2);
  return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

function share(r: SimulationResult, y: number, from: number): number {
  return r.years[y]!.histogram.slice(from).reduce((a, b) => a + b, 0) / r.paths;
}

function walkNumbers(value: unknown, seen: number[] = []): number[] {
  if (typeof value === 'number') seen.push(value);
  else if (Array.isArray(value)) for (const v of value) walkNumbers(v, seen);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) walkNumbers(v, seen);
  return seen;
}

describe('simulate: models against independent calculations', () => {
  it('with sigma = 0 follows the deterministic path, clipped to 0..100', async () => {
    // EIU +1 a year, PRS -2 a year (reaches 0 in 2020 and stays), WEF flat: every change is the same, so sigma = 0.
    const ds = dataset({ EIU: [45, 46, 47, 48, 49, 50], PRS: [20, 18, 16, 14, 12, 10], WEF: [70, 70, 70, 70, 70, 70] });
    const r = await simulate(ds, { model: 'random-walk', paths: 1000, horizon: 8, target: 43 });
    expect(r.parameters.sources.map((s) => [s.mu, s.sigma])).toEqual([[1, 0], [-2, 0], [0, 0]]);
    r.years.forEach((y, i) => {
      const k = i + 1;
      const score = Math.floor((50 + k + Math.max(0, 10 - 2 * k) + 70) / 3 + 0.5);
      expect(y.year).toBe(2015 + k);
      expect(y.histogram[score]).toBe(1000);
      expect(y.quantiles).toEqual({ q05: score, q25: score, q50: score, q75: score, q95: score });
      expect(y.sd).toBe(0);
      expect(y.pTarget).toBe(score >= 43 ? 1 : 0);
    });
  });

  it('a one-source walk matches the normal distribution within Monte Carlo error', async () => {
    // EIU changes 1, -1, 2, 0: mu = 0.5, sample SD = sqrt(5/3); PRS and WEF never move.
    const ds = dataset({ EIU: [40, 41, 40, 42, 42], PRS: [40, 40, 40, 40, 40], WEF: [40, 40, 40, 40, 40] });
    const mu = 0.5;
    const sd = Math.sqrt((0.5 ** 2 + 1.5 ** 2 + 1.5 ** 2 + 0.5 ** 2) / 3);
    const paths = 20_000;
    const r = await simulate(ds, { model: 'random-walk', paths, horizon: 4, seed: 1 });
    expect(r.parameters.sources[0]?.sigma).toBeCloseTo(sd, 12);
    for (let k = 1; k <= 4; k += 1) {
      for (const target of [40, 41, 42, 43]) {
        // CPI >= T  <=>  (80 + X) / 3 >= T - 0.5  <=>  X >= 3 (T - 0.5) - 80, X ~ N(42 + k mu, k sd^2).
        const expected = 1 - phi((3 * (target - 0.5) - 80 - (42 + k * mu)) / (sd * Math.sqrt(k)));
        const got = share(r, k - 1, target);
        expect(Math.abs(got - expected)).toBeLessThan(4.5 * Math.sqrt((expected * (1 - expected)) / paths) + 1e-9);
      }
    }
  });

  it('reproduces mc_numpy.py for Thailand (drift 2): P(score >= 51) within 4 Monte Carlo SE of its 1,000,000-path output', async () => {
    // python3 mc_numpy.py 1000000 8 2 (numpy default_rng(12345)), p_hit per year 2023..2030.
    const numpy = [0, 0, 0, 0, 9.6e-5, 0.01518, 0.192089, 0.596597];
    const paths = 50_000;
    const r = await simulate(thailand, { model: 'random-walk', baseYear: 2022, window: { from: 2017, to: 2022 }, paths, horizon: 8, extraDrift: 2, threads: 1 });
    expect(r.baseYear).toBe(2022);
    r.years.forEach((y, i) => {
      const p = numpy[i]!;
      const se = Math.sqrt((p * (1 - p)) / 1e6 + (y.pTarget * (1 - y.pTarget)) / paths);
      expect(Math.abs(y.pTarget - p)).toBeLessThanOrEqual(4 * se + 1e-4);
    });
    expect(r.years.map((y) => y.median)).toEqual([38, 40, 42, 43, 45, 47, 49, 51]);
  });

  it('bootstrap draws only observed changes, each about equally often', async () => {
    // EIU changes -3, 0, +6; PRS and WEF flat at 40. CPI = round((80 + 43 + sum of draws) / 3).
    const ds = dataset({ EIU: [40, 37, 37, 43], PRS: [40, 40, 40, 40], WEF: [40, 40, 40, 40] });
    const paths = 18_000;
    const r = await simulate(ds, { paths, horizon: 2, model: 'bootstrap', seed: 3 });
    expect(r.parameters.sources[0]?.changes).toEqual([-3, 0, 6]);
    const expected: Record<number, number>[] = [
      { 40: 1 / 3, 41: 1 / 3, 43: 1 / 3 },
      { 39: 1 / 9, 40: 2 / 9, 41: 1 / 9, 42: 2 / 9, 43: 2 / 9, 45: 1 / 9 },
    ];
    r.years.forEach((y, i) => {
      y.histogram.forEach((count, score) => {
        const p = expected[i]?.[score] ?? 0;
        if (p === 0) expect(count).toBe(0);
        else expect(Math.abs(count / paths - p)).toBeLessThan(4.5 * Math.sqrt((p * (1 - p)) / paths));
      });
    });
  });

  it("bootstrap with resample: 'year' keeps a year's changes together", async () => {
    // EIU and PRS move in opposite directions each year: drawn jointly, their sum never changes.
    const ds = dataset({ EIU: [40, 37, 37, 43], PRS: [40, 43, 43, 37], WEF: [40, 40, 40, 40] });
    const joint = await simulate(ds, { paths: 5000, horizon: 3, model: 'bootstrap', resample: 'year' });
    for (const y of joint.years) expect(y.histogram[40]).toBe(5000);
    const apart = await simulate(ds, { paths: 5000, horizon: 3, model: 'bootstrap' });
    expect(apart.years[2]!.histogram[40]).toBeLessThan(5000);
  });
});

describe('simulate: correlated model', () => {
  /** Changes drawn from N(0, sigma) with a test-local generator (mulberry32 + Box-Muller) and a 3 x 3 Cholesky by hand. */
  function syntheticChanges(t: number): number[][] {
    let a = 2024;
    const uniform = (): number => {
      a = (a + 0x6d2b79f5) | 0;
      let x = Math.imul(a ^ (a >>> 15), 1 | a);
      x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
      return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
    };
    const normal = (): number => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
    // sigma = [[1, .8, .6], [.8, 1, .7], [.6, .7, 1]]: L by hand.
    const l11 = 1;
    const l21 = 0.8;
    const l22 = Math.sqrt(1 - 0.64);
    const l31 = 0.6;
    const l32 = (0.7 - 0.6 * 0.8) / l22;
    const l33 = Math.sqrt(1 - l31 ** 2 - l32 ** 2);
    return Array.from({ length: t }, () => {
      const [z1, z2, z3] = [normal(), normal(), normal()];
      return [l11 * z1, l21 * z1 + l22 * z2, l31 * z1 + l32 * z2 + l33 * z3];
    });
  }
  const SIGMA = [[1, 0.8, 0.6], [0.8, 1, 0.7], [0.6, 0.7, 1]];
  const changes = syntheticChanges(105);
  const levels = [[50, 50, 50]];
  for (const c of changes) levels.push(levels[levels.length - 1]!.map((v, i) => v + c[i]!));
  const ds = dataset({ EIU: levels.map((l) => l[0]!), PRS: levels.map((l) => l[1]!), WEF: levels.map((l) => l[2]!) }, 1995);

  it('recovers a known covariance from synthetic data', async () => {
    const p = await modelParameters(ds, { model: 'correlated' });
    expect(p.window).toEqual({ from: 1995, to: 2100 });
    // The estimate is the plain sample covariance of the changes (computed here independently)...
    const t = changes.length;
    const means = [0, 1, 2].map((i) => changes.reduce((a, c) => a + c[i]!, 0) / t);
    for (let i = 0; i < 3; i += 1) {
      for (let j = 0; j < 3; j += 1) {
        const cov = changes.reduce((a, c) => a + (c[i]! - means[i]!) * (c[j]! - means[j]!), 0) / (t - 1);
        expect(p.sampleCovariance?.[i]?.[j]).toBeCloseTo(cov, 8);
        // ...and both it and the shrunk covariance lie near the true one.
        expect(Math.abs(p.sampleCovariance![i]![j]! - SIGMA[i]![j]!)).toBeLessThan(0.3);
        expect(Math.abs(p.covariance![i]![j]! - SIGMA[i]![j]!)).toBeLessThan(0.3);
      }
    }
    // Strong, well-measured correlations: little shrinkage.
    expect(p.shrinkage).toBeGreaterThanOrEqual(0);
    expect(p.shrinkage).toBeLessThan(0.1);
    expect(p.covariance?.[0]?.[0]).toBe(p.sampleCovariance?.[0]?.[0]);
  });

  it('draws innovations with that covariance: the CPI spread matches 1\'S1/9 (+1/12 for rounding)', async () => {
    const paths = 40_000;
    const r = await simulate(ds, { paths, horizon: 1, model: 'correlated', seed: 8 });
    const s = r.parameters.covariance!;
    const varMean = s.flat().reduce((a, b) => a + b, 0) / 9;
    expect(Math.abs(r.years[0]!.sd ** 2 / (varMean + 1 / 12) - 1)).toBeLessThan(0.05);
    const independent = await simulate(ds, { model: 'random-walk', paths, horizon: 1, seed: 8 });
    const varIndependent = [0, 1, 2].reduce((a, i) => a + s[i]![i]!, 0) / 9;
    expect(Math.abs(independent.years[0]!.sd ** 2 / (varIndependent + 1 / 12) - 1)).toBeLessThan(0.05);
  });

  it('with shrinkage 1 is the independent random walk (same stream, same sources moving)', async () => {
    const corr = await simulate(thailand, { paths: 20_000, horizon: 3, model: 'correlated', shrinkage: 1 });
    const walk = await simulate(thailand, { model: 'random-walk', paths: 20_000, horizon: 3 });
    expect(corr.years.map((y) => y.histogram)).toEqual(walk.years.map((y) => y.histogram));
    const thai = await modelParameters(thailand, { model: 'correlated' });
    expect(thai.shrinkage).toBeGreaterThan(0);
    thai.sources.forEach((src, i) => {
      expect(thai.covariance?.[i]?.[i]).toBeCloseTo(src.sigma ** 2, 12);
    });
  });
});

describe('simulate: scenario, target and ranks', () => {
  it('adds a scenario\'s planned uplifts, the same as the equivalent uplift table', async () => {
    const spec = { changes: [{ kind: 'lever-gain' as const, workstream: 3, from: 2026, to: 2028, gain: 2 }] };
    const a = await simulate(thailand, { model: 'random-walk', paths: 20_000, horizon: 5, scenario: spec });
    // Workstream 3 is EIU and WEF: +2, +4, +6 in 2026-2028, then held.
    const uplifts = [2026, 2027, 2028, 2029, 2030].flatMap((year) =>
      (['EIU', 'WEF'] as const).map((source) => ({ year, source, uplift: 2 * Math.min(3, year - 2025) })),
    );
    const b = await simulate(thailand, { model: 'random-walk', paths: 20_000, horizon: 5, uplifts });
    expect(a.years).toEqual(b.years);
    expect(a.plan?.uplifts.find((u) => u.year === 2030 && u.source === 'EIU')?.uplift).toBe(6);
    expect(a.plan?.uplifts.find((u) => u.year === 2030 && u.source === 'VDEM')?.uplift).toBe(0);
    const none = await simulate(thailand, { model: 'random-walk', paths: 20_000, horizon: 5 });
    expect(a.years[4]!.mean).toBeGreaterThan(none.years[4]!.mean);
  });

  it('clips as scenario does: a source shows clip(path + planned uplift); an earlier clip never eats the plan', async () => {
    // EIU 45 (flat), PRS and WEF 40: +60 in 2013 (105, shown 100), -10 in 2014 (95). By hand: CPI
    // 2013 = round((100 + 80) / 3) = 60; 2014 = round((95 + 80) / 3) = round(58.33) = 58 (clipping the
    // path each year would give 100 - 10 = 90 and 57).
    const ds = dataset({ EIU: [45, 45, 45], PRS: [40, 40, 40], WEF: [40, 40, 40] });
    const spec = { baseYear: 2012, until: 2014, changes: [{ kind: 'delta' as const, source: 'EIU' as const, year: 2013, delta: 60 }, { kind: 'delta' as const, source: 'EIU' as const, year: 2014, delta: -10 }] };
    const r = await simulate(ds, { model: 'random-walk', paths: 10, horizon: 2, scenario: spec });
    expect(r.years.map((y) => y.median)).toEqual([60, 58]);
    expect(scenario(ds, spec).years.slice(1).map((y) => y.score)).toEqual([60, 58]);
  });

  it('runs a gain without `to` through the whole horizon', async () => {
    const ds = dataset({ EIU: [40, 40, 40], PRS: [40, 40, 40], WEF: [40, 40, 40] });
    const spec = { changes: [{ kind: 'gain' as const, source: 'EIU' as const, from: 2013, gain: 3 }] };
    const r = await simulate(ds, { model: 'random-walk', paths: 10, horizon: 4, scenario: spec });
    // EIU 43, 46, 49, 52: CPI = round((80 + EIU) / 3).
    expect(r.years.map((y) => y.median)).toEqual([41, 42, 43, 44]);
    expect(r.plan?.uplifts.filter((u) => u.source === 'EIU').map((u) => u.uplift)).toEqual([3, 6, 9, 12]);
  });

  it("keeps a scenario's last planned uplifts after its own `until` (a gain stops there)", async () => {
    const ds = dataset({ EIU: [40, 40, 40], PRS: [40, 40, 40], WEF: [40, 40, 40] });
    const spec = { until: 2014, changes: [{ kind: 'gain' as const, source: 'EIU' as const, from: 2013, gain: 3 }] };
    const r = await simulate(ds, { model: 'random-walk', paths: 10, horizon: 4, scenario: spec });
    // EIU +3 in 2013 and 2014 (until), then held at +6: 43, 46, 46, 46; CPI = round((80 + EIU) / 3).
    expect(r.plan?.uplifts.filter((u) => u.source === 'EIU').map((u) => u.uplift)).toEqual([3, 6, 6, 6]);
    expect(r.plan?.uplifts.filter((u) => u.source === 'PRS').map((u) => u.uplift)).toEqual([0, 0, 0, 0]);
    expect(r.years.map((y) => y.median)).toEqual([41, 42, 42, 42]);
  });

  it('shifts the deterministic path by the uplifts, and ranks each score against rankScores', async () => {
    const ds = dataset({ EIU: [40, 40, 40], PRS: [40, 40, 40], WEF: [40, 40, 40] });
    // +3 for every source in 2013, +6 from 2014 on (a year without a row keeps the latest uplift).
    const uplifts = (['EIU', 'PRS', 'WEF'] as const).flatMap((source) => [
      { year: 2013, source, uplift: 3 },
      { year: 2014, source, uplift: 6 },
    ]);
    const rankScores = [90, 60, 45, 45, 43, 30];
    const r = await simulate(ds, { model: 'random-walk', paths: 100, horizon: 3, uplifts, target: 45, ranking: 'frozen', rankScores, ranks: [1, 3, 4] });
    expect(r.years.map((y) => y.median)).toEqual([43, 46, 46]);
    expect(r.years.map((y) => y.pTarget)).toEqual([0, 1, 1]);
    // 43: two scores above 45 and two at 45 are higher -> rank 5; 46: 90 and 60 higher -> rank 3.
    expect(r.years[0]!.ranks.map((k) => k.p)).toEqual([0, 0, 0]);
    expect(r.years[1]!.ranks.map((k) => k.p)).toEqual([0, 1, 1]);
    expect(r.years[1]!.ranks.map((k) => k.score)).toEqual([90, 45, 45]);
    // The plan lists every simulated year and source; 2015 has no row and keeps 2014's uplift.
    const held = [2013, 2014, 2015].flatMap((year) => (['EIU', 'PRS', 'WEF'] as const).map((source) => ({ year, source, uplift: year === 2013 ? 3 : 6 })));
    expect(r.plan).toEqual({ name: null, uplifts: held });
  });

  it("defaults the ranks to the dataset's target ranks (Thailand: 43 and 53)", async () => {
    const r = await simulate(thailand, { model: 'random-walk', paths: 1000, horizon: 1, ranking: 'frozen', rankScores: [50, 40, 36, 20] });
    expect(r.ranks).toEqual([43, 53]);
    expect(r.years[0]!.ranks.map((k) => k.p)).toEqual([1, 1]);
  });
});

describe('simulate: progress, abort and validation', () => {
  it('reports progress after each chunk, ending at the total', async () => {
    const calls: { done: number; total: number }[] = [];
    await simulate(thailand, { model: 'random-walk', paths: 40_000, horizon: 2, threads: 1, onProgress: (p) => {
      calls.push(p);
    } });
    expect(calls.map((c) => c.done)).toEqual([16_384, 32_768, 40_000]);
    expect(calls.every((c) => c.total === 40_000)).toBe(true);
  });

  it("stops on abort with a CpiGapError coded 'aborted'", async () => {
    for (const threads of [1, 2]) {
      const controller = new AbortController();
      let calls = 0;
      const run = simulate(thailand, {
        paths: 2_000_000,
        threads,
        signal: controller.signal,
        onProgress: () => {
          calls += 1;
          controller.abort();
        },
      });
      await expect(run).rejects.toThrow(CpiGapError);
      await run.catch((e: unknown) => {
        expect((e as CpiGapError).issues[0]).toMatchObject({ path: ['options', 'signal'], code: 'aborted' });
      });
      expect(calls).toBeLessThan(5);
    }
    const aborted = AbortSignal.abort();
    await expect(simulate(thailand, { model: 'random-walk', paths: 10, signal: aborted })).rejects.toThrow('simulate: options.signal: the run was aborted');
  });

  it('wraps an error of the progress callback in a CpiGapError', async () => {
    const run = simulate(thailand, { paths: 100, onProgress: () => { throw new Error('boom'); } });
    await expect(run).rejects.toThrow('simulate: options.onProgress: the callback threw: boom');
  });

  it.each([
    [{ paths: 0 }, 'options.paths', 0],
    [{ horizon: 1.5 }, 'options.horizon', 1.5],
    [{ seed: -1 }, 'options.seed', -1],
    [{ model: 'garch' }, 'options.model', 'garch'],
    [{ shrinkage: 0.5 }, 'options.shrinkage', 0.5],
    [{ model: 'correlated', resample: 'year' }, 'options.resample', 'year'],
    [{ ranks: [53] }, 'options.ranks', undefined],
    [{ baseYear: 2030 }, 'options.baseYear', 2030],
    [{ window: { from: 2022, to: 2017 } }, 'options.window.to', 2017],
    [{ window: { from: 2024, to: 2025 } }, 'options.window', undefined],
    [{ onProgress: 5 }, 'options.onProgress', 5],
    [{ signal: {} }, 'options.signal', undefined],
    [{ uplifts: [{ year: 2020, source: 'EIU', uplift: 1 }] }, 'options.uplifts.0.year', 2020],
    [{ baseYear: 2022, scenario: { baseYear: 2025, changes: [] } }, 'options.scenario.baseYear', 2025],
    [{ scenario: { baseYear: 2031, changes: [] } }, 'options.scenario.baseYear', 2031],
    [{ scenario: { changes: [{ kind: 'delta', source: 'EIU', year: 2022, delta: 1 }] } }, 'options.scenario.changes.0.year', 2022],
  ])('rejects %j naming the field', async (options, path, value) => {
    const run = simulate(thailand, { model: 'random-walk', paths: 10, ...(options as object) });
    await expect(run).rejects.toThrow(CpiGapError);
    await run.catch((e: unknown) => {
      const err = e as CpiGapError;
      expect(err.fn).toBe('simulate');
      expect(err.issues[0]?.path.join('.')).toBe(path);
      if (value !== undefined) expect(err.issues[0]?.value).toEqual(value);
    });
  });

  it('rejects a dataset not made by createDataset', async () => {
    await expect(simulate({ ...thailand })).rejects.toThrow('simulate: dataset: expected a dataset made by createDataset');
  });

  it('returns only finite numbers, for every model', async () => {
    for (const model of ['world', 'random-walk', 'bootstrap', 'correlated'] as const) {
      const ranks = model === 'world' ? { ranks: [43, 53] } : { ranking: 'frozen' as const, rankScores: [50, 40], ranks: [1, 2] };
      const r = await simulate(thailand, { paths: 2000, model, ...ranks });
      const numbers = walkNumbers(r);
      expect(numbers.length).toBeGreaterThan(100);
      expect(numbers.every(Number.isFinite)).toBe(true);
      expect(Object.isFrozen(r.years[0])).toBe(true);
      for (const y of r.years) expect(y.histogram.reduce((a, b) => a + b, 0)).toBe(2000);
    }
  });
});

// Last in the file: the slowest tests (Stryker stops at a mutant's first failing test, so quicker ones go first).
describe('simulate: reproducibility', () => {
  it('gives the same result for the same seed, whatever the threads, and another for another seed', async () => {
    const options = { paths: 40_000, horizon: 5, seed: 99, extraDrift: 1 };
    const a = await simulate(thailand, { model: 'random-walk', ...options, threads: 1 });
    const b = await simulate(thailand, { model: 'random-walk', ...options, threads: 1 });
    const c = await simulate(thailand, { model: 'random-walk', ...options, threads: 2 });
    const d = await simulate(thailand, { model: 'random-walk', ...options, seed: 100, threads: 1 });
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(d.years.map((y) => y.histogram)).not.toEqual(a.years.map((y) => y.histogram));
    expect(a.seed).toBe(99);
    expect(a.generator).toContain('xoshiro128**');
  });

  it('gives the same histogram when worker threads run every chunk (the worker file loads from source)', async () => {
    const params = await modelParameters(thailand, { model: 'random-walk', extraDrift: 2 });
    const kernel = kernelParams(params, null, 50_000, 8, 5);
    const noop = (): void => undefined;
    const alone = await runChunks(kernel, { threads: 1, progress: noop, check: noop });
    const workers = await runChunks(kernel, { threads: 3, progress: noop, check: noop, callerWorks: false });
    expect(lastRun.workerChunks).toBe(Math.ceil(50_000 / 16_384));
    expect(Array.from(workers)).toEqual(Array.from(alone));
    expect(alone.length).toBe(8 * BINS);
  });
});
