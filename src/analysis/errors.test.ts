import { describe, expect, it } from 'vitest';
import { createDataset } from '../dataset/createDataset.js';
import { thailand } from '../dataset/thailand.js';
import { caught } from '../../tests/helpers/caught.js';
import { composeScenarios } from './composeScenarios.js';
import { projectTrend } from './projectTrend.js';
import { scenario } from './scenario.js';
import { scenarioUplifts } from './scenarioUplifts.js';
import { solveTarget } from './solveTarget.js';
import { solveWorkstreams } from './solveWorkstreams.js';
import { trend } from './trend.js';

/**
 * The whole message and the issue code of the CpiGapError that `f` throws. The expected messages
 * below are written out by hand: they are what a user reads, so each word is part of the contract.
 */
function failure(f: () => unknown): { message: string; code: string | undefined } {
  const e = caught(f);
  return { message: e.message, code: e.issues[0]?.code };
}

// Thailand's nine sources in the dataset's order (data/thailand/sources.json), and its four workstreams.
const SOURCES = 'IMD, WEF, PERC, WJP, GI, PRS, EIU, VDEM, BTI';

describe('analysis errors: the whole message and code', () => {
  it('composeScenarios: a second base year names the first spec that differs', () => {
    expect(failure(() => composeScenarios({ baseYear: 2022, changes: [] }, { changes: [] }, { baseYear: 2023, changes: [] }))).toEqual({
      message: 'composeScenarios: specs[2].baseYear: expected the same base year as the other specs (2022) (got 2023)',
      code: 'inconsistent',
    });
  });

  it('projectTrend: a year not after the fit', () => {
    const fit = trend(thailand, { series: 'cpi' });
    expect(failure(() => projectTrend(fit, { until: 2025 }))).toEqual({
      message: "projectTrend: options.until: expected a year after the fit's last year (2025) (got 2025)",
      code: 'invalid_range',
    });
  });

  it('scenario: change years outside (base year, until], by the field the change uses', () => {
    const delta = (year: number) => ({ kind: 'delta' as const, source: 'VDEM' as const, year, delta: 1 });
    expect(failure(() => scenario(thailand, { baseYear: 2022, until: 2024, changes: [delta(2022)] }))).toEqual({
      message: 'scenario: spec.changes[0].year: expected a year after the base year 2022 and up to 2024 (got 2022)',
      code: 'invalid_range',
    });
    expect(failure(() => scenario(thailand, { baseYear: 2022, until: 2024, changes: [delta(2023), delta(2025)] })).message).toBe(
      'scenario: spec.changes[1].year: expected a year after the base year 2022 and up to 2024 (got 2025)',
    );
    expect(failure(() => scenarioUplifts(thailand, { baseYear: 2022, until: 2024, changes: [{ kind: 'gain', source: 'PRS', from: 2021, gain: 1 }] })).message).toBe(
      'scenarioUplifts: spec.changes[0].from: expected a year after the base year 2022 and up to 2024 (got 2021)',
    );
  });

  it('scenario: a gain whose `to` is before its `from` or after until', () => {
    const gain = (from: number, to: number) => ({ kind: 'gain' as const, source: 'PRS' as const, from, to, gain: 1 });
    expect(failure(() => scenario(thailand, { baseYear: 2022, until: 2024, changes: [gain(2024, 2023)] }))).toEqual({
      message: 'scenario: spec.changes[0].to: expected a year from 2024 to 2024 (got 2023)',
      code: 'invalid_range',
    });
    expect(failure(() => scenario(thailand, { baseYear: 2022, until: 2024, changes: [gain(2023, 2025)] })).message).toBe(
      'scenario: spec.changes[0].to: expected a year from 2023 to 2024 (got 2025)',
    );
    // `to` equal to `from` and to until are fine.
    expect(scenario(thailand, { baseYear: 2022, until: 2024, changes: [gain(2023, 2023), gain(2024, 2024)] }).until).toBe(2024);
  });

  it('scenario: a source without a score in the base year, an unknown workstream, weights outside the workstream', () => {
    expect(failure(() => scenario(thailand, { baseYear: 2022, changes: [{ kind: 'delta', source: 'AFDB', year: 2023, delta: 1 }] }))).toEqual({
      message: `scenario: spec.changes[0].source: expected a source with a score in the base year 2022 (${SOURCES}) (got "AFDB")`,
      code: 'unknown_source',
    });
    expect(failure(() => scenario(thailand, { baseYear: 2022, changes: [{ kind: 'lever', workstream: 5, year: 2023, uplift: 1 }] }))).toEqual({
      message: 'scenario: spec.changes[0].workstream: expected a workstream of the dataset (1, 2, 3, 4) (got 5)',
      code: 'unknown_workstream',
    });
    expect(failure(() => scenario(thailand, { baseYear: 2022, changes: [{ kind: 'lever-gain', workstream: 1, from: 2023, gain: 1, weights: { GI: 1, VDEM: 2 } }] }))).toEqual({
      message: 'scenario: spec.changes[0].weights.VDEM: expected a source workstream 1 feeds (GI, IMD, PRS, WEF) (got "VDEM")',
      code: 'unknown_source',
    });
  });

  it('scenario: without workstreams in the dataset the message says none', () => {
    const ds = createDataset({
      country: { iso3: 'XYZ', name: { en: 'Example' } },
      sources: (['EIU', 'PRS', 'WEF'] as const).map((id) => ({ id, name: { en: id } })),
      scores: (['EIU', 'PRS', 'WEF'] as const).flatMap((source) => [2020, 2021].map((year) => ({ source, year, value: 40, origin: { kind: 'user' as const, note: 'test' } }))),
    });
    expect(failure(() => scenario(ds, { baseYear: 2020, changes: [{ kind: 'lever', workstream: 1, year: 2021, uplift: 1 }] })).message).toBe(
      "scenario: spec.changes[0].workstream: expected a workstream, and the dataset has none (a lever needs an action plan's workstreams) (got 1)",
    );
    expect(failure(() => solveWorkstreams(ds, { target: 51, year: 2020 }))).toEqual({
      message: 'solveWorkstreams: dataset.workstreams: expected a dataset with workstreams (got 0)',
      code: 'missing',
    });
  });

  it('scenario: until before the base year', () => {
    expect(failure(() => scenario(thailand, { baseYear: 2023, until: 2022, changes: [] }))).toEqual({
      message: 'scenario: spec.until: expected a year on or after the base year 2023 (got 2022)',
      code: 'invalid_range',
    });
  });

  it('solveTarget: by not after the year, bounded without bounds, missing costs, unknown keys', () => {
    expect(failure(() => solveTarget(thailand, { target: 51, year: 2022, by: 2022 }))).toEqual({
      message: 'solveTarget: options.by: expected a year after 2022 (got 2022)',
      code: 'invalid_range',
    });
    expect(failure(() => solveTarget(thailand, { target: 51, year: 2022, strategy: 'bounded' }))).toEqual({
      message: "solveTarget: options.bounds: strategy 'bounded' requires bounds (a maximum uplift, for all sources or per source) (got undefined)",
      code: 'missing',
    });
    expect(failure(() => solveTarget(thailand, { target: 51, year: 2022, costs: { PRS: 1, GI: 2 } }))).toEqual({
      message: 'solveTarget: options.costs: expected a cost for every source of 2022; missing IMD, WEF, PERC, WJP, EIU, VDEM, BTI (got {"PRS":1,"GI":2})',
      code: 'missing',
    });
    expect(failure(() => solveTarget(thailand, { target: 51, year: 2022, bounds: { PRS: 3, AFDB: 3 } }))).toEqual({
      message: `solveTarget: options.bounds.AFDB: expected a source with a score in 2022 (${SOURCES}) (got "AFDB")`,
      code: 'unknown_source',
    });
    const costs = { IMD: 1, WEF: 1, PERC: 1, WJP: 1, GI: 1, PRS: 1, EIU: 1, VDEM: 1, BTI: 1, AFDB: 2 };
    expect(failure(() => solveTarget(thailand, { target: 51, year: 2022, costs })).message).toBe(
      `solveTarget: options.costs.AFDB: expected a source with a score in 2022 (${SOURCES}) (got "AFDB")`,
    );
  });

  it('solveWorkstreams: by not after the year, an unknown workstream', () => {
    expect(failure(() => solveWorkstreams(thailand, { target: 51, year: 2022, by: 2021 })).message).toBe('solveWorkstreams: options.by: expected a year after 2022 (got 2021)');
    expect(failure(() => solveWorkstreams(thailand, { target: 51, workstreams: [1, 7] }))).toEqual({
      message: 'solveWorkstreams: options.workstreams[1]: expected a workstream of the dataset (1, 2, 3, 4) (got 7)',
      code: 'unknown_workstream',
    });
  });

  it('trend: a reversed window, too few points, an unknown series', () => {
    expect(failure(() => trend(thailand, { series: 'cpi', from: 2024, to: 2020 }))).toEqual({
      message: 'trend: options.to: expected a year on or after from (2024) (got 2020)',
      code: 'invalid_range',
    });
    expect(failure(() => trend(thailand, { series: 'cpi', from: 2024 }))).toEqual({
      message: 'trend: options: series cpi has 2 point(s) in the window; a trend with a residual SD needs at least 3 (got {"from":2024})',
      code: 'too_few_points',
    });
    expect(failure(() => trend(thailand, { series: 'PRS', from: 2018, to: 2019 })).message).toBe(
      'trend: options: series PRS has 2 point(s) in the window; a trend with a residual SD needs at least 3 (got {"from":2018,"to":2019})',
    );
    expect(failure(() => trend(thailand, { series: 'AFDB' }))).toEqual({
      message: `trend: options.series: expected 'cpi' or a source of the dataset (${SOURCES}) (got "AFDB")`,
      code: 'unknown_source',
    });
    // A window of one year (from = to) is not reversed: it fails for its single point.
    expect(failure(() => trend(thailand, { series: 'cpi', from: 2020, to: 2020 })).code).toBe('too_few_points');
    expect(trend(thailand, { series: 'cpi', from: 2020, to: 2022 }).n).toBe(3);
  });
});
