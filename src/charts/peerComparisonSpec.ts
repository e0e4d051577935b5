import type { TopLevelSpec } from 'vega-lite';
import * as z from 'zod/mini';
import { PeerComparison } from '../world/records.js';
import { yearLabel } from '../i18n/labels.js';
import { chartMeta, frame } from './frame.js';
import { CHART_MESSAGES } from './messages.js';
import { checkRecords, resolveOptions, type ChartOptions } from './options.js';

/** The fields of a comparison the chart draws (records with more, or from JSON, pass too). */
const PeerDrawn = z.pick(PeerComparison, { name: true, year: true, group: true, groupRank: true, groupSize: true, median: true, significance: true, peers: true, origins: true });

/**
 * Options of {@link peerComparisonSpec}: the {@link ChartOptions} (scheme default `'tableau10'`:
 * peers take its first colour; the country is drawn in near-black).
 * @example
 * ```ts
 * import { peerComparisonSpec, type PeerComparisonSpecOptions } from 'cpi-gap/charts';
 * import { peerComparison } from 'cpi-gap/world';
 *
 * const options: PeerComparisonSpecOptions = { locale: 'th', era: 'be' };
 * peerComparisonSpec(peerComparison('THA', { group: 'asean', year: 2025 }), options).description; // => 'ไทย ในกลุ่มอาเซียน CPI ปี 2568: อันดับ 8 จาก 11'
 * ```
 */
export type PeerComparisonSpecOptions = ChartOptions;

/**
 * A country among its peers (a `peerComparison` record of cpi-gap/world): one row per member, best
 * score first, a dot at its CPI score and a bar over TI's 90% confidence interval; the country in
 * near-black, peers in the scheme's first colour, hollow when the library's significance test finds
 * no difference from the country; a dashed line at the group's median. Names, title and tooltips
 * in Thai or English; the provenance line names TI's edition. The chart computes nothing: every
 * number is the record's.
 *
 * @throws {CpiGapError} when the record lacks a field or an option is invalid.
 * @example
 * ```ts
 * import { peerComparisonSpec } from 'cpi-gap/charts';
 * import { peerComparison } from 'cpi-gap/world';
 *
 * const spec = peerComparisonSpec(peerComparison('THA', { group: 'asean', year: 2025 }));
 * spec.description; // => 'Thailand among ASEAN, CPI 2025: 8 of 11'
 * (spec.usermeta?.['cpiGap'] as { provenance: { tiEditions: number[] } }).provenance.tiEditions; // => [2025]
 * ```
 */
export function peerComparisonSpec(comparison: Pick<PeerComparison, 'name' | 'year' | 'group' | 'groupRank' | 'groupSize' | 'median' | 'significance' | 'peers' | 'origins'>, options?: PeerComparisonSpecOptions): TopLevelSpec {
  const fn = 'peerComparisonSpec';
  checkRecords(fn, PeerDrawn, comparison, ['comparison']);
  const o = resolveOptions(fn, 'peerComparison', options, {});
  const m = CHART_MESSAGES[o.locale];
  const name = (n: { readonly en: string; readonly th: string }) => (o.locale === 'th' ? n.th : n.en);
  const country = name(comparison.name);
  const values = comparison.peers.map((p) => ({
    name: name(p.name),
    iso3: p.iso3,
    score: p.score,
    lower: p.lower,
    upper: p.upper,
    rank: p.rank,
    difference: p.difference,
    pValue: p.pValue,
    kind: p.self ? 'self' : p.tied === true ? 'tied' : 'different',
    series: m.countries,
    tied: p.self ? '' : p.tied === true ? m.yes : m.no,
  }));
  const y = { field: 'name', type: 'nominal', title: null, sort: values.map((v) => v.name) };
  const x = { field: 'score', type: 'quantitative', title: m.score, scale: { domain: [0, 100] } };
  // Every peer takes the scheme's first colour (one series); the country is near-black.
  const colour = { condition: { test: "datum.kind === 'self'", value: '#111111' }, field: 'series', type: 'nominal', scale: { scheme: o.scheme }, legend: null };
  const fill = { condition: [{ test: "datum.kind === 'tied'", value: 'white' }, { test: "datum.kind === 'self'", value: '#111111' }], field: 'series', type: 'nominal', scale: { scheme: o.scheme }, legend: null };
  const layer = [
    { mark: { type: 'rule', strokeWidth: 2, opacity: 0.6 }, encoding: { y, x: { field: 'lower', type: 'quantitative', title: m.score, scale: { domain: [0, 100] } }, x2: { field: 'upper' }, color: colour } },
    {
      mark: { type: 'point', size: 80, strokeWidth: 2, opacity: 1, filled: true },
      encoding: {
        y,
        x,
        stroke: colour,
        fill,
        tooltip: [
          { field: 'name', type: 'nominal', title: m.country },
          { field: 'score', type: 'quantitative', title: m.score },
          { field: 'lower', type: 'quantitative', title: m.lower, format: '.1f' },
          { field: 'upper', type: 'quantitative', title: m.upper, format: '.1f' },
          { field: 'rank', type: 'quantitative', title: m.worldRank },
          { field: 'difference', type: 'quantitative', title: m.difference },
          { field: 'pValue', type: 'quantitative', title: m.pValue, format: '.3f' },
          { field: 'tied', type: 'nominal', title: m.tied },
        ],
      },
    },
    {
      data: { values: [{ median: comparison.median, label: m.peerMedian(comparison.median) }] },
      layer: [
        { mark: { type: 'rule', strokeDash: [6, 4], color: '#555555' }, encoding: { x: { field: 'median', type: 'quantitative' } } },
        { mark: { type: 'text', align: 'left', dx: 4, dy: -6, baseline: 'bottom', fontSize: 11, color: '#555555' }, encoding: { x: { field: 'median', type: 'quantitative' }, y: { value: 0 }, text: { field: 'label' } } },
      ],
    },
  ];
  const meta = chartMeta(o, comparison.origins, { year: comparison.year, group: comparison.group.id, groupRank: comparison.groupRank, groupSize: comparison.groupSize, significance: comparison.significance });
  const title = m.peersTitle(country, name(comparison.group.name), yearLabel(comparison.year, o.era), comparison.groupRank, comparison.groupSize);
  const height = Math.max(o.height, 22 * values.length);
  return frame({ ...o, height }, title, m.peersSubtitle(country, comparison.significance.test, comparison.significance.alpha), meta, { data: { values }, layer });
}
