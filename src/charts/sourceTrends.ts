import type { TopLevelSpec } from 'vega-lite';
import * as z from 'zod/mini';
import { CpiYear, SourceScore, Target, TiUncertainty } from '../dataset/schema.js';
import type { DeepReadonly } from '../util/freeze.js';
import { fail } from '../errors.js';
import { sourceLabel, yearLabel, type Locale } from '../i18n/labels.js';
import { chartMeta, countryName, frame, shownYear } from './frame.js';
import { CHART_MESSAGES } from './messages.js';
import { checkRecords, resolveOptions, type ChartOptions, type ResolvedChartOptions } from './options.js';
import { wrappedLabels } from './textWrap.js';

/** Widest a label of the legend beside the plot may be (px) before it wraps. */
const LEGEND_WIDTH = 220;

/**
 * What the source-trends chart draws: source scores per year, and optionally the published CPI
 * (with TI's 90% confidence interval when `ti` is present) and targets. A `Dataset` fits as is: the
 * fields are the dataset's own (`SourceScore`, `CpiYear`, `Target`), origins optional.
 * @example
 * ```ts
 * import { thailand } from 'cpi-gap';
 * import { sourceTrendsSpec, type TrendInput } from 'cpi-gap/charts';
 *
 * // A dataset fits as is; or pick parts: the sources only, with one target.
 * const input: TrendInput = { scores: thailand.scores, targets: [{ year: 2027, score: 51 }] };
 * const spec = sourceTrendsSpec(input, { locale: 'en' });
 * ```
 */
export const TrendInput = z.object({
  scores: z.array(z.object(z.partial(SourceScore, { origin: true }).shape)),
  cpi: z.optional(
    z.array(
      z.object({
        ...z.partial(z.pick(CpiYear, { year: true, score: true, origin: true }), { origin: true }).shape,
        ti: z.optional(z.object(z.partial(z.pick(TiUncertainty, { lower: true, upper: true, origin: true }), { origin: true }).shape)),
      }),
    ),
  ),
  targets: z.optional(z.array(z.object(z.pick(Target, { year: true, score: true }).shape))),
});
export type TrendInput = DeepReadonly<z.input<typeof TrendInput>>;

/**
 * Options of {@link sourceTrendsSpec}: the {@link ChartOptions} (scheme default `'tableau10'`, for the sources).
 * @example
 * ```ts
 * import { thailand } from 'cpi-gap';
 * import { sourceTrendsSpec, type SourceTrendsOptions } from 'cpi-gap/charts';
 *
 * const options: SourceTrendsOptions = { locale: 'th', era: 'be', width: 800, height: 400 };
 * const spec = sourceTrendsSpec(thailand, options);
 * ```
 */
export type SourceTrendsOptions = ChartOptions;

/**
 * Each source's score over the years (thin coloured lines), the CPI (thick black line) with TI's
 * 90% confidence interval (grey band), and each target as a dashed line labelled with its score and
 * year.
 *
 * @throws {CpiGapError} when there are no scores, or an option is invalid.
 * @example
 * ```ts
 * import { thailand } from 'cpi-gap';
 * import { chartContext, sourceTrendsSpec } from 'cpi-gap/charts';
 *
 * const spec = sourceTrendsSpec(thailand, { ...chartContext(thailand), locale: 'th', era: 'be' });
 * (spec.usermeta?.['cpiGap'] as { sources: string[] }).sources.length; // => 9
 * ```
 */
export function sourceTrendsSpec(input: TrendInput, options?: SourceTrendsOptions): TopLevelSpec {
  const fn = 'sourceTrendsSpec';
  checkRecords(fn, TrendInput, input, ['input']);
  const o = resolveOptions(fn, 'sourceTrends', options, {});
  if (input.scores.length === 0) fail(fn, ['input', 'scores'], 'expected at least one source score', input.scores);
  const m = CHART_MESSAGES[o.locale];
  const order = [...new Set(input.scores.map((s) => s.source))];
  const axes = {
    x: { field: 'year', type: 'quantitative', title: m.year(o.era), axis: { format: 'd', tickMinStep: 1 }, scale: { zero: false, nice: false } },
    y: { field: 'score', type: 'quantitative', title: m.score, scale: { zero: false } },
  };
  const cpi = (input.cpi ?? []).map((c) => ({ year: shownYear(c.year, o.era), score: c.score, ...(c.ti ? { lower: c.ti.lower, upper: c.ti.upper } : {}) }));
  const targets = (input.targets ?? []).map((t) => ({ score: t.score, label: m.targetLabel(t.score, yearLabel(t.year, o.era)) }));
  const layer = [...bandLayers(o, m, axes, cpi), sourceLayer(o, m, axes, input, order), ...cpiLayers(o, m, axes, cpi), ...targetLayers(o, axes, targets)];
  const origins = [...input.scores.map((s) => s.origin), ...(input.cpi ?? []).flatMap((c) => (c.ti ? [c.origin, c.ti.origin] : [c.origin]))];
  const meta = chartMeta(o, origins, { years: [...new Set(input.scores.map((s) => s.year))].sort((a, b) => a - b), sources: order });
  return frame(o, m.sourceTrendsTitle(countryName(o)), [m.sourceTrendsSubtitle], meta, { layer });
}

type Messages = (typeof CHART_MESSAGES)[Locale];
/** The shared x (year) and y (score) encodings. */
interface Axes {
  readonly x: Record<string, unknown>;
  readonly y: Record<string, unknown>;
}
interface CpiPoint {
  readonly year: number;
  readonly score: number;
  readonly lower?: number;
  readonly upper?: number;
}

/** TI's 90% confidence interval as a grey band (none when no year has one). */
function bandLayers(o: ResolvedChartOptions, m: Messages, { x, y }: Axes, cpi: readonly CpiPoint[]): unknown[] {
  const band = cpi.filter((c) => c.lower !== undefined);
  if (band.length === 0) return [];
  return [
    {
      data: { values: band },
      mark: { type: 'area', color: '#7f7f7f', opacity: 0.25 },
      encoding: {
        x,
        y: { ...y, field: 'lower' },
        y2: { field: 'upper' },
        tooltip: [
          { field: 'year', type: 'quantitative', title: m.year(o.era), format: 'd' },
          { field: 'lower', type: 'quantitative', title: `${m.ci90}: ${m.lower}`, format: '.1f' },
          { field: 'upper', type: 'quantitative', title: `${m.ci90}: ${m.upper}`, format: '.1f' },
        ],
      },
    },
  ];
}

/** One thin coloured line per source, in the order the sources first appear. */
function sourceLayer(o: ResolvedChartOptions, m: Messages, { x, y }: Axes, input: TrendInput, order: readonly TrendInput['scores'][number]['source'][]): unknown {
  const lines = input.scores.map((s) => ({ source: sourceLabel(null, s.source, o.locale), year: shownYear(s.year, o.era), score: s.value }));
  const labels = order.map((id) => sourceLabel(null, id, o.locale));
  return {
    data: { values: lines },
    mark: { type: 'line', strokeWidth: 1.5, point: { size: 18 } },
    encoding: {
      x,
      y,
      color: { field: 'source', type: 'nominal', title: m.source, scale: { scheme: o.scheme, domain: labels }, legend: { orient: 'right', ...wrappedLabels(labels, LEGEND_WIDTH) } },
      tooltip: [
        { field: 'source', type: 'nominal', title: m.source },
        { field: 'year', type: 'quantitative', title: m.year(o.era), format: 'd' },
        { field: 'score', type: 'quantitative', title: m.score, format: '.1f' },
      ],
    },
  };
}

/** The CPI as a thick black line, labelled at its last year. */
function cpiLayers(o: ResolvedChartOptions, m: Messages, { x, y }: Axes, cpi: readonly CpiPoint[]): unknown[] {
  const last = cpi.at(-1);
  if (last === undefined) return [];
  return [
    {
      data: { values: cpi },
      mark: { type: 'line', color: 'black', strokeWidth: 3.5, point: { color: 'black', size: 40 } },
      encoding: {
        x,
        y,
        tooltip: [
          { field: 'year', type: 'quantitative', title: m.year(o.era), format: 'd' },
          { field: 'score', type: 'quantitative', title: m.cpi },
        ],
      },
    },
    {
      data: { values: [{ ...last, label: m.cpi }] },
      mark: { type: 'text', align: 'left', dx: 8, fontWeight: 'bold', fontSize: 12 },
      encoding: { x, y, text: { field: 'label', type: 'nominal' } },
    },
  ];
}

/** Each target as a dashed red line, labelled with its score and year at the right edge. */
function targetLayers(o: ResolvedChartOptions, { y }: Axes, targets: readonly { score: number; label: string }[]): unknown[] {
  if (targets.length === 0) return [];
  return [
    {
      data: { values: targets },
      mark: { type: 'rule', color: '#c0392b', strokeDash: [6, 4], strokeWidth: 1.5 },
      encoding: { y },
    },
    {
      data: { values: targets },
      mark: { type: 'text', align: 'right', baseline: 'bottom', dy: -3, color: '#c0392b', fontSize: 11 },
      encoding: { y, x: { value: o.width }, text: { field: 'label', type: 'nominal' } },
    },
  ];
}
