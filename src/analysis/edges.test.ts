import { describe, expect, it } from 'vitest';
import { caught } from '../../tests/helpers/caught.js';
import { createDataset, type Dataset } from '../dataset/createDataset.js';
import type { DatasetInput } from '../dataset/schema.js';
import cpi from '../../data/thailand/cpi.json';
import scores from '../../data/thailand/scores.json';
import { thailand } from '../dataset/thailand.js';
import { composeScenarios } from './composeScenarios.js';
import { cpiGap, workstreamGaps } from './gaps.js';
import { levelFill, shortfallOf } from './levelFill.js';
import { onTrack } from './onTrack.js';
import { projectTrend } from './projectTrend.js';
import { scenario } from './scenario.js';
import type { ScenarioChange } from './scenarioSpec.js';
import { scenarioUplifts } from './scenarioUplifts.js';
import { solveTarget } from './solveTarget.js';
import { solveWorkstreams } from './solveWorkstreams.js';
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
    expect(e.message).toBe('onTrack: options.by: expected a year after the last year of the CPI (2022) (got 2022)');
    expect(e.issues[0]?.code).toBe('invalid_range');
  });
});

describe('levelFill', () => {
  it('fills by weight until a cap binds, then the others carry the rest (computed by hand)', () => {
    // weights 2 and 1, caps 4 and 10, total 9: at level 2 source 0 is capped (4, and 2 for source 1);
    // the 3 left go to source 1 alone: level 5, allocations 4 and 5.
    const items = (weights: number[], caps: number[]) => weights.map((weight, i) => ({ weight, cap: caps[i]! }));
    const run = (weights: number[], caps: number[], total: number) => {
      const r = levelFill(items(weights, caps), total);
      return { alloc: r.items.map((it) => it.alloc), left: r.left, level: r.level };
    };
    expect(run([2, 1], [4, 10], 9)).toEqual({ alloc: [4, 5], left: 0, level: 5 });
    // Everything capped: 4 + 10 = 14 of 20, 6 left.
    expect(run([2, 1], [4, 10], 20)).toEqual({ alloc: [4, 10], left: 6, level: 10 });
    // A zero weight or a zero cap takes nothing.
    expect(run([0, 1, 1], [5, 0, 5], 3)).toEqual({ alloc: [0, 0, 3], left: 0, level: 3 });
    // Nothing to allocate: every allocation and the level are 0.
    expect(run([2, 1], [4, 10], 0)).toEqual({ alloc: [0, 0], left: 0, level: 0 });
  });

  it('returns every item with its own fields and its allocation, leaving the input untouched', () => {
    const input = [{ id: 'a', weight: 1, cap: 1 }, { id: 'b', weight: 1, cap: 8 }];
    const copy = structuredClone(input);
    // Level 1 caps 'a' at 1; the remaining 3 of 5 go to 'b' alone: level 4.
    const r = levelFill(input, 5);
    expect(r.items).toEqual([{ id: 'a', weight: 1, cap: 1, alloc: 1 }, { id: 'b', weight: 1, cap: 8, alloc: 4 }]);
    expect(r.level).toBe(4);
    expect(input).toEqual(copy);
  });
});

describe('shortfallOf', () => {
  it('is zero once the new mean is at or past the needed mean, and counts points, mean and score otherwise', () => {
    expect(shortfallOf(51, 9, 52)).toEqual({ points: 0, mean: 0, score: 0 });
    expect(shortfallOf(51, 9, 50.5)).toEqual({ points: 0, mean: 0, score: 0 });
    // New mean 48: 2.5 short per source, 22.5 points over 9 sources, score 48 is 3 short of 51.
    expect(shortfallOf(51, 9, 48)).toEqual({ points: 22.5, mean: 2.5, score: 3 });
  });
});

describe('cpiGap and workstreamGaps: edges', () => {
  it('counts a score equal to the target as reached, and keeps the published origin', () => {
    const g = cpiGap(thailand, { year: 2022, target: 36 });
    expect(g.reached).toBe(true);
    expect(g.origin).toEqual(cpi.find((c) => c.year === 2022)?.origin);
    expect(cpiGap(thailand, { year: 2022, target: 37 }).reached).toBe(false);
  });

  it('names itself in errors', () => {
    expect(caught(() => cpiGap(thailand, { year: 1999 })).message).toMatch(/^cpiGap: options\.year: /);
    expect(caught(() => workstreamGaps(thailand, { year: 1999 })).message).toMatch(/^workstreamGaps: options\.year: /);
  });

  it('leaves out a workstream source without a score that year, and gives a null mean to a workstream with none', () => {
    const ds = createDataset({
      country: { iso3: 'XYZ', name: { en: 'Example' } },
      sources: [
        { id: 'EIU', name: { en: 'EIU' }, workstreams: [1] },
        { id: 'PRS', name: { en: 'PRS' }, workstreams: [1, 2] },
        { id: 'WEF', name: { en: 'WEF' }, workstreams: [2] },
        { id: 'GI', name: { en: 'GI' }, workstreams: [3] },
        { id: 'BTI', name: { en: 'BTI' } },
      ],
      scores: [
        { source: 'EIU', year: 2020, value: 40, origin },
        { source: 'PRS', year: 2020, value: 30, origin },
        { source: 'BTI', year: 2020, value: 10, origin },
        { source: 'GI', year: 2019, value: 20, origin },
        { source: 'EIU', year: 2019, value: 40, origin },
        { source: 'PRS', year: 2019, value: 30, origin },
      ],
      workstreams: [
        { number: 1, name: { en: 'One' }, sources: ['EIU', 'PRS'], origin },
        { number: 2, name: { en: 'Two' }, sources: ['PRS', 'WEF'], origin },
        { number: 3, name: { en: 'Three' }, sources: ['GI'], origin },
      ],
    });
    const [one, two, three] = workstreamGaps(ds, { year: 2020, target: 50 });
    expect(one).toMatchObject({ gapSum: 30, gapMean: 15, sharedSources: ['PRS'] });
    expect(two?.sources.map((s) => s.source)).toEqual(['PRS']);
    expect(two).toMatchObject({ gapSum: 20, gapMean: 20 });
    expect(three).toMatchObject({ sources: [], gapSum: 0, gapMean: null, sharedSources: [] });
  });
});

describe('onTrack: flags and ratios at their boundaries', () => {
  // EIU flat at 50.5 (already at the level for 51), PRS flat at 40 (below it), WEF rising 1 a year to 44.
  const ds = dataset({ EIU: [50.5, 50.5, 50.5, 50.5], PRS: [40, 40, 40, 40], WEF: [41, 42, 43, 44] });
  const rows = onTrack(ds, { target: 51, by: 2025 });
  const of = (id: string) => rows.find((r) => r.id === id);

  it('a source exactly at the level with a flat trend is on track, without a ratio (no gain needed)', () => {
    expect(of('EIU')).toMatchObject({ requiredGain: 0, slope: 0, ratio: null, flag: 'on-track' });
  });

  it('a flat source below the level must accelerate; a rising one gets slope / required gain', () => {
    expect(of('PRS')).toMatchObject({ flag: 'accelerate', ratio: 0 });
    // WEF: (50.5 - 44) / 4 years = 1.625 a year needed; slope 1.
    expect(of('WEF')?.requiredGain).toBeCloseTo(1.625, 12);
    expect(of('WEF')?.ratio).toBeCloseTo(1 / 1.625, 12);
    expect(of('WEF')?.flag).toBe('accelerate');
  });

  it('a slope equal to the required gain is on track, a smaller one must accelerate', () => {
    // WEF 44 in 2021, slope 1: target 48 (level 47.5) by 2024 needs 3.5 / 3 = 1.17 a year -> accelerate.
    expect(onTrack(ds, { target: 48, by: 2024 }).find((r) => r.id === 'WEF')?.flag).toBe('accelerate');
    // WEF 43.5 in 2021, slope 1: target 47 (level 46.5) by 2024 needs exactly 3 / 3 = 1 a year.
    const eq = dataset({ EIU: [40, 40, 40, 40], PRS: [40, 40, 40, 40], WEF: [40.5, 41.5, 42.5, 43.5] });
    expect(onTrack(eq, { target: 47, by: 2024 }).find((r) => r.id === 'WEF')).toMatchObject({ requiredGain: 1, slope: 1, ratio: 1, flag: 'on-track' });
  });

  it("rejects a target year not after the dataset's latest year, and names the series with too few points", () => {
    const e = caught(() => onTrack(ds, { target: 51, by: 2021 }));
    expect(e.message).toBe("onTrack: options.by: expected a year after the dataset's latest year 2021 (got 2021)");
    expect(e.issues[0]?.code).toBe('invalid_range');
    expect(caught(() => onTrack(ds, { target: 51, by: 2025, from: 2020 })).message).toBe(
      'onTrack: options: the CPI has 2 point(s) in the window; a trend with a residual SD needs at least 3 (got {"from":2020})',
    );
  });
});

describe('projectTrend: when a projection is bounded', () => {
  const fit = (intercept: number, residualSd: number) => ({ series: 'x', to: 2020, n: 5, slope: 0, intercept, residualSd, meanYear: 2018, sxx: 10 });

  it('a line exactly at 0 or 100 is not bounded; one limit past 100 is enough to say so', () => {
    expect(projectTrend(fit(100, 0) as never, { until: 2021 })[0]).toMatchObject({ value: 100, lower: 100, upper: 100, bounded: false });
    expect(projectTrend(fit(0, 0) as never, { until: 2021 })[0]).toMatchObject({ value: 0, lower: 0, upper: 0, bounded: false });
    const near = projectTrend(fit(99, 1) as never, { until: 2021 })[0];
    expect(near?.value).toBe(99);
    expect(near?.lower).toBeLessThan(99);
    expect(near?.upper).toBe(100);
    expect(near?.bounded).toBe(true);
  });
});

describe('scenario: editions, clipping flags, gain windows', () => {
  it("aggregates each year with that year's edition rules (2021: z = 1.645)", () => {
    const r = scenario(thailand, { baseYear: 2021, until: 2022, changes: [] });
    expect(r.years.map((y) => [y.edition, y.z])).toEqual([[2021, 1.645], [2022, 1.64]]);
  });

  it('flags nothing as clipped when nothing is', () => {
    const r = scenario(thailand, { baseYear: 2022, until: 2023, changes: [{ kind: 'delta', source: 'PRS', year: 2023, delta: 2 }] });
    expect(r.clipped).toEqual([]);
    expect(r.paths.every((p) => p.points.every((pt) => !pt.clipped && pt.value === pt.planned))).toBe(true);
  });

  it('applies a gain only from its first to its last year, and runs until its last year by default', () => {
    const prs = (spec: Parameters<typeof scenario>[1]) => scenario(thailand, spec).paths.find((p) => p.source === 'PRS')?.points.map((p) => p.value);
    // PRS 32 in 2022.
    expect(prs({ baseYear: 2022, until: 2025, changes: [{ kind: 'gain', source: 'PRS', from: 2024, to: 2024, gain: 3 }] })).toEqual([32, 32, 35, 35]);
    expect(scenario(thailand, { baseYear: 2022, changes: [{ kind: 'gain', source: 'PRS', from: 2023, to: 2025, gain: 1 }] }).until).toBe(2025);
    expect(scenario(thailand, { baseYear: 2022, changes: [{ kind: 'gain', source: 'PRS', from: 2023, gain: 1 }] }).until).toBe(2023);
  });
});

describe('scenario: workstream levers act only in their years', () => {
  const eiu = (change: ScenarioChange) => scenario(thailand, { baseYear: 2022, until: 2025, changes: [change] }).paths.find((p) => p.source === 'EIU')?.points.map((p) => p.value);

  it('a one-off lever lifts its sources once, in its year; a lever gain adds each year of its window', () => {
    // EIU 37 in 2022; workstream 3 feeds EIU and WEF.
    expect(eiu({ kind: 'lever', workstream: 3, year: 2024, uplift: 2 })).toEqual([37, 37, 39, 39]);
    expect(eiu({ kind: 'lever-gain', workstream: 3, from: 2024, to: 2024, gain: 2 })).toEqual([37, 37, 39, 39]);
    expect(eiu({ kind: 'lever-gain', workstream: 3, from: 2023, gain: 1, weights: { EIU: 0.5 } })).toEqual([37, 37.5, 38, 38.5]);
  });
});

describe('solveTarget: cheapest with costs, and the per-source fields', () => {
  // 2022: needed 9 x 50.5 - 324 = 130.5. Bounds 20 a source; IMD costs 3, WEF 2, the other seven 1:
  // the seven cheap sources can give 140, so they share 130.5 evenly (18.64 each) and IMD and WEF get nothing.
  const s = solveTarget(thailand, { target: 51, year: 2022, strategy: 'cheapest', bounds: 20, costs: { IMD: 3, WEF: 2, PERC: 1, WJP: 1, GI: 1, PRS: 1, EIU: 1, VDEM: 1, BTI: 1 } });
  const at = (id: string) => s.allocation.find((a) => a.source === id);

  it('spends on the cheapest level first', () => {
    expect(at('IMD')?.uplift).toBe(0);
    expect(at('WEF')?.uplift).toBe(0);
    expect(at('PRS')?.uplift).toBeCloseTo(130.5 / 7, 10);
    expect(s.totalCost).toBeCloseTo(130.5, 10);
    expect(s.feasible).toBe(true);
  });

  it('gives gap = target - score, newScore = score + uplift, atCap only for a source with uplift at its cap', () => {
    // PRS 32 in 2022.
    expect(at('PRS')).toMatchObject({ score: 32, gap: 19, cap: 20, atCap: false, cost: 1 });
    expect(at('PRS')?.newScore).toBeCloseTo(32 + 130.5 / 7, 10);
    expect(at('IMD')).toMatchObject({ uplift: 0, atCap: false, cost: 3 });
    const capped = solveTarget(thailand, { target: 51, year: 2022, strategy: 'bounded', bounds: 10 });
    expect(capped.allocation.every((a) => a.atCap && a.uplift === 10)).toBe(true);
  });

  it('counts a current score equal to the target as reached', () => {
    expect(solveTarget(thailand, { target: 36, year: 2022 })).toMatchObject({ score: 36, reached: true, neededTotal: 0, totalUplift: 0 });
    expect(solveTarget(thailand, { target: 36, year: 2022 }).spec.changes).toEqual([]);
  });
});

describe('solveWorkstreams: the lever specs', () => {
  it('joint split: weights only for the sources two selected workstreams share; alone: one spec each, no weights', () => {
    const split = solveWorkstreams(thailand, { target: 51, year: 2022, by: 2024, shared: 'split' });
    const ws1 = split.spec?.changes.find((c) => c.kind === 'lever-gain' && c.workstream === 1);
    // WS1 = GI, IMD, PRS, WEF; PRS is also in WS2 and WEF in WS3: each gets half.
    expect(ws1).toMatchObject({ kind: 'lever-gain', from: 2023, to: 2024, weights: { PRS: 0.5, WEF: 0.5 } });
    const add = solveWorkstreams(thailand, { target: 51, year: 2022, by: 2024 });
    expect(add.spec?.changes.every((c) => !('weights' in c))).toBe(true);
    expect(add.spec?.changes.length).toBe(4);
    const alone = solveWorkstreams(thailand, { target: 51, year: 2022, mode: 'alone' });
    expect(alone.workstreams.map((w) => w.spec?.changes.length)).toEqual([1, 1, 1, 1]);
    expect(alone.workstreams.every((w) => w.spec?.changes.every((c) => !('weights' in c)))).toBe(true);
  });

  it('no lever is needed once the target is reached: no changes', () => {
    const r = solveWorkstreams(thailand, { target: 30, year: 2022 });
    expect(r.lever).toBe(0);
    expect(r.spec?.changes).toEqual([]);
  });
});

describe('scenario names and scenarioUplifts errors', () => {
  it('keeps the spec name, null without one', () => {
    expect(scenario(thailand, { name: 'Plan A', baseYear: 2022, until: 2023, changes: [] }).name).toBe('Plan A');
    expect(scenario(thailand, { baseYear: 2022, until: 2023, changes: [] }).name).toBeNull();
  });

  it('scenarioUplifts names itself', () => {
    expect(caught(() => scenarioUplifts(thailand, { baseYear: 1999, changes: [] })).message).toMatch(/^scenarioUplifts: spec\.baseYear: /);
  });
});

describe('solveWorkstreams: every field, computed by hand for Thailand 2022 and a score of 51 (130.5 points needed)', () => {
  // 2022: IMD 43, WEF 45, PERC 35, WJP 34, GI 35, PRS 32, EIU 37, VDEM 26, BTI 37 (sum 324).
  it('alone: WS1 (GI, IMD, PRS, WEF) lifts each by 130.5 / 4; WS3 (EIU, WEF) tops out at 63 + 55 = 118, 12.5 short', () => {
    const r = solveWorkstreams(thailand, { target: 51, year: 2022, mode: 'alone' });
    expect(r).toMatchObject({ mode: 'alone', shared: 'add', n: 9, mean: 36, neededMean: 50.5, neededTotal: 130.5, lever: null, spec: null, feasible: false });
    const [ws1, , ws3] = r.workstreams;
    expect(ws1).toMatchObject({ workstream: 1, lever: 32.625, perYear: 32.625, contribution: 14.5, feasible: true, shortfall: { points: 0, mean: 0, score: 0 } });
    expect(ws1?.sources.map((s) => [s.source, s.score, s.uplift, s.atCap])).toEqual([['IMD', 43, 32.625, false], ['WEF', 45, 32.625, false], ['GI', 35, 32.625, false], ['PRS', 32, 32.625, false]]);
    expect(ws3).toMatchObject({ workstream: 3, lever: 63, feasible: false });
    expect(ws3?.contribution).toBeCloseTo(118 / 9, 12);
    expect(ws3?.sources.map((s) => [s.source, s.uplift, s.atCap])).toEqual([['WEF', 55, true], ['EIU', 63, true]]);
    expect(ws3?.shortfall.points).toBeCloseTo(12.5, 10);
    expect(ws3?.shortfall.mean).toBeCloseTo(12.5 / 9, 10);
    expect(ws3?.shortfall.score).toBe(51 - 49); // (324 + 118) / 9 = 49.11 -> 49
    // Alone, the per-source totals only say which selected workstreams feed each source.
    const prs = r.sources.find((s) => s.source === 'PRS');
    expect(prs).toEqual({ source: 'PRS', score: 32, workstreams: [1, 2], uplift: 0, newScore: 32 });
  });

  it('joint (add): a source fed by k workstreams gains k x L; 13 weights in all, so L = 130.5 / 13', () => {
    const r = solveWorkstreams(thailand, { target: 51, year: 2022, by: 2024 });
    const lever = 130.5 / 13;
    expect(r.lever).toBeCloseTo(lever, 12);
    expect(r.feasible).toBe(true);
    const ws1 = r.workstreams[0];
    expect(ws1?.perYear).toBeCloseTo(lever / 2, 12);
    // WS1's members each get L: PRS's 2L and WEF's 2L are split between their two workstreams.
    for (const m of ws1?.sources ?? []) expect(m.uplift).toBeCloseTo(lever, 12);
    expect(ws1?.contribution).toBeCloseTo((4 * lever) / 9, 12);
    expect(ws1?.shortfall).toEqual({ points: 0, mean: 0, score: 0 });
    const prs = r.sources.find((s) => s.source === 'PRS');
    expect(prs?.uplift).toBeCloseTo(2 * lever, 12);
    expect(prs?.newScore).toBeCloseTo(32 + 2 * lever, 12);
    expect(prs?.workstreams).toEqual([1, 2]);
  });
});

describe('trend warnings: the whole text', () => {
  it('says how many points and how much of the variation the line explains', () => {
    expect(trend(thailand, { series: 'cpi', from: 2021 }).warnings).toContainEqual({
      code: 'few_points',
      message: 'the fit rests on 5 points (fewer than 6): treat its slope as a description, not a forecast',
    });
    // r squared of PERC 2017-2025, computed here from the data by least squares.
    const pts = scores.filter((s) => s.source === 'PERC').map((s) => [s.year, s.value] as const);
    const mx = pts.reduce((a, p) => a + p[0], 0) / pts.length;
    const my = pts.reduce((a, p) => a + p[1], 0) / pts.length;
    const sxy = pts.reduce((a, p) => a + (p[0] - mx) * (p[1] - my), 0);
    const sxx = pts.reduce((a, p) => a + (p[0] - mx) ** 2, 0);
    const syy = pts.reduce((a, p) => a + (p[1] - my) ** 2, 0);
    const r2 = (sxy * sxy) / (sxx * syy);
    expect(trend(thailand, { series: 'PERC' }).warnings).toEqual([
      { code: 'low_r_squared', message: `the line explains ${(r2 * 100).toFixed(0)}% of the variation (r squared ${r2.toFixed(2)} < 0.5): year-to-year noise dominates the trend` },
    ]);
  });
});
