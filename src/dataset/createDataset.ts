import type * as z from 'zod/mini';
import { CpiGapError, type CpiGapIssue, fail, fromZodIssues, safeParseEn } from '../errors.js';
import { deepFreeze, type DeepReadonly } from '../util/freeze.js';
import { DatasetInput } from './schema.js';
import type { SourceId } from './sourceCatalog.js';

type Parsed = z.output<typeof DatasetInput>;

/**
 * A source of a dataset, with the workstreams it feeds resolved.
 *
 * @example
 * const vdem: Source | undefined = thailand.sources.find((s) => s.id === 'VDEM');
 * vdem?.workstreams; // => [4]
 * vdem?.name.en; // => 'Varieties of Democracy Project'
 */
export type Source = DeepReadonly<Omit<Parsed['sources'][number], 'workstreams'> & { workstreams: number[] }>;

/**
 * A validated, deeply frozen CPI dataset for one country: its sources, their scores per year, the
 * published CPI, targets and workstreams. Build one with {@link createDataset} (or use the bundled
 * `thailand`).
 * @example
 * const ds: Dataset = thailand;
 * ds.country.name.en; // => 'Thailand'
 * ds.years.length; // => 9 (2017..2025)
 * ds.cpi.find((c) => c.year === 2025)?.score; // => 33
 */
export interface Dataset {
  readonly country: DeepReadonly<Parsed['country']>;
  /** The sources in the order given. */
  readonly sources: readonly Source[];
  /** Every source score, sorted by year, then by the order of `sources`. */
  readonly scores: DeepReadonly<Parsed['scores']>;
  /** Published CPI per year, sorted by year (may be empty for a user's dataset). */
  readonly cpi: DeepReadonly<NonNullable<Parsed['cpi']>>;
  readonly targets: DeepReadonly<NonNullable<Parsed['targets']>>;
  /** Workstreams sorted by number (may be empty). */
  readonly workstreams: DeepReadonly<NonNullable<Parsed['workstreams']>>;
  /** The years that have source scores, ascending. */
  readonly years: readonly number[];
}

/**
 * The smallest number of sources TI requires to score a country.
 *
 * @example
 * MIN_SOURCES; // => 3
 * // aggregate() and datasetFromTi() refuse fewer sources
 */
export const MIN_SOURCES = 3;

function crossCheck(data: Parsed): CpiGapIssue[] {
  const issues: CpiGapIssue[] = [];
  const ids = new Set<SourceId>();
  data.sources.forEach((s, i) => {
    if (ids.has(s.id)) issues.push({ path: ['sources', i, 'id'], message: 'duplicate source id', value: s.id, code: 'duplicate' });
    ids.add(s.id);
  });
  const seen = new Set<string>();
  const perYear = new Map<number, number>();
  data.scores.forEach((s, i) => {
    if (!ids.has(s.source)) {
      issues.push({ path: ['scores', i, 'source'], message: `unknown source id: not among the dataset's sources (${[...ids].join(', ')})`, value: s.source, code: 'unknown_source' });
    }
    const key = `${s.source}@${s.year}`;
    if (seen.has(key)) issues.push({ path: ['scores', i, 'year'], message: `duplicate year for source ${s.source}`, value: s.year, code: 'duplicate' });
    seen.add(key);
    perYear.set(s.year, (perYear.get(s.year) ?? 0) + 1);
  });
  for (const [year, n] of perYear) {
    if (n < MIN_SOURCES) {
      issues.push({ path: ['scores'], message: `year ${year} has ${n} source score(s); TI scores a country only from ${MIN_SOURCES} sources`, value: year, code: 'too_few_sources' });
    }
  }
  const cpiYears = new Set<number>();
  (data.cpi ?? []).forEach((c, i) => {
    if (cpiYears.has(c.year)) issues.push({ path: ['cpi', i, 'year'], message: 'duplicate year', value: c.year, code: 'duplicate' });
    cpiYears.add(c.year);
  });
  const targetIds = new Set<string>();
  (data.targets ?? []).forEach((t, i) => {
    if (targetIds.has(t.id)) issues.push({ path: ['targets', i, 'id'], message: 'duplicate target id', value: t.id, code: 'duplicate' });
    targetIds.add(t.id);
  });
  const numbers = new Set<number>();
  (data.workstreams ?? []).forEach((w, i) => {
    if (numbers.has(w.number)) issues.push({ path: ['workstreams', i, 'number'], message: 'duplicate workstream number', value: w.number, code: 'duplicate' });
    numbers.add(w.number);
    w.sources.forEach((s, j) => {
      if (!ids.has(s)) issues.push({ path: ['workstreams', i, 'sources', j], message: 'unknown source id: not among the dataset\'s sources', value: s, code: 'unknown_source' });
    });
  });
  data.sources.forEach((s, i) => {
    if (s.workstreams === undefined) return;
    const derived = derivedWorkstreams(data, s.id);
    const given = [...new Set(s.workstreams)].sort((a, b) => a - b);
    if (given.join() !== derived.join()) {
      issues.push({ path: ['sources', i, 'workstreams'], message: `does not match the workstreams that name ${s.id} (${derived.join(', ') || 'none'})`, value: s.workstreams, code: 'inconsistent' });
    }
  });
  return issues;
}

function derivedWorkstreams(data: Parsed, id: SourceId): number[] {
  return (data.workstreams ?? [])
    .filter((w) => w.sources.includes(id))
    .map((w) => w.number)
    .sort((a, b) => a - b);
}

/**
 * Validate a user's dataset (another country, a newer year) and return it deeply frozen, in the
 * same shape as the bundled `thailand`. The input is not modified.
 *
 * Rejected, with a {@link CpiGapError} naming each field path and value: unknown keys, unknown or
 * duplicate source ids, a duplicate source-year, a score outside 0..100 or not finite, a year with
 * fewer than 3 sources, a duplicate CPI year, a workstream naming a source the dataset lacks, and a
 * source whose `workstreams` disagree with the workstreams table.
 *
 * @example
 * const ds = createDataset({
 *   country: { iso3: 'XYZ', name: { en: 'Example' } },
 *   sources: [{ id: 'EIU', name: { en: 'EIU' } }, { id: 'PRS', name: { en: 'PRS' } }, { id: 'WEF', name: { en: 'WEF' } }],
 *   scores: [
 *     { source: 'EIU', year: 2024, value: 40, origin: { kind: 'user', note: 'example' } },
 *     { source: 'PRS', year: 2024, value: 50, origin: { kind: 'user', note: 'example' } },
 *     { source: 'WEF', year: 2024, value: 45, origin: { kind: 'user', note: 'example' } },
 *   ],
 * });
 * ds.years; // => [2024]
 */
export function createDataset(input: DatasetInput): Dataset {
  const parsed = safeParseEn(DatasetInput, input);
  if (!parsed.success) throw new CpiGapError('createDataset', fromZodIssues(parsed.error.issues, input), { cause: parsed.error });
  // zod returns fresh objects, so sorting and filling in below never touches the caller's input.
  const data = parsed.data;
  const issues = crossCheck(data);
  if (issues.length > 0) throw new CpiGapError('createDataset', issues);
  const order = (id: string): number => data.sources.findIndex((s) => s.id === id);
  const scores = [...data.scores].sort((a, b) => a.year - b.year || order(a.source) - order(b.source));
  const dataset = {
    country: data.country,
    sources: data.sources.map((s) => ({ ...s, workstreams: derivedWorkstreams(data, s.id) })),
    scores,
    cpi: [...(data.cpi ?? [])].sort((a, b) => a.year - b.year),
    targets: data.targets ?? [],
    workstreams: [...(data.workstreams ?? [])].sort((a, b) => a.number - b.number),
    years: [...new Set(scores.map((s) => s.year))].sort((a, b) => a - b),
  };
  const frozen: Dataset = deepFreeze(dataset);
  CREATED.add(frozen);
  return frozen;
}

const CREATED = new WeakSet<object>();

/**
 * Check that `value` is a dataset made by {@link createDataset} (such as the bundled `thailand`).
 * Every analysis calls this first, so a hand-built or altered object cannot slip past validation.
 * @throws {CpiGapError} naming `fn` otherwise.
 * @example
 * assertDataset('myFunction', thailand); // passes
 * try {
 *   assertDataset('myFunction', { country: 'TH' });
 * } catch (e) {
 *   console.log((e as CpiGapError).message); // myFunction: dataset: ...
 * }
 */
export function assertDataset(fn: string, value: unknown, path: readonly (string | number)[] = ['dataset']): asserts value is Dataset {
  if (typeof value !== 'object' || value === null || !CREATED.has(value)) {
    fail(fn, path, 'expected a dataset made by createDataset (or the bundled thailand)', value, 'invalid_type');
  }
}

