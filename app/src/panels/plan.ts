// The plan: Thailand's FY2023 action plan (workstreams, measures, projects with budgets and agencies)
// and, from a dropped progress file (CSV or JSON, the library's form), the status report and roll-ups.
import { sourceLabel, workstreamLabel, type Dataset } from '../../../src/index.js';
import { budgetSpec, CHART_DEFAULTS, planStatusSpec } from '../../../src/charts/index.js';
import {
  budgetByWorkstream,
  plan,
  progressRollup,
  readProgressCsv,
  readProgressJson,
  statusReport,
  STATE_LABELS,
  PROGRESS_STATES,
  type BudgetRollup,
  type ProgressGroup,
  type ProgressUpdate,
} from '../../../src/plan/index.js';
import { drawChart } from '../chart.js';
import { ROLLUPS, type AppState } from '../state.js';
import { tableBlock } from '../table.js';
import { el, type Format } from '../ui.js';
import { chartLabels, chartLook, type Update } from './common.js';

/** A progress file the user dropped: its name and its updates, or why it could not be read. */
export type Progress = { readonly name: string; readonly updates: readonly ProgressUpdate[] } | { readonly name: string; readonly error: string };

/** The most a progress file may weigh, as on the command line (the form for every project of the plan is a few hundred KB). */
export const MAX_PROGRESS_BYTES = 10 * 1024 * 1024;

/** Read a dropped or chosen progress file through the library's readers (CSV or JSON by its name). */
export async function readProgressFile(file: File): Promise<Progress> {
  if (file.size > MAX_PROGRESS_BYTES) return { name: file.name, error: `${file.name}: larger than ${MAX_PROGRESS_BYTES} bytes` };
  const json = /\.json$/i.test(file.name);
  if (!json && !/\.csv$/i.test(file.name)) return { name: file.name, error: `${file.name}: expected a .csv or .json progress file` };
  try {
    const text = await file.text();
    return { name: file.name, updates: json ? readProgressJson(text) : readProgressCsv(text) };
  } catch (e) {
    return { name: file.name, error: e instanceof Error ? e.message.slice(0, 2000) : String(e) };
  }
}

function dropZone(f: Format, onFile: (file: File) => void): HTMLElement {
  const input = el('input', { id: 'progress-file', type: 'file', accept: '.csv,.json,text/csv,application/json' });
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file !== undefined) onFile(file);
  });
  const zone = el('div', { id: 'drop-zone', class: 'drop-zone' }, el('p', {}, f.L('drop')), el('label', { for: 'progress-file', class: 'file-label' }, f.L('chooseFile')), input);
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => {
    zone.classList.remove('over');
  });
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    const file = e.dataTransfer?.files[0];
    if (file !== undefined) onFile(file);
  });
  return zone;
}

const ROLLUP_LABELS = { workstream: 'workstream', approach: 'approach', measure: 'measure', agency: 'agency', source: 'source' } as const;

/** The roll-up of the progress by the grouping the state names, with its chart. */
async function rollupBlock(state: AppState, f: Format, updates: readonly ProgressUpdate[], update: Update): Promise<HTMLElement> {
  const rollup = progressRollup(updates, { by: state.rollup });
  const by = el('select', { id: 'rollup-by' }, ...ROLLUPS.map((r) => el('option', { value: r, selected: r === state.rollup }, f.t(ROLLUP_LABELS[r]))));
  by.addEventListener('change', () => {
    update({ rollup: by.value as AppState['rollup'] });
  });
  const table = {
    id: 'progress-rollup',
    caption: `${f.t('rollupTitle')}: ${f.t(ROLLUP_LABELS[state.rollup])}`,
    columns: [
      { header: f.t(ROLLUP_LABELS[state.rollup]), value: (g: ProgressGroup) => (state.locale === 'en' ? (g.nameEn ?? g.name) : g.name) },
      { header: f.t('projects'), value: (g: ProgressGroup) => f.num(g.projects), align: 'right' as const },
      ...PROGRESS_STATES.map((st) => ({ header: STATE_LABELS[state.locale][st], value: (g: ProgressGroup) => f.num(g.byStatus[st]), align: 'right' as const })),
      { header: f.t('budget'), value: (g: ProgressGroup) => f.num(g.planned), align: 'right' as const },
      { header: f.t('spent'), value: (g: ProgressGroup) => f.num(g.spent), align: 'right' as const },
    ],
    rows: [...rollup.groups, rollup.total],
  };
  // A bar per group: 18 pixels each when there are many (agencies), the library's default height otherwise.
  const height = Math.max(CHART_DEFAULTS.height, 18 * rollup.groups.length);
  const chart = await drawChart('plan-status', planStatusSpec(rollup, { ...chartLook(state), title: table.caption, height }), table, chartLabels(f));
  return el(
    'div',
    { id: 'progress-rollup' },
    el('h3', {}, f.L('rollupTitle')),
    el('div', { class: 'controls' }, el('div', { class: 'field' }, el('label', { for: 'rollup-by' }, f.L('rollupBy')), by)),
    chart,
  );
}

async function statusBlock(state: AppState, f: Format, progress: Progress, update: Update): Promise<HTMLElement> {
  if ('error' in progress) return el('div', { id: 'status-report', role: 'alert', class: 'error' }, el('strong', {}, f.L('fileError')), el('pre', {}, progress.error));
  const report = statusReport(progress.updates, { locale: state.locale });
  const table = {
    id: 'status-report',
    caption: report.title,
    columns: [
      { header: f.t('workstream'), value: (g: ProgressGroup) => (state.locale === 'en' ? (g.nameEn ?? g.name) : g.name) },
      { header: f.t('projects'), value: (g: ProgressGroup) => f.num(g.projects), align: 'right' as const },
      ...PROGRESS_STATES.map((st) => ({ header: STATE_LABELS[state.locale][st], value: (g: ProgressGroup) => f.num(g.byStatus[st]), align: 'right' as const })),
      { header: f.t('budget'), value: (g: ProgressGroup) => f.num(g.planned), align: 'right' as const },
    ],
    rows: [...report.workstreams, report.total],
  };
  return el('div', { id: 'status-report', 'data-file': progress.name }, el('h3', {}, f.L('statusReport')), tableBlock(table, f.t('csv')), await rollupBlock(state, f, progress.updates, update));
}

type Project = (typeof plan.projects)[number];

export async function planPanel(state: AppState, dataset: Dataset, f: Format, progress: Progress | null, onFile: (file: File) => void, update: Update): Promise<HTMLElement> {
  const title = el('h2', { id: 'plan-title' }, f.L('planTitle'));
  if (dataset.country.iso3 !== 'THA') return el('section', { id: 'plan', 'aria-labelledby': 'plan-title' }, title, el('p', {}, f.L('planOnlyThailand')));
  const rollups = budgetByWorkstream();
  const budgetTable = {
    id: 'plan-budget',
    caption: f.t('budget'),
    columns: [
      { header: f.t('workstream'), value: (r: BudgetRollup) => (r.workstream === undefined ? r.name : f.digits(workstreamLabel(dataset, r.workstream, state.locale))) },
      { header: f.t('projects'), value: (r: BudgetRollup) => f.num(r.projectsDeduplicated), align: 'right' as const },
      { header: f.t('budget'), value: (r: BudgetRollup) => f.num(r.deduplicated), align: 'right' as const },
    ],
    rows: rollups,
  };
  const projects = {
    id: 'plan-projects',
    caption: f.t('projects'),
    columns: [
      { header: f.t('workstream'), value: (p: Project) => f.num(p.workstream) },
      { header: f.t('measures'), value: (p: Project) => p.measure },
      { header: f.t('project'), value: (p: Project) => p.name },
      { header: f.t('budget'), value: (p: Project) => (p.budget === null ? '-' : f.num(p.budget)), align: 'right' as const },
      { header: f.t('agencies'), value: (p: Project) => p.agencies.map((a) => a.name).join('; ') },
    ],
    rows: plan.projects,
  };
  const budget = await drawChart('budget', budgetSpec(rollups, chartLook(state)), budgetTable, chartLabels(f));
  const workstreams = el(
    'ul',
    { class: 'workstreams' },
    ...dataset.workstreams.map((w) =>
      el('li', {}, `${f.digits(workstreamLabel(dataset, w.number, state.locale))}: ${w.sources.map((id) => sourceLabel(dataset, id, state.locale)).join(', ')}`),
    ),
  );
  return el(
    'section',
    { id: 'plan', 'aria-labelledby': 'plan-title' },
    title,
    el('div', { class: 'print-skip' }, workstreams, budget),
    el('details', { class: 'projects' }, el('summary', {}, f.L('projects')), tableBlock(projects, f.t('csv'))),
    el('h3', { class: 'print-skip' }, f.L('progressTitle')),
    dropZone(f, onFile),
    progress === null ? null : await statusBlock(state, f, progress, update),
  );
}
