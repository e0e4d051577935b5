import { syncBuiltinESMExports } from 'node:module';
import os, { availableParallelism } from 'node:os';
import { describe, expect, it, vi } from 'vitest';
import { rejected } from '../../tests/helpers/caught.js';
import { createDataset, type Dataset } from '../dataset/createDataset.js';
import type { DatasetInput } from '../dataset/schema.js';
import { thailand } from '../dataset/thailand.js';
import { cholesky, shrinkCovariance } from './covariance.js';
import { modelParameters } from './modelParameters.js';
import { defaultThreads, kernelParams, simulate, THREADS_THRESHOLD, type SimulateOptions } from './simulate.js';

const origin = { kind: 'user', note: 'test' } as const;

/** A dataset from per-source yearly series (user origin, so no seed window), each starting in its own year. */
function dataset(series: Partial<Record<'EIU' | 'PRS' | 'WEF' | 'GI', { first: number; values: number[] }>>): Dataset {
  const ids = Object.keys(series) as ('EIU' | 'PRS' | 'WEF' | 'GI')[];
  return createDataset({
    country: { iso3: 'XYZ', name: { en: 'Example' } },
    sources: ids.map((id) => ({ id, name: { en: id } })),
    scores: ids.flatMap((id) => (series[id]?.values ?? []).map((value, i) => ({ source: id, year: (series[id]?.first ?? 0) + i, value, origin }))),
  });
}

/** The message of the CpiGapError a promise rejects with. */
async function rejection(p: Promise<unknown>): Promise<string> {
  return (await rejected(p)).message;
}

describe('cholesky', () => {
  it('factors a full 3 x 3 matrix (L computed by hand; L L^T gives it back)', () => {
    // l11 = 2; l21 = 2 / 2 = 1; l22 = sqrt(10 - 1) = 3; l31 = -2 / 2 = -1; l32 = (5 - (-1)(1)) / 3 = 2;
    // l33 = sqrt(11 - 1 - 4) = sqrt 6.
    const l = cholesky([[4, 2, -2], [2, 10, 5], [-2, 5, 11]]);
    expect(Array.from(l)).toEqual([2, 0, 0, 1, 3, 0, -1, 2, Math.sqrt(6)]);
  });

  it('keeps a tiny but real variance, and drops one that is rounding noise (1e-12 of the diagonal)', () => {
    expect(Array.from(cholesky([[1e-6]]))).toEqual([1e-3]);
    // Second variable = first + noise 1e-14: its own variance after the first is below 1e-12 x 1.
    expect(Array.from(cholesky([[1, 1], [1, 1 + 1e-14]]))).toEqual([1, 0, 1, 0]);
  });
});

describe('shrinkCovariance', () => {
  it('gives the whole sample matrix (p x p) and shrinks only the off-diagonal, for 3 variables', () => {
    const rows = [[1, 2, 0], [2, 1, 1], [3, 5, -1], [4, 3, 2], [0, 1, 1]];
    const t = rows.length;
    const mean = [0, 1, 2].map((i) => rows.reduce((a, r) => a + r[i]!, 0) / t);
    const cov = (i: number, j: number): number => rows.reduce((a, r) => a + (r[i]! - mean[i]!) * (r[j]! - mean[j]!), 0) / (t - 1);
    // Schafer-Strimmer, by hand: sum over i != j of Var(s_ij) / sum of s_ij^2, with
    // Var(s_ij) = t / (t - 1)^3 x sum_k (w_kij - mean w_ij)^2.
    let num = 0;
    let den = 0;
    for (let i = 0; i < 3; i += 1) {
      for (let j = 0; j < 3; j += 1) {
        if (i === j) continue;
        const w = rows.map((r) => (r[i]! - mean[i]!) * (r[j]! - mean[j]!));
        const wBar = w.reduce((a, b) => a + b, 0) / t;
        num += (t / (t - 1) ** 3) * w.reduce((a, b) => a + (b - wBar) ** 2, 0);
        den += cov(i, j) ** 2;
      }
    }
    const lambda = Math.min(1, num / den);
    const r = shrinkCovariance(rows);
    expect(r.sample.length).toBe(3);
    expect(r.sample.every((line) => line.length === 3)).toBe(true);
    expect(r.lambda).toBeCloseTo(lambda, 12);
    for (let i = 0; i < 3; i += 1) {
      for (let j = 0; j < 3; j += 1) {
        expect(r.sample[i]![j]).toBeCloseTo(cov(i, j), 12);
        expect(r.shrunk[i]![j]).toBeCloseTo(i === j ? cov(i, j) : (1 - lambda) * cov(i, j), 12);
      }
    }
    // A given intensity is used as it is.
    expect(shrinkCovariance(rows, 0.25).shrunk[0]![1]).toBeCloseTo(0.75 * cov(0, 1), 12);
  });

  it('with no covariance at all (every off-diagonal 0) shrinks fully, never NaN', () => {
    const r = shrinkCovariance([[1, 0], [-1, 0], [0, 1], [0, -1]]);
    expect(r.lambda).toBe(1);
    expect(r.sample).toEqual([[2 / 3, 0], [0, 2 / 3]]);
    expect(shrinkCovariance([])).toEqual({ sample: [], shrunk: [], lambda: 1 });
  });
});

describe('modelParameters: windows and too few changes', () => {
  const ds = dataset({ EIU: { first: 2010, values: [40, 41, 43, 42, 44, 45] }, PRS: { first: 2010, values: [30, 30, 31, 33, 32, 34] }, WEF: { first: 2010, values: [50, 49, 49, 51, 52, 52] } });

  it('without seed scores the window is every year up to the base year', async () => {
    expect((await modelParameters(ds, { model: 'random-walk' })).window).toEqual({ from: 2010, to: 2015 });
    // The world model learns from TI's panel, whatever the dataset's years.
    expect((await modelParameters(ds)).window).toEqual({ from: 2012, to: 2015 });
    const p = await modelParameters(ds, { model: 'random-walk', baseYear: 2013 });
    expect(p.window).toEqual({ from: 2010, to: 2013 });
    expect(p.sources.find((s) => s.source === 'EIU')?.changes).toEqual([1, 2, -1]);
  });

  it('names what is missing: a reversed window, too few joint years, too few changes of a source', async () => {
    expect((await rejected(modelParameters(ds, { model: 'random-walk', window: { from: 2013, to: 2013 } }))).message).toBe(
      "modelParameters: options.window.to: expected a year after the window's first year 2013 (got 2013)",
    );
    // PRS starts in 2014: in 2010-2015 every source has a change only in 2015.
    const late = dataset({
      EIU: { first: 2010, values: [40, 41, 43, 42, 44, 45] },
      PRS: { first: 2014, values: [30, 31] },
      WEF: { first: 2010, values: [50, 49, 49, 51, 52, 52] },
      GI: { first: 2010, values: [20, 22, 21, 23, 25, 24] },
    });
    const e = (await rejected(modelParameters(late, { model: 'correlated' })));
    expect(e.message).toBe('modelParameters: options.window: needs at least 2 year(s) in 2010-2015 where every source of 2015 has a change; found 1 (got {"from":2010,"to":2015})');
    expect(e.issues[0]?.code).toBe('too_few_changes');
    expect((await rejected(modelParameters(late, { model: 'random-walk' }))).message).toBe(
      'modelParameters: options.window: source PRS has 1 year-on-year change(s) in 2010-2015; the random-walk model needs at least 2 (got {"from":2010,"to":2015})',
    );
    // The bootstrap needs one change per source.
    expect((await modelParameters(late, { model: 'bootstrap' })).sources.find((s) => s.source === 'PRS')?.changes).toEqual([1]);
    expect((await rejected(modelParameters(ds, { model: 'random-walk', resample: 'year' }))).message).toBe("modelParameters: options.resample: applies only to model 'bootstrap' (model is 'random-walk') (got \"year\")");
  });
});

describe('modelParameters: error codes and the fewest changes each model takes', () => {
  // 2010-2012 for every source: two year-on-year changes, 2011 and 2012.
  const three = dataset({ EIU: { first: 2010, values: [40, 41, 43] }, PRS: { first: 2010, values: [30, 30, 31] }, WEF: { first: 2010, values: [50, 49, 49] } });

  it('codes each rejection: an option of another model, a reversed window, too few changes', async () => {
    const code = async (p: Promise<unknown>): Promise<string | undefined> => (await rejected(p)).issues[0]?.code;
    expect((await code(modelParameters(three, { model: 'random-walk', resample: 'source' })))).toBe('invalid_option');
    expect((await code(modelParameters(three, { model: 'bootstrap', shrinkage: 0.5 })))).toBe('invalid_option');
    expect((await code(modelParameters(three, { model: 'random-walk', window: { from: 2012, to: 2011 } })))).toBe('invalid_range');
    expect((await code(modelParameters(three, { model: 'random-walk', window: { from: 2011, to: 2012 } })))).toBe('too_few_changes');
    expect((await code(modelParameters(three, { model: 'correlated', window: { from: 2011, to: 2012 } })))).toBe('too_few_changes');
  });

  it('takes exactly the fewest changes: 2 joint years for the correlated model, 1 for the joint bootstrap', async () => {
    const c = await modelParameters(three, { model: 'correlated' });
    expect(c.sources.map((s) => s.changes)).toEqual([[1, 2], [0, 1], [-1, 0]]);
    expect(c.sources.map((s) => s.changeYears)).toEqual([[2011, 2012], [2011, 2012], [2011, 2012]]);
    const b = await modelParameters(three, { model: 'bootstrap', resample: 'year', window: { from: 2011, to: 2012 } });
    expect(b.sources.map((s) => s.changes)).toEqual([[2], [1], [0]]);
    expect(b.resample).toBe('year');
  });

  it("defaults the bootstrap's resampling to 'source' and leaves it null for the other models", async () => {
    expect((await modelParameters(three, { model: 'bootstrap' })).resample).toBe('source');
    expect((await modelParameters(three)).resample).toBeNull();
    expect((await modelParameters(three, { model: 'correlated' })).resample).toBeNull();
  });
});

describe('modelParameters: who takes part, and which changes', () => {
  it('leaves out a source without a score in the base year', async () => {
    // PRS stops in 2012; the base year is 2013.
    const ds = dataset({
      EIU: { first: 2010, values: [40, 41, 43, 46] },
      PRS: { first: 2010, values: [30, 30, 31] },
      WEF: { first: 2010, values: [50, 49, 49, 47] },
      GI: { first: 2010, values: [20, 22, 21, 23] },
    });
    expect((await modelParameters(ds)).sources.map((s) => s.source).sort()).toEqual(['EIU', 'GI', 'WEF']);
    expect((await modelParameters(ds, { model: 'random-walk', baseYear: 2012 })).sources.map((s) => s.source).sort()).toEqual(['EIU', 'GI', 'PRS', 'WEF']);
  });

  it("the joint bootstrap keeps only the years where every source has a change; 'source' keeps each source's own", async () => {
    // PRS has no 2011 score: its changes are 2013 and 2014 only (2012 needs 2011).
    const ds = dataset({
      EIU: { first: 2010, values: [40, 41, 43, 46, 45] },
      PRS: { first: 2012, values: [30, 31, 33] },
      WEF: { first: 2010, values: [50, 49, 49, 47, 48] },
      GI: { first: 2010, values: [20, 22, 21, 23, 25] },
    });
    const joint = await modelParameters(ds, { model: 'bootstrap', resample: 'year' });
    const bySource = (p: Awaited<ReturnType<typeof modelParameters>>): [string, readonly number[], readonly number[]][] =>
      p.sources.map((s): [string, readonly number[], readonly number[]] => [s.source, s.changeYears, s.changes]).sort((a, b) => a[0].localeCompare(b[0]));
    expect(bySource(joint)).toEqual([['EIU', [2013, 2014], [3, -1]], ['GI', [2013, 2014], [2, 2]], ['PRS', [2013, 2014], [1, 2]], ['WEF', [2013, 2014], [-2, 1]]]);
    const own = await modelParameters(ds, { model: 'bootstrap' });
    expect(own.sources.find((s) => s.source === 'EIU')?.changes).toEqual([1, 2, 3, -1]);
  });

  it('gives a single change sigma 0 (no spread to estimate), and no covariance outside the correlated model', async () => {
    const ds = dataset({ EIU: { first: 2010, values: [40, 43] }, PRS: { first: 2010, values: [30, 31] }, WEF: { first: 2010, values: [50, 49] } });
    const p = await modelParameters(ds, { model: 'bootstrap' });
    expect(p.sources.map((s) => [s.changes, s.sigma])).toEqual([[[3], 0], [[1], 0], [[-1], 0]]);
    expect([p.covariance, p.sampleCovariance, p.shrinkage]).toEqual([null, null, null]);
    const rw = await modelParameters(thailand);
    expect([rw.covariance, rw.sampleCovariance, rw.shrinkage]).toEqual([null, null, null]);
  });

  it('names modelParameters and options in its option errors', async () => {
    expect((await rejected(modelParameters(thailand, { model: 'garch' as never }))).message).toMatch(/^modelParameters: options\.model: /);
    expect((await rejected(modelParameters(thailand, 5 as never))).message).toMatch(/^modelParameters: options: /);
  });
});

describe('modelParameters: base year and gaps in a series', () => {
  it('checks an unknown base year before anything else', async () => {
    const ds = dataset({ EIU: { first: 2010, values: [40, 41, 43] }, PRS: { first: 2010, values: [30, 30, 31] }, WEF: { first: 2010, values: [50, 49, 49] } });
    expect((await rejected(modelParameters(ds, { model: 'random-walk', baseYear: 2005 }))).message).toBe('modelParameters: options.baseYear: expected a year present in the dataset (2010..2012) (got 2005)');
  });

  it('counts a change only between two years that both have a score', async () => {
    // PRS has no 2012 score: its changes are 2011 (31 - 30), 2014 (34 - 33) and 2015 (36 - 34), not 2012 or 2013.
    const ds = createDataset({
      country: { iso3: 'XYZ', name: { en: 'Example' } },
      sources: (['EIU', 'PRS', 'WEF', 'GI'] as const).map((id) => ({ id, name: { en: id } })),
      scores: [
        ...(['EIU', 'WEF', 'GI'] as const).flatMap((source) => [2010, 2011, 2012, 2013, 2014, 2015].map((year) => ({ source, year, value: 40 + (year % 3), origin }))),
        ...[[2010, 30], [2011, 31], [2013, 33], [2014, 34], [2015, 36]].map(([year, value]) => ({ source: 'PRS' as const, year: year!, value: value!, origin })),
      ],
    });
    const prs = (await modelParameters(ds, { model: 'random-walk' })).sources.find((s) => s.source === 'PRS');
    expect(prs?.changeYears).toEqual([2011, 2014, 2015]);
    expect(prs?.changes).toEqual([1, 1, 2]);
    expect(prs?.mu).toBeCloseTo(4 / 3, 12);
  });
});

describe('simulate: option errors, the whole message', () => {
  it('names each conflict and each bad planned uplift', async () => {
    const spec = { changes: [] };
    expect(await rejection(simulate(thailand, { model: 'random-walk', paths: 10, scenario: spec, uplifts: [] }))).toBe('simulate: options.uplifts: give either scenario or uplifts, not both (got an array of 0)');
    expect(await rejection(simulate(thailand, { model: 'random-walk', paths: 10, baseYear: 2025, scenario: { baseYear: 2022, changes: [] } }))).toBe(
      "simulate: options.scenario.baseYear: expected the simulation's base year 2025 (got 2022)",
    );
    // Thailand's default base year is 2025, its latest year.
    expect(await rejection(simulate(thailand, { model: 'random-walk', paths: 10, uplifts: [{ year: 2025, source: 'PRS', uplift: 1 }] }))).toBe(
      'simulate: options.uplifts[0].year: expected a year after the base year 2025 (got 2025)',
    );
    expect(await rejection(simulate(thailand, { model: 'random-walk', paths: 10, uplifts: [{ year: 2026, source: 'AFDB', uplift: 1 }] }))).toBe(
      'simulate: options.uplifts[0].source: expected a source with a score in the base year 2025 (IMD, WEF, PERC, WJP, GI, PRS, EIU, VDEM, BTI) (got "AFDB")',
    );
    expect(await rejection(simulate(thailand, { model: 'random-walk', paths: 10, uplifts: [{ year: 2026, source: 'PRS', uplift: 1 }, { year: 2026, source: 'PRS', uplift: 2 }] }))).toBe(
      'simulate: options.uplifts[1].year: duplicate year for source PRS (got 2026)',
    );
    expect(await rejection(simulate(thailand, { model: 'random-walk', paths: 10, ranks: [3] }))).toBe(
      "simulate: options.ranks: ranks with every country moving need the world model (model is 'random-walk'); give ranking: 'frozen' with rankScores (got an array of 1)",
    );
    expect(await rejection(simulate(thailand, { paths: 10, rankScores: [50] }))).toBe(
      "simulate: options.rankScores: a frozen list of scores: name it with ranking: 'frozen' (by default every country moves) (got an array of 1)",
    );
    expect(await rejection(simulate(thailand, { paths: 10, ranking: 'frozen' }))).toBe("simulate: options.ranking: 'frozen' needs rankScores to rank against (got \"frozen\")");
  });

  it('needs ranks to report when the dataset has no target rank', async () => {
    const ds = dataset({ EIU: { first: 2010, values: [40, 41, 43] }, PRS: { first: 2010, values: [30, 30, 31] }, WEF: { first: 2010, values: [50, 49, 49] } });
    expect(await rejection(simulate(ds, { model: 'random-walk', paths: 10, ranking: 'frozen', rankScores: [50, 40] }))).toBe(
      'simulate: options.ranks: expected the ranks to report (the dataset has no target rank) (got undefined)',
    );
    const r = await simulate(ds, { model: 'random-walk', paths: 10, ranking: 'frozen', rankScores: [50, 40], ranks: [2, 1, 2] });
    expect(r.ranks).toEqual([1, 2]);
  });
});

describe('simulate: error codes, scenario years and kernel parameters', () => {
  const code = async (options: SimulateOptions): Promise<string | undefined> => (await rejected(simulate(thailand, { model: 'random-walk', paths: 10, ...options }))).issues[0]?.code;

  it('codes each option error', async () => {
    expect(await code({ scenario: { changes: [] }, uplifts: [] })).toBe('invalid_option');
    expect(await code({ baseYear: 2025, scenario: { baseYear: 2022, changes: [] } })).toBe('invalid_range');
    expect(await code({ uplifts: [{ year: 2025, source: 'PRS', uplift: 1 }] })).toBe('invalid_range');
    expect(await code({ uplifts: [{ year: 2026, source: 'AFDB', uplift: 1 }] })).toBe('unknown_source');
    expect(await code({ uplifts: [{ year: 2026, source: 'PRS', uplift: 1 }, { year: 2026, source: 'PRS', uplift: 2 }] })).toBe('duplicate');
    expect(await code({ ranks: [3] })).toBe('invalid_option');
  });

  it('says what onProgress and signal must be', async () => {
    expect(await rejection(simulate(thailand, { model: 'random-walk', paths: 10, onProgress: 5 as never }))).toBe('simulate: options.onProgress: expected a function (got 5)');
    expect(await rejection(simulate(thailand, { model: 'random-walk', paths: 10, signal: {} as never }))).toBe('simulate: options.signal: expected an AbortSignal (got {})');
  });

  it("accepts a scenario whose base year is the simulation's, and checks it against the simulation's when both are given", async () => {
    const r = await simulate(thailand, { model: 'random-walk', paths: 10, horizon: 1, baseYear: 2022, scenario: { baseYear: 2022, changes: [{ kind: 'delta', source: 'PRS', year: 2023, delta: 2 }] } });
    expect(r.plan?.uplifts.find((u) => u.source === 'PRS')?.uplift).toBe(2);
    // 2031 is not a year of the data, but the simulation's own base year (2022) decides: a mismatch.
    expect(await rejection(simulate(thailand, { model: 'random-walk', paths: 10, baseYear: 2022, scenario: { baseYear: 2031, changes: [] } }))).toBe(
      "simulate: options.scenario.baseYear: expected the simulation's base year 2022 (got 2031)",
    );
  });

  it('accepts changes dated after the horizon (they fall outside the simulated years)', async () => {
    const uplifts = async (change: NonNullable<SimulateOptions['scenario']>['changes'][number], source: string): Promise<number[] | undefined> =>
      (await simulate(thailand, { model: 'random-walk', paths: 10, horizon: 2, scenario: { changes: [change] } })).plan?.uplifts.filter((u) => u.source === source).map((u) => u.uplift);
    expect(await uplifts({ kind: 'delta', source: 'PRS', year: 2033, delta: 5 }, 'PRS')).toEqual([0, 0]);
    expect(await uplifts({ kind: 'gain', source: 'EIU', from: 2032, gain: 1 }, 'EIU')).toEqual([0, 0]);
    expect(await uplifts({ kind: 'gain', source: 'WEF', from: 2026, to: 2034, gain: 1 }, 'WEF')).toEqual([1, 2]);
  });

  it('gives the kernel only what its model uses: changes for the bootstrap, sigma for the random walk, L for the correlated model', async () => {
    const window = { from: 2017, to: 2022 };
    const rw = kernelParams((await modelParameters(thailand, { model: 'random-walk', baseYear: 2022, window })), null, 10, 2, 1);
    expect([rw.model, rw.offsets.length, rw.changes.length, rw.chol.length]).toEqual([0, 0, 0, 0]);
    expect(Array.from(rw.sigma)).toEqual((await modelParameters(thailand, { model: 'random-walk', baseYear: 2022, window })).sources.map((s) => s.sigma));
    const corr = kernelParams((await modelParameters(thailand, { model: 'correlated', baseYear: 2022, window })), null, 10, 2, 1);
    expect([corr.model, corr.offsets.length, corr.changes.length, corr.chol.length]).toEqual([2, 0, 0, 81]);
    expect(Array.from(corr.sigma)).toEqual(Array<number>(9).fill(0));
    const boot = kernelParams((await modelParameters(thailand, { model: 'bootstrap', baseYear: 2022, window })), null, 10, 2, 1);
    // Nine sources with five changes each (2018-2022), one after another.
    expect([boot.model, boot.changes.length, boot.chol.length]).toEqual([1, 45, 0]);
    expect(Array.from(boot.offsets)).toEqual([0, 5, 10, 15, 20, 25, 30, 35, 40, 45]);
    expect(Array.from(boot.sigma)).toEqual(Array<number>(9).fill(0));
  });
});

describe('simulate: defaults', () => {
  it('without options runs the documented defaults: 100,000 paths, 8 years, seed 12345, target 51', async () => {
    const r = await simulate(thailand);
    expect([r.paths, r.horizon, r.seed, r.target, r.model]).toEqual([100_000, 8, 12_345, 51, 'world']);
    // Thailand's default base year is its latest, 2025: 2026..2033.
    expect(r.years.map((y) => y.year)).toEqual([2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033]);
    for (const y of r.years) expect(y.histogram.reduce((a, b) => a + b, 0)).toBe(100_000);
    expect(r.plan).toBeNull();
    expect(r.ranks).toEqual([]);
  });

  it('ranks against the target ranks the dataset sets, skipping targets without one', async () => {
    const target = (id: string, rank?: number): NonNullable<DatasetInput['targets']>[number] => ({
      id, plan: { en: id }, year: 2013, score: 45, ...(rank === undefined ? {} : { rank }), combinator: 'and', statements: [{ text: id, section: 's', wording: 'unstated' }], origin,
    });
    const ids = ['EIU', 'PRS', 'WEF'] as const;
    const input: DatasetInput = {
      country: { iso3: 'XYZ', name: { en: 'Example' } },
      sources: ids.map((id) => ({ id, name: { en: id } })),
      scores: ids.flatMap((id, s) => [40, 41, 43].map((v, i) => ({ source: id, year: 2010 + i, value: v + s, origin }))),
    };
    const scoreOnly = createDataset({ ...input, targets: [target('score-only')] });
    const e = await rejected(simulate(scoreOnly, { model: 'random-walk', paths: 10, ranking: 'frozen', rankScores: [50, 40] }));
    expect(e.message).toBe('simulate: options.ranks: expected the ranks to report (the dataset has no target rank) (got undefined)');
    expect(e.issues[0]?.code).toBe('invalid_option');
    const mixed = createDataset({ ...input, targets: [target('score-only'), target('ranked', 2)] });
    expect((await simulate(mixed, { model: 'random-walk', paths: 10, ranking: 'frozen', rankScores: [50, 40] })).ranks).toEqual([2]);
  });

  it('takes the latest year as the base year when the window ends after the data', async () => {
    // EIU 2010-2013 (40, 41, 43, 46), PRS (30, 30, 31, 33), WEF (50, 49, 49, 47): the window runs on to 2020.
    const ds = dataset({ EIU: { first: 2010, values: [40, 41, 43, 46] }, PRS: { first: 2010, values: [30, 30, 31, 33] }, WEF: { first: 2010, values: [50, 49, 49, 47] } });
    const p = await modelParameters(ds, { model: 'random-walk', window: { from: 2010, to: 2020 } });
    expect(p.baseYear).toBe(2013);
    expect(p.window).toEqual({ from: 2010, to: 2020 });
    expect(p.sources.map((s) => [s.source, s.base, s.changes])).toEqual([['EIU', 46, [1, 2, 3]], ['PRS', 33, [0, 1, 2]], ['WEF', 47, [-1, 0, -2]]]);
    expect(p.sources.map((s) => s.drift)).toEqual([2, 1, -1]);
  });
});

describe('simulate: abort and progress errors keep their cause', () => {
  it("wraps what onProgress threw: code 'callback_failed', the thrown value as cause", async () => {
    const boom = new Error('boom');
    const e = await rejected(simulate(thailand, { paths: 10, horizon: 1, onProgress: () => { throw boom; } }));
    expect(e.issues).toEqual([{ path: ['options', 'onProgress'], message: 'the callback threw: boom', code: 'callback_failed' }]);
    expect(e.cause).toBe(boom);
  });

  it('reports an async onProgress that rejects as a CpiGapError of the run, not an unhandled rejection', async () => {
    const boom = new Error('rejected');
    let calls = 0;
    const onProgress = async (): Promise<void> => {
      calls += 1;
      await Promise.resolve();
      throw boom;
    };
    // Three chunks, on the calling thread: the rejection is seen at the pause after the first chunk, and stops the run.
    const e = await rejected(simulate(thailand, { paths: 300_000, horizon: 1, threads: 1, onProgress }));
    expect(e.issues).toEqual([{ path: ['options', 'onProgress'], message: 'the callback returned a promise that rejected: rejected', code: 'callback_failed' }]);
    expect(e.cause).toBe(boom);
    expect(calls).toBe(1);
    // One chunk: the rejection comes after the last chunk and is still the run's error.
    const one = await rejected(simulate(thailand, { paths: 10, horizon: 1, onProgress: () => Promise.reject(boom) }));
    expect(one.issues[0]?.code).toBe('callback_failed');
    // A callback that resolves is fine.
    await expect(simulate(thailand, { paths: 10, horizon: 1, onProgress: () => Promise.resolve() })).resolves.toMatchObject({ paths: 10 });
  });

  it("rejects an aborted run with code 'aborted', the signal's reason as value and cause", async () => {
    const reason = new Error('user pressed stop');
    const before = await rejected(simulate(thailand, { model: 'random-walk', paths: 10, horizon: 1, signal: AbortSignal.abort(reason) }));
    expect(before.issues).toEqual([{ path: ['options', 'signal'], message: 'the run was aborted', code: 'aborted', value: reason }]);
    expect(before.cause).toBe(reason);
    // Aborted between chunks (after the first of three), on the calling thread.
    const controller = new AbortController();
    const during = await rejected(simulate(thailand, { model: 'random-walk', paths: 40_000, horizon: 1, threads: 1, signal: controller.signal, onProgress: () => { controller.abort(reason); } }));
    expect(during.issues[0]).toMatchObject({ code: 'aborted', value: reason });
    expect(during.cause).toBe(reason);
  });
});

describe('defaultThreads', () => {
  it('runs small work on the calling thread and large work on min(2, cores) threads', async () => {
    expect(await defaultThreads(THREADS_THRESHOLD - 1)).toBe(1);
    expect(await defaultThreads(THREADS_THRESHOLD)).toBe(Math.min(2, availableParallelism()));
  });

  it('takes at most 2 threads, and 1 on a single core (availableParallelism mocked)', async () => {
    const cores = vi.spyOn(os, 'availableParallelism');
    try {
      for (const [n, expected] of [[8, 2], [2, 2], [1, 1]] as const) {
        cores.mockReturnValue(n);
        syncBuiltinESMExports();
        expect(await defaultThreads(THREADS_THRESHOLD)).toBe(expected);
      }
    } finally {
      cores.mockRestore();
      syncBuiltinESMExports();
    }
  });

  it('runs on one thread outside Node (no process, or a process without versions.node)', async () => {
    vi.stubGlobal('process', undefined);
    const noProcess = defaultThreads(THREADS_THRESHOLD * 10);
    vi.unstubAllGlobals();
    vi.stubGlobal('process', { versions: {} });
    const notNode = defaultThreads(THREADS_THRESHOLD * 10);
    vi.unstubAllGlobals();
    expect(await noProcess).toBe(1);
    expect(await notNode).toBe(1);
  });
});

describe('a dataset with a single year', () => {
  it('has no change to learn from: simulate and modelParameters say so', async () => {
    const origin = { kind: 'user', note: 'test' } as const;
    const one = createDataset({
      country: { iso3: 'XYZ', name: { en: 'Example' } },
      sources: (['EIU', 'PRS', 'WEF'] as const).map((id) => ({ id, name: { en: id } })),
      scores: (['EIU', 'PRS', 'WEF'] as const).map((source) => ({ source, year: 2025, value: 40, origin })),
    });
    expect((await rejected(modelParameters(one, { model: 'random-walk' }))).message).toBe('modelParameters: dataset: has source scores for 2025 only: a country model learns from its year-on-year changes (got "XYZ")');
    // The world model learns from every country: one year is enough.
    expect((await modelParameters(one)).sources.map((s) => s.base)).toEqual([40, 40, 40]);
    await expect(simulate(one, { model: 'random-walk', paths: 10 })).rejects.toThrow('simulate: dataset: has source scores for 2025 only');
  });
});
