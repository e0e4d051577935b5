/**
 * How the plan's projects are grouped and counted, shared by the budget roll-ups (`budgetBy*`) and
 * the progress roll-ups (`progressRollup`, `statusReport`): the list of groupings and the count-once
 * rule. Data-free (the groups themselves are in groups.ts), so the charts can read the groupings
 * without bundling the plan.
 */
import * as z from 'zod/mini';
import { frozen } from '../util/freeze.js';

/**
 * The ways the plan's projects are grouped, by the budget roll-ups and by `progressRollup` alike:
 * workstream (แผนงาน), approach (แนวทางการพัฒนา), measure (มาตรการ), responsible agency, and the
 * CPI source the project's workstream answers.
 *
 * @example
 * PLAN_GROUPINGS; // => ['workstream', 'approach', 'measure', 'agency', 'source']
 * progressRollup([], { asOf: '2023-03-31', by: PLAN_GROUPINGS[2] }).groups.length; // => 36
 */
export const PLAN_GROUPINGS = frozen(['workstream', 'approach', 'measure', 'agency', 'source'] as const);

/**
 * One of {@link PLAN_GROUPINGS}: the zod schema, and its type.
 *
 * @example
 * const by: PlanGrouping = 'agency';
 * PlanGrouping.safeParse('region').success; // => false
 * console.log(by);
 */
export const PlanGrouping = z.enum(PLAN_GROUPINGS);
export type PlanGrouping = z.infer<typeof PlanGrouping>;

/**
 * The project a listing stands for. The seed prints one project (open government data) under three
 * measures: the first listing is the project, and each repeat names it in `sameAs`.
 */
export function projectOf(listing: { readonly id: string; readonly sameAs?: string | undefined }): string {
  return listing.sameAs ?? listing.id;
}

/**
 * The count-once rule: each project once, its first listing standing for its repeats, in the order
 * given. The budget roll-ups apply it to the whole plan before grouping (a project's budget counts
 * under its first listing only: `deduplicated`); the progress roll-ups within each group (a group
 * that holds any listing of a project counts that project once).
 *
 * @param project The project a listing stands for ({@link projectOf} for the plan's records).
 */
export function countOnce<T>(listings: readonly T[], project: (listing: T) => string): T[] {
  const seen = new Set<string>();
  return listings.filter((listing) => {
    const id = project(listing);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
