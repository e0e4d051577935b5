import type { TopLevelSpec } from 'vega-lite';
import { version } from '../../package.json';
import type { Provenance } from '../dataset/schema.js';
import { fail } from '../errors.js';
import { toBuddhistEra } from '../i18n/buddhistEra.js';
import type { Digits, Era, Locale } from '../i18n/labels.js';
import { toThaiDigits } from '../i18n/thaiNumber.js';
import { provenanceLine } from '../report/gapReport.js';
import { withDigits } from './digits.js';
import type { ResolvedChartOptions } from './options.js';
import { lineHeightFor, wrapText } from './textWrap.js';

/**
 * The Vega-Lite schema the specs are written against (vega-lite 6).
 * @example
 * ```ts
 * import { sourceGaps, thailand } from 'cpi-gap';
 * import { gapBarsSpec, VEGA_LITE_SCHEMA } from 'cpi-gap/charts';
 *
 * gapBarsSpec(sourceGaps(thailand)).$schema === VEGA_LITE_SCHEMA; // => true
 * ```
 */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/**
 * What a chart's `usermeta.cpiGap` holds: who made the spec, from what, and how to read it.
 * @example
 * ```ts
 * import { sourceGaps, thailand } from 'cpi-gap';
 * import { chartContext, gapBarsSpec, type ChartMeta } from 'cpi-gap/charts';
 *
 * const spec = gapBarsSpec(sourceGaps(thailand, { year: 2025 }), chartContext(thailand, { year: 2025 }));
 * const meta = spec.usermeta?.['cpiGap'] as ChartMeta;
 * meta.chart; // => 'gapBars'
 * meta.provenance.tiEditions; // => [2025]
 * meta['year']; // => 2025
 * ```
 */
export interface ChartMeta {
  readonly library: 'cpi-gap';
  readonly version: string;
  readonly chart: string;
  readonly locale: Locale;
  readonly era: Era;
  /** The digits the chart writes its figures in. */
  readonly digits: Digits;
  readonly country: { readonly iso3: string | null; readonly name: string } | null;
  readonly provenance: {
    /** Sections of the seed document (the FY2023 action plan) the numbers come from. */
    readonly seedSections: readonly string[];
    /** Editions of TI's Corruption Perceptions Index the numbers come from. */
    readonly tiEditions: readonly number[];
    /** TI files named by the origins. */
    readonly tiFiles: readonly string[];
    /** Notes of user-supplied origins. */
    readonly user: readonly string[];
    /** One line in the chart's locale, as printed under the title. */
    readonly text: string;
  };
  /** Chart-specific facts (year, target, split rule...). */
  readonly [key: string]: unknown;
}

/** A year as the chart shows it: CE as is, B.E. as CE + 543. */
export function shownYear(year: number, era: Era): number {
  return era === 'be' ? toBuddhistEra(year) : year;
}

/** The country's name in the chart's locale, if the options name a country. */
export function countryName(o: ResolvedChartOptions): string | undefined {
  if (o.country === undefined) return undefined;
  return (o.locale === 'th' ? o.country.name.th : undefined) ?? o.country.name.en;
}

/**
 * A workstream's label from the names in the options, as `workstreamLabel` writes it for a dataset:
 * `WS1 Bribery prevention`, `แผนงานเรื่องที่ 1 การป้องกันการติดสินบน` (the number alone without a name).
 */
export function wsLabel(o: ResolvedChartOptions, number: number): string {
  const w = o.workstreams.find((x) => x.number === number);
  if (o.locale === 'th') return `แผนงานเรื่องที่ ${number}${w?.name.th ? ` ${w.name.th}` : ''}`;
  return `WS${number}${w ? ` ${w.name.en}` : ''}`;
}

function uniqueSorted<T extends string | number>(values: readonly T[]): T[] {
  return [...new Set(values)].sort((a, b) => (a < b ? -1 : 1)); // distinct: never equal
}

/** Build `usermeta.cpiGap` from the records' origins and the options. */
export function chartMeta(o: ResolvedChartOptions, origins: readonly (Provenance | null | undefined)[], extra: Record<string, unknown> = {}): ChartMeta {
  const all = [...origins, ...o.origins].filter((x): x is Provenance => x !== null && x !== undefined);
  const name = countryName(o);
  return {
    library: 'cpi-gap',
    version,
    chart: o.kind,
    locale: o.locale,
    era: o.era,
    digits: o.digits,
    country: o.country === undefined || name === undefined ? null : { iso3: o.country.iso3 ?? null, name },
    provenance: {
      seedSections: uniqueSorted(all.flatMap((p) => (p.kind === 'seed' ? [p.section] : []))),
      tiEditions: uniqueSorted(all.flatMap((p) => (p.kind === 'ti' ? [p.edition] : []))),
      tiFiles: uniqueSorted(all.flatMap((p) => (p.kind === 'ti' ? [p.file] : []))),
      user: uniqueSorted(all.flatMap((p) => (p.kind === 'user' ? [p.note] : []))),
      text: all.length > 0 ? provenanceLine(all, o.locale) : '',
    },
    ...extra,
  };
}

/** The parts of a chart the builders write; {@link frame} adds the rest. */
type Body = Record<string, unknown>;

/** Widest an axis's labels may make it (px): more than the widest wrapped label. */
export const MAX_AXIS_EXTENT = 600;

/** Font sizes of the chart texts (px), as {@link frame}'s config sets them. */
export const FONT_SIZES = Object.freeze({ title: 15, subtitle: 11, label: 11, axisTitle: 12 });

/** A text as one line, or as the lines {@link wrapText} breaks it into. */
function oneOrLines(lines: readonly string[]): string | string[] {
  return lines.length === 1 ? (lines[0] ?? '') : [...lines];
}

/**
 * Wrap a chart's body with what every cpi-gap spec has: the schema, the title (with the
 * explanation and the provenance as subtitle lines), the size, the fonts and `usermeta`. The title
 * and each subtitle line wrap at word boundaries to the width of the plot (none is cut), and labels
 * have no length limit: builders wrap long ones (see `textWrap.ts`).
 */
export function frame(o: ResolvedChartOptions, defaultTitle: string, subtitle: readonly string[], meta: ChartMeta, body: Body, size = true): TopLevelSpec {
  // Titles in the chart's digits before they wrap, so that lines are measured as they are drawn.
  const shown = (text: string) => (o.digits === 'thai' ? toThaiDigits(text) : text);
  const provenanceLines = meta.provenance.text === '' ? [] : meta.provenance.text.split('; ');
  const lines = [...subtitle, ...provenanceLines].flatMap((l) => wrapText(shown(l), o.width, FONT_SIZES.subtitle));
  const title = o.title === false ? undefined : { text: oneOrLines(wrapText(shown(o.title ?? defaultTitle), o.width, FONT_SIZES.title, true)), ...(lines.length > 0 ? { subtitle: lines } : {}) };
  const spec = {
    $schema: VEGA_LITE_SCHEMA,
    ...(title === undefined ? {} : { title }),
    description: o.title === false ? defaultTitle : (o.title ?? defaultTitle),
    ...(size ? { width: o.width, height: o.height } : {}),
    ...body,
    config: {
      font: o.font,
      background: 'white',
      padding: 12,
      title: {
        anchor: 'start',
        fontSize: FONT_SIZES.title,
        lineHeight: lineHeightFor(FONT_SIZES.title),
        subtitleFontSize: FONT_SIZES.subtitle,
        subtitleLineHeight: lineHeightFor(FONT_SIZES.subtitle),
        subtitleColor: '#555555',
        offset: 12,
      },
      // maxExtent: vega-lite's default (200 px) would put an axis title over labels wider than that.
      axis: { labelFontSize: FONT_SIZES.label, labelLineHeight: lineHeightFor(FONT_SIZES.label), titleFontSize: FONT_SIZES.axisTitle, labelLimit: 0, titleLimit: 0, maxExtent: MAX_AXIS_EXTENT },
      legend: { labelFontSize: FONT_SIZES.label, titleFontSize: FONT_SIZES.axisTitle, labelLimit: 0, titleLimit: 0 },
      view: { stroke: null },
    },
    usermeta: { cpiGap: meta },
  };
  return withDigits(spec, o.digits) as unknown as TopLevelSpec;
}

/**
 * The first of `rows`, after checking that there is one and that all share its year and target.
 * @throws {CpiGapError} naming `fn` and the path `[key, i, 'year' | 'target']`.
 */
export function oneYearAndTarget<R extends { readonly year: number; readonly target: number }>(fn: string, key: string, rows: readonly R[]): R {
  const first = rows[0];
  if (first === undefined) fail(fn, [key], 'expected at least one record', rows);
  rows.forEach((r, i) => {
    if (r.year !== first.year) fail(fn, [key, i, 'year'], `expected one year (${first.year})`, r.year);
    if (r.target !== first.target) fail(fn, [key, i, 'target'], `expected one target (${first.target})`, r.target);
  });
  return first;
}
