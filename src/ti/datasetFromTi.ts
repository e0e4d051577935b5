import * as z from 'zod/mini';
import { listOf } from '../util/limits.js';
import { CpiScore } from '../dataset/schema.js';
import { fail, parseInput } from '../errors.js';
import { createDataset, MIN_SOURCES, type Dataset } from '../dataset/createDataset.js';
import type { DatasetInput } from '../dataset/schema.js';
import { SOURCE_CATALOG, SOURCE_IDS, type SourceId } from '../dataset/sourceCatalog.js';
import { deepFreeze } from '../util/freeze.js';

const Origin = z.strictObject({ kind: z.literal('ti'), edition: z.int(), file: z.string().check(z.minLength(1)) });
const SourceScores = z.partialRecord(z.enum(SOURCE_IDS), z.number().check(z.minimum(0), z.maximum(100)));

/**
 * What {@link datasetFromTi} needs of each row: the shape `readTiResults` returns.
 *
 * @example
 * const row = { country: 'Thailand', iso3: 'THA', year: 2025, score: 33, sourceScores: { IMD: 26.0897 }, origin: { kind: 'ti', edition: 2025, file: 'CPI2025_Results.csv' } };
 * TiRowSchema.safeParse(row).success; // => true
 * TiRowSchema.safeParse({ ...row, iso3: 'th' }).success; // => false
 */
export const TiRowSchema = z.object({
  country: z.string().check(z.minLength(1)),
  iso3: z.string().check(z.regex(/^[A-Z]{3}$/, 'expected an ISO 3166-1 alpha-3 code such as "THA"')),
  region: z.optional(z.string().check(z.minLength(1))),
  year: z.int().check(z.minimum(1995), z.maximum(2100)),
  score: CpiScore,
  rank: z.optional(z.int().check(z.minimum(1))),
  standardError: z.optional(z.number().check(z.minimum(0))),
  sources: z.optional(z.int().check(z.minimum(1), z.maximum(14))),
  lower: z.optional(z.number()),
  upper: z.optional(z.number()),
  sourceScores: SourceScores,
  origin: Origin,
});

/**
 * A dataset built from TI's rows, with notes on what was left out.
 *
 * @example
 * import { readFileSync } from 'node:fs';
 * const { rows, report } = readTiResults(readFileSync('CPI2025_Results.csv', 'utf8'), { file: 'CPI2025_Results.csv' });
 * const d: TiDataset = datasetFromTi(rows, 'IDN');
 * d.dataset.cpi[0]?.score; // => 34
 * d.notes; // => []
 */
export interface TiDataset {
  readonly dataset: Dataset;
  /** One note per year skipped or per TI figure not carried over, in year order. */
  readonly notes: readonly string[];
}

/**
 * Build a cpi-gap {@link Dataset} for any country in TI's rows (from `readTiResults` or
 * `readTiWorkbook`), so every analysis works for Malaysia or Kenya as for Thailand.
 *
 * - sources: every source with a score in some year, named as in TI's files, in TI's column order;
 * - scores: each source score with origin `{ kind: 'ti', edition: year, file }`;
 * - cpi: per year TI's score and rank, `countries` = the number of rows of that year in `rows`, and
 *   TI's uncertainty (SE, CI bounds, number of sources) when the row carries all of it and the
 *   bounds lie within 0..100;
 * - a year with fewer than 3 source scores is skipped (scores and CPI) with a note.
 *
 * @throws {CpiGapError} when `iso3` is not in the rows, a row is malformed, the country has one
 * year twice, or no year has 3 sources.
 * @example
 * import { readFileSync } from 'node:fs';
 * const { rows } = readTiResults(readFileSync('CPI2025_Results.csv', 'utf8'), { file: 'CPI2025_Results.csv' });
 * const { dataset } = datasetFromTi(rows, 'MYS');
 * dataset.country.name.en; // => 'Malaysia'
 * dataset.cpi[0]?.rank; // => 54
 * cpiGap(dataset, { target: 60 }).neededMean; // => 59.5
 */
export function datasetFromTi(rows: readonly unknown[], iso3: string): TiDataset {
  const all = parseInput('datasetFromTi', listOf(TiRowSchema).check(z.minLength(1, 'expected at least one row')), rows, ['rows']);
  const code = parseInput('datasetFromTi', z.string().check(z.regex(/^[A-Za-z]{3}$/, 'expected an ISO 3166-1 alpha-3 code such as "THA"')), iso3, ['iso3']).toUpperCase();
  const mine = all.filter((r) => r.iso3 === code).sort((a, b) => a.year - b.year);
  if (mine.length === 0) {
    fail('datasetFromTi', ['iso3'], `no row for this country (the rows hold ${new Set(all.map((r) => r.iso3)).size} countries)`, iso3, 'unknown_country');
  }
  return buildTiDataset('datasetFromTi', code, mine, (year) => all.filter((x) => x.year === year).length);
}

/** The country a dataset built from TI's rows names: by default TI's name and region of its latest row. */
interface TiCountry {
  readonly name: { readonly en: string; readonly th?: string };
  readonly region?: string;
}

/**
 * Build a dataset from one country's validated rows (in year order), as {@link datasetFromTi}
 * documents; `countriesOf(year)` is the number of countries assessed that year. Internal: shared
 * with `worldDataset`, which passes its own country names.
 */
export function buildTiDataset(fn: string, code: string, mine: readonly z.output<typeof TiRowSchema>[], countriesOf: (year: number) => number, country?: TiCountry): TiDataset {
  // The latest row (callers pass at least one, in year order).
  const latest = mine.reduce((_, r) => r);
  const notes: string[] = [];
  const scores: DatasetInput['scores'] = [];
  const cpi: NonNullable<DatasetInput['cpi']> = [];
  const used = new Set<SourceId>();
  const years = new Set<number>();
  for (const r of mine) {
    if (years.has(r.year)) fail(fn, ['rows'], `${code} has two rows for ${r.year}`, r.year, 'duplicate');
    years.add(r.year);
    const entries = (Object.entries(r.sourceScores) as [SourceId, number | undefined][]).filter((e): e is [SourceId, number] => e[1] !== undefined);
    if (entries.length < MIN_SOURCES) {
      notes.push(`${r.year}: skipped, ${entries.length} source score(s) in the row; TI scores a country only from ${MIN_SOURCES} sources`);
      continue;
    }
    const origin = { kind: 'ti' as const, edition: r.origin.edition, file: r.origin.file };
    for (const [source, value] of entries) {
      used.add(source);
      scores.push({ source, year: r.year, value, origin });
    }
    const { standardError, lower, upper, sources } = r;
    const ti = standardError !== undefined && lower !== undefined && upper !== undefined && sources !== undefined ? { standardError, lower, upper, sources, origin } : undefined;
    const boundsOk = ti !== undefined && ti.lower >= 0 && ti.upper <= 100;
    if (ti !== undefined && !boundsOk) notes.push(`${r.year}: TI's confidence interval ${ti.lower}..${ti.upper} reaches outside 0..100; uncertainty not carried over`);
    cpi.push({
      year: r.year,
      score: r.score,
      ...(r.rank === undefined ? {} : { rank: r.rank }),
      countries: countriesOf(r.year),
      origin,
      ...(boundsOk ? { ti } : {}),
    });
  }
  if (scores.length === 0) fail(fn, ['iso3'], `no year of this country has ${MIN_SOURCES} source scores`, code, 'too_few_sources');
  const dataset = createDataset({
    country: { iso3: code, ...(country ?? { name: { en: latest.country } }), ...(latest.region === undefined ? {} : { region: latest.region }) },
    sources: SOURCE_IDS.filter((id) => used.has(id)).map((id) => ({
      id,
      name: { en: SOURCE_CATALOG[id].tiName },
      abbreviation: SOURCE_CATALOG[id].abbreviation,
      origin: { kind: 'ti' as const, edition: latest.origin.edition, file: latest.origin.file },
    })),
    scores,
    cpi,
  });
  return deepFreeze<TiDataset>({ dataset, notes });
}
