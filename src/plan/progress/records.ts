/**
 * The records the progress follow-up produces, declared once as zod schemas with their types: a
 * progress update in canonical form (what `progressUpdates` and the readers return), a listing's
 * progress and the groups of `progressRollup`, and the secretariat's `statusReport`.
 * `formatStatusReport` and the status chart (cpi-gap/charts) check their input against them. The
 * module is data-free, so the charts do not bundle the plan.
 */
import * as z from 'zod/mini';
import { Locale } from '../../i18n/labels.js';
import type { DeepReadonly } from '../../util/freeze.js';
import { PlanGrouping } from '../grouping.js';
import { ProgressState, ProgressStatus } from './states.js';

// Every number finite (zod's z.number() refuses NaN and ±Infinity).
const count = z.int().check(z.minimum(0));
const share = z.nullable(z.number().check(z.minimum(0)));
const baht = z.number().check(z.minimum(0));
const isoDate = z.iso.date({ error: 'expected an ISO date (yyyy-mm-dd)' });

/**
 * A progress update in canonical form: ISO date, English status id, blank text fields dropped (the
 * output of {@link ProgressUpdate}, which reads the forms agencies write).
 *
 * @example
 * const u: ProgressUpdateRecord | undefined = progressUpdates([{ projectId: 'ws1-m1.1-p1', date: '15/01/2566', status: 'ล่าช้า' }])[0];
 * u?.date; // => '2023-01-15'
 * ProgressUpdateRecord.safeParse({ ...u, date: '15/01/2566' }).success; // => false (canonical dates are ISO)
 */
export const ProgressUpdateRecord = z.object({
  /** A listing id of the plan (`ws1-m2.2-p4`). */
  projectId: z.string().check(z.minLength(1)),
  /** ISO date of the report, within fiscal year 2023. */
  date: isoDate,
  status: ProgressStatus,
  /** 0 to 100. */
  percentComplete: z.optional(z.number().check(z.minimum(0), z.maximum(100))),
  /** Baht spent so far (cumulative). */
  budgetSpent: z.optional(baht),
  /** The KPI result, text or number. */
  kpiResult: z.optional(z.union([z.string().check(z.minLength(1)), z.number()])),
  /** Problems and obstacles (ปัญหาและอุปสรรค). */
  problems: z.optional(z.string().check(z.minLength(1))),
  /** The reporting agency (free text). */
  reporter: z.optional(z.string().check(z.minLength(1))),
});
export type ProgressUpdateRecord = DeepReadonly<z.output<typeof ProgressUpdateRecord>>;

/**
 * One listing of the plan with the latest update that counts for it as of the date.
 *
 * @example
 * const r = progressRollup([{ projectId: 'ws1-m1.1-p1', date: '15/01/2566', status: 'ล่าช้า', percentComplete: 30, problems: 'ขาดแคลนบุคลากร' }], { asOf: '2023-03-31' });
 * const p: ProjectProgress | undefined = r.projects.find((x) => x.projectId === 'ws1-m1.1-p1');
 * p?.state; // => 'delayed'
 * console.log(p?.deadline, p?.overdue);
 */
export const ProjectProgress = z.object({
  id: z.string().check(z.minLength(1)),
  /** The project the update is kept under: `sameAs` for a repeat listing, else `id`. */
  projectId: z.string().check(z.minLength(1)),
  name: z.string(),
  workstream: z.int().check(z.minimum(1)),
  approachId: z.string(),
  measureId: z.string(),
  agencies: z.array(z.string()),
  /** Planned budget in baht; null where the seed prints none. */
  budget: z.nullable(baht),
  /** ISO date the project is due (see `projectDeadline`). */
  deadline: isoDate,
  deadlineRule: z.enum(['period', 'fiscal-year']),
  state: ProgressState,
  /** The update that counts (absent when `state` is `'no-update'`). */
  update: z.optional(ProgressUpdateRecord),
  /** Past its deadline on the as-of date and neither done nor cancelled. */
  overdue: z.boolean(),
  /** Reported spend above the planned budget (only for projects with a budget). */
  overBudget: z.boolean(),
});
export type ProjectProgress = DeepReadonly<z.output<typeof ProjectProgress>>;

/**
 * One group of a roll-up. Every project counts once per group, however often it is listed.
 *
 * @example
 * const r = progressRollup([{ projectId: 'ws1-m1.1-p1', date: '15/01/2566', status: 'ล่าช้า', percentComplete: 30, problems: 'ขาดแคลนบุคลากร' }], { asOf: '2023-03-31' });
 * const g: ProgressGroup | undefined = r.groups[0];
 * g?.key; // => '1'
 * g?.byStatus.delayed; // => 1
 */
export const ProgressGroup = z.object({
  /** Workstream number, approach id, measure id, agency name, source id, or `'all'`. */
  key: z.string(),
  /** Thai name of the group. */
  name: z.string(),
  /** English name of the group where known. */
  nameEn: z.optional(z.string()),
  workstream: z.optional(z.int()),
  /** Distinct projects (a project listed under several measures of the group counts once). */
  projects: count,
  /** Listings as printed. */
  listings: count,
  /** Projects per state (sums to `projects`). */
  byStatus: z.record(ProgressState, count),
  /** Projects done / projects; null for a group without projects. */
  shareComplete: share,
  /** Planned budget of the projects done / planned budget; null when nothing is planned. */
  shareCompleteByBudget: share,
  /** Planned budget, baht (projects without a budget add nothing). */
  planned: baht,
  /** Projects whose budget is "-" or blank in the seed. */
  withoutBudget: count,
  /** Spend reported, baht (all projects; not reported = 0). */
  spent: baht,
  /** Spend reported on projects the seed gives no budget, baht (included in `spent`). */
  spentWithoutBudget: baht,
  /** Spend on projects with a budget / planned budget; null when nothing is planned. */
  spentShare: share,
  /** Ids of the projects without an update. */
  noUpdate: z.array(z.string()),
  /** Ids of the overdue projects. */
  overdue: z.array(z.string()),
  /** Ids of the projects whose spend exceeds their budget. */
  overBudget: z.array(z.string()),
});
export type ProgressGroup = DeepReadonly<z.output<typeof ProgressGroup>>;

/**
 * A roll-up of progress as of a date.
 *
 * @example
 * const r: ProgressRollup = progressRollup([{ projectId: 'ws1-m1.1-p1', date: '15/01/2566', status: 'ล่าช้า', percentComplete: 30, problems: 'ขาดแคลนบุคลากร' }], { asOf: '2023-03-31', by: 'source' });
 * r.by; // => 'source'
 * r.total.projects; // => 93 (95 listings; a project listed under several measures counts once)
 */
export const ProgressRollup = z.object({
  asOf: isoDate,
  by: PlanGrouping,
  groups: z.array(ProgressGroup),
  /** The whole plan, every project once. */
  total: ProgressGroup,
  /** Every listing of the plan (95), in the seed's order. */
  projects: z.array(ProjectProgress),
  /** Updates dated after `asOf` (left out). */
  later: count,
});
export type ProgressRollup = DeepReadonly<z.output<typeof ProgressRollup>>;

/**
 * A project in the status report's lists.
 *
 * @example
 * const r = statusReport([{ projectId: 'ws1-m1.1-p1', date: '15/01/2566', status: 'ล่าช้า', percentComplete: 30, problems: 'ขาดแคลนบุคลากร' }], { asOf: '2023-03-31' });
 * const p: StatusReportProject | undefined = r.obstacles.find((x) => x.projectId === 'ws1-m1.1-p1');
 * p?.state; // => 'delayed'
 * p?.percentComplete; // => 30
 */
export const StatusReportProject = z.object({
  workstream: z.int(),
  projectId: z.string(),
  name: z.string(),
  agency: z.string(),
  state: ProgressState,
  date: z.optional(z.string()),
  percentComplete: z.optional(z.number().check(z.minimum(0))),
  budget: z.nullable(baht),
  spent: z.optional(baht),
  deadline: z.string(),
  problems: z.optional(z.string()),
});
export type StatusReportProject = DeepReadonly<z.output<typeof StatusReportProject>>;

/**
 * The secretariat's consolidated summary (see `statusReport`).
 *
 * @example
 * const r: StatusReport = statusReport([{ projectId: 'ws1-m1.1-p1', date: '15/01/2566', status: 'ล่าช้า', percentComplete: 30, problems: 'ขาดแคลนบุคลากร' }], { asOf: '2023-03-31', locale: 'en' });
 * r.workstreams.length; // => 4
 * r.obstacles[0]?.problems; // => 'ขาดแคลนบุคลากร'
 */
export const StatusReport = z.object({
  asOf: z.string(),
  locale: Locale,
  title: z.string(),
  /** One row per workstream (1-4). */
  workstreams: z.array(ProgressGroup),
  total: ProgressGroup,
  /** Latest updates that report problems, by workstream, in the seed's order. */
  obstacles: z.array(StatusReportProject),
  overdue: z.array(StatusReportProject),
  overBudget: z.array(StatusReportProject),
  /** Updates dated after `asOf`, left out. */
  later: count,
  notes: z.array(z.string()),
});
export type StatusReport = DeepReadonly<z.output<typeof StatusReport>>;
