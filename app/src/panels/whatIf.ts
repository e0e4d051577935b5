// What if: a slider per source and, for Thailand, a lever per workstream; the CPI, the rank and
// P(target) by year follow (the simulation in a Web Worker); target-seeking fills the sliders.
import { sourceLabel, workstreamLabel, type ScenarioYear } from '../../../src/index.js';
import { chartContext, monteCarloFanSpec, scenarioPathsSpec } from '../../../src/charts/index.js';
import type { SimulationResult, SimulationYear } from '../../../src/simulation/index.js';
import { drawChart } from '../chart.js';
import { allocationRecord, calibrationText, recordYears, solve, whatIf, type AllocationRow, type Stand } from '../model.js';
import type { AppState, Strategy } from '../state.js';
import { tableBlock } from '../table.js';
import { el, type Format } from '../ui.js';
import { chartLabels, chartLook, type Update } from './common.js';

/** Paths of the page's simulation: enough for P(target) to two decimals, fast enough to follow a slider. */
export const PAGE_PATHS = 20_000;

function slider(id: string, name: string, value: number, min: number, max: number, onInput: (v: number) => void, f: Format): HTMLElement {
  const input = el('input', { id, type: 'range', min: String(min), max: String(max), step: '1', value: String(value), 'data-value': String(value) });
  const output = el('output', { for: id, id: `${id}-value` }, f.signed(value, 2));
  input.addEventListener('input', () => {
    const v = Number(input.value);
    input.dataset['value'] = input.value;
    output.textContent = f.signed(v, 2);
    onInput(v);
  });
  return el('div', { class: 'slider' }, el('label', { for: id }, name), input, output);
}

/** The sliders, levers and target-seeking buttons (redrawn only when the view changes, so focus stays). */
export function whatIfInputs(state: AppState, s: Stand, f: Format, update: Update): HTMLElement {
  const sliders = s.gaps.map((g) =>
    slider(`slider-${g.source}`, sourceLabel(s.dataset, g.source, state.locale), state.uplifts[g.source] ?? 0, -50, 100, (v) => {
      update((now) => ({ uplifts: { ...now.uplifts, [g.source]: v }, solved: null }), 'outputs');
    }, f),
  );
  const levers = s.dataset.workstreams.map((w) =>
    slider(`lever-${w.number}`, `${f.digits(workstreamLabel(s.dataset, w.number, state.locale))} (${w.sources.map((id) => sourceLabel(s.dataset, id, state.locale)).join(', ')})`, state.levers[w.number] ?? 0, 0, 30, (v) => {
      update((now) => ({ levers: { ...now.levers, [w.number]: v } }), 'outputs');
    }, f),
  );
  const bound = el('input', { id: 'bound', type: 'number', min: '1', max: '100', step: '1', value: String(state.bound) });
  bound.addEventListener('change', () => {
    if (bound.validity.valid && bound.value !== '') update({ bound: Number(bound.value) });
  });
  const horizon = el('select', { id: 'horizon' }, ...[1, 2, 3, 4, 5, 6, 7, 8].map((h) => el('option', { value: String(h), selected: h === state.horizon }, f.num(h))));
  horizon.addEventListener('change', () => {
    update({ horizon: Number(horizon.value) });
  });
  const solveButton = (strategy: Strategy): HTMLButtonElement => {
    const b = el('button', { type: 'button', id: `solve-${strategy}`, class: 'solve' }, f.L(strategy));
    b.addEventListener('click', () => {
      const solution = solve(state, s, strategy);
      const uplifts = Object.fromEntries(solution.allocation.map((a) => [a.source, a.uplift]));
      update({ uplifts, levers: {}, solved: strategy });
    });
    return b;
  };
  const reset = el('button', { type: 'button', id: 'reset' }, f.L('reset'));
  reset.addEventListener('click', () => {
    update({ uplifts: {}, levers: {}, solved: null });
  });
  return el(
    'div',
    { class: 'whatif-inputs' },
    el('p', {}, f.L('whatIfHelp')),
    el('fieldset', {}, el('legend', {}, f.L('sliders')), ...sliders),
    levers.length === 0 ? null : el('fieldset', {}, el('legend', {}, f.L('levers')), ...levers),
    el(
      'fieldset',
      { class: 'solve-box' },
      el('legend', {}, f.L('solveTitle')),
      solveButton('even'),
      solveButton('cheapest'),
      solveButton('bounded'),
      el('label', { for: 'bound' }, f.L('bound')),
      bound,
    ),
    el('div', { class: 'controls' }, el('div', { class: 'field' }, el('label', { for: 'horizon' }, f.L('horizon')), horizon), el('div', { class: 'field' }, reset)),
  );
}

interface YearRow {
  readonly y: ScenarioYear;
  readonly rank: number | undefined;
  readonly sim: SimulationYear | undefined;
}

/** The outputs: the CPI and rank by year, the paths chart, and (once simulated) P(target), P(rank) and the fan. */
export async function whatIfOutputs(state: AppState, s: Stand, f: Format, sim: SimulationResult | null): Promise<HTMLElement> {
  const w = whatIf(state, s, { base: f.t('noChange'), whatIf: f.t('withChanges') });
  const labels = chartLabels(f);
  const look = chartLook(state);
  const last = w.result.years.at(-1);
  const lastRank = w.ranks.at(-1);
  const rows: YearRow[] = w.result.years.map((y) => ({ y, rank: w.ranks.find((r) => r.year === y.year)?.rank, sim: sim?.years.find((x) => x.year === y.year) }));
  const p = (value: number | undefined): string => (value === undefined ? (sim === null ? '…' : '') : f.pct(value));
  const needed = (value: number | undefined): string => (value === undefined ? (sim === null ? '…' : '') : f.num(value));
  const table = {
    id: 'whatif-years',
    caption: f.t('whatIfCpi'),
    columns: [
      { header: f.t('year'), value: (r: YearRow) => f.year(r.y.year) },
      { header: f.t('cpi'), value: (r: YearRow) => f.num(r.y.score), align: 'right' as const },
      { header: f.t('lower'), value: (r: YearRow) => f.num(r.y.lower, 2), align: 'right' as const },
      { header: f.t('upper'), value: (r: YearRow) => f.num(r.y.upper, 2), align: 'right' as const },
      { header: f.t('rankHeld', { year: f.year(s.year) }), value: (r: YearRow) => (r.rank === undefined ? '' : f.num(r.rank)), align: 'right' as const },
      { header: f.t('pTarget'), value: (r: YearRow) => p(r.sim?.pTarget), align: 'right' as const },
      ...(s.targetRank === null
        ? []
        : [
            { header: f.t('pRank'), value: (r: YearRow) => p(r.sim?.ranks[0]?.p), align: 'right' as const },
            { header: f.t('needed'), value: (r: YearRow) => needed(r.sim?.ranks[0]?.needed?.q50), align: 'right' as const },
          ]),
    ],
    rows,
  };
  const paths = await drawChart(
    'scenario-paths',
    scenarioPathsSpec([w.base, w.result], { ...chartContext(s.dataset), ...look, target: state.target }),
    table,
    labels,
  );
  const fan = sim === null ? null : await drawChart('monte-carlo-fan', monteCarloFanSpec(sim.years, { ...chartContext(s.dataset), ...look, target: state.target }), table, labels);
  const card = (key: Parameters<Format['L']>[0], value: string, id: string, values?: Record<string, string>): HTMLElement =>
    el('div', { class: 'card' }, el('div', { class: 'card-label' }, f.L(key, values)), el('div', { class: 'card-value', id }, value));
  return el(
    'div',
    { id: 'whatif-out', 'aria-live': 'polite', 'data-sim': sim === null ? 'pending' : 'done' },
    last === undefined
      ? null
      : el(
          'div',
          { class: 'cards' },
          card('whatIfCpi', `${f.num(last.score)} (${f.year(last.year)})`, 'whatif-cpi'),
          card('interval', `${f.num(last.lower, 2)} – ${f.num(last.upper, 2)}`, 'whatif-interval'),
          card('rankHeld', lastRank === undefined ? '' : f.num(lastRank.rank), 'whatif-rank', { year: f.year(s.year) }),
        ),
    tableBlock(table, f.t('csv')),
    paths,
    fan,
    el('p', { class: 'note', id: 'rank-held-note' }, f.L('rankHeldNote', { year: f.year(s.year) })),
    simNote(sim, f, state.era),
    state.solved === null ? null : allocationBlock(state, s, f),
  );
}

/** What the simulation was: its model, base year and backtest, and how it counted ranks (the result's own words). */
function simNote(sim: SimulationResult | null, f: Format, era: AppState['era']): HTMLElement {
  if (sim === null) return el('p', { class: 'note', id: 'sim-note' }, f.L('simulating'));
  return el(
    'p',
    { class: 'note', id: 'sim-note' },
    f.L('simNote', { paths: f.num(sim.paths), model: sim.model, year: f.year(sim.baseYear), calibration: calibrationText(sim, f.locale, era) }),
    sim.ranking === 'moving' && sim.rankAssumption !== null ? ' ' : null,
    sim.ranking === 'moving' && sim.rankAssumption !== null ? f.L('rankMoving', { assumption: sim.rankAssumption, year: f.year(sim.baseYear) }) : null,
  );
}

/** The allocation the last target-seeking gave, against how often a source moved that much in a year. */
function allocationBlock(state: AppState, s: Stand, f: Format): HTMLElement | null {
  if (state.solved === null) return null;
  const solution = solve(state, s, state.solved);
  const [from, to] = recordYears();
  const table = {
    id: 'allocation',
    caption: `${f.t('allocation')}: ${f.t(state.solved)}`,
    columns: [
      { header: f.t('source'), value: (r: AllocationRow) => sourceLabel(s.dataset, r.source, state.locale) },
      { header: f.t('uplift'), value: (r: AllocationRow) => f.signed(r.uplift, 2), align: 'right' as const },
      { header: f.t('asOften', { from: f.year(from), to: f.year(to) }), value: (r: AllocationRow) => (r.record.unprecedented ? f.t('unprecedented') : f.pct(r.record.share)), align: 'right' as const },
      { header: f.t('largest'), value: (r: AllocationRow) => f.signed(r.record.largestRise, 2), align: 'right' as const },
    ],
    rows: allocationRecord(solution),
  };
  return el('div', { class: 'allocation' }, el('h3', {}, f.L('allocation')), el('p', { id: 'solve-feasible' }, f.L(solution.feasible ? 'feasible' : 'infeasible')), tableBlock(table, f.t('csv')));
}
