/**
 * The records cpi-gap/world produces, declared once as zod schemas with their types: `countries`
 * lists {@link WorldCountry}s, `edition` builds a {@link WorldEdition} of {@link EditionRow}s,
 * `peerGroup` a {@link ResolvedPeerGroup}, `peerComparison` a {@link PeerComparison}, which
 * `peerComparisonSpec` (cpi-gap/charts) checks its input against; and the peer groups they are
 * asked for ({@link PeerGroup}, {@link DEFAULT_PEER_GROUP}), which the command line reads.
 * Data-free (no panel), so the charts and the command line's parsers do not load TI's panel.
 */
import * as z from 'zod/mini';
import { Provenance, ScoreValue, SourceIdSchema, Year } from '../dataset/schema.js';
import type { DeepReadonly } from '../util/freeze.js';
import { RegionCode } from './regions.js';

const Names = z.object({ en: z.string().check(z.minLength(1)), th: z.string().check(z.minLength(1)) });
const Iso3 = z.string().check(z.regex(/^[A-Z]{3}$/));

/**
 * A country or territory of TI's CPI, as `countries` lists it.
 *
 * @example
 * const tha: WorldCountry | undefined = countries().find((c) => c.iso3 === 'THA');
 * tha?.name.en; // => 'Thailand'
 * tha?.region; // => 'AP'
 * tha?.firstEdition; // => 2012
 */
export const WorldCountry = z.object({
  /** The ISO3 code TI uses (ISO 3166-1 alpha-3, but `KSV` for Kosovo: see `ISO3_TO_ALPHA2`). */
  iso3: Iso3,
  /** The alpha-2 code the names are looked up by. */
  alpha2: z.string().check(z.regex(/^[A-Z]{2}$/)),
  /** English and Thai names from `Intl.DisplayNames` (TI's name where the runtime has none). */
  name: Names,
  /** The name TI writes in its latest edition. */
  tiName: z.string().check(z.minLength(1)),
  /** TI's region code in its latest edition. */
  region: RegionCode,
  firstEdition: Year,
  lastEdition: Year,
  /** Every edition that scored it, ascending (editions may be missing in between). */
  editions: z.array(Year).check(z.minLength(1)),
});
export type WorldCountry = DeepReadonly<z.output<typeof WorldCountry>>;

/**
 * One country's published result in an edition, as `edition` lists it.
 *
 * @example
 * const tha: EditionRow | undefined = edition(2025).rows.find((r) => r.iso3 === 'THA');
 * tha?.score; // => 33
 * tha?.rank; // => 116
 * tha?.standardError; // => 0.9973887
 */
export const EditionRow = z.object({
  iso3: Iso3,
  /** English and Thai names (as `countries` gives them). */
  name: Names,
  /** The country's TI region (as `countries` gives it). */
  region: RegionCode,
  score: z.int().check(z.minimum(0), z.maximum(100)),
  rank: z.int().check(z.minimum(1)),
  standardError: z.number().check(z.minimum(0)),
  /** TI's 90% confidence interval. */
  lower: z.number(),
  upper: z.number(),
  /** Number of sources. */
  sources: z.int().check(z.minimum(1), z.maximum(14)),
});
export type EditionRow = DeepReadonly<z.output<typeof EditionRow>>;

/**
 * Every country's published CPI of one edition, as `edition` gives it.
 *
 * @example
 * const e: WorldEdition = edition(2022);
 * e.countries; // => 180
 * e.rows[0]?.iso3; // => 'DNK'
 */
export const WorldEdition = z.object({
  year: Year,
  /** The number of countries TI scored (and ranked) in the edition. */
  countries: z.int().check(z.minimum(1)),
  /** Every country's row, by rank (best first), ties by ISO3. */
  rows: z.array(EditionRow),
  /** Every country's score, in the order of `rows`: what `rank`, `scoreForRank`, `scenarioRank` and `rankPosition` take. */
  scores: z.array(ScoreValue),
  origin: Provenance,
});
export type WorldEdition = DeepReadonly<z.output<typeof WorldEdition>>;

/**
 * The peer groups named by a word: `'asean'` (ASEAN by its dated membership) and `'region'` (the
 * country's own TI region). Internal: the command line reads the list.
 */
export const NamedPeerGroup = z.enum(['asean', 'region']);

/** A list of ISO3 codes (your own peer group). Internal. */
export const Iso3List = z.array(z.string().check(z.regex(/^[A-Za-z]{3}$/, 'expected an ISO3 code such as "THA"'))).check(z.minLength(1, 'expected at least one ISO3 code'), z.maxLength(250, 'expected at most 250 codes'));

/**
 * A peer group: `'asean'` (dated membership, see `ASEAN_MEMBERS`), `'region'` (the country's
 * own TI region), a TI region code (`'AP'`, `'WE/EU'`... see {@link RegionCode}), or a list of ISO3
 * codes (your own group, each a country of the panel).
 *
 * @example
 * const groups: PeerGroup[] = ['asean', 'region', 'SSA', ['THA', 'VNM', 'MYS']];
 * PeerGroup.safeParse('ASEAN').success; // => false (lower case: 'asean')
 * PeerGroup.safeParse([]).success; // => false
 * console.log(groups.length);
 */
export const PeerGroup = z.union([NamedPeerGroup, RegionCode, Iso3List]);
export type PeerGroup = DeepReadonly<z.infer<typeof PeerGroup>>;

/**
 * The group `peerComparison` (and `cpi-gap peers`, `cpi-gap chart peers`) compares a country with
 * when none is given: its own TI region.
 *
 * @example
 * DEFAULT_PEER_GROUP; // => 'region'
 * peerComparison('THA', { year: 2025 }).group.id; // => 'region:AP'
 */
export const DEFAULT_PEER_GROUP = 'region' satisfies PeerGroup;

/**
 * A peer group resolved for one edition: who is in it and who of them TI scored.
 *
 * @example
 * const g: ResolvedPeerGroup = peerGroup('asean', { year: 2025 });
 * g.name.th; // => 'อาเซียน'
 * g.members.length; // => 11
 */
export const ResolvedPeerGroup = z.object({
  /** `'asean'`, `'region:AP'` (a TI region), or `'custom'` (an ISO3 list). */
  id: z.string().check(z.minLength(1)),
  name: Names,
  year: z.int(),
  /** The members TI scored in the edition, as ISO3 codes (ASEAN: by joining date; a region: by rank; a list: as given). */
  members: z.array(z.string()),
  /** Members not scored in the edition (e.g. Brunei in 2021-2024). */
  unscored: z.array(z.string()),
});
export type ResolvedPeerGroup = DeepReadonly<z.output<typeof ResolvedPeerGroup>>;

/**
 * One member of the group in a {@link PeerComparison}: its published result and, for a peer, whether
 * its score differs significantly from the country's.
 *
 * @example
 * const vnm: PeerRow | undefined = peerComparison('THA', { group: 'asean', year: 2025 }).peers.find((p) => p.iso3 === 'VNM');
 * vnm?.score; // => 41
 * vnm?.difference; // => -8 (Thailand's 33 minus Viet Nam's 41)
 */
export const PeerRow = z.extend(EditionRow, {
  /** TI's region (null for a dataset of a country outside the panel that names none). */
  region: z.nullable(RegionCode),
  /** Whether this row is the country compared. */
  self: z.boolean(),
  /** Its rank in the group: 1 + the members scoring strictly higher. */
  groupRank: z.int().check(z.minimum(1)),
  /** The country's score minus this member's (0 for the country). */
  difference: z.number(),
  /** The library's significance test of that difference (`changeSignificance`, default rule); null for the country. */
  pValue: z.nullable(z.number().check(z.minimum(0), z.maximum(1))),
  /** Not significantly different from the country; null for the country. */
  tied: z.nullable(z.boolean()),
});
export type PeerRow = DeepReadonly<z.output<typeof PeerRow>>;

/**
 * One source of the country set against the same source of its peers, the same year.
 *
 * @example
 * const imd: PeerSourceGap | undefined = peerComparison('THA', { group: 'asean', year: 2025 }).sources.find((s) => s.source === 'IMD');
 * imd?.score.toFixed(2); // => '26.09'
 * imd?.peers; // => 4 (Indonesia, Malaysia, the Philippines and Singapore)
 */
export const PeerSourceGap = z.object({
  source: SourceIdSchema,
  /** The country's score on the source. */
  score: ScoreValue,
  /** How many peers (the country excluded) have a score on the source that year. */
  peers: z.int().check(z.minimum(1)),
  /** Median and best of those peers' scores. */
  peerMedian: ScoreValue,
  peerBest: ScoreValue,
  /** `peerMedian - score`: positive when the country lags its peers on the source. */
  gap: z.number(),
  /** Peers scoring strictly higher on the source. */
  above: z.int().check(z.minimum(0)),
});
export type PeerSourceGap = DeepReadonly<z.output<typeof PeerSourceGap>>;

/**
 * Where a country stands among its peers in one edition.
 *
 * @example
 * const p: PeerComparison = peerComparison('THA', { group: 'asean', year: 2025 });
 * p.score; // => 33
 * p.median; // => 34
 * p.best; // => { score: 84, iso3: ['SGP'] }
 * p.lagging; // => ['WEF', 'IMD', 'PRS', 'BTI']
 */
export const PeerComparison = z.object({
  iso3: z.string().check(z.minLength(1)),
  name: Names,
  year: z.int(),
  group: ResolvedPeerGroup,
  /** The country's published score, world rank (of `countries`), TI's standard error. */
  score: ScoreValue,
  rank: z.int().check(z.minimum(1)),
  countries: z.int().check(z.minimum(1)),
  standardError: z.number().check(z.minimum(0)),
  /** 1 + the members scoring strictly higher (ties share the best rank, as TI ranks). */
  groupRank: z.int().check(z.minimum(1)),
  /** Members scored that edition, the country included (it always counts in its group). */
  groupSize: z.int().check(z.minimum(2)),
  /** Median and best score of the group, the country included. */
  median: ScoreValue,
  best: z.object({ score: ScoreValue, iso3: z.array(z.string()) }),
  /** `score - median` and `score - best.score` (never positive). */
  toMedian: z.number(),
  toBest: z.number().check(z.maximum(0)),
  /** Every source of the country that year that some peer also has, the largest lag first (ties by id). */
  sources: z.array(PeerSourceGap),
  /** The sources on which the country scores below its peers' median, the largest lag first. */
  lagging: z.array(SourceIdSchema),
  /** Sources of the country that no peer has that year. */
  unmatched: z.array(SourceIdSchema),
  /** How many peers the country is statistically tied with (see `significance`). */
  tied: z.int().check(z.minimum(0)),
  /** The rule `changeSignificance` applied (its default): test and alpha. */
  significance: z.object({ test: z.string().check(z.minLength(1)), alpha: z.number().check(z.gt(0), z.lt(1)) }),
  /** Every member, the country included, by score (best first), ties by ISO3. */
  peers: z.array(PeerRow).check(z.minLength(2)),
  /** Where the numbers come from: the country's values and the edition. */
  origins: z.array(Provenance),
});
export type PeerComparison = DeepReadonly<z.output<typeof PeerComparison>>;
