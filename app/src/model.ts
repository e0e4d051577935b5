// What the page shows, from the library's functions only: the page adds no arithmetic of its own.
// Pure (no DOM), so the browser tests can check the page against the same calls made in Node.
import {
  CpiGapError,
  cpiGap,
  scenario,
  scenarioRank,
  scoreForRank,
  solveTarget,
  sourceGaps,
  thailand,
  type CpiGap,
  type Dataset,
  type ScenarioRank,
  type ScenarioResult,
  type ScenarioSpec,
  type SourceGap,
  type SourceId,
  type TargetSolution,
} from '../../src/index.js';
import type { Era } from '../../src/i18n/labels.js';
import { describeBacktest } from '../../src/simulation/defaults.js';
import type { SimulationResult } from '../../src/simulation/index.js';
import { edition, peerComparison, sourceChangeRecord, worldDataset, worldPanel, type EditionRow, type PeerComparison, type SourceChangeRecord } from '../../src/world/index.js';
import type { AppState, Strategy } from './state.js';

/** Thailand's own dataset (with its plan's workstreams and targets); every other country's from TI's panel. */
export function datasetOf(iso3: string): Dataset {
  return iso3 === 'THA' ? thailand : worldDataset(iso3);
}

/** The dataset as plain data, for the simulation's worker (which rebuilds it with createDataset). */
export function datasetInput(dataset: Dataset): Omit<Dataset, 'years'> {
  return { country: dataset.country, sources: dataset.sources, scores: dataset.scores, cpi: dataset.cpi, targets: dataset.targets, workstreams: dataset.workstreams };
}

export interface Stand {
  readonly dataset: Dataset;
  readonly year: number;
  readonly editions: readonly number[];
  /** TI's published row: score, rank, 90% interval. */
  readonly row: EditionRow;
  readonly countries: number;
  readonly target: number;
  readonly targetRank: number | null;
  /** The least score ranked `targetRank` or better in the edition. */
  readonly scoreForRank: number | null;
  readonly gap: CpiGap;
  readonly gaps: readonly SourceGap[];
  /** The peers, or why the group cannot be compared (the library's message: a custom list of one, an unknown code). */
  readonly peers: PeerComparison | string;
  /** Every other country's score in the edition (for the what-if's rank against the edition, held still). */
  readonly others: readonly number[];
  readonly scores: readonly number[];
}

function peersOf(iso3: string, group: readonly string[] | 'asean' | 'region', year: number): PeerComparison | string {
  try {
    return peerComparison(iso3, { group, year });
  } catch (e) {
    if (e instanceof CpiGapError) return e.message;
    throw e;
  }
}

/** Where the country stands in the edition the state names (its latest when none or unknown). */
export function stand(state: AppState): Stand {
  const dataset = datasetOf(state.country);
  const editions = dataset.years.filter((y) => edition(y).rows.some((r) => r.iso3 === dataset.country.iso3));
  const year = state.year !== null && editions.includes(state.year) ? state.year : (editions.at(-1) ?? dataset.years.at(-1) ?? 2025);
  const e = edition(year);
  const row = e.rows.find((r) => r.iso3 === dataset.country.iso3);
  if (row === undefined) throw new Error(`${dataset.country.iso3} has no score in ${year}`);
  const targetRank = state.rank ?? dataset.targets.find((t) => t.rank !== undefined)?.rank ?? null;
  const group = state.peers === 'custom' ? [...new Set([dataset.country.iso3, ...state.custom])] : state.peers;
  return {
    dataset,
    year,
    editions,
    row,
    countries: e.countries,
    target: state.target,
    targetRank,
    scoreForRank: targetRank === null ? null : scoreForRank(targetRank, e.scores),
    gap: cpiGap(dataset, { year, target: state.target }),
    gaps: sourceGaps(dataset, { year, target: state.target }),
    peers: peersOf(row.iso3, group, year),
    others: e.rows.filter((r) => r.iso3 !== row.iso3).map((r) => r.score),
    scores: e.scores,
  };
}

/** The scenario of the sliders and levers: each change delivered the year after the edition. */
export function whatIfSpec(state: AppState, s: Stand, name = 'what-if'): ScenarioSpec {
  const year = s.year + 1;
  const sources = new Set(s.gaps.map((g) => g.source));
  const workstreams = new Set(s.dataset.workstreams.map((w) => w.number));
  return {
    name,
    baseYear: s.year,
    until: s.year + state.horizon,
    changes: [
      ...Object.entries(state.uplifts).flatMap(([source, delta]) =>
        delta === 0 || !sources.has(source as SourceId) ? [] : [{ kind: 'delta' as const, source: source as SourceId, year, delta }],
      ),
      ...Object.entries(state.levers).flatMap(([ws, uplift]) =>
        uplift === 0 || !workstreams.has(Number(ws)) ? [] : [{ kind: 'lever' as const, workstream: Number(ws), year, uplift }],
      ),
    ],
  };
}

export interface WhatIf {
  readonly spec: ScenarioSpec;
  readonly result: ScenarioResult;
  /** No change: the edition's scores held. */
  readonly base: ScenarioResult;
  /** Each year's rank among the other countries' scores of the edition, held still (a what-if, not a forecast). */
  readonly ranks: readonly ScenarioRank[];
}

/** The what-if and the no-change scenarios, named for the chart's legend. */
export function whatIf(state: AppState, s: Stand, names: { readonly base: string; readonly whatIf: string }): WhatIf {
  const spec = whatIfSpec(state, s, names.whatIf);
  const result = scenario(s.dataset, spec);
  const base = scenario(s.dataset, { name: names.base, baseYear: s.year, until: s.year + state.horizon, changes: [] });
  return { spec, result, base, ranks: scenarioRank(result, s.others) };
}

/** Target-seeking for the sliders: the uplift per source to reach the target score the year after the edition. */
export function solve(state: AppState, s: Stand, strategy: Strategy): TargetSolution {
  return solveTarget(s.dataset, { target: state.target, year: s.year, by: s.year + 1, strategy, ...(strategy === 'bounded' ? { bounds: state.bound } : {}) });
}

export interface AllocationRow {
  readonly source: SourceId;
  readonly uplift: number;
  readonly record: SourceChangeRecord;
}

/** Each source's allocation with how often a source moved that much in one year, across TI's record. */
export function allocationRecord(solution: TargetSolution): AllocationRow[] {
  return solution.allocation.map((a) => ({ source: a.source, uplift: a.uplift, record: sourceChangeRecord(a.source, a.uplift, 1) }));
}

/** The editions of the record (for labels). */
export function recordYears(): readonly [number, number] {
  const e = worldPanel().editions;
  return [e[0] ?? 2012, e.at(-1) ?? 2025];
}


/** The simulation's backtest sentence in the page's language and era: the library's for the result's model and a one-year horizon (the result's own in English with CE years). */
export function calibrationText(sim: SimulationResult, locale: 'th' | 'en', era: Era): string {
  return describeBacktest(sim.model, 1, locale, era);
}
