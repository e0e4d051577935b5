import { z } from 'zod';
import { SOURCE_IDS } from './sourceCatalog.js';

/** A stable source id (see {@link SOURCE_IDS}). */
export const SourceIdSchema = z.enum(SOURCE_IDS);

/** A CPI score or rescaled source score: a finite number from 0 to 100. */
export const ScoreValue = z.number().min(0).max(100);

/** A calendar year (CE) in the range the CPI can plausibly cover. */
export const Year = z.int().min(1995).max(2100);

/** Text in English, and in Thai where it exists. */
export const LocalText = z.strictObject({ en: z.string().min(1), th: z.string().min(1).optional() });

/**
 * Where a number comes from: a section of the seed document (the FY2023 action plan), an edition of
 * TI's published results, or the user.
 */
export const Provenance = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('seed'), section: z.string().min(1), note: z.string().optional() }),
  z.strictObject({ kind: z.literal('ti'), edition: Year, file: z.string().min(1), note: z.string().optional() }),
  z.strictObject({ kind: z.literal('user'), note: z.string().min(1) }),
]);
export type Provenance = z.infer<typeof Provenance>;

/** What the seed's five-year table prints about a source: its name, question and respondents (Thai). */
export const SeedSourceText = z.strictObject({
  name: z.string().min(1),
  question: z.string().min(1),
  respondents: z.string().min(1),
});

/** One source that assesses the country. */
export const SourceInput = z.strictObject({
  id: SourceIdSchema,
  name: LocalText,
  abbreviation: z.string().min(1).optional(),
  seed: SeedSourceText.optional(),
  /** Workstreams this source feeds; derived from the workstreams when omitted, checked when given. */
  workstreams: z.array(z.int().min(1)).optional(),
  origin: Provenance.optional(),
});

/** One source's rescaled score in one year (0..100), with its origin. */
export const SourceScore = z.strictObject({
  source: SourceIdSchema,
  year: Year,
  value: ScoreValue,
  origin: Provenance,
});
export type SourceScore = z.infer<typeof SourceScore>;

/** TI's published uncertainty for a country-year. */
export const TiUncertainty = z.strictObject({
  standardError: z.number().min(0),
  lower: ScoreValue,
  upper: ScoreValue,
  sources: z.int().min(1).max(14),
  origin: Provenance,
});

/** The published CPI of a year: score, rank and number of countries assessed. */
export const CpiYear = z.strictObject({
  year: Year,
  score: z.int().min(0).max(100),
  rank: z.int().min(1).optional(),
  countries: z.int().min(1).optional(),
  origin: Provenance,
  ti: TiUncertainty.optional(),
});
export type CpiYear = z.infer<typeof CpiYear>;

/** A sentence of the seed that states a target, kept as written. */
export const TargetStatement = z.strictObject({
  text: z.string().min(1),
  section: z.string().min(1),
  /** The connective the sentence uses between rank and score: `and`, `and/or`, or none written. */
  wording: z.enum(['and', 'and/or', 'unstated']),
  attributedTo: z.string().min(1).optional(),
});

/** A score and/or rank target for a year. */
export const Target = z.strictObject({
  id: z.string().min(1),
  plan: LocalText,
  year: Year,
  fromYear: Year.optional(),
  /** The score to reach or exceed. */
  score: z.int().min(0).max(100),
  /** The rank to reach or better (lower), if the plan sets one. */
  rank: z.int().min(1).optional(),
  combinator: z.enum(['and', 'and/or']),
  statements: z.array(TargetStatement),
  note: z.string().optional(),
  origin: Provenance,
});
export type Target = z.infer<typeof Target>;

/** A workstream of the plan and the sources it is meant to move. */
export const Workstream = z.strictObject({
  number: z.int().min(1),
  name: LocalText,
  sources: z.array(SourceIdSchema).min(1),
  origin: Provenance,
});
export type Workstream = z.infer<typeof Workstream>;

/** The country a dataset describes. */
export const Country = z.strictObject({
  iso3: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 3166-1 alpha-3 code such as "THA"'),
  name: LocalText,
  region: z.string().min(1).optional(),
});

/** What {@link createDataset} accepts: a country, its sources, their scores, and optionally CPI, targets and workstreams. */
export const DatasetInput = z.strictObject({
  country: Country,
  sources: z.array(SourceInput).min(3),
  scores: z.array(SourceScore).min(3),
  cpi: z.array(CpiYear).optional(),
  targets: z.array(Target).optional(),
  workstreams: z.array(Workstream).optional(),
});
export type DatasetInput = z.input<typeof DatasetInput>;
