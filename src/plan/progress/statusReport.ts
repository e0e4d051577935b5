import { z } from 'zod';
import { thailand } from '../../dataset/thailand.js';
import { parseInput } from '../../errors.js';
import { thaiDate } from '../../i18n/buddhistEra.js';
import { workstreamLabel, type Locale } from '../../i18n/labels.js';
import { fmt, renderRows, shortenToWidth, textTable, type Column } from '../../util/table.js';
import { deepFreeze } from '../../util/freeze.js';
import { PROGRESS_STATES, STATE_LABELS, type ProgressState } from './states.js';
import { checkUpdates, FISCAL_YEAR_2023, type ProgressUpdateInput } from './update.js';
import { rollupOf, type ProgressGroup, type ProjectProgress } from './rollup.js';


/**
 * Every phrase of the status report, in Thai and English.
 *
 * @example
 * PROGRESS_MESSAGES.en.title('2023-03-31'); // => 'FY2023 CPI action plan: progress as of 2023-03-31'
 * console.log(PROGRESS_MESSAGES.th.title('2023-03-31'));
 */
export const PROGRESS_MESSAGES = {
  en: {
    title: (asOf: string) => `FY2023 CPI action plan: progress as of ${asOf}`,
    secretariat: 'Consolidated by the secretariat: Office of the Public Sector Anti-Corruption Commission (PACC)',
    workstream: 'Workstream',
    total: 'Whole plan',
    projects: 'Projects',
    complete: 'Complete',
    completeBudget: 'Complete (by budget)',
    planned: 'Budget planned (baht)',
    spent: 'Budget spent (baht)',
    spentShare: 'Spent / planned',
    withoutBudget: 'Without budget',
    overdue: 'Overdue',
    obstacles: 'Problems and obstacles by workstream',
    noObstacles: 'No problems reported.',
    overdueTitle: 'Overdue projects',
    overBudgetTitle: 'Spending above budget',
    project: 'Project',
    name: 'Name',
    agency: 'Agency',
    status: 'Status',
    date: 'Reported',
    deadline: 'Due',
    budget: 'Budget (baht)',
    problems: 'Problems and obstacles',
    none: 'None.',
    later: (n: number) => `${n} update(s) dated after the as-of date left out.`,
    notes: [
      'The open-data project printed under three measures of workstream 3 counts once (17 projects in workstream 3, 93 in the plan).',
      'Projects without a budget in the plan add nothing to the budget planned and are left out of the budget shares; spend reported on them is included in the spend.',
      'Overdue: not done or cancelled after the end of the project period where the period names a month or quarter of FY2023, otherwise after 30 September 2023.',
    ],
  },
  th: {
    title: (asOf: string) => `แผนปฏิบัติการยกระดับค่าคะแนนดัชนีการรับรู้การทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๖: ผลการดำเนินงาน ณ วันที่ ${asOf}`,
    secretariat: 'ประมวลผลโดยฝ่ายเลขานุการ: สำนักงาน ป.ป.ท.',
    workstream: 'แผนงาน',
    total: 'ทั้งแผน',
    projects: 'โครงการ',
    complete: 'แล้วเสร็จ',
    completeBudget: 'แล้วเสร็จ (ตามงบประมาณ)',
    planned: 'งบประมาณตามแผน (บาท)',
    spent: 'งบประมาณที่ใช้จ่ายแล้ว (บาท)',
    spentShare: 'ใช้จ่าย / ตามแผน',
    withoutBudget: 'ไม่มีงบประมาณ',
    overdue: 'เกินกำหนด',
    obstacles: 'ปัญหาและอุปสรรค จำแนกตามแผนงาน',
    noObstacles: 'ไม่มีรายงานปัญหา',
    overdueTitle: 'โครงการที่เกินกำหนด',
    overBudgetTitle: 'โครงการที่ใช้จ่ายเกินงบประมาณ',
    project: 'รหัสโครงการ',
    name: 'ชื่อโครงการ',
    agency: 'หน่วยงาน',
    status: 'สถานะ',
    date: 'วันที่รายงาน',
    deadline: 'กำหนดแล้วเสร็จ',
    budget: 'งบประมาณ (บาท)',
    problems: 'ปัญหาและอุปสรรค',
    none: 'ไม่มี',
    later: (n: number) => `ไม่นับรายงาน ${n} รายการที่ลงวันที่หลังวันที่ประมวลผล`,
    notes: [
      'โครงการเปิดเผยข้อมูลภาครัฐที่ปรากฏในสามมาตรการของแผนงานที่ ๓ นับเป็นหนึ่งโครงการ (แผนงานที่ ๓ มี ๑๗ โครงการ ทั้งแผน ๙๓ โครงการ)',
      'โครงการที่ไม่มีงบประมาณในแผนไม่นับรวมในงบประมาณตามแผนและสัดส่วนตามงบประมาณ แต่นับงบประมาณที่รายงานว่าใช้จ่ายแล้ว',
      'เกินกำหนด: ยังไม่แล้วเสร็จหรือยกเลิกเมื่อพ้นเดือนหรือไตรมาสสุดท้ายของระยะเวลาดำเนินการในปีงบประมาณ พ.ศ. ๒๕๖๖ หรือพ้นวันที่ ๓๐ กันยายน ๒๕๖๖ หากระยะเวลาไม่ระบุเดือน',
    ],
  },
} as const;

/**
 * A project in the report's lists.
 *
 * @example
 * const r = statusReport([{ projectId: 'ws1-m1.1-p1', date: '15/01/2566', status: 'ล่าช้า', percentComplete: 30, problems: 'ขาดแคลนบุคลากร' }], { asOf: '2023-03-31' });
 * const p: StatusReportProject | undefined = r.obstacles.find((x) => x.projectId === 'ws1-m1.1-p1');
 * p?.state; // => 'delayed'
 * p?.percentComplete; // => 30
 */
export interface StatusReportProject {
  readonly workstream: number;
  readonly projectId: string;
  readonly name: string;
  readonly agency: string;
  readonly state: ProgressState;
  readonly date?: string;
  readonly percentComplete?: number;
  readonly budget: number | null;
  readonly spent?: number;
  readonly deadline: string;
  readonly problems?: string;
}

/**
 * The secretariat's consolidated summary (see {@link statusReport}).
 *
 * @example
 * const r: StatusReport = statusReport([{ projectId: 'ws1-m1.1-p1', date: '15/01/2566', status: 'ล่าช้า', percentComplete: 30, problems: 'ขาดแคลนบุคลากร' }], { asOf: '2023-03-31', locale: 'en' });
 * r.workstreams.length; // => 4
 * r.obstacles[0]?.problems; // => 'ขาดแคลนบุคลากร'
 */
export interface StatusReport {
  readonly asOf: string;
  readonly locale: Locale;
  readonly title: string;
  /** One row per workstream (1-4). */
  readonly workstreams: readonly ProgressGroup[];
  readonly total: ProgressGroup;
  /** Latest updates that report problems, by workstream, in the seed's order. */
  readonly obstacles: readonly StatusReportProject[];
  readonly overdue: readonly StatusReportProject[];
  readonly overBudget: readonly StatusReportProject[];
  /** Updates dated after `asOf`, left out. */
  readonly later: number;
  readonly notes: readonly string[];
}

/**
 * Options of {@link statusReport}.
 *
 * @example
 * const o: StatusReportOptions = { asOf: '2023-06-30', locale: 'th' };
 * statusReport([], o).asOf; // => '2023-06-30'
 */
export const StatusReportOptions = z
  .strictObject({
    /** ISO date of the report. Default: 2023-09-30, the fiscal year's end. */
    asOf: z.iso.date({ error: 'expected an ISO date (yyyy-mm-dd)' }).optional(),
    /** Language of the title and notes (and the default of {@link formatStatusReport}). Default `'th'`. */
    locale: z.enum(['th', 'en']).optional(),
  })
  .optional();
export type StatusReportOptions = z.input<typeof StatusReportOptions>;

function record(p: ProjectProgress): StatusReportProject {
  const u = p.update;
  return {
    workstream: p.workstream,
    projectId: p.projectId,
    name: p.name,
    agency: p.agencies.join('; '),
    state: p.state,
    ...(u !== undefined ? { date: u.date } : {}),
    ...(u?.percentComplete !== undefined ? { percentComplete: u.percentComplete } : {}),
    budget: p.budget,
    ...(u?.budgetSpent !== undefined ? { spent: u.budgetSpent } : {}),
    deadline: p.deadline,
    ...(u?.problems !== undefined ? { problems: u.problems } : {}),
  };
}

/**
 * The secretariat's consolidated summary of the agencies' progress updates as of a date (the
 * seed's Part 3: agencies report progress, results, problems and obstacles to สำนักงาน ป.ป.ท.,
 * which consolidates them and reports upward): per workstream and for the whole plan, projects by
 * status, share complete by count and by budget, budget planned and spent, projects overdue; the
 * problems and obstacles of the latest updates, by workstream; overdue projects; projects spending
 * above their budget. Counting rules as in {@link progressRollup}: each project once (the open-data
 * project listed under three measures too).
 *
 * @throws {CpiGapError} on an invalid update (all bad rows in one error) or option.
 * @example
 * statusReport([{ projectId: 'ws1-m1.1-p1', date: '2023-01-15', status: 'delayed', problems: 'Staff shortage' }], { asOf: '2023-03-31', locale: 'en' })
 *   .obstacles[0]?.problems; // => 'Staff shortage'
 */
export function statusReport(updates: readonly ProgressUpdateInput[], options?: StatusReportOptions): StatusReport {
  const list = checkUpdates('statusReport', updates);
  const { asOf = FISCAL_YEAR_2023.end, locale = 'th' } = parseInput('statusReport', StatusReportOptions, options, ['options']) ?? {};
  const rollup = rollupOf(list, asOf, 'workstream');
  const seen = new Set<string>();
  const once = rollup.projects.filter((p) => (seen.has(p.projectId) ? false : (seen.add(p.projectId), true)));
  const m = PROGRESS_MESSAGES[locale];
  return deepFreeze({
    asOf,
    locale,
    title: m.title(asOf),
    workstreams: rollup.groups,
    total: rollup.total,
    obstacles: once.filter((p) => p.update?.problems !== undefined).map(record).sort((a, b) => a.workstream - b.workstream),
    overdue: once.filter((p) => p.overdue).map(record),
    overBudget: once.filter((p) => p.overBudget).map(record),
    later: rollup.later,
    notes: [...m.notes],
  });
}

/**
 * Options of {@link formatStatusReport}.
 *
 * @example
 * const o: FormatStatusReportOptions = { format: 'csv', table: 'obstacles', locale: 'en' };
 * formatStatusReport(statusReport([{ projectId: 'ws1-m1.1-p1', date: '15/01/2566', status: 'ล่าช้า', percentComplete: 30, problems: 'ขาดแคลนบุคลากร' }], { asOf: '2023-03-31' }), o).split('\n').length; // => 2 (header and one obstacle)
 */
export const FormatStatusReportOptions = z
  .strictObject({
    /** Language of headers and labels. Default: the report's. */
    locale: z.enum(['th', 'en']).optional(),
    /** `'table'` (default: the whole report as text), `'csv'` (one table) or `'json'` (the report record). */
    format: z.enum(['table', 'csv', 'json']).optional(),
    /** The table CSV writes: `'summary'` (default, by workstream), `'obstacles'`, `'overdue'` or `'overBudget'`. */
    table: z.enum(['summary', 'obstacles', 'overdue', 'overBudget']).optional(),
  })
  .optional();
export type FormatStatusReportOptions = z.input<typeof FormatStatusReportOptions>;

// What formatting reads of a status report: every number finite (zod's z.number() refuses NaN and ±Infinity).
const count = z.int().min(0);
const share = z.number().min(0).nullable();
const GroupShape = z.looseObject({
  key: z.string(),
  name: z.string(),
  nameEn: z.string().optional(),
  workstream: z.int().optional(),
  projects: count,
  listings: count,
  byStatus: z.record(z.enum(PROGRESS_STATES), count),
  shareComplete: share,
  shareCompleteByBudget: share,
  planned: z.number().min(0),
  withoutBudget: count,
  spent: z.number().min(0),
  spentWithoutBudget: z.number().min(0),
  spentShare: share,
  noUpdate: z.array(z.string()),
  overdue: z.array(z.string()),
  overBudget: z.array(z.string()),
});
const ProjectShape = z.looseObject({
  workstream: z.int(),
  projectId: z.string(),
  name: z.string(),
  agency: z.string(),
  state: z.enum(PROGRESS_STATES),
  date: z.string().optional(),
  percentComplete: z.number().min(0).optional(),
  budget: z.number().min(0).nullable(),
  spent: z.number().min(0).optional(),
  deadline: z.string(),
  problems: z.string().optional(),
});
const ReportShape = z.looseObject({
  asOf: z.string(),
  locale: z.enum(['th', 'en']),
  title: z.string(),
  workstreams: z.array(GroupShape),
  total: GroupShape,
  obstacles: z.array(ProjectShape),
  overdue: z.array(ProjectShape),
  overBudget: z.array(ProjectShape),
  later: count,
  notes: z.array(z.string()),
});

const baht = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/**
 * Render a {@link statusReport} as text (title, summary by workstream, obstacles by workstream,
 * overdue projects, spending above budget, notes), as one CSV table, or as JSON, in Thai or
 * English. In CSV, amounts are plain numbers and shares are fractions (0..1, empty when there is
 * no denominator); in text, amounts have thousands separators and shares are percentages.
 *
 * @throws {CpiGapError} when `report` is not a status report, or on an unknown option.
 * @example
 * formatStatusReport(statusReport([], { asOf: '2023-03-31' }), { locale: 'en', format: 'csv' }).split('\n')[0];
 * // => 'Workstream,Projects,Not started,In progress,Delayed,Done,Cancelled,No update,Complete,…'
 */
export function formatStatusReport(report: StatusReport, options?: FormatStatusReportOptions): string {
  parseInput('formatStatusReport', ReportShape, report, ['report']);
  const opts = parseInput('formatStatusReport', FormatStatusReportOptions, options, ['options']) ?? {};
  const locale = opts.locale ?? report.locale;
  const format = opts.format ?? 'table';
  if (format === 'json') return JSON.stringify(report, null, 2);
  const m = PROGRESS_MESSAGES[locale];
  const states = STATE_LABELS[locale];
  const csv = format === 'csv';
  const share = (x: number | null): string => (x === null ? (csv ? '' : '–') : csv ? String(x) : `${fmt(x * 100, 1)}%`);
  const money = (x: number | null | undefined): string => (x === null || x === undefined ? '' : csv ? String(x) : baht.format(x));
  const wsName = (g: ProgressGroup): string => (g.key === 'all' ? m.total : workstreamLabel(thailand, Number(g.key), locale));
  const summary: Column<ProgressGroup>[] = [
    { header: m.workstream, value: wsName },
    { header: m.projects, value: (g) => String(g.projects), align: 'right' },
    ...PROGRESS_STATES.map((s): Column<ProgressGroup> => ({ header: states[s], value: (g) => String(g.byStatus[s]), align: 'right' })),
    { header: m.complete, value: (g) => share(g.shareComplete), align: 'right' },
    { header: m.completeBudget, value: (g) => share(g.shareCompleteByBudget), align: 'right' },
    { header: m.planned, value: (g) => money(g.planned), align: 'right' },
    { header: m.withoutBudget, value: (g) => String(g.withoutBudget), align: 'right' },
    { header: m.spent, value: (g) => money(g.spent), align: 'right' },
    { header: m.spentShare, value: (g) => share(g.spentShare), align: 'right' },
    { header: m.overdue, value: (g) => String(g.overdue.length), align: 'right' },
  ];
  const ws = (r: StatusReportProject): string => workstreamLabel(thailand, r.workstream, locale);
  // Thai text writes dates as Thai readers do (30 ก.ย. 2566); CSV keeps ISO dates for machines.
  const day = (iso: string): string => (locale === 'th' && !csv && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? thaiDate(iso) : iso);
  const projectCols = (extra: Column<StatusReportProject>[]): Column<StatusReportProject>[] => [
    ...(csv ? [{ header: m.workstream, value: ws }] : []),
    { header: m.project, value: (r) => r.projectId },
    { header: m.name, value: (r) => (csv ? r.name : shortenToWidth(r.name, 48)) },
    { header: m.agency, value: (r) => r.agency },
    ...extra,
  ];
  const obstacleCols = projectCols([
    { header: m.status, value: (r) => states[r.state] },
    { header: m.date, value: (r) => (r.date === undefined ? '' : day(r.date)) },
    { header: m.problems, value: (r) => r.problems ?? '' },
  ]);
  const overdueCols = projectCols([
    { header: m.deadline, value: (r) => day(r.deadline) },
    { header: m.status, value: (r) => states[r.state] },
  ]);
  const overBudgetCols = projectCols([
    { header: m.budget, value: (r) => money(r.budget), align: 'right' },
    { header: m.spent, value: (r) => money(r.spent), align: 'right' },
  ]);
  if (csv) {
    const table = opts.table ?? 'summary';
    if (table === 'summary') return renderRows(summary, [...report.workstreams, report.total], 'csv');
    if (table === 'obstacles') return renderRows(obstacleCols, report.obstacles, 'csv');
    if (table === 'overdue') return renderRows(overdueCols, report.overdue, 'csv');
    return renderRows(overBudgetCols, report.overBudget, 'csv');
  }
  const out: string[] = [PROGRESS_MESSAGES[locale].title(day(report.asOf)), m.secretariat, '', textTable(summary, [...report.workstreams, report.total]), '', m.obstacles];
  if (report.obstacles.length === 0) out.push(m.noObstacles);
  for (const g of report.workstreams) {
    const rows = report.obstacles.filter((o) => String(o.workstream) === g.key);
    if (rows.length === 0) continue;
    out.push('', workstreamLabel(thailand, Number(g.key), locale));
    for (const r of rows) out.push(`- ${r.projectId} ${shortenToWidth(r.name, 60)} (${r.agency}; ${states[r.state]}, ${r.date === undefined ? '' : day(r.date)}): ${r.problems ?? ''}`);
  }
  out.push('', `${m.overdueTitle} (${report.overdue.length})`, report.overdue.length === 0 ? m.none : textTable(overdueCols, report.overdue));
  out.push('', `${m.overBudgetTitle} (${report.overBudget.length})`, report.overBudget.length === 0 ? m.none : textTable(overBudgetCols, report.overBudget));
  out.push('');
  if (report.later > 0) out.push(m.later(report.later));
  out.push(...m.notes.map((n) => `* ${n}`));
  return out.join('\n');
}
