import type { TopLevelSpec } from 'vega-lite';
import * as z from 'zod/mini';
import { WorkstreamGap } from '../analysis/gaps.js';
import { sourceLabel, yearLabel } from '../i18n/labels.js';
import { chartMeta, frame, oneYearAndTarget, wsLabel } from './frame.js';
import { CHART_MESSAGES } from './messages.js';
import { checkRecords, resolveOptions, type ChartOptions } from './options.js';
import { wrappedLabels } from './textWrap.js';

/** Widest a workstream's row label may be (px) before it wraps. */
const ROW_LABEL_WIDTH = 260;

/**
 * Options of {@link workstreamMatrixSpec}: the {@link ChartOptions} (scheme default `'oranges'`, for the gaps).
 * @example
 * ```ts
 * import { thailand, workstreamGaps } from 'cpi-gap';
 * import { workstreamMatrixSpec, type WorkstreamMatrixOptions } from 'cpi-gap/charts';
 *
 * const options: WorkstreamMatrixOptions = { locale: 'th', scheme: 'reds' };
 * const spec = workstreamMatrixSpec(workstreamGaps(thailand), options);
 * ```
 */
export type WorkstreamMatrixOptions = ChartOptions;

/**
 * Workstreams (rows) by sources (columns): a cell where a workstream answers a source, coloured and
 * labelled with that source's gap to the target; `*` marks a source that feeds more than one
 * workstream (its gap appears in each row). Empty cells: the workstream does not answer the source.
 * Workstream records carry no origins: pass them with `origins` (as `chartContext` does).
 *
 * @throws {CpiGapError} when `workstreams` is empty or mixes years or targets, or an option is invalid.
 * @example
 * ```ts
 * import { thailand, workstreamGaps } from 'cpi-gap';
 * import { chartContext, workstreamMatrixSpec } from 'cpi-gap/charts';
 *
 * const spec = workstreamMatrixSpec(workstreamGaps(thailand, { year: 2022 }), chartContext(thailand, { year: 2022 }));
 * ```
 */
export function workstreamMatrixSpec(workstreams: readonly WorkstreamGap[], options?: WorkstreamMatrixOptions): TopLevelSpec {
  const fn = 'workstreamMatrixSpec';
  checkRecords(fn, z.array(WorkstreamGap), workstreams, ['workstreams']);
  const o = resolveOptions(fn, 'workstreamMatrix', options, {});
  const first = oneYearAndTarget(fn, 'workstreams', workstreams);
  const m = CHART_MESSAGES[o.locale];
  const values = workstreams.flatMap((w) =>
    w.sources.map((s) => ({
      workstream: wsLabel(o, w.workstream),
      source: sourceLabel(null, s.source, o.locale),
      score: s.score,
      gap: s.gap,
      label: `${s.gap.toFixed(s.gap % 1 === 0 ? 0 : 1)}${s.alsoIn.length > 0 ? '*' : ''}`,
      alsoIn: s.alsoIn.map((n) => wsLabel(o, n)).join(' / '),
    })),
  );
  const sources = [...new Set(values.map((v) => v.source))];
  const rows = workstreams.map((w) => wsLabel(o, w.workstream));
  const x = { field: 'source', type: 'nominal', title: m.source, sort: sources, axis: { orient: 'top', labelAngle: -30 } };
  const y = { field: 'workstream', type: 'nominal', title: m.workstream, sort: rows, axis: wrappedLabels(rows, ROW_LABEL_WIDTH) };
  const layer = [
    {
      mark: { type: 'rect', stroke: 'white', strokeWidth: 2 },
      encoding: {
        x,
        y,
        color: { field: 'gap', type: 'quantitative', title: m.gapShort, scale: { scheme: o.scheme } },
        tooltip: [
          { field: 'workstream', type: 'nominal', title: m.workstream },
          { field: 'source', type: 'nominal', title: m.source },
          { field: 'score', type: 'quantitative', title: m.score, format: '.1f' },
          { field: 'gap', type: 'quantitative', title: m.gapShort, format: '.1f' },
          { field: 'alsoIn', type: 'nominal', title: m.workstreams },
        ],
      },
    },
    { mark: { type: 'text', fontSize: 12 }, encoding: { x, y, text: { field: 'label', type: 'nominal' } } },
  ];
  const meta = chartMeta(o, [], { year: first.year, target: first.target });
  return frame(o, m.matrixTitle(yearLabel(first.year, o.era), first.target), [m.matrixSubtitle], meta, { data: { values }, layer });
}
