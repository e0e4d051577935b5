import * as z from 'zod/mini';
import { CpiGap, SourceGap } from '../analysis/gaps.js';
import { resolveYear } from '../dataset/access.js';
import { assertDataset, type Dataset } from '../dataset/createDataset.js';
import { Provenance, ScoreValue, SourceIdSchema, Year } from '../dataset/schema.js';
import { fail, parseInput } from '../errors.js';
import { rank, scoreForRank } from '../methodology/rank.js';
import type { DeepReadonly } from '../util/freeze.js';
import { checkRecords, type ChartCountry, type WorkstreamName } from './options.js';

// Record helpers the charts need that the analysis layer does not (yet) provide. They compute;
// the chart builders only draw. Candidates to move to src/analysis.

/**
 * What a dataset tells a chart besides its records: the country, the workstream names, the origins.
 * @example
 * ```ts
 * import { thailand } from 'cpi-gap';
 * import { chartContext, type ChartContext } from 'cpi-gap/charts';
 *
 * const context: ChartContext = chartContext(thailand, { year: 2025 });
 * context.workstreams.map((w) => w.number); // => [1, 2, 3, 4]
 * ```
 */
export interface ChartContext {
  readonly country: ChartCountry;
  readonly workstreams: readonly WorkstreamName[];
  readonly origins: readonly Provenance[];
}

/**
 * The labels and provenance of a dataset, to spread into a chart's options:
 * `gapBarsSpec(sourceGaps(thailand), { ...chartContext(thailand, { year: 2022 }), locale: 'th' })`.
 * With `year`, the origins are those of that year's source scores and CPI; without, all of them.
 *
 * @throws {CpiGapError} when `dataset` is not a dataset or `year` is not among its years.
 * @example
 * ```ts
 * import { sourceGaps, thailand } from 'cpi-gap';
 * import { chartContext, gapBarsSpec } from 'cpi-gap/charts';
 *
 * chartContext(thailand).country.name.th; // => 'ประเทศไทย'
 * const spec = gapBarsSpec(sourceGaps(thailand, { year: 2022 }), { ...chartContext(thailand, { year: 2022 }), locale: 'th' });
 * ```
 */
export function chartContext(dataset: Dataset, options?: { readonly year?: number }): ChartContext {
  assertDataset('chartContext', dataset);
  const parsed = parseInput('chartContext', z.optional(z.strictObject({ year: z.optional(z.int()) })), options, ['options']) ?? {};
  const year = parsed.year === undefined ? undefined : resolveYear('chartContext', dataset, parsed.year);
  const inYear = <T extends { readonly year: number }>(rows: readonly T[]): T[] => rows.filter((r) => year === undefined || r.year === year);
  const origins = [...inYear(dataset.scores).map((s) => s.origin), ...inYear(dataset.cpi).flatMap((c) => (c.ti ? [c.origin, c.ti.origin] : [c.origin]))];
  const name = dataset.country.name;
  return {
    country: { iso3: dataset.country.iso3, name: name.th === undefined ? { en: name.en } : { en: name.en, th: name.th } },
    workstreams: dataset.workstreams.map((w) => ({ number: w.number, name: w.name.th === undefined ? { en: w.name.en } : { en: w.name.en, th: w.name.th } })),
    origins: origins,
  };
}

/**
 * A source's part of one waterfall step.
 * @example
 * ```ts
 * import { cpiGap, sourceGaps, thailand } from 'cpi-gap';
 * import { gapWaterfall, type WaterfallShare } from 'cpi-gap/charts';
 *
 * // PRS feeds workstreams 1 and 2: each takes half of its need.
 * const w = gapWaterfall(sourceGaps(thailand, { year: 2022 }), cpiGap(thailand, { year: 2022 }));
 * const prs: WaterfallShare | undefined = w.steps[1]?.shares.find((s) => s.source === 'PRS');
 * prs?.fraction; // => 0.5
 * ```
 */
export const WaterfallShare = z.object({
  source: SourceIdSchema,
  /** The fraction of the source's need given to this step: 1 / (number of workstreams it feeds). */
  fraction: z.number(),
  /** Source points: `fraction * (neededMean - score)`. */
  points: z.number(),
});
export type WaterfallShare = DeepReadonly<z.output<typeof WaterfallShare>>;

/**
 * One bar of the gap waterfall.
 * @example
 * ```ts
 * import { cpiGap, sourceGaps, thailand } from 'cpi-gap';
 * import { gapWaterfall, type WaterfallStep } from 'cpi-gap/charts';
 *
 * const steps: readonly WaterfallStep[] = gapWaterfall(sourceGaps(thailand, { year: 2022 }), cpiGap(thailand, { year: 2022 })).steps;
 * steps.map((s) => s.workstream); // => [null, 1, 2, 3, 4, null]
 * steps[0]?.to; // => 36
 * ```
 */
export const WaterfallStep = z.object({
  /** `start` (the mean now), `workstream`, `unassigned` (sources feeding no workstream) or `end` (the mean needed). */
  kind: z.enum(['start', 'workstream', 'unassigned', 'end']),
  workstream: z.nullable(z.int()),
  shares: z.array(WaterfallShare),
  /** Source points this step accounts for (0 for `start` and `end`). */
  points: z.number(),
  /** The same in CPI points: `points / n`. */
  cpiPoints: z.number(),
  /** Where the bar starts and ends on the CPI scale (unrounded means). */
  from: z.number(),
  to: z.number(),
});
export type WaterfallStep = DeepReadonly<z.output<typeof WaterfallStep>>;

/**
 * How many of the CPI's missing points each workstream's sources account for.
 * @example
 * ```ts
 * import { cpiGap, sourceGaps, thailand } from 'cpi-gap';
 * import { gapWaterfall, type GapWaterfall } from 'cpi-gap/charts';
 *
 * const w: GapWaterfall = gapWaterfall(sourceGaps(thailand, { year: 2022 }), cpiGap(thailand, { year: 2022 }));
 * w.totalUplift; // => 130.5
 * w.neededMean - w.mean; // => 14.5
 * ```
 */
export const GapWaterfall = z.object({
  year: Year,
  target: z.number(),
  n: z.int().check(z.minimum(1)),
  mean: z.number(),
  neededMean: z.number(),
  /** Source points the sources must gain together: the sum of the workstream steps' `points`. */
  totalUplift: z.number(),
  /** The split rule for a source that feeds k workstreams: each gets 1/k of its need. */
  splitRule: z.literal('equal'),
  /** `start`, one step per workstream (ascending), `unassigned` if any source feeds none, `end`. */
  steps: z.array(WaterfallStep),
  origins: z.array(z.nullable(Provenance)),
});
export type GapWaterfall = DeepReadonly<z.output<typeof GapWaterfall>>;

/**
 * Split the CPI's missing points among the workstreams without double counting. A source's need
 * is `neededMean - score` (its distance to the unrounded mean the target needs, so the needs add
 * up to `cpi.totalUplift`); a source that feeds k workstreams gives 1/k of its need to each. The
 * workstream steps therefore sum to `totalUplift` source points, or `neededMean - mean` CPI points,
 * and run from the mean now (`start`) to the mean needed (`end`). A source above the needed mean
 * has a negative need: it lowers its workstreams' steps.
 *
 * @throws {CpiGapError} when `gaps` is empty, or does not match `cpi` (year, target, number of sources).
 * @example
 * ```ts
 * import { cpiGap, sourceGaps, thailand } from 'cpi-gap';
 * import { gapWaterfall } from 'cpi-gap/charts';
 *
 * const w = gapWaterfall(sourceGaps(thailand, { year: 2022 }), cpiGap(thailand, { year: 2022 }));
 * w.steps.map((s) => s.kind); // => ['start', 'workstream', 'workstream', 'workstream', 'workstream', 'end']
 * w.steps.at(-1)?.to; // => 50.5
 * ```
 */
export function gapWaterfall(gaps: readonly SourceGap[], cpi: CpiGap): GapWaterfall {
  const fn = 'gapWaterfall';
  checkRecords(fn, z.array(SourceGap), gaps, ['gaps']);
  checkRecords(fn, CpiGap, cpi, ['cpi']);
  if (gaps.length === 0) fail(fn, ['gaps'], 'expected at least one source gap', gaps);
  gaps.forEach((g, i) => {
    if (g.year !== cpi.year) fail(fn, ['gaps', i, 'year'], `expected the year of cpi (${cpi.year})`, g.year);
    if (g.target !== cpi.target) fail(fn, ['gaps', i, 'target'], `expected the target of cpi (${cpi.target})`, g.target);
  });
  if (gaps.length !== cpi.n) fail(fn, ['gaps'], `expected one gap per source of cpi (${cpi.n})`, gaps);
  const byStep = new Map<number | null, WaterfallShare[]>();
  for (const g of gaps) {
    const need = cpi.neededMean - g.score;
    const owners = g.workstreams.length > 0 ? [...new Set(g.workstreams)] : [null];
    for (const w of owners) {
      const fraction = 1 / owners.length;
      byStep.set(w, [...(byStep.get(w) ?? []), { source: g.source, fraction, points: need * fraction }]);
    }
  }
  const entries = [...byStep].sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a - b));
  const steps: WaterfallStep[] = [{ kind: 'start', workstream: null, shares: [], points: 0, cpiPoints: 0, from: 0, to: cpi.mean }];
  let level = cpi.mean;
  for (const [w, shares] of entries) {
    const points = shares.reduce((a, s) => a + s.points, 0);
    const cpiPoints = points / cpi.n;
    steps.push({ kind: w === null ? 'unassigned' : 'workstream', workstream: w, shares, points, cpiPoints, from: level, to: level + cpiPoints });
    level += cpiPoints;
  }
  steps.push({ kind: 'end', workstream: null, shares: [], points: 0, cpiPoints: 0, from: 0, to: cpi.neededMean });
  return {
    year: cpi.year,
    target: cpi.target,
    n: cpi.n,
    mean: cpi.mean,
    neededMean: cpi.neededMean,
    totalUplift: cpi.totalUplift,
    splitRule: 'equal',
    steps,
    origins: [...gaps.map((g) => g.origin), cpi.origin],
  };
}

/**
 * The number of countries at one score.
 * @example
 * ```ts
 * import { rankPosition, type ScoreCount } from 'cpi-gap/charts';
 *
 * const counts: readonly ScoreCount[] = rankPosition([90, 50, 36, 36, 20], { year: 2022, score: 36 }).distribution;
 * counts.map((c) => c.count); // => [1, 2, 1, 1]
 * ```
 */
export const ScoreCount = z.object({ score: ScoreValue, count: z.int().check(z.minimum(0)) });
export type ScoreCount = DeepReadonly<z.output<typeof ScoreCount>>;

/**
 * A rank a target names and the lowest integer score that reaches it.
 * @example
 * ```ts
 * import { rankPosition, type RankTarget } from 'cpi-gap/charts';
 *
 * const [second]: readonly RankTarget[] = rankPosition([90, 50, 36, 36, 20], { year: 2022, score: 36, targetRanks: [2] }).targets;
 * second?.score; // => 50
 * ```
 */
export const RankTarget = z.object({ rank: z.int().check(z.minimum(1)), score: ScoreValue });
export type RankTarget = DeepReadonly<z.output<typeof RankTarget>>;

/**
 * A year's distribution of CPI scores and where a country and its target ranks sit in it.
 * @example
 * ```ts
 * import { rankPosition, type RankPosition } from 'cpi-gap/charts';
 *
 * const p: RankPosition = rankPosition([90, 50, 36, 36, 20], { year: 2022, score: 36 });
 * [p.countries, p.rank]; // => [5, 3]
 * ```
 */
export const RankPosition = z.object({
  year: Year,
  /** The number of scores in the distribution. */
  countries: z.int().check(z.minimum(1)),
  /** Countries per score, ascending by score. */
  distribution: z.array(ScoreCount),
  score: ScoreValue,
  /** TI's rank of `score` in the distribution: 1 + the number of higher scores. */
  rank: z.int().check(z.minimum(1)),
  targets: z.array(RankTarget),
  origin: z.nullable(Provenance),
});
export type RankPosition = DeepReadonly<z.output<typeof RankPosition>>;

const RankPositionOptions = z.strictObject({
  year: Year,
  score: z.number().check(z.minimum(0), z.maximum(100)),
  targetRanks: z.optional(z.array(z.int().check(z.minimum(1)))),
  origin: z.optional(Provenance),
});

/**
 * Where a score places a country in a year's scores (one per country, as TI publishes them), and
 * the lowest integer score each target rank needs.
 *
 * @throws {CpiGapError} when a score is outside 0..100 or an option is invalid.
 * @example
 * ```ts
 * import { rankPosition } from 'cpi-gap/charts';
 *
 * const p = rankPosition([90, 50, 36, 36, 20], { year: 2022, score: 36, targetRanks: [2] });
 * p.rank; // => 3
 * p.targets.map((t) => t.score); // => [50]
 * ```
 */
export function rankPosition(
  scores: readonly number[],
  options: { readonly year: number; readonly score: number; readonly targetRanks?: readonly number[]; readonly origin?: Provenance },
): RankPosition {
  const all = parseInput('rankPosition', z.array(z.number().check(z.minimum(0), z.maximum(100))).check(z.minLength(1)), scores, ['scores']);
  const o = parseInput('rankPosition', RankPositionOptions, options, ['options']);
  const counts = new Map<number, number>();
  for (const s of all) counts.set(s, (counts.get(s) ?? 0) + 1);
  return {
    year: o.year,
    countries: all.length,
    distribution: [...counts].sort((a, b) => a[0] - b[0]).map(([score, count]) => ({ score, count })),
    score: o.score,
    rank: rank(o.score, all),
    targets: (o.targetRanks ?? []).map((r) => ({ rank: r, score: scoreForRank(r, all) })),
    origin: o.origin ?? null,
  };
}
