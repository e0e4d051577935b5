import type { TopLevelSpec } from 'vega-lite';
import * as z from 'zod/mini';
import type { Provenance } from '../dataset/schema.js';
import { fail, parseInput } from '../errors.js';
import type { Locale } from '../i18n/labels.js';
import { BudgetRollup } from '../plan/budgetRecords.js';
import { chartMeta, FONT_SIZES, frame, wsLabel } from './frame.js';
import { CHART_MESSAGES } from './messages.js';
import { resolveOptions, type ChartOptions, type ResolvedChartOptions } from './options.js';
import { lineHeightFor, maxLines, wrappedLabels } from './textWrap.js';

/** Widest a row's label may be (px) before it wraps. */
const ROW_LABEL_WIDTH = 480;

/**
 * Where the plan's budgets come from when `origins` is not given: the budget column of the
 * projects in Part 2 of the FY2023 action plan (the seed document).
 *
 * @example
 * ```ts
 * import { PLAN_BUDGET_ORIGIN } from 'cpi-gap/charts';
 * console.log(PLAN_BUDGET_ORIGIN.section); // ส่วนที่ ๒
 * ```
 */
export const PLAN_BUDGET_ORIGIN = Object.freeze({ kind: 'seed', section: 'ส่วนที่ ๒', note: 'budget column (งบประมาณ) of the projects' } as const);

/**
 * Options of {@link budgetSpec}: the {@link ChartOptions} (scheme default `'tableau10'`, for the
 * workstreams; `height` default: 18 pixels a row) plus `amount`, the sum the bars show:
 * `'deduplicated'` (default: a project printed under several measures counts once) or `'printed'`.
 *
 * @example
 * ```ts
 * import type { BudgetChartOptions } from 'cpi-gap/charts';
 * const options: BudgetChartOptions = { locale: 'en', amount: 'printed' };
 * console.log(options.amount); // printed
 * ```
 */
export type BudgetChartOptions = ChartOptions & { readonly amount?: 'deduplicated' | 'printed' };

type Row = BudgetRollup;
const MEASURE_KEY = /^ws(\d)-m(\d+\.\d+)$/;

/** Millions of baht with two decimals and thousands separators: 12,230,000 -> "12.23". */
function millions(baht: number): string {
  return (baht / 1e6).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** The row's label: measure, approach or workstream number, then its name in the locale. */
function rowLabel(m: Messages, locale: Locale, r: Row): string {
  const measure = MEASURE_KEY.exec(r.key);
  const approach = /^ws(\d)-a(\d+)$/.exec(r.key);
  const prefix = measure
    ? m.measure(Number(measure[1]), String(measure[2]))
    : approach
      ? m.approach(Number(approach[1]), String(approach[2]))
      : r.workstream !== undefined && r.key === String(r.workstream)
        ? locale === 'th'
          ? `แผนงานเรื่องที่ ${r.workstream}`
          : `WS${r.workstream}`
        : '';
  const name = locale === 'th' ? r.name : r.nameEn;
  return [prefix, name ?? (prefix === '' ? r.name : '')].filter((t) => t !== '').join(' ');
}

/**
 * The action plan's budget as horizontal bars, one per roll-up row (by measure with
 * `budgetByMeasure()`, or by workstream, approach, agency or source with the other roll-ups of
 * `cpi-gap/plan`), in the order given, coloured by workstream, in millions of baht. With the
 * default `amount: 'deduplicated'`, a grey bar behind shows the amount as printed where a repeat
 * listing makes it larger. Each bar's label gives the amount and how many of its projects print no
 * budget; the subtitle gives the totals and the rule. The chart takes roll-up records, so
 * `cpi-gap/charts` does not bundle the plan.
 *
 * @throws {CpiGapError} when `rollups` is empty or not budget roll-ups, two rows share a key, or an option is invalid.
 * @example
 * ```ts
 * import { budgetByMeasure } from 'cpi-gap/plan';
 * import { budgetSpec, chartContext } from 'cpi-gap/charts';
 * import { thailand } from 'cpi-gap';
 *
 * const spec = budgetSpec(budgetByMeasure(), { workstreams: chartContext(thailand).workstreams, locale: 'th' });
 * console.log(spec.usermeta?.['cpiGap']); // { chart: 'budget', amount: 'deduplicated', totalPrinted: 579260300, totalDeduplicated: 546886700, ... }
 * ```
 */
export function budgetSpec(rollups: readonly BudgetRollup[], options?: BudgetChartOptions): TopLevelSpec {
  const fn = 'budgetSpec';
  const o = resolveOptions(fn, 'budget', options, { amount: z.optional(z.enum(['deduplicated', 'printed'])) });
  const rows = parseInput(fn, z.array(BudgetRollup).check(z.minLength(1, 'expected at least one budget roll-up row')), rollups, ['rollups']);
  const keys = new Set<string>();
  rows.forEach((r, i) => {
    if (keys.has(r.key)) fail(fn, ['rollups', i, 'key'], 'expected a key no other row has', r.key);
    keys.add(r.key);
  });
  const m = CHART_MESSAGES[o.locale];
  const amount = o.amount ?? 'deduplicated';
  const values = barValues(o, m, rows, amount);
  const totals = totalsOf(rows);
  const subtitle = [
    amount === 'printed' ? m.budgetSubtitlePrinted(millions(totals.printed), millions(totals.deduplicated)) : m.budgetSubtitleDedup(millions(totals.printed), millions(totals.deduplicated)),
    m.budgetSubtitleMissing(totals.without, totals.projects),
  ];
  const by = rows.every((r) => MEASURE_KEY.test(r.key)) ? 'measure' : rows.every((r) => r.key === String(r.workstream)) ? 'workstream' : 'other';
  const origins: readonly Provenance[] = o.origins.length > 0 ? [] : [PLAN_BUDGET_ORIGIN];
  const meta = chartMeta(o, origins, { by, amount, rows: rows.length, totalPrinted: totals.printed, totalDeduplicated: totals.deduplicated, projects: totals.projects, withoutBudget: totals.without, unit: 'million baht' });
  // A row is as tall as its label's lines (18 px at least).
  const rowLabels = values.map((v) => v.row);
  const height = options?.height ?? { step: Math.max(18, maxLines(rowLabels, ROW_LABEL_WIDTH, FONT_SIZES.label) * lineHeightFor(FONT_SIZES.label) + 8) };
  return frame(o, m.budgetTitle(by, amount), subtitle, meta, { width: o.width, height, data: { values }, layer: budgetLayers(o, m, rows, values, amount) }, false);
}

type Amount = 'deduplicated' | 'printed';
type Messages = (typeof CHART_MESSAGES)[Locale];
type Bar = ReturnType<typeof barValues>[number];

/** One bar per row: its label, workstream colour, the amount shown in millions, and the tooltip's figures. */
function barValues(o: ResolvedChartOptions, m: Messages, rows: readonly Row[], amount: Amount) {
  const values = rows.map((r) => {
    const shown = amount === 'printed' ? r.printed : r.deduplicated;
    const repeats = amount === 'deduplicated' ? r.projects - r.projectsDeduplicated : 0;
    const label =
      r.projects === 0
        ? m.budgetNoProjects
        : r.withoutBudget === r.projects
          ? m.budgetNone(r.projects)
          : m.budgetLabel(repeats === r.projects ? null : millions(shown), r.withoutBudget, r.projects, repeats);
    return {
      key: r.key,
      row: rowLabel(m, o.locale, r),
      name: r.name,
      workstream: r.workstream === undefined ? m.noWorkstream : wsLabel(o, r.workstream),
      amount: shown / 1e6,
      printedMillions: r.printed / 1e6,
      printed: r.printed,
      deduplicated: r.deduplicated,
      projects: r.projects,
      withoutBudget: r.withoutBudget,
      label,
    };
  });
  const labels = values.map((v) => v.row);
  if (new Set(labels).size !== labels.length) values.forEach((v) => (v.row = `${v.row} (${v.key})`));
  return values;
}

/** The grey bar of the amount as printed (deduplicated charts, where repeats make it larger), the bars, their labels. */
function budgetLayers(o: ResolvedChartOptions, m: Messages, rows: readonly Row[], values: readonly Bar[], amount: Amount): unknown[] {
  const numbers = [...new Set(rows.flatMap((r) => (r.workstream === undefined ? [] : [r.workstream])))].sort((a, b) => a - b);
  const domain = [...numbers.map((n) => wsLabel(o, n)), ...(rows.some((r) => r.workstream === undefined) ? [m.noWorkstream] : [])];
  const rowLabels = values.map((v) => v.row);
  const y = { field: 'row', type: 'nominal', title: null, sort: rowLabels, axis: wrappedLabels(rowLabels, ROW_LABEL_WIDTH) };
  const tooltip = [
    { field: 'row', type: 'nominal', title: m.budgetGroup },
    { field: 'name', type: 'nominal', title: ' ' },
    { field: 'deduplicated', type: 'quantitative', title: m.budgetDedup, format: ',.0f' },
    { field: 'printed', type: 'quantitative', title: m.budgetPrinted, format: ',.0f' },
    { field: 'projects', type: 'quantitative', title: m.budgetProjects },
    { field: 'withoutBudget', type: 'quantitative', title: m.budgetWithout },
  ];
  const layer: unknown[] = [];
  if (amount === 'deduplicated' && values.some((v) => v.printed > v.deduplicated)) {
    layer.push({
      transform: [{ filter: 'datum.printed > datum.deduplicated' }],
      mark: { type: 'bar', color: '#bdbdbd', opacity: 0.7, height: { band: 0.8 } },
      encoding: { y, x: { field: 'printedMillions', type: 'quantitative' }, tooltip },
    });
  }
  layer.push(
    {
      mark: { type: 'bar', height: { band: 0.8 } },
      encoding: {
        y,
        x: { field: 'amount', type: 'quantitative', title: m.budgetAxis, axis: { format: ',.0f' } },
        color: { field: 'workstream', type: 'nominal', title: m.workstream, scale: { scheme: o.scheme, domain }, legend: { orient: 'bottom', direction: 'vertical', ...wrappedLabels(domain, o.width) } },
        tooltip,
      },
    },
    {
      mark: { type: 'text', align: 'left', dx: 4, fontSize: 10, color: '#333333' },
      encoding: { y, x: { field: amount === 'deduplicated' ? 'printedMillions' : 'amount', type: 'quantitative' }, text: { field: 'label', type: 'nominal' } },
    },
  );
  return layer;
}

/** The rows' totals: budget as printed and deduplicated, projects, projects without a budget. */
function totalsOf(rows: readonly Row[]): { printed: number; deduplicated: number; projects: number; without: number } {
  const sum = (f: (r: Row) => number): number => rows.reduce((s, r) => s + f(r), 0);
  return { printed: sum((r) => r.printed), deduplicated: sum((r) => r.deduplicated), projects: sum((r) => r.projects), without: sum((r) => r.withoutBudget) };
}
