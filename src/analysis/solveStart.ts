import { resolveYear, scoresOfYear } from '../dataset/access.js';
import type { Dataset } from '../dataset/createDataset.js';
import type { SourceId } from '../dataset/sourceCatalog.js';
import { fail } from '../errors.js';
import { requiredMean } from '../methodology/roundScore.js';

/** Where a target search starts: the year's sources and scores and the points the target needs. Internal. */
export interface SolveStart {
  readonly year: number;
  readonly by: number;
  /** The year's sources with their scores, in the dataset's source order. */
  readonly rows: readonly { readonly source: SourceId; readonly score: number }[];
  readonly sources: readonly SourceId[];
  readonly n: number;
  readonly sum: number;
  /** `target - 0.5`. */
  readonly neededMean: number;
  /** `max(0, n x neededMean - sum)`. */
  readonly neededTotal: number;
}

/** Resolve `year` (default latest) and `by` (default year + 1) and lay out the year's scores. Internal. */
export function solveStart(fn: string, dataset: Dataset, options: { year?: number | undefined; by?: number | undefined; target: number }): SolveStart {
  const year = resolveYear(fn, dataset, options.year);
  const by = options.by ?? year + 1;
  if (by <= year) fail(fn, ['options', 'by'], `expected a year after ${year}`, by, 'invalid_range');
  const rows = [...scoresOfYear(dataset, year)].map(([source, score]) => ({ source, score }));
  const sources = rows.map((r) => r.source);
  const n = rows.length;
  const sum = rows.reduce((a, r) => a + r.score, 0);
  const neededMean = requiredMean(options.target);
  return { year, by, rows, sources, n, sum, neededMean, neededTotal: Math.max(0, n * neededMean - sum) };
}
