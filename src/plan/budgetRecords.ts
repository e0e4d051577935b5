/**
 * The records the budget roll-ups produce (`budgetByWorkstream` ... `budgetSummary` in budgetBy.ts),
 * declared once as zod schemas with their types. `budgetSpec` (cpi-gap/charts) checks its rows
 * against {@link BudgetRollup}; the module is data-free, so the charts do not bundle the plan.
 */
import * as z from 'zod/mini';
import type { DeepReadonly } from '../util/freeze.js';
import { PlanFlag } from './schema.js';

const Baht = z.number().check(z.minimum(0), z.maximum(1e13));
const Count = z.int().check(z.minimum(0), z.maximum(1e6));

/**
 * A budget roll-up row. Amounts are baht. `printed` adds every project as the seed prints it;
 * `deduplicated` counts the project printed under three measures once (under its first listing,
 * `ws3-m1.1-p3`) and leaves out its repeats (the records with `sameAs`).
 *
 * Projects whose budget cell is "-" or blank add nothing and are counted in `withoutBudget`.
 * Flagged amounts are used as documented in docs/plan.md: the amount with a missing digit is read
 * as 22,800,000; the amount per meeting counts once; a project with several amounts counts their
 * sum (for `ws1-m2.2-p7` that includes 200,000 dated FY2022). The three possible duplicates
 * (Budget Bill drafting, flag `possible-duplicate`, all without a budget) are not repeat listings:
 * they count in both columns, as the seed counts them among its 95.
 *
 * @example
 * import { BudgetRollup } from 'cpi-gap/plan';
 * const ws3: BudgetRollup | undefined = budgetByWorkstream({ workstream: 3 })[0];
 * ws3?.printed; // => 49795400
 * ws3?.deduplicated; // => 17421800 (two repeat listings of 16,186,800 left out)
 * ws3?.projectsDeduplicated; // => 17 of 19
 * BudgetRollup.safeParse({ ...ws3, printed: -1 }).success; // => false
 */
export const BudgetRollup = z.object({
  /** Workstream number, approach id, measure id, agency name or source id, as text. */
  key: z.string().check(z.minLength(1)),
  /** Thai name of the group. */
  name: z.string().check(z.minLength(1)),
  /** English name where known. */
  nameEn: z.optional(z.string().check(z.minLength(1))),
  workstream: z.optional(z.int().check(z.minimum(1))),
  /** Projects as printed (a repeat listing counts again). */
  projects: Count,
  /** Projects with repeat listings left out. */
  projectsDeduplicated: Count,
  /** Projects (as printed) whose budget is "-" or blank. */
  withoutBudget: Count,
  /** Sum of the budgets as printed. */
  printed: Baht,
  /** Sum with repeat listings left out. */
  deduplicated: Baht,
});
export type BudgetRollup = DeepReadonly<z.output<typeof BudgetRollup>>;

/**
 * The whole plan's budget, as printed and deduplicated, and the flagged budgets.
 *
 * @example
 * import type { BudgetSummary } from 'cpi-gap/plan';
 * const s: BudgetSummary = budgetSummary();
 * [s.withBudget, s.withoutBudget]; // => [43, 52]
 * s.flaggedBudgets.find((f) => f.id === 'ws1-m2.2-p7')?.flags; // => ['budget-summed', 'includes-prior-year']
 */
export const BudgetSummary = z.extend(BudgetRollup, {
  /** Projects with a budget (as printed). */
  withBudget: Count,
  /** Ids and flags of the projects whose amount needed a reading (see docs/plan.md). */
  flaggedBudgets: z.array(z.object({ id: z.string().check(z.minLength(1)), budget: z.nullable(Baht), flags: z.array(PlanFlag) })),
});
export type BudgetSummary = DeepReadonly<z.output<typeof BudgetSummary>>;
