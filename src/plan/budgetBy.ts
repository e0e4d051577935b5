import * as z from 'zod/mini';
import { parseInput } from '../errors.js';
import type { BudgetRollup, BudgetSummary } from './budgetRecords.js';
import { FIRST_LISTINGS, planGroups, WHOLE_PLAN, type GroupName, type PlanGroup } from './groups.js';
import { plan } from './plan.js';

type Project = (typeof plan.projects)[number];

/**
 * Options of the budget roll-ups.
 *
 * @example
 * BudgetOptions.parse({ workstream: 2 }); // => { workstream: 2 }
 * BudgetOptions.safeParse({ workstream: 5 }).success; // => false
 * budgetByApproach({ workstream: 2 }).length; // => 4
 */
export const BudgetOptions = z.optional(z.strictObject({
  /** Keep only this workstream (1-4). Default: all. */
  workstream: z.optional(z.int().check(z.minimum(1), z.maximum(4))),
}));
export type BudgetOptions = z.input<typeof BudgetOptions>;

/** A group's roll-up over `rows` (the selected projects): its listings among them, each project once in `deduplicated`. */
function rollup(names: GroupName, rows: readonly Project[]): BudgetRollup {
  const unique = rows.filter((p) => FIRST_LISTINGS.has(p.id));
  const sum = (ps: readonly Project[]): number => ps.reduce((s, p) => s + (p.budget ?? 0), 0);
  return {
    ...names,
    projects: rows.length,
    projectsDeduplicated: unique.length,
    withoutBudget: rows.filter((p) => p.budget === null).length,
    printed: sum(rows),
    deduplicated: sum(unique),
  };
}

/** The selected projects (all, or one workstream's) and the selected workstream. */
function selected(fn: string, options: unknown): { workstream: number | undefined; rows: readonly Project[] } {
  const { workstream } = parseInput(fn, BudgetOptions, options, ['options']) ?? {};
  return { workstream, rows: workstream === undefined ? plan.projects : plan.projects.filter((p) => p.workstream === workstream) };
}

/** Each group's roll-up over its listings among `rows`. */
function rollups(groups: readonly PlanGroup[], rows: readonly Project[]): BudgetRollup[] {
  return groups.map((g) => rollup(g.names, rows.filter((p) => g.listings.has(p.id))));
}

/** Groups of a workstream (all groups when none is selected). */
const inWorkstream = (workstream: number | undefined) => (g: PlanGroup): boolean => workstream === undefined || g.names.workstream === workstream;

/**
 * Budget per workstream (แผนงาน), 1 to 4.
 *
 * @throws {CpiGapError} on an unknown option or a workstream outside 1..4.
 * @example
 * budgetByWorkstream().map((r) => r.projects); // => [47, 12, 19, 17]
 */
export function budgetByWorkstream(options?: BudgetOptions): BudgetRollup[] {
  const { workstream, rows } = selected('budgetByWorkstream', options);
  return rollups(planGroups('workstream').filter(inWorkstream(workstream)), rows);
}

/**
 * Budget per approach (แนวทางการพัฒนา), all 13 in the seed's order (an approach without a
 * project has a row of zeros).
 *
 * @example
 * budgetByApproach({ workstream: 2 }).length; // => 4
 */
export function budgetByApproach(options?: BudgetOptions): BudgetRollup[] {
  const { workstream, rows } = selected('budgetByApproach', options);
  return rollups(planGroups('approach').filter(inWorkstream(workstream)), rows);
}

/**
 * Budget per measure (มาตรการ), all 36 in the seed's order; measures without a project have
 * `projects: 0`.
 *
 * @example
 * budgetByMeasure().filter((r) => r.projects === 0).map((r) => r.key);
 * // => ['ws1-m1.9', 'ws1-m3.4', 'ws2-m3.1', 'ws3-m3.1']
 */
export function budgetByMeasure(options?: BudgetOptions): BudgetRollup[] {
  const { workstream, rows } = selected('budgetByMeasure', options);
  return rollups(planGroups('measure').filter(inWorkstream(workstream)), rows);
}

/**
 * Budget per responsible agency (normalised name), largest printed budget first, then by name.
 * A project with several agencies would count fully for each (in the seed every project names
 * one agency).
 *
 * @example
 * budgetByAgency()[0]?.nameEn; // => 'Community Organizations Development Institute'
 */
export function budgetByAgency(options?: BudgetOptions): BudgetRollup[] {
  const { rows } = selected('budgetByAgency', options);
  return rollups(planGroups('agency'), rows)
    .filter((r) => r.projects > 0)
    .sort((a, b) => b.printed - a.printed || b.projects - a.projects || a.name.localeCompare(b.name, 'th'));
}

/**
 * Budget aimed at each of Thailand's nine sources, through the workstreams that answer it (the
 * bundled `thailand` dataset's workstreams). A project counts for every source of its workstream,
 * so the rows add up to more than the plan's total.
 *
 * @example
 * budgetBySource().find((r) => r.key === 'WEF')?.projects; // => 66 (workstreams 1 and 3)
 */
export function budgetBySource(options?: BudgetOptions): BudgetRollup[] {
  const { rows } = selected('budgetBySource', options);
  // the nine sources in the dataset's order (IMD … BTI), each named as the seed's table names it
  return rollups(planGroups('source'), rows);
}

const BUDGET_FLAGS = new Set(['budget-digit-missing', 'budget-summed', 'includes-prior-year', 'amount-per-meeting', 'identical-budget', 'listed-under-several-measures']);

/**
 * Totals of the plan: projects, projects without a budget, budget as printed and deduplicated,
 * and the projects whose budget carries a flag.
 *
 * @example
 * budgetSummary().projects; // => 95
 */
export function budgetSummary(options?: BudgetOptions): BudgetSummary {
  const { rows } = selected('budgetSummary', options);
  const base = rollup(WHOLE_PLAN, rows);
  return {
    ...base,
    withBudget: base.projects - base.withoutBudget,
    flaggedBudgets: rows
      .filter((p) => p.flags.some((f) => BUDGET_FLAGS.has(f)))
      .map((p) => ({ id: p.id, budget: p.budget, flags: p.flags.filter((f) => BUDGET_FLAGS.has(f)) })),
  };
}
