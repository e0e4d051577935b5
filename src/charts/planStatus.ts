import type { TopLevelSpec } from 'vega-lite';
import { z } from 'zod';
import { thailand } from '../dataset/thailand.js';
import { parseInput } from '../errors.js';
import { thaiDate } from '../i18n/buddhistEra.js';
import { workstreamLabel } from '../i18n/labels.js';
import type { ProgressRollup } from '../plan/progress/rollup.js';
import { PROGRESS_STATES, STATE_LABELS, type ProgressState } from '../plan/progress/states.js';
import { MAX_AXIS_EXTENT } from './frame.js';
import { THAI_FONT_STACK } from './options.js';
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
 * Defaults of {@link statusByWorkstreamChart}.
 * @example
 * ```ts
 * import { STATUS_CHART_DEFAULTS } from 'cpi-gap/charts';
 *
 * [STATUS_CHART_DEFAULTS.locale, STATUS_CHART_DEFAULTS.width, STATUS_CHART_DEFAULTS.normalize]; // => ['th', 480, false]
 * ```
 */
export const STATUS_CHART_DEFAULTS = Object.freeze({ locale: 'th', width: 480, height: 200, normalize: false, font: THAI_FONT_STACK } as const);

/**
 * Options of {@link statusByWorkstreamChart}.
 * @example
 * ```ts
 * import { progressRollup } from 'cpi-gap/plan';
 * import { statusByWorkstreamChart, StatusChartOptions } from 'cpi-gap/charts';
 *
 * const options: StatusChartOptions = { locale: 'en', normalize: true };
 * const spec = statusByWorkstreamChart(progressRollup([], { asOf: '2023-03-31' }), options);
 * StatusChartOptions.safeParse({ width: 0 }).success; // => false
 * ```
 */
export const StatusChartOptions = z
  .strictObject({
    /** Language of labels and titles. Default `'th'`. */
    locale: z.enum(['th', 'en']).optional(),
    /** Chart title. Default: "Project status by workstream, as of <date>" in the locale. */
    title: z.string().min(1).optional(),
    /** Plot width in pixels. Default 480. */
    width: z.int().min(1).optional(),
    /** Plot height in pixels. Default 200. */
    height: z.int().min(1).optional(),
    /** Stack to 100% (shares of the group's projects) instead of counts. Default false. */
    normalize: z.boolean().optional(),
    /** CSS font list of every text. Default {@link THAI_FONT_STACK}. */
    font: z.string().min(1).optional(),
  })
  .optional();
export type StatusChartOptions = z.input<typeof StatusChartOptions>;

const RollupShape = z.looseObject({
  asOf: z.string(),
  by: z.enum(['workstream', 'approach', 'measure', 'agency', 'source']),
  groups: z.array(
    z.looseObject({
      key: z.string(),
      name: z.string(),
      nameEn: z.string().optional(),
      byStatus: z.strictObject(Object.fromEntries(PROGRESS_STATES.map((s) => [s, z.int().min(0)])) as Record<ProgressState, z.ZodInt>),
    }),
  ),
});

/** The words of the plan-status chart, in Thai and English (listed in docs/i18n/th-glossary.md). */
export const TEXT = {
  th: { title: (d: string) => `สถานะโครงการ จำแนกตามแผนงาน ณ วันที่ ${thaiDate(d)}`, projects: 'จำนวนโครงการ', share: 'สัดส่วนโครงการ', status: 'สถานะ', group: 'กลุ่ม', note: 'แต่ละโครงการนับครั้งเดียวในแต่ละกลุ่ม' },
  en: { title: (d: string) => `Project status by workstream, as of ${d}`, projects: 'Projects', share: 'Share of projects', status: 'Status', group: 'Group', note: 'Each project counts once per group' },
} as const;

/**
 * A Vega-Lite spec of project status by workstream (or by whatever the roll-up groups by), as
 * horizontal stacked bars: one bar per group, one segment per status (not started, in progress,
 * delayed, done, cancelled, no update) in a fixed order and colour. The counts are the roll-up's
 * own (`byStatus`); the chart computes nothing. Labels are Thai or English; `config.font` is a
 * Thai-capable font list; `usermeta.provenance` says where the numbers come from.
 *
 * @throws {CpiGapError} when `rollup` is not a progress roll-up, or on a bad option.
 * @example
 * ```ts
 * import { progressRollup } from 'cpi-gap/plan';
 * import { statusByWorkstreamChart } from 'cpi-gap/charts';
 *
 * const spec = statusByWorkstreamChart(progressRollup([], { asOf: '2023-03-31' }), { locale: 'en' });
 * (spec.usermeta?.['provenance'] as { asOf: string }).asOf; // => '2023-03-31'
 * ```
 */
export function statusByWorkstreamChart(rollup: ProgressRollup, options?: StatusChartOptions): TopLevelSpec {
  const r = parseInput('statusByWorkstreamChart', RollupShape, rollup, ['rollup']);
  const given = parseInput('statusByWorkstreamChart', StatusChartOptions, options, ['options']) ?? {};
  const d = STATUS_CHART_DEFAULTS;
  const o = {
    locale: given.locale ?? d.locale,
    title: given.title,
    width: given.width ?? d.width,
    height: given.height ?? d.height,
    normalize: given.normalize ?? d.normalize,
    font: given.font ?? d.font,
  };
  const t = TEXT[o.locale];
  const states = STATE_LABELS[o.locale];
  const label = (g: (typeof r.groups)[number]): string => {
    if (r.by === 'workstream') return workstreamLabel(thailand, Number(g.key), o.locale);
    if (r.by === 'source') return g.key;
    return o.locale === 'en' ? (g.nameEn ?? g.name) : g.name;
  };
  const groups = r.groups.map(label);
  const values = r.groups.flatMap((g) =>
    PROGRESS_STATES.filter((s) => g.byStatus[s] > 0).map((s) => ({
      group: label(g),
      key: g.key,
      status: states[s],
      state: s,
      statusOrder: PROGRESS_STATES.indexOf(s),
      projects: g.byStatus[s],
    })),
  );
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: o.title ?? t.title(r.asOf), subtitle: t.note },
    width: o.width,
    height: o.height,
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'group', type: 'nominal', sort: groups, title: null, axis: wrappedLabels(groups, 360) },
      x: {
        field: 'projects',
        type: 'quantitative',
        stack: o.normalize ? 'normalize' : 'zero',
        title: o.normalize ? t.share : t.projects,
        axis: o.normalize ? { format: '%' } : { tickMinStep: 1 },
      },
      color: {
        field: 'status',
        type: 'nominal',
        title: t.status,
        scale: { domain: PROGRESS_STATES.map((s) => states[s]), range: PROGRESS_STATES.map((s) => STATE_COLOURS[s]) },
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
        builder: 'statusByWorkstreamChart',
        data: 'progress updates reported by the agencies, rolled up with progressRollup',
        plan: 'Thailand FY2023 (B.E. 2566) action plan to raise the CPI score: Part 2 projects, Part 3 follow-up',
        by: r.by,
        asOf: r.asOf,
        counting: 'each project once per group (the open-data project listed under three measures counts once)',
      },
    },
  };
}
