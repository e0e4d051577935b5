import type { TopLevelSpec } from 'vega-lite';
import * as z from 'zod/mini';
import { SourceScore } from '../dataset/schema.js';
import type { DeepReadonly } from '../util/freeze.js';
import { fail } from '../errors.js';
import { sourceLabel } from '../i18n/labels.js';
import { chartMeta, countryName, frame, shownYear } from './frame.js';
import { CHART_MESSAGES } from './messages.js';
import { checkRecords, resolveOptions, type ChartOptions } from './options.js';

/**
 * One source score of one year: the dataset's `SourceScore`, its `origin` optional (the dataset's
 * `scores` rows fit).
 * @example
 * ```ts
 * import { thailand } from 'cpi-gap';
 * import { sourceHeatmapSpec, type HeatmapScore } from 'cpi-gap/charts';
 *
 * const recent: HeatmapScore[] = thailand.scores.filter((s) => s.year >= 2023);
 * const spec = sourceHeatmapSpec(recent, { locale: 'th' });
 * ```
 */
export const HeatmapScore = z.object(z.partial(SourceScore, { origin: true }).shape);
export type HeatmapScore = DeepReadonly<z.output<typeof HeatmapScore>>;

/**
 * Options of {@link sourceHeatmapSpec}: the {@link ChartOptions} (scheme default `'yelloworangered'`).
 * @example
 * ```ts
 * import { thailand } from 'cpi-gap';
 * import { sourceHeatmapSpec, type SourceHeatmapOptions } from 'cpi-gap/charts';
 *
 * const options: SourceHeatmapOptions = { era: 'be', scheme: 'blues' };
 * JSON.stringify(sourceHeatmapSpec(thailand.scores, options)).includes('"scheme":"blues"'); // => true
 * ```
 */
export type SourceHeatmapOptions = ChartOptions;

/** Scores below this are printed in white on the dark end of the colour scale. */
const DARK_BELOW = 30;

/**
 * Sources (rows, in the order given) by years (columns), each cell coloured by the score on a
 * fixed 0-100 scale (reversed, so that low scores, "more corrupt", take the dark end of the scheme)
 * and labelled with the score. Years absent for a source stay empty.
 *
 * @throws {CpiGapError} when `scores` is empty, or an option is invalid.
 * @example
 * ```ts
 * import { thailand } from 'cpi-gap';
 * import { chartContext, sourceHeatmapSpec } from 'cpi-gap/charts';
 *
 * const spec = sourceHeatmapSpec(thailand.scores, { ...chartContext(thailand), era: 'be' });
 * ```
 */
export function sourceHeatmapSpec(scores: readonly HeatmapScore[], options?: SourceHeatmapOptions): TopLevelSpec {
  const fn = 'sourceHeatmapSpec';
  checkRecords(fn, z.array(HeatmapScore), scores, ['scores']);
  const o = resolveOptions(fn, 'sourceHeatmap', options, {});
  if (scores.length === 0) fail(fn, ['scores'], 'expected at least one source score', scores);
  const m = CHART_MESSAGES[o.locale];
  const order = [...new Set(scores.map((s) => s.source))].map((id) => sourceLabel(null, id, o.locale));
  const values = scores.map((s) => ({ source: sourceLabel(null, s.source, o.locale), year: shownYear(s.year, o.era), score: s.value }));
  // The years are numbers on an ordinal axis: formatted as numbers, so that they take the chart's digits.
  const x = { field: 'year', type: 'ordinal', title: m.year(o.era), axis: { labelAngle: 0, orient: 'top', format: 'd', formatType: 'number' } };
  const y = { field: 'source', type: 'nominal', title: m.source, sort: order };
  const layer = [
    {
      mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
      encoding: {
        x,
        y,
        color: { field: 'score', type: 'quantitative', title: m.score, scale: { scheme: o.scheme, domain: [0, 100], reverse: true } },
        tooltip: [
          { field: 'source', type: 'nominal', title: m.source },
          { field: 'year', type: 'ordinal', title: m.year(o.era), format: 'd', formatType: 'number' },
          { field: 'score', type: 'quantitative', title: m.score, format: '.1f' },
        ],
      },
    },
    {
      mark: { type: 'text', fontSize: 11 },
      encoding: {
        x,
        y,
        text: { field: 'score', type: 'quantitative', format: '.0f' },
        color: { condition: { test: `datum.score < ${DARK_BELOW}`, value: 'white' }, value: 'black' },
      },
    },
  ];
  const years = [...new Set(scores.map((s) => s.year))].sort((a, b) => a - b);
  const meta = chartMeta(o, scores.map((s) => s.origin), { years });
  return frame(o, m.heatmapTitle(countryName(o)), [], meta, { data: { values }, layer });
}
