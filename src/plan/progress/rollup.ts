import { z } from 'zod';
import { THAILAND_SOURCE_IDS } from '../../dataset/sourceCatalog.js';
import { thailand } from '../../dataset/thailand.js';
import { parseInput } from '../../errors.js';
import { deepFreeze, type DeepReadonly } from '../../util/freeze.js';
import { plan } from '../plan.js';
import { deadlineOfPeriod } from './deadlines.js';
import { PROGRESS_STATES, type ProgressState } from './states.js';
import { checkUpdates, FISCAL_YEAR_2023, type ProgressUpdate, type ProgressUpdateInput } from './update.js';


/**
 * One listing of the plan with the latest update that counts for it as of the date.
 *
 * @example
 * const r = progressRollup([{ projectId: 'ws1-m1.1-p1', date: '15/01/2566', status: 'ล่าช้า', percentComplete: 30, problems: 'ขาดแคลนบุคลากร' }], { asOf: '2023-03-31' });
 * const p: ProjectProgress | undefined = r.projects.find((x) => x.projectId === 'ws1-m1.1-p1');
 * p?.state; // => 'delayed'
 * console.log(p?.deadline, p?.overdue);
 */
export interface ProjectProgress {
  readonly id: string;
  /** The project the update is kept under: `sameAs` for a repeat listing, else `id`. */
  readonly projectId: string;
  readonly name: string;
  readonly workstream: number;
  readonly approachId: string;
  readonly measureId: string;
  readonly agencies: readonly string[];
  /** Planned budget in baht; null where the seed prints none. */
  readonly budget: number | null;
  /** ISO date the project is due (see `projectDeadline`). */
  readonly deadline: string;
  readonly deadlineRule: 'period' | 'fiscal-year';
  readonly state: ProgressState;
  /** The update that counts (absent when `state` is `'no-update'`). */
  readonly update?: DeepReadonly<ProgressUpdate>;
  /** Past its deadline on the as-of date and neither done nor cancelled. */
  readonly overdue: boolean;
  /** Reported spend above the planned budget (only for projects with a budget). */
  readonly overBudget: boolean;
}

/**
 * One group of a roll-up. Every project counts once per group, however often it is listed.
 *
 * @example
 * const r = progressRollup([{ projectId: 'ws1-m1.1-p1', date: '15/01/2566', status: 'ล่าช้า', percentComplete: 30, problems: 'ขาดแคลนบุคลากร' }], { asOf: '2023-03-31' });
 * const g: ProgressGroup | undefined = r.groups[0];
 * g?.key; // => '1'
 * g?.byStatus.delayed; // => 1
 */
export interface ProgressGroup {
  /** Workstream number, approach id, measure id, agency name, source id, or `'all'`. */
  readonly key: string;
  /** Thai name of the group. */
  readonly name: string;
  /** English name of the group where known. */
  readonly nameEn?: string;
  readonly workstream?: number;
  /** Distinct projects (a project listed under several measures of the group counts once). */
  readonly projects: number;
  /** Listings as printed. */
  readonly listings: number;
  /** Projects per state (sums to `projects`). */
  readonly byStatus: Readonly<Record<ProgressState, number>>;
  /** Projects done / projects; null for a group without projects. */
  readonly shareComplete: number | null;
  /** Planned budget of the projects done / planned budget; null when nothing is planned. */
  readonly shareCompleteByBudget: number | null;
  /** Planned budget, baht (projects without a budget add nothing). */
  readonly planned: number;
  /** Projects whose budget is "-" or blank in the seed. */
  readonly withoutBudget: number;
  /** Spend reported, baht (all projects; not reported = 0). */
  readonly spent: number;
  /** Spend reported on projects the seed gives no budget, baht (included in `spent`). */
  readonly spentWithoutBudget: number;
  /** Spend on projects with a budget / planned budget; null when nothing is planned. */
  readonly spentShare: number | null;
  /** Ids of the projects without an update. */
  readonly noUpdate: readonly string[];
  /** Ids of the overdue projects. */
  readonly overdue: readonly string[];
  /** Ids of the projects whose spend exceeds their budget. */
  readonly overBudget: readonly string[];
}

/**
 * A roll-up of progress as of a date.
 *
 * @example
 * const r: ProgressRollup = progressRollup([{ projectId: 'ws1-m1.1-p1', date: '15/01/2566', status: 'ล่าช้า', percentComplete: 30, problems: 'ขาดแคลนบุคลากร' }], { asOf: '2023-03-31', by: 'source' });
 * r.by; // => 'source'
 * r.total.projects; // => 93 (95 listings; a project listed under several measures counts once)
 */
export interface ProgressRollup {
  readonly asOf: string;
  readonly by: ProgressRollupBy;
  readonly groups: readonly ProgressGroup[];
  /** The whole plan, every project once. */
  readonly total: ProgressGroup;
  /** Every listing of the plan (95), in the seed's order. */
  readonly projects: readonly ProjectProgress[];
  /** Updates dated after `asOf` (left out). */
  readonly later: number;
}

const BY = ['workstream', 'approach', 'measure', 'agency', 'source'] as const;
/**
 * What {@link progressRollup} groups by: workstream, approach, measure, agency or CPI source.
 *
 * @example
 * const by: ProgressRollupBy = 'agency';
 * progressRollup([], { asOf: '2023-03-31', by }).groups.length > 0; // => true
 */
export type ProgressRollupBy = (typeof BY)[number];

const isoDate = z.iso.date({ error: 'expected an ISO date (yyyy-mm-dd)' });

/**
 * Options of {@link progressRollup}.
 *
 * @example
 * const o: ProgressRollupOptions = { asOf: '2023-06-30', by: 'measure' };
 * progressRollup([], o).asOf; // => '2023-06-30'
 */
export const ProgressRollupOptions = z
  .strictObject({
    /** The date of the roll-up (ISO); updates dated later are left out. Default: the fiscal year's end, 2023-09-30. */
    asOf: isoDate.optional(),
    /** How to group the projects. Default `'workstream'`. */
    by: z.enum(BY).optional(),
  })
  .optional();
export type ProgressRollupOptions = z.input<typeof ProgressRollupOptions>;

/**
 * The latest update per project on or before `asOf`: the latest date wins, and of several updates
 * with the same date the one given last. An update for a repeat listing (a record with `sameAs`)
 * counts for its first listing, so the three listings of the open-data project share one status.
 */
function latestByProject(updates: readonly DeepReadonly<ProgressUpdate>[], asOf: string): Map<string, DeepReadonly<ProgressUpdate>> {
  const canonical = new Map(plan.projects.map((p) => [p.id, p.sameAs ?? p.id]));
  const latest = new Map<string, DeepReadonly<ProgressUpdate>>();
  for (const u of updates) {
    if (u.date > asOf) continue;
    // checkUpdates has refused project ids not in the plan, so the fallback is never taken.
    /* v8 ignore next */
    const id = canonical.get(u.projectId) ?? u.projectId;
    const prev = latest.get(id);
    if (prev === undefined || u.date >= prev.date) latest.set(id, u);
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
  const { asOf = FISCAL_YEAR_2023.end } = parseInput('latestUpdates', z.strictObject({ asOf: isoDate.optional() }).optional(), options, ['options']) ?? {};
  return deepFreeze(Object.fromEntries(latestByProject(list, asOf)));
}

type Listing = (typeof plan.projects)[number];

function projectStates(updates: readonly DeepReadonly<ProgressUpdate>[], asOf: string): ProjectProgress[] {
  const latest = latestByProject(updates, asOf);
  return plan.projects.map((p: Listing) => {
    const projectId = p.sameAs ?? p.id;
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

function group(key: string, name: string, listings: readonly ProjectProgress[], extra: { nameEn?: string | undefined; workstream?: number | undefined } = {}): ProgressGroup {
  // One row per project: the first listing stands for the repeats (they share update and budget).
  const seen = new Set<string>();
  const rows = listings.filter((l) => (seen.has(l.projectId) ? false : (seen.add(l.projectId), true)));
  const byStatus = Object.fromEntries(PROGRESS_STATES.map((s) => [s, rows.filter((r) => r.state === s).length])) as Record<ProgressState, number>;
  const sum = (xs: readonly ProjectProgress[], f: (r: ProjectProgress) => number): number => xs.reduce((s, r) => s + f(r), 0);
  const budgeted = rows.filter((r): r is ProjectProgress & { budget: number } => r.budget !== null);
  const planned = budgeted.reduce((s, r) => s + r.budget, 0);
  const spentOf = (r: ProjectProgress): number => r.update?.budgetSpent ?? 0;
  const spentBudgeted = sum(budgeted, spentOf);
  const spentWithoutBudget = sum(rows.filter((r) => r.budget === null), spentOf);
  return {
    key,
    name,
    ...(extra.nameEn !== undefined ? { nameEn: extra.nameEn } : {}),
    ...(extra.workstream !== undefined ? { workstream: extra.workstream } : {}),
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

function groups(by: ProgressRollupBy, states: readonly ProjectProgress[]): ProgressGroup[] {
  if (by === 'workstream') {
    // The bundled Thailand data names every workstream in Thai, so `?? w.name.en` is never taken.
    /* v8 ignore next */
    return thailand.workstreams.map((w) => group(String(w.number), w.name.th ?? w.name.en, states.filter((s) => s.workstream === w.number), { nameEn: w.name.en, workstream: w.number }));
  }
  if (by === 'approach') return plan.approaches.map((a) => group(a.id, a.name, states.filter((s) => s.approachId === a.id), { workstream: a.workstream }));
  if (by === 'measure') return plan.measures.map((m) => group(m.id, m.name, states.filter((s) => s.measureId === m.id), { workstream: m.workstream }));
  if (by === 'agency') {
    return plan.agencies
      .filter((a) => states.some((s) => s.agencies.includes(a.name)))
      .map((a) => group(a.name, a.name, states.filter((s) => s.agencies.includes(a.name)), { nameEn: a.en }));
  }
  return THAILAND_SOURCE_IDS.map((id) => {
    const ws = thailand.workstreams.filter((w) => w.sources.includes(id)).map((w) => w.number);
    const source = thailand.sources.find((s) => s.id === id);
    // Every source of the bundled Thailand data has its seed name, so `?? id` is never taken.
    /* v8 ignore next */
    return group(id, source?.seed?.name ?? id, states.filter((s) => ws.includes(s.workstream)), { nameEn: source?.name.en });
  });
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
    groups: groups(by, states),
    total: group('all', 'แผนปฏิบัติการยกระดับค่าคะแนนดัชนีการรับรู้การทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๖', states, { nameEn: 'FY2023 action plan' }),
    projects: states,
    later: list.filter((u) => u.date > asOf).length,
  };
  return deepFreeze(out);
}
