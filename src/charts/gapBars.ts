import type { TopLevelSpec } from 'vega-lite';
import * as z from 'zod/mini';
import { SourceGap } from '../analysis/gaps.js';
import { sourceLabel, yearLabel } from '../i18n/labels.js';
import { chartMeta, FONT_SIZES, frame, oneYearAndTarget, wsLabel } from './frame.js';
import { CHART_MESSAGES } from './messages.js';
import { checkRecords, resolveOptions, type ChartOptions } from './options.js';
import { planWorkstreamNames } from './planWorkstreams.js';
import { wrappedLabels } from './textWrap.js';

/**
 * Options of {@link gapBarsSpec}: the {@link ChartOptions} (scheme default `'tableau10'`, for the workstreams).
 * @example
 * ```ts
 * import { sourceGaps, thailand } from 'cpi-gap';
 * import { gapBarsSpec, type GapBarsOptions } from 'cpi-gap/charts';
 *
 * const options: GapBarsOptions = { locale: 'en', scheme: 'set2', title: 'Gaps to 51' };
 * gapBarsSpec(sourceGaps(thailand), options).description; // => 'Gaps to 51'
 * ```
 */
export type GapBarsOptions = ChartOptions;

/**
 * One horizontal bar per source: its gap to the target (`target - score`), sorted from the largest
 * gap down. A source that feeds two workstreams is coloured by the first one it feeds (lowest
 * number) and labelled at the bar's end with every workstream it feeds (`1, 3`); the tooltip names
 * them all; the legend shows the colours the bars have. A source that feeds none is labelled "No
 * workstream". Workstreams are named from `workstreams` (`chartContext`); without it, gaps that map
 * sources to workstreams as the FY2023 plan does are named as the plan names them. Long legend labels
 * wrap to the width of the plot.
 *
 * @throws {CpiGapError} when `gaps` is empty or mixes years or targets, or an option is invalid.
 * @example
 * ```ts
 * import { sourceGaps, thailand } from 'cpi-gap';
 * import { chartContext, gapBarsSpec } from 'cpi-gap/charts';
 *
 * const spec = gapBarsSpec(sourceGaps(thailand, { year: 2022 }), { ...chartContext(thailand, { year: 2022 }), locale: 'th', era: 'be' });
 * spec.description; // => 'ช่องว่างของแต่ละแหล่งข้อมูลถึงค่าเป้าหมาย 51 คะแนน ปี 2565'
 * ```
 */
export function gapBarsSpec(gaps: readonly SourceGap[], options?: GapBarsOptions): TopLevelSpec {
  const fn = 'gapBarsSpec';
  checkRecords(fn, z.array(SourceGap), gaps, ['gaps']);
  const resolved = resolveOptions(fn, 'gapBars', options, {});
  // Without names (no chartContext), the plan's own names when the gaps map sources as the plan does.
  const o = resolved.workstreams.length > 0 ? resolved : { ...resolved, workstreams: planWorkstreamNames(gaps) };
  const first = oneYearAndTarget(fn, 'gaps', gaps);
  const m = CHART_MESSAGES[o.locale];
  const numbers = [...new Set(gaps.flatMap((g) => g.workstreams))].sort((a, b) => a - b);
  const domain = [...numbers.map((n) => wsLabel(o, n)), ...(gaps.some((g) => g.workstreams.length === 0) ? [m.noWorkstream] : [])];
  const values = gaps.map((g) => {
    const sorted = [...g.workstreams].sort((a, b) => a - b);
    const lead = sorted[0];
    return {
      source: sourceLabel(null, g.source, o.locale),
      score: g.score,
      gap: g.gap,
      gapRank: g.gapRank,
      workstream: lead === undefined ? m.noWorkstream : wsLabel(o, lead),
      workstreams: sorted.join(', '),
      workstreamNames: sorted.map((n) => wsLabel(o, n)).join(' / ') || m.noWorkstream,
    };
  });
  const order = [...values].sort((a, b) => b.gap - a.gap).map((v) => v.source);
  // The colour scale keeps every workstream (colours stay those of the other charts); the legend shows
  // only the colours a bar has: a source is coloured by its first workstream.
  const shown = domain.filter((label) => values.some((v) => v.workstream === label));
  const legend = { orient: 'bottom', direction: 'vertical', values: shown, ...wrappedLabels(shown, o.width, FONT_SIZES.label) };
  const y = { field: 'source', type: 'nominal', title: m.source, sort: order };
  const x = { field: 'gap', type: 'quantitative', title: m.gap };
  const layer = [
    {
      mark: { type: 'bar', cornerRadiusEnd: 2 },
      encoding: {
        y,
        x,
        color: { field: 'workstream', type: 'nominal', title: m.firstWorkstream, scale: { scheme: o.scheme, domain }, legend },
        tooltip: [
          { field: 'source', type: 'nominal', title: m.source },
          { field: 'score', type: 'quantitative', title: m.score, format: '.1f' },
          { field: 'gap', type: 'quantitative', title: m.gapShort, format: '.1f' },
          { field: 'workstreamNames', type: 'nominal', title: m.workstreams },
        ],
      },
    },
    {
      mark: { type: 'text', align: 'left', dx: 4, fontSize: 11, color: '#333333' },
      encoding: { y, x, text: { field: 'workstreams', type: 'nominal' } },
    },
    { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: '#333333' }, encoding: { x: { field: 'zero', type: 'quantitative' } } },
  ];
  const meta = chartMeta(o, gaps.map((g) => g.origin), { year: first.year, target: first.target, colour: 'first workstream; the label lists all' });
  return frame(o, m.gapBarsTitle(yearLabel(first.year, o.era), first.target), [m.gapBarsSubtitle], meta, { data: { values }, layer });
}
