/**
 * Any country everywhere: every core analysis export runs on every country's dataset of the world
 * panel (183 countries and territories), for every year of each dataset, and must return results
 * without NaN or Infinity or throw one of the CpiGapErrors its documentation names. Runs without
 * ../shared (the panel is bundled).
 */
import { describe, expect, it } from 'vitest';
import {
  changeSignificance,
  composeScenarios,
  cpiGap,
  CpiGapError,
  gapReport,
  onTrack,
  projectTrend,
  scenario,
  scenarioRank,
  scenarioUplifts,
  solveTarget,
  solveWorkstreams,
  sourceGaps,
  trend,
  workstreamGaps,
  type Dataset,
  type ScenarioSpec,
} from '../../src/index.js';
import { chartSet } from '../../src/charts/index.js';
import { simulate } from '../../src/simulation/index.js';
import { countries, edition, worldDataset } from '../../src/world/index.js';

/** The CpiGapErrors each function documents for a country's own data: issue code and message. */
const DOCUMENTED: Readonly<Record<string, readonly RegExp[]>> = {
  // trend: fewer than 3 points of the series in the window (a source scored in 1 or 2 editions; a country scored in 1 or 2).
  trend: [/^too_few_points: series \w+ has [012] point\(s\) in the window/],
  // onTrack: the CPI itself has fewer than 3 points (a country scored in 1 or 2 editions); a source with too few is skipped with a warning.
  onTrack: [/^too_few_points: the CPI has [012] point\(s\) in the window/],
  // solveWorkstreams: a dataset without workstreams (every country but the bundled thailand).
  solveWorkstreams: [/^missing: expected a dataset with workstreams/],
  // simulate (the country-only models): a base-year source with too few year-on-year changes in the
  // window (a source that started recently), or a country scored once.
  simulate: [/^too_few_changes: (source \w+ has \d+ year-on-year change|needs at least \d+ year|has source scores for \d{4} only)/],
};

interface Failure {
  readonly call: string;
  readonly problem: string;
}

/** Paths to every non-finite number in a value. */
function nonFinite(value: unknown, path = '$', out: string[] = []): string[] {
  if (typeof value === 'number' && !Number.isFinite(value)) out.push(`${path} = ${value}`);
  else if (Array.isArray(value)) value.forEach((v, i) => nonFinite(v, `${path}[${i}]`, out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) nonFinite(v, `${path}.${k}`, out);
  return out;
}

/** Run one call; record a failure unless it returns finite numbers or throws a documented CpiGapError. */
function run(failures: Failure[], fn: string, label: string, call: () => unknown): unknown {
  try {
    return check(failures, label, call());
  } catch (error) {
    caughtError(failures, fn, label, error);
    return undefined;
  }
}

/** Record non-finite numbers in a result; return it. */
function check(failures: Failure[], label: string, result: unknown): unknown {
  const bad = nonFinite(result);
  if (bad.length > 0) failures.push({ call: label, problem: `non-finite: ${bad.slice(0, 3).join(', ')}` });
  return result;
}

/** Record an error unless it is a CpiGapError the function documents for this data. */
function caughtError(failures: Failure[], fn: string, label: string, error: unknown): void {
  const documented = DOCUMENTED[fn] ?? [];
  if (!(error instanceof CpiGapError)) failures.push({ call: label, problem: `threw ${String(error)}` });
  else if (!error.issues.every((i) => documented.some((d) => d.test(`${i.code}: ${i.message}`)))) failures.push({ call: label, problem: error.message });
}

/** A workstream-free scenario from `year`: +2 a year on every source for two years, one source set, one cut. */
function specOf(ds: Dataset, year: number): ScenarioSpec {
  const sources = [...new Set(ds.scores.filter((s) => s.year === year).map((s) => s.source))];
  const [first, second] = sources;
  return {
    name: 'every source +2 a year',
    baseYear: year,
    until: year + 2,
    changes: [
      ...sources.map((source) => ({ kind: 'gain' as const, source, from: year + 1, gain: 2 })),
      ...(first === undefined ? [] : [{ kind: 'set' as const, source: first, year: year + 2, value: 100 }]),
      ...(second === undefined ? [] : [{ kind: 'delta' as const, source: second, year: year + 1, delta: -60 }]),
    ],
  };
}

const STRATEGIES = ['even', 'proportional', 'cheapest', 'bounded'] as const;

/**
 * Every listed export on one country's dataset, every year (each strategy of solveTarget in turn,
 * year by year, and all four in the latest year; targets 0 and 100 in the latest year too).
 */
function exercise(ds: Dataset, failures: Failure[]): number {
  let calls = 0;
  const at = (fn: string, what: string, call: () => unknown): unknown => {
    calls += 1;
    return run(failures, fn, `${ds.country.iso3} ${what}`, call);
  };
  const last = ds.years.at(-1) ?? 0;
  ds.years.forEach((year, i) => {
    const targets = year === last ? [0, 51, 100] : [51];
    for (const target of targets) {
      at('sourceGaps', `sourceGaps ${year} ${target}`, () => sourceGaps(ds, { year, target }));
      at('cpiGap', `cpiGap ${year} ${target}`, () => cpiGap(ds, { year, target }));
      at('workstreamGaps', `workstreamGaps ${year} ${target}`, () => workstreamGaps(ds, { year, target }));
      for (const strategy of year === last ? STRATEGIES : [STRATEGIES[i % 4] ?? 'even']) {
        at('solveTarget', `solveTarget ${year} ${target} ${strategy}`, () => solveTarget(ds, { target, year, strategy, by: year + 3, ...(strategy === 'bounded' ? { bounds: 5 } : {}) }));
      }
    }
    at('solveWorkstreams', `solveWorkstreams ${year}`, () => solveWorkstreams(ds, { target: 51, year }));
    const spec = specOf(ds, year);
    const result = at('scenario', `scenario ${year}`, () => scenario(ds, spec)) as ReturnType<typeof scenario> | undefined;
    at('scenarioUplifts', `scenarioUplifts ${year}`, () => scenarioUplifts(ds, spec));
    if (result !== undefined) at('scenarioRank', `scenarioRank ${year}`, () => scenarioRank(result, edition(year).scores));
  });
  at('gapReport', 'gapReport', () => gapReport(ds));
  at('composeScenarios', 'composeScenarios', () => scenario(ds, composeScenarios(specOf(ds, last), { baseYear: last, changes: [{ kind: 'delta', source: ds.scores.find((x) => x.year === last)?.source ?? 'EIU', year: last + 1, delta: 1 }] })));
  for (const series of ['cpi' as const, ...ds.sources.map((s) => s.id)]) {
    const fit = at('trend', `trend ${series}`, () => trend(ds, { series })) as ReturnType<typeof trend> | undefined;
    if (fit !== undefined) at('projectTrend', `projectTrend ${series}`, () => projectTrend(fit, { until: last + 5 }));
  }
  at('onTrack', 'onTrack', () => onTrack(ds, { target: 51, by: last + 2 }));
  at('onTrack', 'onTrack from 2017', () => onTrack(ds, { target: 57, by: last + 5, from: 2017 }));
  const cpi = ds.cpi.filter((c) => c.ti !== undefined);
  cpi.slice(1).forEach((b, k) => {
    const a = cpi[k];
    if (a?.ti !== undefined && b.ti !== undefined) at('changeSignificance', `changeSignificance ${a.year}-${b.year}`, () => changeSignificance({ ...a.ti, score: a.score, year: a.year }, { ...b.ti, score: b.score, year: b.year }));
  });
  return calls;
}

describe('every core analysis export on every country of the world panel', () => {
  it('returns finite results or a documented CpiGapError for all 183 countries, every year', () => {
    const failures: Failure[] = [];
    let calls = 0;
    for (const c of countries()) calls += exercise(worldDataset(c.iso3), failures);
    console.log(`[cpi-gap] any country: ${calls} calls on ${countries().length} countries' datasets; ${failures.length} failures`);
    expect(failures.slice(0, 30)).toEqual([]);
    expect(calls).toBeGreaterThan(20_000);
  });

  it('simulates every country (random-walk, 200 paths) or says which source has too few changes', async () => {
    const failures: Failure[] = [];
    let ran = 0;
    for (const c of countries()) {
      try {
        check(failures, `${c.iso3} simulate`, await simulate(worldDataset(c.iso3), { paths: 200, horizon: 3, threads: 1 }));
        ran += 1;
      } catch (error) {
        caughtError(failures, 'simulate', `${c.iso3} simulate`, error);
      }
    }
    console.log(`[cpi-gap] any country: simulate ran for ${ran} of ${countries().length} countries; the others have a base-year source with too few changes`);
    expect(failures).toEqual([]);
    expect(ran).toBeGreaterThan(160);
  });

  it("draws every chart of chartSet for every country's latest year, with the edition's scores for the rank chart", () => {
    const failures: Failure[] = [];
    for (const c of countries()) {
      const ds = worldDataset(c.iso3);
      const year = ds.years.at(-1) ?? 0;
      const charts = run(failures, 'chartSet', `${c.iso3} chartSet`, () => chartSet(ds, { year, distribution: { scores: [...edition(year).scores] } })) as { id: string }[] | undefined;
      if (charts !== undefined && charts.length !== 5) failures.push({ call: `${c.iso3} chartSet`, problem: `${charts.length} charts` });
    }
    expect(failures).toEqual([]);
  });
});
