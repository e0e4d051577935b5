import * as z from 'zod/mini';
import { Provenance } from '../dataset/schema.js';
import { parseInput } from '../errors.js';
import { frozen, type DeepReadonly } from '../util/freeze.js';
import { DEFAULT_LOCALE, defaultEra, Digits, Era, Locale } from '../i18n/labels.js';

/**
 * A font list for every text of a chart that can draw Thai: Sarabun and Noto Sans Thai where a
 * user has them, Loma and Garuda from Debian's `fonts-thai-tlwg`, Tahoma on Windows, then the
 * platform's sans-serif.
 * @example
 * ```ts
 * import { sourceGaps, thailand } from 'cpi-gap';
 * import { gapBarsSpec, THAI_FONT_STACK } from 'cpi-gap/charts';
 *
 * THAI_FONT_STACK.split(', ').includes('Loma'); // => true
 * gapBarsSpec(sourceGaps(thailand), { locale: 'th' }).config?.font === THAI_FONT_STACK; // => true
 * ```
 */
export const THAI_FONT_STACK = 'Sarabun, Noto Sans Thai, Loma, Garuda, Tahoma, sans-serif';

/**
 * Each chart's colour scheme when `scheme` is not given (Vega scheme names); none for the
 * plan-status chart, which colours each state with its own colour (`STATE_COLOURS`).
 * @example
 * ```ts
 * import { DEFAULT_SCHEMES } from 'cpi-gap/charts';
 *
 * DEFAULT_SCHEMES.sourceHeatmap; // => 'yelloworangered'
 * DEFAULT_SCHEMES.scenarioPaths; // => 'tableau10'
 * ```
 */
export const DEFAULT_SCHEMES = Object.freeze({
  sourceTrends: 'tableau10',
  gapBars: 'tableau10',
  sourceHeatmap: 'yelloworangered',
  workstreamMatrix: 'oranges',
  gapWaterfall: 'tableau10',
  rankPosition: 'tableau10',
  monteCarloFan: 'blues',
  scenarioPaths: 'tableau10',
  budget: 'tableau10',
  planStatus: undefined,
  peerComparison: 'tableau10',
} as const);

/**
 * The name of a chart builder, as written in `usermeta.cpiGap.chart`.
 * @example
 * ```ts
 * import { DEFAULT_SCHEMES, type ChartKind } from 'cpi-gap/charts';
 *
 * const kinds = Object.keys(DEFAULT_SCHEMES) as ChartKind[];
 * kinds.includes('budget'); // => true
 * ```
 */
export type ChartKind = keyof typeof DEFAULT_SCHEMES;

/**
 * The ids of the charts `chartSet` draws for a dataset (used for file names; the command
 * line's `cpi-gap chart` takes them, and `fan`).
 * @example
 * ```ts
 * import { CHART_SET_IDS } from 'cpi-gap/charts';
 *
 * CHART_SET_IDS; // => ['source-trends', 'gap-bars', 'source-heatmap', 'workstream-matrix', 'gap-waterfall', 'rank-position']
 * ```
 */
export const CHART_SET_IDS = frozen(['source-trends', 'gap-bars', 'source-heatmap', 'workstream-matrix', 'gap-waterfall', 'rank-position'] as const);

/**
 * The defaults of every chart option, in one place (the plan-status chart, drawn for the
 * secretariat's Thai briefings, changes three: see `STATUS_CHART_DEFAULTS`).
 *
 * | option | default |
 * | --- | --- |
 * | `locale` | `'en'` (plan status: `'th'`) |
 * | `era` | `defaultEra(locale)`: `'be'` in Thai (years as 2565), `'ce'` in English (2022) |
 * | `digits` | `'arabic'` (0-9); `'thai'` writes every figure of the chart in Thai digits (๐-๙) |
 * | `width`, `height` | 640 x 360 pixels (the plotting area; faceted and matrix charts size their cells from them; plan status: 480 x 200) |
 * | `title` | a title in the locale, built from the records; `false` for none |
 * | `scheme` | the chart's entry of {@link DEFAULT_SCHEMES} |
 * | `font` | {@link THAI_FONT_STACK} |
 * | `country` | none (titles then omit the country) |
 * | `workstreams` | none (workstreams are labelled `WS1`, `แผนงานเรื่องที่ 1`) |
 * | `origins` | none (provenance then comes from the records alone) |
 * @example
 * ```ts
 * import { CHART_DEFAULTS } from 'cpi-gap/charts';
 *
 * [CHART_DEFAULTS.locale, CHART_DEFAULTS.width, CHART_DEFAULTS.height, CHART_DEFAULTS.digits]; // => ['en', 640, 360, 'arabic']
 * ```
 */
export const CHART_DEFAULTS: Readonly<{ locale: Locale; digits: Digits; width: number; height: number; font: string }> = Object.freeze({
  locale: DEFAULT_LOCALE,
  digits: 'arabic',
  width: 640,
  height: 360,
  font: THAI_FONT_STACK,
});

const LocalName = z.object({ en: z.string().check(z.minLength(1)), th: z.optional(z.string().check(z.minLength(1))) });

/**
 * A workstream's number and name, for labels (the dataset's `workstreams` fit: extra keys are ignored).
 * @example
 * ```ts
 * import { WorkstreamName } from 'cpi-gap/charts';
 *
 * const ws: WorkstreamName = WorkstreamName.parse({ number: 1, name: { en: 'Bribery prevention', th: 'การป้องกันการติดสินบน' } });
 * ws.name.th; // => 'การป้องกันการติดสินบน'
 * ```
 */
export const WorkstreamName = z.object({ number: z.int().check(z.minimum(1)), name: LocalName });
export type WorkstreamName = z.infer<typeof WorkstreamName>;

/**
 * The country a chart shows, for titles and provenance (the dataset's `country` fits).
 * @example
 * ```ts
 * import { thailand } from 'cpi-gap';
 * import { ChartCountry } from 'cpi-gap/charts';
 *
 * const country: ChartCountry = ChartCountry.parse(thailand.country); // the dataset's country fits
 * country.name.th; // => 'ประเทศไทย'
 * ```
 */
export const ChartCountry = z.object({ iso3: z.optional(z.string().check(z.minLength(1))), name: LocalName });
export type ChartCountry = z.infer<typeof ChartCountry>;

/**
 * Options every chart builder takes; see {@link CHART_DEFAULTS} for the defaults.
 * @example
 * ```ts
 * import { sourceGaps, thailand } from 'cpi-gap';
 * import { ChartOptions, gapBarsSpec } from 'cpi-gap/charts';
 *
 * const options: ChartOptions = { locale: 'th', era: 'be', width: 480, height: 300, title: false, scheme: 'set2' };
 * 'title' in gapBarsSpec(sourceGaps(thailand), options); // => false
 * ChartOptions.safeParse({ locale: 'fr' }).success; // => false
 * ```
 */
export const ChartOptions = z.strictObject({
  /** Language of titles, axes and legends. Default `'en'`. */
  locale: z.optional(Locale),
  /** Years in the Common Era (`'ce'`) or the Buddhist Era (`'be'`, CE + 543). Default: `'be'` in Thai, `'ce'` in English. */
  era: z.optional(Era),
  /**
   * The digits of every figure the chart shows: `'arabic'` (0-9) or `'thai'` (๐-๙), in axis labels,
   * titles and subtitles, text marks, legends and tooltips (the spec's `config.locale` gives vega
   * Thai numerals; the labels the builder writes are converted). Default `'arabic'`.
   */
  digits: z.optional(Digits),
  /** Width of the plotting area in pixels. Default 640. */
  width: z.optional(z.int().check(z.minimum(80), z.maximum(4000))),
  /** Height of the plotting area in pixels. Default 360. */
  height: z.optional(z.int().check(z.minimum(60), z.maximum(4000))),
  /** The chart's title; default a title in the locale; `false` for none. */
  title: z.optional(z.union([z.string().check(z.minLength(1)), z.literal(false)])),
  /** A Vega colour scheme name (e.g. `'tableau10'`, `'blues'`). Default: the chart's entry of `DEFAULT_SCHEMES`. */
  scheme: z.optional(z.string().check(z.minLength(1))),
  /** CSS font list for every text. Default {@link THAI_FONT_STACK}. */
  font: z.optional(z.string().check(z.minLength(1))),
  /** The country shown, for the title and `usermeta`. Default none. */
  country: z.optional(ChartCountry),
  /** Workstream names for labels. Default none (numbered labels only). */
  workstreams: z.optional(z.array(WorkstreamName)),
  /** Extra origins for the provenance (added to those the records carry). Default none. */
  origins: z.optional(z.array(z.nullable(Provenance))),
});
/** The options as a caller writes them (arrays may be readonly, e.g. a frozen dataset's). */
export type ChartOptions = DeepReadonly<z.input<typeof ChartOptions>>;

/** Chart options with every default filled in. */
export interface ResolvedChartOptions {
  readonly kind: ChartKind;
  readonly locale: Locale;
  readonly era: Era;
  readonly digits: Digits;
  readonly width: number;
  readonly height: number;
  readonly title: string | false | undefined;
  /** A Vega colour scheme; undefined only for the plan-status chart without one (fixed state colours). */
  readonly scheme: string | undefined;
  readonly font: string;
  readonly country: ChartCountry | undefined;
  readonly workstreams: readonly WorkstreamName[];
  readonly origins: readonly (Provenance | null)[];
}

/**
 * Validate a builder's options (base options plus the builder's own, `extra`) once and fill in
 * the defaults (`defaults`: {@link CHART_DEFAULTS}, or a chart's own where they differ).
 * @throws {CpiGapError} naming `fn`, the option's path and its value.
 */
export function resolveOptions<E extends z.core.$ZodShape>(
  fn: string,
  kind: ChartKind,
  options: unknown,
  extra: E,
  defaults: typeof CHART_DEFAULTS = CHART_DEFAULTS,
): ResolvedChartOptions & z.output<z.ZodMiniObject<E>> {
  const schema = z.optional(z.extend(ChartOptions, extra));
  const parsed = (parseInput(fn, schema, options, ['options']) ?? {}) as z.output<typeof ChartOptions> & z.output<z.ZodMiniObject<E>>;
  const locale = parsed.locale ?? defaults.locale;
  return {
    ...parsed,
    kind,
    locale,
    era: parsed.era ?? defaultEra(locale),
    digits: parsed.digits ?? defaults.digits,
    width: parsed.width ?? defaults.width,
    height: parsed.height ?? defaults.height,
    title: parsed.title,
    scheme: parsed.scheme ?? DEFAULT_SCHEMES[kind],
    font: parsed.font ?? defaults.font,
    country: parsed.country,
    workstreams: parsed.workstreams ?? [],
    origins: parsed.origins ?? [],
  };
}

/**
 * Check a builder's record argument against the schema its producer declares; returns the caller's
 * value unchanged (a record may carry more fields, e.g. one that went through JSON).
 * @throws {CpiGapError} naming `fn`, the field's path under `path` and its value.
 */
export function checkRecords<T>(fn: string, schema: z.core.$ZodType, value: T, path: readonly (string | number)[]): T {
  parseInput(fn, schema, value, path);
  return value;
}
