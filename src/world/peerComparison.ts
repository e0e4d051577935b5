import * as z from 'zod/mini';
import { assertDataset, type Dataset } from '../dataset/createDataset.js';
import type { Provenance } from '../dataset/schema.js';
import type { SourceId } from '../dataset/sourceCatalog.js';
import { fail, parseInput } from '../errors.js';
import { changeSignificance } from '../methodology/changeSignificance.js';
import { rank } from '../methodology/rank.js';
import { deepFreeze, type DeepReadonly } from '../util/freeze.js';
import { countryOf } from './countries.js';
import { edition } from './edition.js';
import { editionRows, panel } from './panel.js';
import { parseGroup, resolveGroup } from './peerGroups.js';
import { DEFAULT_PEER_GROUP, PeerGroup, type EditionRow, type PeerComparison, type PeerRow, type PeerSourceGap } from './records.js';
import { RegionCode } from './regions.js';
import { worldDataset } from './worldDataset.js';

/** The median of a non-empty list (the mean of the two middle values for an even count). */
function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] ?? Number.NaN) : ((s[mid - 1] ?? Number.NaN) + (s[mid] ?? Number.NaN)) / 2;
}

/**
 * Options of {@link peerComparison}.
 *
 * @example
 * const o: PeerComparisonOptions = { group: 'asean', year: 2025 };
 * peerComparison('THA', o).groupRank; // => 8
 */
export const PeerComparisonOptions = z.strictObject({
  /** The peer group (see {@link PeerGroup}). Default {@link DEFAULT_PEER_GROUP}: the country's TI region. */
  group: z.optional(PeerGroup),
  /** The edition. Default: the latest edition with the country's published score and standard error. */
  year: z.optional(z.int()),
});
export type PeerComparisonOptions = DeepReadonly<z.input<typeof PeerComparisonOptions>>;

/** The country's own published result in `year`, from its dataset. */
interface Own {
  readonly row: Omit<PeerRow, 'self' | 'groupRank' | 'difference' | 'pValue' | 'tied'>;
  readonly scores: ReadonlyMap<SourceId, number>;
  readonly origins: readonly Provenance[];
}

/** The latest edition of the panel with the dataset's published score and TI's uncertainty. */
function defaultYear(fn: string, dataset: Dataset): number {
  const editions = panel().file.editions;
  const year = [...dataset.cpi].reverse().find((c) => c.ti !== undefined && editions.includes(c.year))?.year;
  return year ?? fail(fn, ['dataset', 'cpi'], "expected a published CPI score with TI's standard error in an edition of the panel (2012..2025)", dataset.country.iso3, 'missing_cpi');
}

function ownResult(fn: string, dataset: Dataset, year: number): Own {
  const cpi = dataset.cpi.find((c) => c.year === year);
  const ti = cpi?.ti;
  if (cpi === undefined || ti === undefined) return fail(fn, ['options', 'year'], `expected a year with the country's published CPI score and TI's standard error (${dataset.cpi.filter((c) => c.ti !== undefined).map((c) => c.year).join(', ') || 'none'})`, year, 'missing_cpi');
  const c = countryOf(dataset.country.iso3);
  const name = { en: dataset.country.name.en, th: dataset.country.name.th ?? c?.name.th ?? dataset.country.name.en };
  const region = c?.region ?? RegionCode.safeParse(dataset.country.region).data ?? null;
  const mine = dataset.scores.filter((s) => s.year === year);
  const r = cpi.rank ?? rank(cpi.score, edition(year).scores);
  const row: Own['row'] = { iso3: dataset.country.iso3, name, region, score: cpi.score, rank: r, standardError: ti.standardError, lower: ti.lower, upper: ti.upper, sources: ti.sources };
  const origins = [cpi.origin, ti.origin, ...mine.map((s) => s.origin)];
  const unique = [...new Map(origins.map((o) => [JSON.stringify(o), o])).values()];
  return { row, scores: new Map(mine.map((s) => [s.source, s.value])), origins: unique };
}

/** Each peer with the significance of its difference from the country. */
function peerRows(own: Own['row'], others: readonly EditionRow[], year: number): { rows: PeerRow[]; significance: PeerComparison['significance'] } {
  let significance: PeerComparison['significance'] = { test: '', alpha: 0 };
  const estimate = (r: Own['row']) => ({ score: r.score, standardError: r.standardError, sources: r.sources, year });
  const rows = others.map((p): PeerRow => {
    const s = changeSignificance(estimate(p), estimate(own), { test: 'welch' });
    significance = { test: s.test, alpha: s.alpha };
    return { ...p, self: false, groupRank: 0, difference: own.score - p.score, pValue: s.pValue, tied: !s.significant };
  });
  rows.push({ ...own, self: true, groupRank: 0, difference: 0, pValue: null, tied: null });
  rows.sort((a, b) => b.score - a.score || a.iso3.localeCompare(b.iso3));
  return { rows: rows.map((r) => ({ ...r, groupRank: 1 + rows.filter((x) => x.score > r.score).length })), significance };
}

/** The country's sources against its peers' same source, same year, the largest lag first (ties by id). */
function sourceGaps(own: Own, peers: readonly string[], year: number): { sources: PeerSourceGap[]; unmatched: SourceId[] } {
  const rows = editionRows(year).filter((r) => peers.includes(r.iso3));
  const sources: PeerSourceGap[] = [];
  const unmatched: SourceId[] = [];
  for (const [source, score] of own.scores) {
    const values = rows.flatMap((r) => r.sourceScores[source] ?? []);
    if (values.length === 0) {
      unmatched.push(source);
      continue;
    }
    const peerMedian = median(values);
    sources.push({ source, score, peers: values.length, peerMedian, peerBest: Math.max(...values), gap: peerMedian - score, above: values.filter((v) => v > score).length });
  }
  sources.sort((a, b) => b.gap - a.gap || (a.source < b.source ? -1 : 1));
  return { sources, unmatched };
}

/**
 * Where a country stands among its peers in one edition of TI's CPI: its score and rank in the
 * group, its distance to the group's median and best, the sources on which it lags its peers most
 * (each source against the same source of the peers, the same year), and how many peers it is
 * statistically tied with.
 *
 * - The country: a dataset (the bundled `thailand`, a `worldDataset`, your own: its published score,
 *   TI's standard error and its source scores of the year) or an ISO3 code or name (its `worldDataset`).
 * - The group ({@link PeerGroup}, default {@link DEFAULT_PEER_GROUP}: the country's TI region): the members TI scored that edition; the
 *   country always counts in its group. Median and best are the group's (the country included);
 *   source gaps set the country against the median of its peers (the other members) on that source.
 * - Ties: a peer is tied when `changeSignificance(peer, country, { test: 'welch' })` finds the
 *   difference not significant at 5% (`significance` says which rule). Welch, not the library's
 *   default: TI's rule (`test: 'ti'`) is reconstructed from TI's list of one country's changes over
 *   time, and TI states no rule for two countries of one edition.
 *
 * @throws {CpiGapError} naming `peerComparison`: an unknown country, group, ISO3 code or edition; a
 * year without the country's published score and standard error; a group without another member.
 * @example
 * const p = peerComparison(thailand, { group: 'asean', year: 2025 });
 * [p.groupRank, p.groupSize]; // => [8, 11]
 * p.toBest; // => -51 (Singapore's 84)
 * p.tied; // => 4 (Timor-Leste, Indonesia, Laos and the Philippines)
 */
export function peerComparison(country: Dataset | string, options: PeerComparisonOptions = {}): PeerComparison {
  const fn = 'peerComparison';
  const dataset = typeof country === 'string' ? worldDataset(country) : country;
  assertDataset(fn, dataset, ['country']);
  const opts = parseInput(fn, PeerComparisonOptions, options, ['options']);
  const group = parseGroup(fn, opts.group ?? DEFAULT_PEER_GROUP, ['options', 'group']);
  const year = opts.year ?? defaultYear(fn, dataset);
  const editions = panel().file.editions;
  if (!editions.includes(year)) fail(fn, ['options', 'year'], `expected an edition of the panel (${editions[0]}..${editions.at(-1)})`, year, 'unknown_year');
  const own = ownResult(fn, dataset, year);
  const resolved = resolveGroup(fn, group, year, own.row.region ?? undefined, ['options', 'group']);
  const others = edition(year).rows.filter((r) => r.iso3 !== own.row.iso3 && resolved.members.includes(r.iso3));
  if (others.length === 0) fail(fn, ['options', 'group'], `expected a group with another country scored in ${year}`, resolved.id, 'empty_group');
  const scores = [own.row.score, ...others.map((r) => r.score)];
  const best = Math.max(...scores);
  const { rows, significance } = peerRows(own.row, others, year);
  const { sources, unmatched } = sourceGaps(own, others.map((r) => r.iso3), year);
  const groupMedian = median(scores);
  return deepFreeze({
    iso3: own.row.iso3,
    name: own.row.name,
    year,
    group: resolved,
    score: own.row.score,
    rank: own.row.rank,
    countries: edition(year).countries,
    standardError: own.row.standardError,
    groupRank: 1 + others.filter((r) => r.score > own.row.score).length,
    groupSize: scores.length,
    median: groupMedian,
    best: { score: best, iso3: rows.filter((r) => r.score === best).map((r) => r.iso3) },
    toMedian: own.row.score - groupMedian,
    toBest: own.row.score - best,
    sources,
    lagging: sources.filter((s) => s.gap > 0).map((s) => s.source),
    unmatched,
    tied: rows.filter((r) => r.tied === true).length,
    significance,
    peers: rows,
    origins: [...new Map([...own.origins, edition(year).origin].map((o) => [JSON.stringify(o), o])).values()],
  });
}
