import { fail } from '../errors.js';
import { buddhistEraHint } from './eraHint.js';
import { assertDataset, type Dataset } from './createDataset.js';
import type { SourceId } from './sourceCatalog.js';

/**
 * The latest year with source scores.
 *
 * @example
 * latestYear(thailand); // => 2025
 */
export function latestYear(dataset: Dataset): number {
  assertDataset('latestYear', dataset);
  // A dataset has at least one year (createDataset asks for three scores).
  return Math.max(...dataset.years);
}

/**
 * The year to analyse: `year` if the dataset has scores for it, the latest year when omitted.
 * @throws {CpiGapError} naming `fn` when the year is absent from the dataset.
 * @example
 * resolveYear('myReport', thailand, undefined); // => 2025 (the latest)
 * resolveYear('myReport', thailand, 2022); // => 2022
 * // resolveYear('myReport', thailand, 2030) throws CpiGapError 'myReport: options.year: expected a year present in the dataset (2017..2025) (got 2030)'
 */
export function resolveYear(fn: string, dataset: Dataset, year: number | undefined, path: readonly (string | number)[] = ['options', 'year']): number {
  assertDataset(fn, dataset);
  if (year === undefined) return latestYear(dataset);
  if (!dataset.years.includes(year)) {
    fail(fn, path, `expected a year present in the dataset (${dataset.years[0]}..${latestYear(dataset)})${buddhistEraHint(year)}`, year, 'unknown_year');
  }
  return year;
}

/**
 * The source scores of one year, keyed by source id, in the dataset's source order.
 *
 * @example
 * const s = scoresOfYear(thailand, 2022);
 * s.get('VDEM'); // => 26
 * [...s.values()].reduce((a, b) => a + b, 0); // => 324
 */
export function scoresOfYear(dataset: Dataset, year: number): ReadonlyMap<SourceId, number> {
  assertDataset('scoresOfYear', dataset);
  const map = new Map<SourceId, number>();
  for (const s of dataset.scores) if (s.year === year) map.set(s.source, s.value);
  return map;
}
