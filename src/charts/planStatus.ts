import type { ColorScheme } from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import * as z from 'zod/mini';
import { thailand } from '../dataset/thailand.js';
import { thaiDate } from '../i18n/thaiDate.js';
import { ProgressRollup } from '../plan/progress/records.js';
import { PROGRESS_STATES, STATE_LABELS, type ProgressState } from '../plan/progress/states.js';
import { withDigits } from './digits.js';
import { MAX_AXIS_EXTENT, VEGA_LITE_SCHEMA, wsLabel } from './frame.js';
import { CHART_DEFAULTS, ChartOptions, checkRecords, resolveOptions, type ResolvedChartOptions } from './options.js';
import { lineHeightFor, wrappedLabels } from './textWrap.js';

/**
 * Colour of each state: grey for nothing yet, blue under way, orange late, green done.
 * @example
 * ```ts
 * import { STATE_COLOURS } from 'cpi-gap/charts';
 *
 * STATE_COLOURS.done; // => '#54a24b'
 * ```
 */
export const STATE_COLOURS: Readonly<Record<ProgressState, string>> = Object.freeze({
  'not-started': '#9e9e9e',
  'in-progress': '#4c78a8',
  delayed: '#f58518',
  done: '#54a24b',
  cancelled: '#5f5f5f',
  'no-update': '#e0e0e0',
});

/**
 * Defaults of {@link planStatusSpec}: {@link CHART_DEFAULTS} but Thai, 480 x 200 (the secretariat's
 * briefings), and `normalize` false.
 * @example
 * ```ts
 * import { STATUS_CHART_DEFAULTS } from 'cpi-gap/charts';
 *
 * [STATUS_CHART_DEFAULTS.locale, STATUS_CHART_DEFAULTS.width, STATUS_CHART_DEFAULTS.normalize]; // => ['th', 480, false]
 * ```
 */
export const STATUS_CHART_DEFAULTS = Object.freeze({ ...CHART_DEFAULTS, locale: 'th', width: 480, height: 200, normalize: false } as const);

/**
 * Options of {@link planStatusSpec}: the {@link ChartOptions} (defaults as in
 * {@link STATUS_CHART_DEFAULTS}; `scheme`, when given, colours the states instead of
 * {@link STATE_COLOURS}; `era`, `country` and `origins` do not apply: the dates are ISO and the plan
 * is Thailand's), plus `normalize`: stack to 100% (shares of each group's projects) instead of
 * counts, default false.
 * @example
 * ```ts
 * import { progressRollup } from 'cpi-gap/plan';
 * import { planStatusSpec, type PlanStatusOptions } from 'cpi-gap/charts';
 *
 * const options: PlanStatusOptions = { locale: 'en', normalize: true, width: 600 };
 * const spec = planStatusSpec(progressRollup([], { asOf: '2023-03-31' }), options);
 * spec.width; // => 600
 * ```
 */
export type PlanStatusOptions = ChartOptions & { readonly normalize?: boolean };

/**
 * The options schema of the status chart before it took the {@link ChartOptions}.
 * @deprecated Use {@link PlanStatusOptions} (the chart options plus `normalize`).
 * @example
 * ```ts
 * import { StatusChartOptions } from 'cpi-gap/charts';
 *
 * StatusChartOptions.safeParse({ width: 0 }).success; // => false
 * StatusChartOptions.safeParse({ locale: 'en', normalize: true }).success; // => true
 * ```
 */
export const StatusChartOptions = z.optional(z.extend(ChartOptions, { normalize: z.optional(z.boolean()) }));
/** @deprecated Use {@link PlanStatusOptions}. */
export type StatusChartOptions = PlanStatusOptions;

/** The words of the plan-status chart, in Thai and English (listed in docs/i18n/th-glossary.md). */
export const TEXT = {
  th: { title: (d: string) => `สถานะโครงการ จำแนกตามแผนงาน ณ วันที่ ${thaiDate(d)}`, projects: 'จำนวนโครงการ', share: 'สัดส่วนโครงการ', status: 'สถานะ', group: 'กลุ่ม', note: 'แต่ละโครงการนับครั้งเดียวในแต่ละกลุ่ม' },
  en: { title: (d: string) => `Project status by workstream, as of ${d}`, projects: 'Projects', share: 'Share of projects', status: 'Status', group: 'Group', note: 'Each project counts once per group' },
} as const;

type Group = ProgressRollup['groups'][number];

/** A group's label: workstreams numbered and named, sources by id, the others by name in the locale. */
function groupLabel(o: ResolvedChartOptions, by: ProgressRollup['by'], g: Group): string {
  if (by === 'workstream') return wsLabel(o.workstreams.length > 0 ? o : { ...o, workstreams: thailand.workstreams }, Number(g.key));
  if (by === 'source') return g.key;
  return o.locale === 'en' ? (g.nameEn ?? g.name) : g.name;
}

/**
 * A Vega-Lite spec of project status by workstream (or by whatever the roll-up groups by), as
 * horizontal stacked bars: one bar per group, one segment per status (not started, in progress,
 * delayed, done, cancelled, no update) in a fixed order and colour. The counts are the roll-up's
 * own (`byStatus`); the chart computes nothing. Labels are Thai or English (workstreams named as
 * the `thailand` dataset names them unless `workstreams` is given); `config.font` is a Thai-capable
 * font list; `usermeta.provenance` says where the numbers come from.
 *
 * @throws {CpiGapError} when `rollup` is not a progress roll-up, or on a bad option.
 * @example
 * ```ts
 * import { progressRollup } from 'cpi-gap/plan';
 * import { planStatusSpec } from 'cpi-gap/charts';
 *
 * const spec = planStatusSpec(progressRollup([], { asOf: '2023-03-31' }), { locale: 'en' });
 * (spec.usermeta?.['provenance'] as { asOf: string }).asOf; // => '2023-03-31'
 * ```
 */
export function planStatusSpec(rollup: ProgressRollup, options?: PlanStatusOptions): TopLevelSpec {
  const fn = 'planStatusSpec';
  checkRecords(fn, ProgressRollup, rollup, ['rollup']);
  const o = resolveOptions(fn, 'planStatus', options, { normalize: z.optional(z.boolean()) }, STATUS_CHART_DEFAULTS);
  const normalize = o.normalize ?? STATUS_CHART_DEFAULTS.normalize;
  const t = TEXT[o.locale];
  const states = STATE_LABELS[o.locale];
  const groups = rollup.groups.map((g) => groupLabel(o, rollup.by, g));
  const values = rollup.groups.flatMap((g) =>
    PROGRESS_STATES.filter((s) => g.byStatus[s] > 0).map((s) => ({
      group: groupLabel(o, rollup.by, g),
      key: g.key,
      status: states[s],
      state: s,
      statusOrder: PROGRESS_STATES.indexOf(s),
      projects: g.byStatus[s],
    })),
  );
  const domain = PROGRESS_STATES.map((s) => states[s]);
  return withDigits<TopLevelSpec>({
    $schema: VEGA_LITE_SCHEMA,
    ...(o.title === false ? {} : { title: { text: o.title ?? t.title(rollup.asOf), subtitle: t.note } }),
    width: o.width,
    height: o.height,
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'group', type: 'nominal', sort: groups, title: null, axis: wrappedLabels(groups, 360) },
      x: {
        field: 'projects',
        type: 'quantitative',
        stack: normalize ? 'normalize' : 'zero',
        title: normalize ? t.share : t.projects,
        axis: normalize ? { format: '%' } : { tickMinStep: 1 },
      },
      color: {
        field: 'status',
        type: 'nominal',
        title: t.status,
        scale: o.scheme === undefined ? { domain, range: PROGRESS_STATES.map((s) => STATE_COLOURS[s]) } : { domain, scheme: o.scheme as ColorScheme },
        legend: { orient: 'bottom' },
      },
      order: { field: 'statusOrder', type: 'quantitative' },
      tooltip: [
        { field: 'group', type: 'nominal', title: t.group },
        { field: 'status', type: 'nominal', title: t.status },
        { field: 'projects', type: 'quantitative', title: t.projects },
      ],
    },
    config: {
      font: o.font,
      title: { font: o.font, subtitleLineHeight: lineHeightFor(11) },
      axis: { labelFont: o.font, titleFont: o.font, labelLimit: 0, labelLineHeight: lineHeightFor(11), maxExtent: MAX_AXIS_EXTENT },
      legend: { labelFont: o.font, titleFont: o.font, labelLimit: 0 },
    },
    usermeta: {
      provenance: {
        library: 'cpi-gap',
        builder: fn,
        data: 'progress updates reported by the agencies, rolled up with progressRollup',
        plan: 'Thailand FY2023 (B.E. 2566) action plan to raise the CPI score: Part 2 projects, Part 3 follow-up',
        by: rollup.by,
        asOf: rollup.asOf,
        counting: 'each project once per group (the open-data project listed under three measures counts once)',
      },
    },
  }, o.digits);
}

/**
 * The status chart under its former name.
 * @deprecated Use {@link planStatusSpec}, named like the other builders.
 * @example
 * ```ts
 * import { progressRollup } from 'cpi-gap/plan';
 * import { statusByWorkstreamChart } from 'cpi-gap/charts';
 *
 * const spec = statusByWorkstreamChart(progressRollup([], { asOf: '2023-03-31' }), { locale: 'en' });
 * (spec.usermeta?.['provenance'] as { builder: string }).builder; // => 'planStatusSpec'
 * ```
 */
export function statusByWorkstreamChart(rollup: ProgressRollup, options?: PlanStatusOptions): TopLevelSpec {
  return planStatusSpec(rollup, options);
}
