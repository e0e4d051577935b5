import * as z from 'zod/mini';
import { parseInput } from '../../errors.js';
import { deepFreeze, type DeepReadonly } from '../../util/freeze.js';
import { FISCAL_YEAR_2023 } from '../fiscalYear.js';
import { countOnce, PlanGrouping, projectOf } from '../grouping.js';
import { planGroups, WHOLE_PLAN, type GroupName } from '../groups.js';
import { plan } from '../plan.js';
import { deadlineOfPeriod } from './deadlines.js';
import type { ProgressGroup, ProgressRollup, ProjectProgress } from './records.js';
import { PROGRESS_STATES, type ProgressState } from './states.js';
import { checkUpdates, type ProgressUpdate, type ProgressUpdateInput } from './update.js';

/**
 * What {@link progressRollup} groups by: one of `PLAN_GROUPINGS` (workstream, approach, measure,
 * agency or CPI source).
 *
 * @example
 * const by: ProgressRollupBy = 'agency';
 * progressRollup([], { asOf: '2023-03-31', by }).groups.length > 0; // => true
 */
export type ProgressRollupBy = PlanGrouping;

const isoDate = z.iso.date({ error: 'expected an ISO date (yyyy-mm-dd)' });

/**
 * Options of {@link progressRollup}.
 *
 * @example
 * const o: ProgressRollupOptions = { asOf: '2023-06-30', by: 'measure' };
 * progressRollup([], o).asOf; // => '2023-06-30'
 */
export const ProgressRollupOptions = z.optional(z.strictObject({
  /** The date of the roll-up (ISO); updates dated later are left out. Default: the fiscal year's end, 2023-09-30. */
  asOf: z.optional(isoDate),
  /** How to group the projects. Default `'workstream'`. */
  by: z.optional(PlanGrouping),
}));
export type ProgressRollupOptions = z.input<typeof ProgressRollupOptions>;

/**
 * The latest update per project on or before `asOf`: the latest date wins, and of several updates
 * with the same date the one given last. An update for a repeat listing (a record with `sameAs`)
 * counts for its first listing, so the three listings of the open-data project share one status.
 */
function latestByProject(updates: readonly DeepReadonly<ProgressUpdate>[], asOf: string): Map<string, DeepReadonly<ProgressUpdate>> {
  const latest = new Map<string, DeepReadonly<ProgressUpdate>>();
  for (const u of updates) {
    if (u.date > asOf) continue;
    // The listing the update names (checkUpdates has made sure the plan has it), and its project.
    for (const listing of plan.projects.filter((p) => p.id === u.projectId)) {
      const id = projectOf(listing);
      const prev = latest.get(id);
      if (prev === undefined || u.date >= prev.date) latest.set(id, u);
    }
  }
  return latest;
}

/**
 * The latest update of each project as of a date (canonical form), keyed by the project the
 * update counts for (see {@link progressRollup}); updates dated after `asOf` are left out.
 *
 * @throws {CpiGapError} on an invalid update or option (all bad rows in one error).
 * @example
 * latestUpdates([
 *   { projectId: 'ws1-m1.1-p1', date: '2023-01-15', status: 'in-progress' },
 *   { projectId: 'ws1-m1.1-p1', date: '2023-03-01', status: 'done' },
 * ], { asOf: '2023-02-01' })['ws1-m1.1-p1']?.status; // => 'in-progress'
 */
export function latestUpdates(updates: readonly ProgressUpdateInput[], options?: { asOf?: string }): Readonly<Record<string, DeepReadonly<ProgressUpdate>>> {
  const list = checkUpdates('latestUpdates', updates);
  const { asOf = FISCAL_YEAR_2023.end } = parseInput('latestUpdates', z.optional(z.strictObject({ asOf: z.optional(isoDate) })), options, ['options']) ?? {};
  return deepFreeze(Object.fromEntries(latestByProject(list, asOf)));
}

function projectStates(updates: readonly DeepReadonly<ProgressUpdate>[], asOf: string): ProjectProgress[] {
  const latest = latestByProject(updates, asOf);
  return plan.projects.map((p) => {
    const projectId = projectOf(p);
    const update = latest.get(projectId);
    const state: ProgressState = update?.status ?? 'no-update';
    const { deadline, rule } = deadlineOfPeriod(p.period);
    const spent = update?.budgetSpent;
    return {
      id: p.id,
      projectId,
      name: p.name,
      workstream: p.workstream,
      approachId: `ws${p.workstream}-a${p.approach}`,
      measureId: p.measureId,
      agencies: p.agencies.map((a) => a.name),
      budget: p.budget,
      deadline,
      deadlineRule: rule,
      state,
      ...(update !== undefined ? { update } : {}),
      overdue: asOf > deadline && state !== 'done' && state !== 'cancelled',
      overBudget: p.budget !== null && spent !== undefined && spent > p.budget,
    };
  });
}

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

function group(names: GroupName, listings: readonly ProjectProgress[]): ProgressGroup {
  // One row per project: the first listing stands for the repeats (they share update and budget).
  const rows = countOnce(listings, (l) => l.projectId);
  const byStatus = Object.fromEntries(PROGRESS_STATES.map((s) => [s, rows.filter((r) => r.state === s).length])) as Record<ProgressState, number>;
  const sum = (xs: readonly ProjectProgress[], f: (r: ProjectProgress) => number): number => xs.reduce((s, r) => s + f(r), 0);
  const budgeted = rows.filter((r): r is ProjectProgress & { budget: number } => r.budget !== null);
  const planned = budgeted.reduce((s, r) => s + r.budget, 0);
  const spentOf = (r: ProjectProgress): number => r.update?.budgetSpent ?? 0;
  const spentBudgeted = sum(budgeted, spentOf);
  const spentWithoutBudget = sum(rows.filter((r) => r.budget === null), spentOf);
  return {
    ...names,
    projects: rows.length,
    listings: listings.length,
    byStatus,
    shareComplete: ratio(byStatus.done, rows.length),
    shareCompleteByBudget: ratio(budgeted.reduce((s, r) => s + (r.state === 'done' ? r.budget : 0), 0), planned),
    planned,
    withoutBudget: rows.length - budgeted.length,
    spent: spentBudgeted + spentWithoutBudget,
    spentWithoutBudget,
    spentShare: ratio(spentBudgeted, planned),
    noUpdate: rows.filter((r) => r.state === 'no-update').map((r) => r.projectId),
    overdue: rows.filter((r) => r.overdue).map((r) => r.projectId),
    overBudget: rows.filter((r) => r.overBudget).map((r) => r.projectId),
  };
}

/**
 * Progress of the plan as of a date, grouped by workstream, approach, measure, responsible agency
 * or source, with the whole plan as `total`. Rules:
 *
 * - **Latest update**: per project, the update with the latest date on or before `asOf`; of
 *   several updates with that date, the one given last. Updates dated after `asOf` are left out
 *   and counted in `later`. A project without one is `'no-update'` (listed in `noUpdate`).
 * - **Counted once**: the open-data project printed under three measures (`ws3-m1.1-p3`, and its
 *   repeats `ws3-m2.1-p1`, `ws3-m2.2-p2` with `sameAs`) is one project: an update for any listing
 *   counts for all three, and every group counts it (and its budget) once. Each of the three
 *   measures shows it, so measure rows add up to more than the total; so do source rows (a
 *   project counts for every source its workstream feeds: WEF gets workstreams 1 and 3) and agency
 *   rows (a project counts for every agency it names).
 * - **Share complete**: projects `done` / all projects of the group (cancelled ones included in the
 *   denominator); by budget: planned budget of the projects done / planned budget.
 * - **Budget**: planned is the seed's budget (as in `budgetByWorkstream().deduplicated`); the 52
 *   projects without a budget add nothing to it, are counted in `withoutBudget`, and are left out
 *   of both budget shares; spend reported on them is in `spent` and `spentWithoutBudget`.
 *   `spentShare` = spend on budgeted projects / planned. Spend not reported counts as 0. A
 *   project is `overBudget` when its reported spend exceeds its budget.
 * - **Overdue**: not done or cancelled (including no update) after its deadline (see
 *   `projectDeadline`: the end of its period where the period is readable, else 2023-09-30).
 *
 * Shares are null, never NaN, when their denominator is zero.
 *
 * @throws {CpiGapError} on an invalid update (all bad rows in one error) or option.
 * @example
 * const r = progressRollup([{ projectId: 'ws3-m2.1-p1', date: '2023-03-01', status: 'done' }], { asOf: '2023-06-30' });
 * r.total.byStatus.done; // => 1 (the open-data project, counted once)
 * r.groups.find((g) => g.key === '3')?.shareComplete; // => 1 / 17
 */
export function progressRollup(updates: readonly ProgressUpdateInput[], options?: ProgressRollupOptions): ProgressRollup {
  const list = checkUpdates('progressRollup', updates);
  const { asOf = FISCAL_YEAR_2023.end, by = 'workstream' } = parseInput('progressRollup', ProgressRollupOptions, options, ['options']) ?? {};
  return rollupOf(list, asOf, by);
}

/** {@link progressRollup} over checked updates. */
export function rollupOf(list: readonly DeepReadonly<ProgressUpdate>[], asOf: string, by: ProgressRollupBy): ProgressRollup {
  const states = projectStates(list, asOf);
  const out: ProgressRollup = {
    asOf,
    by,
    groups: planGroups(by).map((g) => group(g.names, states.filter((s) => g.listings.has(s.id)))),
    total: group(WHOLE_PLAN, states),
    projects: states,
    later: list.filter((u) => u.date > asOf).length,
  };
  return deepFreeze(out);
}
