import * as z from 'zod/mini';
import { parseInput } from '../errors.js';
import { budgetByAgency } from './budgetBy.js';
import { plan } from './plan.js';

/**
 * Options of {@link rankAgencies}.
 *
 * @example
 * RankAgenciesOptions.parse({ by: 'budget', limit: 3 }); // => { by: 'budget', limit: 3 }
 * RankAgenciesOptions.safeParse({ limit: 0 }).success; // => false
 */
export const RankAgenciesOptions = z.optional(z.strictObject({
  /** Rank by number of projects or by budget (as printed). Default `'projects'`. */
  by: z.optional(z.enum(['projects', 'budget'])),
  /** Keep the first `limit` rows. Default: all. */
  limit: z.optional(z.int().check(z.minimum(1))),
}));
export type RankAgenciesOptions = z.input<typeof RankAgenciesOptions>;

/**
 * An agency's place by projects or budget.
 *
 * @example
 * import type { AgencyRank } from 'cpi-gap/plan';
 * const top: AgencyRank | undefined = rankAgencies({ by: 'budget', limit: 1 })[0];
 * top?.abbreviation; // => 'CODI' (291,750,000 baht, one project)
 * top?.rank; // => 1
 */
export interface AgencyRank {
  /** 1 = most projects (or largest budget); ties share the best rank. */
  readonly rank: number;
  readonly name: string;
  readonly nameEn?: string;
  readonly abbreviation?: string;
  readonly projects: number;
  readonly projectsDeduplicated: number;
  readonly withoutBudget: number;
  readonly printed: number;
  readonly deduplicated: number;
}

/**
 * Responsible agencies of Part 2's projects ranked by number of projects (default) or by budget
 * as printed; ties are broken by the other measure, then by Thai name, and share the best rank.
 *
 * @throws {CpiGapError} on an unknown option, an unknown `by` or a `limit` below 1.
 * @example
 * rankAgencies({ limit: 1 })[0]?.abbreviation; // => 'PACC' (สำนักงาน ป.ป.ท., 16 projects)
 */
export function rankAgencies(options?: RankAgenciesOptions): AgencyRank[] {
  const { by = 'projects', limit } = parseInput('rankAgencies', RankAgenciesOptions, options, ['options']) ?? {};
  const primary = (r: { projects: number; printed: number }): number => (by === 'projects' ? r.projects : r.printed);
  const secondary = (r: { projects: number; printed: number }): number => (by === 'projects' ? r.printed : r.projects);
  const rows = budgetByAgency().sort((a, b) => primary(b) - primary(a) || secondary(b) - secondary(a) || a.name.localeCompare(b.name, 'th'));
  const ranked = rows.map((r) => {
    const def = plan.agencies.find((a) => a.name === r.name);
    return {
      rank: 1 + rows.filter((o) => primary(o) > primary(r)).length,
      name: r.name,
      ...(def?.en !== undefined ? { nameEn: def.en } : {}),
      ...(def?.abbreviation !== undefined ? { abbreviation: def.abbreviation } : {}),
      projects: r.projects,
      projectsDeduplicated: r.projectsDeduplicated,
      withoutBudget: r.withoutBudget,
      printed: r.printed,
      deduplicated: r.deduplicated,
    };
  });
  return limit === undefined ? ranked : ranked.slice(0, limit);
}
