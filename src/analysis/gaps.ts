import * as z from 'zod/mini';
import { resolveYear, scoresOfYear } from '../dataset/access.js';
import { assertDataset, type Dataset } from '../dataset/createDataset.js';
import { CpiScore, Provenance, ScoreValue, SourceIdSchema, Year } from '../dataset/schema.js';
import { parseInput } from '../errors.js';
import { requiredMean, roundScore } from '../methodology/roundScore.js';
import type { DeepReadonly } from '../util/freeze.js';


/**
 * The target score used when none is given: the FY2023 plan's 51.
 *
 * @example
 * DEFAULT_TARGET; // => 51
 * cpiGap(thailand).target; // => 51
 */
export const DEFAULT_TARGET = 51;

/**
 * Options shared by the gap functions.
 *
 * @example
 * const o: GapOptions = { year: 2022, target: 57 };
 * cpiGap(thailand, o).totalUplift; // => 184.5 (9 x 56.5 - 324)
 */
export const GapOptions = z.optional(z.strictObject({
  /** The year to analyse. Default: the dataset's latest year. */
  year: z.optional(z.int()),
  /** The integer CPI score to reach. Default: 51. */
  target: z.optional(CpiScore),
}));
export type GapOptions = z.input<typeof GapOptions>;

function prepare(fn: string, dataset: Dataset, options: unknown): { year: number; target: number } {
  assertDataset(fn, dataset);
  const parsed = parseInput(fn, GapOptions, options, ['options']) ?? {};
  return { year: resolveYear(fn, dataset, parsed.year), target: parsed.target ?? DEFAULT_TARGET };
}

/**
 * One source's distance to the target in a year.
 *
 * @example
 * const imd: SourceGap | undefined = sourceGaps(thailand, { year: 2022 }).find((g) => g.source === 'IMD');
 * imd?.gap; // => 8
 * imd?.workstreams; // => [1]
 */
export const SourceGap = z.object({
  source: SourceIdSchema,
  year: Year,
  score: ScoreValue,
  target: CpiScore,
  /** `target - score`: positive when the source is below the target. */
  gap: z.number(),
  /** Place in the ranking of gaps, 1 = the largest gap; ties share the best place. */
  gapRank: z.int().check(z.minimum(1)),
  /** Workstreams this source feeds. */
  workstreams: z.array(z.int().check(z.minimum(1))),
  origin: Provenance,
});
export type SourceGap = DeepReadonly<z.output<typeof SourceGap>>;

/**
 * Each source's gap to the target in a year, in the dataset's source order.
 *
 * @throws {CpiGapError} when the year is not in the dataset or the target is not an integer 0..100.
 * @example
 * sourceGaps(thailand, { year: 2022, target: 51 }).find((g) => g.source === 'VDEM');
 * // => { source: 'VDEM', year: 2022, score: 26, target: 51, gap: 25, gapRank: 1, workstreams: [4], ... }
 */
export function sourceGaps(dataset: Dataset, options?: GapOptions): SourceGap[] {
  const { year, target } = prepare('sourceGaps', dataset, options);
  // The year's scores in the dataset's source order (createDataset keeps them so), each with its source's workstreams.
  const rows = dataset.sources.flatMap((src) => dataset.scores.filter((s) => s.year === year && s.source === src.id).map((s) => ({ ...s, workstreams: src.workstreams, gap: target - s.value })));
  return rows.map((s) => ({
    source: s.source,
    year,
    score: s.value,
    target,
    gap: s.gap,
    gapRank: 1 + rows.filter((r) => r.gap > s.gap).length,
    workstreams: s.workstreams,
    origin: s.origin,
  }));
}

/**
 * How far the CPI itself is from the target, and the uplift the sources would need.
 *
 * @example
 * const g: CpiGap = cpiGap(thailand, { year: 2025, target: 51 });
 * g.published; // => 33
 * g.neededMean; // => 50.5
 * g.reached; // => false
 */
export const CpiGap = z.object({
  year: Year,
  target: CpiScore,
  /** The published CPI score of the year, or null when the dataset has none. */
  published: z.nullable(CpiScore),
  /** The published rank, or null. */
  publishedRank: z.nullable(z.int().check(z.minimum(1))),
  /** Number of sources with a score that year. */
  n: z.int().check(z.minimum(1)),
  /** Sum of the source scores. */
  sum: z.number(),
  /** Unrounded mean of the source scores. */
  mean: ScoreValue,
  /** The mean rounded as TI rounds it; at an exact tie of integer-stored values (see `tie`), TI's published score. */
  score: CpiScore,
  /**
   * The year's source scores are all stored as integers and their mean is exactly x.5: the scores
   * TI rounded from decide which way it goes, so `score` and `reached` use TI's published score
   * (Thailand 2013: mean 35.5, published 35). False when there is no tie or no published score.
   */
  tie: z.boolean(),
  /** The unrounded mean the target needs: `target - 0.5`, so from -0.5 to 99.5. */
  neededMean: z.number().check(z.minimum(-0.5), z.maximum(99.5)),
  /** `n * neededMean - sum`: total points the sources must gain together (negative: the surplus). */
  totalUplift: z.number(),
  /** `totalUplift / n`: the uplift per source if every source gained the same. */
  evenUplift: z.number(),
  /** Whether the rounded mean already reaches the target. */
  reached: z.boolean(),
  origin: z.nullable(Provenance),
});
export type CpiGap = DeepReadonly<z.output<typeof CpiGap>>;

/**
 * The CPI's gap to an integer target, respecting TI's rounding: a score of T is reached when the
 * unrounded mean of the sources reaches T - 0.5.
 *
 * @example
 * const g = cpiGap(thailand, { year: 2022, target: 51 });
 * g.mean; // => 36
 * g.totalUplift; // => 130.5  (9 x 50.5 - 324)
 * g.evenUplift; // => 14.5
 */
export function cpiGap(dataset: Dataset, options?: GapOptions): CpiGap {
  const { year, target } = prepare('cpiGap', dataset, options);
  const values = [...scoresOfYear(dataset, year).values()];
  const n = values.length;
  const sum = values.reduce((a, b) => a + b, 0);
  const mean = sum / n;
  const neededMean = requiredMean(target);
  const totalUplift = n * neededMean - sum;
  const published = dataset.cpi.find((c) => c.year === year);
  // An exact x.5 of integers: the unrounded scores behind them settle it, and only TI's score knows.
  const tie = published !== undefined && values.every((v) => Number.isInteger(v)) && Number.isInteger(2 * sum) && (2 * sum) % (2 * n) === n;
  const score = tie ? published.score : roundScore(mean);
  return {
    year,
    target,
    published: published?.score ?? null,
    publishedRank: published?.rank ?? null,
    n,
    sum,
    mean,
    score,
    tie,
    neededMean,
    totalUplift,
    evenUplift: totalUplift / n,
    reached: score >= target,
    origin: published?.origin ?? null,
  };
}

/**
 * A source as it appears inside one workstream's gaps.
 *
 * @example
 * const prs: WorkstreamSourceGap | undefined = workstreamGaps(thailand, { year: 2022 })[0]?.sources.find((s) => s.source === 'PRS');
 * prs?.alsoIn; // => [2]
 */
export const WorkstreamSourceGap = z.object({
  source: SourceIdSchema,
  score: ScoreValue,
  gap: z.number(),
  /** The other workstreams this source also feeds (empty when it feeds only this one). */
  alsoIn: z.array(z.int().check(z.minimum(1))),
});
export type WorkstreamSourceGap = DeepReadonly<z.output<typeof WorkstreamSourceGap>>;

/**
 * One workstream's sources and their gaps.
 *
 * @example
 * const ws1: WorkstreamGap | undefined = workstreamGaps(thailand, { year: 2022 })[0];
 * ws1?.gapSum; // => 49
 * ws1?.sharedSources; // => ['PRS', 'WEF']
 */
export const WorkstreamGap = z.object({
  workstream: z.int().check(z.minimum(1)),
  year: Year,
  target: CpiScore,
  sources: z.array(WorkstreamSourceGap),
  /** Sum of its sources' gaps. Sources shared with other workstreams count in each: do not add these sums up. */
  gapSum: z.number(),
  /** Mean of its sources' gaps, or null when none of its sources has a score that year. */
  gapMean: z.nullable(z.number()),
  /** Sources this workstream shares with another workstream. */
  sharedSources: z.array(SourceIdSchema),
});
export type WorkstreamGap = DeepReadonly<z.output<typeof WorkstreamGap>>;

/**
 * Per workstream, its sources' gaps to the target, their sum and mean. A source that feeds two
 * workstreams appears in both, and `alsoIn` / `sharedSources` say so: the workstream sums overlap
 * and must not be added up.
 *
 * @example
 * workstreamGaps(thailand, { year: 2022 }).map((w) => w.gapSum); // => [49, 64, 20, 55]
 */
export function workstreamGaps(dataset: Dataset, options?: GapOptions): WorkstreamGap[] {
  const { year, target } = prepare('workstreamGaps', dataset, options);
  const scores = scoresOfYear(dataset, year);
  return dataset.workstreams.map((w) => {
    const sources = w.sources.flatMap((source): WorkstreamSourceGap[] => {
      const score = scores.get(source);
      if (score === undefined) return [];
      const alsoIn = dataset.workstreams.filter((o) => o.number !== w.number && o.sources.includes(source)).map((o) => o.number);
      return [{ source, score, gap: target - score, alsoIn }];
    });
    const gapSum = sources.reduce((a, s) => a + s.gap, 0);
    return {
      workstream: w.number,
      year,
      target,
      sources,
      gapSum,
      gapMean: sources.length > 0 ? gapSum / sources.length : null,
      sharedSources: sources.filter((s) => s.alsoIn.length > 0).map((s) => s.source),
    };
  });
}
