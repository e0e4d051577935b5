import { fail } from '../errors.js';
import type { Dataset } from './createDataset.js';
import type { SourceId } from './sourceCatalog.js';

/** The latest year with source scores. */
export function latestYear(dataset: Dataset): number {
  const year = dataset.years[dataset.years.length - 1];
  /* v8 ignore next -- createDataset guarantees at least one year */
  if (year === undefined) throw new RangeError('dataset has no years');
  return year;
}

/**
 * The year to analyse: `year` if the dataset has scores for it, the latest year when omitted.
 * @throws {CpiGapError} naming `fn` when the year is absent from the dataset.
 */
export function resolveYear(fn: string, dataset: Dataset, year: number | undefined, path: readonly (string | number)[] = ['options', 'year']): number {
  if (year === undefined) return latestYear(dataset);
  if (!dataset.years.includes(year)) {
    fail(fn, path, `expected a year present in the dataset (${dataset.years[0]}..${latestYear(dataset)})`, year, 'unknown_year');
  }
  return year;
}

/** The source scores of one year, keyed by source id, in the dataset's source order. */
export function scoresOfYear(dataset: Dataset, year: number): ReadonlyMap<SourceId, number> {
  const map = new Map<SourceId, number>();
  for (const s of dataset.scores) if (s.year === year) map.set(s.source, s.value);
  return map;
}
