import type { TopLevelSpec } from 'vega-lite';
import { yearLabel } from '../i18n/labels.js';
import { chartMeta, countryName, frame } from './frame.js';
import { CHART_MESSAGES } from './messages.js';
import { checkRecords, resolveOptions, type ChartOptions } from './options.js';
import { RankPosition } from './records.js';

/**
 * Options of {@link rankPositionSpec}: the {@link ChartOptions} (scheme default `'tableau10'`: bars take its first colour).
 * @example
 * ```ts
 * import { rankPosition, rankPositionSpec, type RankPositionOptions } from 'cpi-gap/charts';
 *
 * const options: RankPositionOptions = { locale: 'en', country: { iso3: 'THA', name: { en: 'Thailand', th: 'ประเทศไทย' } } };
 * const spec = rankPositionSpec(rankPosition([90, 50, 36, 36, 20], { year: 2022, score: 36 }), options);
 * ```
 */
export type RankPositionOptions = ChartOptions;

/**
 * A year's CPI scores as bars (countries per score, on the 0-100 scale), the country's score as a
 * solid line labelled with its rank, and for each target rank a dashed line at the lowest score that
 * reaches it. The country is named by `options.country` ("Country" otherwise).
 *
 * @throws {CpiGapError} when an option is invalid.
 * @example
 * ```ts
 * import { thailand } from 'cpi-gap';
 * import { rankPosition, rankPositionSpec } from 'cpi-gap/charts';
 *
 * // Every country's CPI 2022 score comes from TI's results file (readTiResults); five made-up ones here.
 * const p = rankPosition([90, 50, 36, 36, 20], { year: 2022, score: 36, targetRanks: [2] });
 * const spec = rankPositionSpec(p, { country: thailand.country, locale: 'th' });
 * (spec.usermeta?.['cpiGap'] as { rank: number }).rank; // => 3
 * ```
 */
export function rankPositionSpec(position: RankPosition, options?: RankPositionOptions): TopLevelSpec {
  checkRecords('rankPositionSpec', RankPosition, position, ['position']);
  const o = resolveOptions('rankPositionSpec', 'rankPosition', options, {});
  const m = CHART_MESSAGES[o.locale];
  const name = countryName(o) ?? m.country;
  const marks = [
    { score: position.score, label: m.countryAt(name, position.score, position.rank), kind: 'country' },
    ...position.targets.map((t) => ({ score: t.score, label: m.rankNeeds(t.rank, t.score), kind: 'target' })),
  ].map((r, i) => ({ ...r, row: i }));
  const x = { field: 'score', type: 'quantitative', title: m.score, scale: { domain: [0, 100] } };
  const layer = [
    {
      transform: [{ calculate: JSON.stringify(m.countries), as: 'series' }],
      mark: { type: 'bar', size: Math.max(2, Math.floor(o.width / 110)) },
      encoding: {
        x,
        y: { field: 'count', type: 'quantitative', title: m.countries, axis: { tickMinStep: 1 } },
        color: { field: 'series', type: 'nominal', scale: { scheme: o.scheme }, legend: null },
        tooltip: [
          { field: 'score', type: 'quantitative', title: m.score },
          { field: 'count', type: 'quantitative', title: m.countries },
        ],
      },
    },
    {
      data: { values: marks },
      mark: { type: 'rule', strokeWidth: 2 },
      encoding: {
        x,
        color: { condition: { test: "datum.kind === 'country'", value: '#111111' }, value: '#c0392b' },
        strokeDash: { condition: { test: "datum.kind === 'country'", value: [1, 0] }, value: [6, 4] },
      },
    },
    {
      data: { values: marks },
      mark: { type: 'text', align: 'left', dx: 4, baseline: 'top', fontSize: 11 },
      encoding: {
        x,
        y: { field: 'row', type: 'quantitative', axis: null, scale: { domain: [-0.2, Math.max(6, marks.length * 1.5)], reverse: true } },
        text: { field: 'label', type: 'nominal' },
        color: { condition: { test: "datum.kind === 'country'", value: '#111111' }, value: '#c0392b' },
      },
    },
  ];
  const meta = chartMeta(o, [position.origin], { year: position.year, countries: position.countries, rank: position.rank, targets: position.targets });
  return frame(o, m.rankTitle(yearLabel(position.year, o.era)), [m.rankSubtitle], meta, { data: { values: position.distribution.map((d) => ({ score: d.score, count: d.count })) }, layer, resolve: { scale: { y: 'independent' } } });
}
