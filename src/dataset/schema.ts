import * as z from 'zod/mini';
import { buddhistEraHint } from './eraHint.js';
import { SOURCE_IDS } from './sourceCatalog.js';

/**
 * A stable source id (see {@link SOURCE_IDS}).
 *
 * @example
 * SourceIdSchema.parse('VDEM'); // => 'VDEM'
 * SourceIdSchema.safeParse('V-Dem').success; // => false (ids, not abbreviations)
 */
export const SourceIdSchema = z.enum(SOURCE_IDS);

/** A CPI score or rescaled source score: a finite number from 0 to 100. */
export const ScoreValue = z.number().check(z.minimum(0), z.maximum(100));

/** A published CPI score, or a target score: an integer from 0 to 100 (TI publishes whole numbers). */
export const CpiScore = z.int().check(z.minimum(0), z.maximum(100));

/** A calendar year (CE) in the range the CPI can plausibly cover. */
export const Year = z.int().check(z.minimum(1995), z.maximum(2100, { error: (issue) => `expected a year of the Common Era, 1995..2100${buddhistEraHint(issue.input)}` }));

/** Text in English, and in Thai where it exists. */
export const LocalText = z.strictObject({ en: z.string().check(z.minLength(1)), th: z.optional(z.string().check(z.minLength(1))) });

/**
 * Where a number comes from: a section of the seed document (the FY2023 action plan), an edition of
 * TI's published results, or the user.
 * @example
 * const fromSeed: Provenance = { kind: 'seed', section: 'บทนำ ๒.' };
 * const fromTi: Provenance = { kind: 'ti', edition: 2025, file: 'CPI2025_Results.csv' };
 * Provenance.safeParse({ kind: 'user', note: 'my estimate' }).success; // => true
 * console.log(fromSeed.kind, fromTi.kind);
 */
export const Provenance = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('seed'), section: z.string().check(z.minLength(1)), note: z.optional(z.string()) }),
  z.strictObject({ kind: z.literal('ti'), edition: Year, file: z.string().check(z.minLength(1)), note: z.optional(z.string()) }),
  z.strictObject({ kind: z.literal('user'), note: z.string().check(z.minLength(1)) }),
]);
export type Provenance = z.infer<typeof Provenance>;

/** What the seed's five-year table prints about a source: its name, question and respondents (Thai). */
export const SeedSourceText = z.strictObject({
  name: z.string().check(z.minLength(1)),
  question: z.string().check(z.minLength(1)),
  respondents: z.string().check(z.minLength(1)),
});

/** One source that assesses the country. */
export const SourceInput = z.strictObject({
  id: SourceIdSchema,
  name: LocalText,
  abbreviation: z.optional(z.string().check(z.minLength(1))),
  seed: z.optional(SeedSourceText),
  /** Workstreams this source feeds; derived from the workstreams when omitted, checked when given. */
  workstreams: z.optional(z.array(z.int().check(z.minimum(1)))),
  origin: z.optional(Provenance),
});

/**
 * One source's rescaled score in one year (0..100), with its origin.
 *
 * @example
 * const s: SourceScore = { source: 'IMD', year: 2025, value: 26.0897, origin: { kind: 'ti', edition: 2025, file: 'CPI2025_Results.csv' } };
 * SourceScore.safeParse(s).success; // => true
 * SourceScore.safeParse({ ...s, value: 101 }).success; // => false
 */
export const SourceScore = z.strictObject({
  source: SourceIdSchema,
  year: Year,
  value: ScoreValue,
  origin: Provenance,
});
export type SourceScore = z.infer<typeof SourceScore>;

/** TI's published uncertainty for a country-year. */
export const TiUncertainty = z.strictObject({
  standardError: z.number().check(z.minimum(0)),
  lower: ScoreValue,
  upper: ScoreValue,
  sources: z.int().check(z.minimum(1), z.maximum(14)),
  origin: Provenance,
});

/**
 * The published CPI of a year: score, rank and number of countries assessed.
 *
 * @example
 * const row: CpiYear = CpiYear.parse({ year: 2025, score: 33, rank: 116, countries: 182, origin: { kind: 'ti', edition: 2025, file: 'CPI2025_Results.csv' } });
 * row.rank; // => 116
 */
export const CpiYear = z.strictObject({
  year: Year,
  score: CpiScore,
  rank: z.optional(z.int().check(z.minimum(1))),
  countries: z.optional(z.int().check(z.minimum(1))),
  origin: Provenance,
  ti: z.optional(TiUncertainty),
});
export type CpiYear = z.infer<typeof CpiYear>;

/** A sentence of the seed that states a target, kept as written. */
export const TargetStatement = z.strictObject({
  text: z.string().check(z.minLength(1)),
  section: z.string().check(z.minLength(1)),
  /** The connective the sentence uses between rank and score: `and`, `and/or`, or none written. */
  wording: z.enum(['and', 'and/or', 'unstated']),
  attributedTo: z.optional(z.string().check(z.minLength(1))),
});

/**
 * A score and/or rank target for a year.
 *
 * @example
 * const fy2023: Target | undefined = thailand.targets.find((t) => t.id === 'fy2023');
 * fy2023?.score; // => 51
 * fy2023?.rank; // => 53
 */
export const Target = z.strictObject({
  id: z.string().check(z.minLength(1)),
  plan: LocalText,
  year: Year,
  fromYear: z.optional(Year),
  /** The score to reach or exceed. */
  score: CpiScore,
  /** The rank to reach or better (lower), if the plan sets one. */
  rank: z.optional(z.int().check(z.minimum(1))),
  combinator: z.enum(['and', 'and/or']),
  statements: z.array(TargetStatement),
  note: z.optional(z.string()),
  origin: Provenance,
});
export type Target = z.infer<typeof Target>;

/**
 * A workstream of the plan and the sources it is meant to move.
 *
 * @example
 * const ws: Workstream | undefined = thailand.workstreams[0];
 * ws?.sources; // => ['GI', 'IMD', 'PRS', 'WEF']
 * ws?.name.th; // => 'การป้องกันการติดสินบน'
 */
export const Workstream = z.strictObject({
  number: z.int().check(z.minimum(1)),
  name: LocalText,
  sources: z.array(SourceIdSchema).check(z.minLength(1)),
  origin: Provenance,
});
export type Workstream = z.infer<typeof Workstream>;

/** The country a dataset describes. */
export const Country = z.strictObject({
  iso3: z.string().check(z.regex(/^[A-Z]{3}$/, 'expected an ISO 3166-1 alpha-3 code such as "THA"')),
  name: LocalText,
  region: z.optional(z.string().check(z.minLength(1))),
});

/**
 * What {@link createDataset} accepts: a country, its sources, their scores, and optionally CPI, targets and workstreams.
 *
 * @example
 * DatasetInput.safeParse({ country: { iso3: 'XYZ', name: { en: 'Example' } }, sources: [], scores: [] }).success; // => true (createDataset then asks for 3 sources)
 * DatasetInput.safeParse({ country: { iso3: 'xyz', name: { en: 'Example' } }, sources: [], scores: [] }).success; // => false
 */
export const DatasetInput = z.strictObject({
  country: Country,
  sources: z.array(SourceInput).check(z.minLength(3)),
  scores: z.array(SourceScore).check(z.minLength(3)),
  cpi: z.optional(z.array(CpiYear)),
  targets: z.optional(z.array(Target)),
  workstreams: z.optional(z.array(Workstream)),
});
export type DatasetInput = z.input<typeof DatasetInput>;
