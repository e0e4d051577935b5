import * as z from 'zod/mini';
import { thailand } from '../../dataset/thailand.js';
import { parseInput } from '../../errors.js';
import { Locale, PLAN_TITLE, workstreamLabel } from '../../i18n/labels.js';
import { thaiDate } from '../../i18n/thaiDate.js';
import { deepFreeze, frozen } from '../../util/freeze.js';
import { fmt, OutputFormat, renderRows, shortenToWidth, textTable, type Column } from '../../util/table.js';
import { FISCAL_YEAR_2023 } from '../fiscalYear.js';
import { countOnce } from '../grouping.js';
import { StatusReport, type ProgressGroup, type ProjectProgress, type StatusReportProject } from './records.js';
import { rollupOf } from './rollup.js';
import { PROGRESS_STATES, STATE_LABELS } from './states.js';
import { checkUpdates, type ProgressUpdateInput } from './update.js';

/**
 * Every phrase of the status report, in Thai and English.
 *
 * @example
 * PROGRESS_MESSAGES.en.title('2023-03-31'); // => 'FY2023 CPI action plan: progress as of 2023-03-31'
 * console.log(PROGRESS_MESSAGES.th.title('2023-03-31'));
 */
export const PROGRESS_MESSAGES = frozen({
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
    title: (asOf: string) => `${PLAN_TITLE.th}: ผลการดำเนินงาน ณ วันที่ ${asOf}`,
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
} as const);

/**
 * Options of {@link statusReport}.
 *
 * @example
 * const o: StatusReportOptions = { asOf: '2023-06-30', locale: 'th' };
 * statusReport([], o).asOf; // => '2023-06-30'
 */
export const StatusReportOptions = z.optional(z.strictObject({
  /** ISO date of the report. Default: 2023-09-30, the fiscal year's end. */
  asOf: z.optional(z.iso.date({ error: 'expected an ISO date (yyyy-mm-dd)' })),
  /** Language of the title and notes (and the default of {@link formatStatusReport}). Default `'th'`. */
  locale: z.optional(Locale),
}));
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
  const once = countOnce(rollup.projects, (p) => p.projectId);
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
 * The tables of a status report, as {@link formatStatusReport} writes one in CSV: the summary by
 * workstream, and the lists of obstacles, overdue projects and spending above budget.
 *
 * @example
 * StatusReportTable.options; // => ['summary', 'obstacles', 'overdue', 'overBudget']
 */
export const StatusReportTable = z.enum(['summary', 'obstacles', 'overdue', 'overBudget']);
export type StatusReportTable = z.infer<typeof StatusReportTable>;

/**
 * Options of {@link formatStatusReport}.
 *
 * @example
 * const o: FormatStatusReportOptions = { format: 'csv', table: 'obstacles', locale: 'en' };
 * formatStatusReport(statusReport([{ projectId: 'ws1-m1.1-p1', date: '15/01/2566', status: 'ล่าช้า', percentComplete: 30, problems: 'ขาดแคลนบุคลากร' }], { asOf: '2023-03-31' }), o).split('\n').length; // => 2 (header and one obstacle)
 */
export const FormatStatusReportOptions = z.optional(z.strictObject({
  /** Language of headers and labels. Default: the report's. */
  locale: z.optional(Locale),
  /** `'table'` (default: the whole report as text), `'csv'` (one table) or `'json'` (the report record). */
  format: z.optional(OutputFormat),
  /** The table CSV writes: `'summary'` (default, by workstream), `'obstacles'`, `'overdue'` or `'overBudget'`. */
  table: z.optional(StatusReportTable),
}));
export type FormatStatusReportOptions = z.input<typeof FormatStatusReportOptions>;

const baht = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** How a report's cells are written: in CSV plain numbers and fractions, in text separators and percentages. */
interface CellStyle {
  readonly locale: Locale;
  readonly csv: boolean;
  readonly m: (typeof PROGRESS_MESSAGES)[Locale];
  readonly states: (typeof STATE_LABELS)[Locale];
  readonly share: (x: number | null) => string;
  readonly money: (x: number | null | undefined) => string;
  /** A date as the table writes it: Thai text as Thai readers write dates (30 ก.ย. 2566); CSV and English keep ISO. */
  readonly day: (iso: string) => string;
}

function cellStyle(locale: Locale, csv: boolean): CellStyle {
  return {
    locale,
    csv,
    m: PROGRESS_MESSAGES[locale],
    states: STATE_LABELS[locale],
    share: (x) => (x === null ? (csv ? '' : '–') : csv ? String(x) : `${fmt(x * 100, 1)}%`),
    money: (x) => (x === null || x === undefined ? '' : csv ? String(x) : baht.format(x)),
    day: (iso) => (locale === 'th' && !csv && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? thaiDate(iso) : iso),
  };
}

/** The summary table's columns: one row per workstream and one for the whole plan. */
function summaryColumns({ locale, m, states, share, money }: CellStyle): Column<ProgressGroup>[] {
  const wsName = (g: ProgressGroup): string => (g.key === 'all' ? m.total : workstreamLabel(thailand, Number(g.key), locale));
  return [
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
}

/** The columns of the three project lists (obstacles, overdue, over budget). */
function projectColumns({ locale, csv, m, states, money, day }: CellStyle): Record<'obstacles' | 'overdue' | 'overBudget', Column<StatusReportProject>[]> {
  const ws = (r: StatusReportProject): string => workstreamLabel(thailand, r.workstream, locale);
  const columns = (extra: Column<StatusReportProject>[]): Column<StatusReportProject>[] => [
    ...(csv ? [{ header: m.workstream, value: ws }] : []),
    { header: m.project, value: (r) => r.projectId },
    { header: m.name, value: (r) => (csv ? r.name : shortenToWidth(r.name, 48)) },
    { header: m.agency, value: (r) => r.agency },
    ...extra,
  ];
  return {
    obstacles: columns([
      { header: m.status, value: (r) => states[r.state] },
      { header: m.date, value: (r) => (r.date === undefined ? '' : day(r.date)) },
      { header: m.problems, value: (r) => r.problems ?? '' },
    ]),
    overdue: columns([
      { header: m.deadline, value: (r) => day(r.deadline) },
      { header: m.status, value: (r) => states[r.state] },
    ]),
    overBudget: columns([
      { header: m.budget, value: (r) => money(r.budget), align: 'right' },
      { header: m.spent, value: (r) => money(r.spent), align: 'right' },
    ]),
  };
}

/** One table of the report as CSV. */
function reportCsv(report: StatusReport, style: CellStyle, table: StatusReportTable): string {
  if (table === 'summary') return renderRows(summaryColumns(style), [...report.workstreams, report.total], 'csv');
  return renderRows(projectColumns(style)[table], report[table], 'csv');
}

/** The whole report as text: title, summary, obstacles by workstream, overdue, over budget, notes. */
function reportText(report: StatusReport, style: CellStyle): string {
  const { locale, m, states, day } = style;
  const lists = projectColumns(style);
  const out: string[] = [m.title(day(report.asOf)), m.secretariat, '', textTable(summaryColumns(style), [...report.workstreams, report.total]), '', m.obstacles];
  if (report.obstacles.length === 0) out.push(m.noObstacles);
  for (const g of report.workstreams) {
    const rows = report.obstacles.filter((o) => String(o.workstream) === g.key);
    if (rows.length === 0) continue;
    out.push('', workstreamLabel(thailand, Number(g.key), locale));
    for (const r of rows) out.push(`- ${r.projectId} ${shortenToWidth(r.name, 60)} (${r.agency}; ${states[r.state]}, ${r.date === undefined ? '' : day(r.date)}): ${r.problems ?? ''}`);
  }
  out.push('', `${m.overdueTitle} (${report.overdue.length})`, report.overdue.length === 0 ? m.none : textTable(lists.overdue, report.overdue));
  out.push('', `${m.overBudgetTitle} (${report.overBudget.length})`, report.overBudget.length === 0 ? m.none : textTable(lists.overBudget, report.overBudget));
  out.push('');
  if (report.later > 0) out.push(m.later(report.later));
  out.push(...m.notes.map((n) => `* ${n}`));
  return out.join('\n');
}

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
  parseInput('formatStatusReport', StatusReport, report, ['report']);
  const opts = parseInput('formatStatusReport', FormatStatusReportOptions, options, ['options']) ?? {};
  const format = opts.format ?? 'table';
  if (format === 'json') return JSON.stringify(report, null, 2);
  const style = cellStyle(opts.locale ?? report.locale, format === 'csv');
  return format === 'csv' ? reportCsv(report, style, opts.table ?? 'summary') : reportText(report, style);
}
