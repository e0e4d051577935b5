import { z } from 'zod';
import { CpiGapError, fromZodIssues, parseInput, type CpiGapIssue } from '../../errors.js';
import { fromThaiDigits } from '../../i18n/thaiNumber.js';
import { deepFreeze, type DeepReadonly } from '../../util/freeze.js';
import { plan } from '../plan.js';
import { PROGRESS_STATUSES, STATUS_LABELS, type ProgressStatus } from './states.js';

/**
 * Fiscal year 2023 (ปีงบประมาณ พ.ศ. ๒๕๖๖): 1 October 2022 to 30 September 2023, ISO dates.
 *
 * @example
 * FISCAL_YEAR_2023.start; // => '2022-10-01'
 * FISCAL_YEAR_2023.yearBE; // => 2566
 */
export const FISCAL_YEAR_2023 = Object.freeze({ year: 2023, yearBE: 2566, start: '2022-10-01', end: '2023-09-30' } as const);

/**
 * Every spelling of a status the readers accept, after lower-casing and removing spaces,
 * underscores and hyphens: the English ids and labels, a few English synonyms, the Thai labels
 * and a few Thai variants.
 * @example
 * Object.keys(STATUS_ALIASES).length > 0; // => true
 * statusFromLabel('Completed'); // => 'done'
 */
export const STATUS_ALIASES: Readonly<Record<string, ProgressStatus>> = Object.freeze({
  notstarted: 'not-started',
  inprogress: 'in-progress',
  ongoing: 'in-progress',
  delayed: 'delayed',
  late: 'delayed',
  done: 'done',
  complete: 'done',
  completed: 'done',
  cancelled: 'cancelled',
  canceled: 'cancelled',
  ยังไม่ดำเนินการ: 'not-started',
  ยังไม่เริ่มดำเนินการ: 'not-started',
  อยู่ระหว่างดำเนินการ: 'in-progress',
  กำลังดำเนินการ: 'in-progress',
  ล่าช้า: 'delayed',
  ดำเนินการล่าช้า: 'delayed',
  ดำเนินการแล้วเสร็จ: 'done',
  แล้วเสร็จ: 'done',
  เสร็จสิ้น: 'done',
  ดำเนินการเสร็จสิ้น: 'done',
  ยกเลิก: 'cancelled',
  ยกเลิกโครงการ: 'cancelled',
});

/**
 * The status a label stands for (English id or label, Thai label, or a variant in
 * {@link STATUS_ALIASES}; case, spaces, `_` and `-` ignored), or undefined.
 *
 * @throws {CpiGapError} when `label` is not a string.
 * @example
 * statusFromLabel('ดำเนินการแล้วเสร็จ'); // => 'done'
 * statusFromLabel('In progress'); // => 'in-progress'
 */
export function statusFromLabel(label: string): ProgressStatus | undefined {
  return statusOf(parseInput('statusFromLabel', z.string(), label, ['label']));
}

function statusOf(label: string): ProgressStatus | undefined {
  const key = label.normalize('NFC').toLowerCase().replace(/[\s_-]+/g, '');
  return Object.prototype.hasOwnProperty.call(STATUS_ALIASES, key) ? STATUS_ALIASES[key] : undefined;
}

const THAI_MONTHS: readonly (readonly [number, readonly string[]])[] = [
  [1, ['ม.ค.', 'มกราคม']],
  [2, ['ก.พ.', 'กุมภาพันธ์']],
  [3, ['มี.ค.', 'มีนาคม']],
  [4, ['เม.ย.', 'เมษายน']],
  [5, ['พ.ค.', 'พฤษภาคม']],
  [6, ['มิ.ย.', 'มิถุนายน']],
  [7, ['ก.ค.', 'กรกฎาคม']],
  [8, ['ส.ค.', 'สิงหาคม']],
  [9, ['ก.ย.', 'กันยายน']],
  [10, ['ต.ค.', 'ตุลาคม']],
  [11, ['พ.ย.', 'พฤศจิกายน']],
  [12, ['ธ.ค.', 'ธันวาคม']],
];
const escape = (s: string): string => s.replace(/\./g, '\\.');
/** One alternative per spelling; a bare abbreviation must not run on into another one (ก.พ.ร.). */
const MONTH_SOURCE = THAI_MONTHS.flatMap(([, names]) => names)
  .sort((a, b) => b.length - a.length)
  .map((n) => (n.endsWith('.') ? `${escape(n)}(?![ก-ฮ]\\.)` : n))
  .join('|');

/**
 * Month number (1-12) of a Thai month name or abbreviation, as written, or 0 when `name` is not
 * one (internal helper).
 *
 * @example
 * thaiMonth('ก.ย.'); // => 9
 * thaiMonth('ก.พ.ร.'); // => 0
 */
export function thaiMonth(name: string): number {
  return THAI_MONTHS.reduce((found, [n, names]) => (names.includes(name) ? n : found), 0);
}

/** A regular expression source matching a Thai month name or abbreviation (one capture group). */
export const THAI_MONTH_PATTERN = `(${MONTH_SOURCE})`;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function iso(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A four-digit year of 2400 or more is Buddhist Era (B.E. = CE + 543); below that, Common Era. */
function ceYear(year: number): number {
  return year >= 2400 ? year - 543 : year;
}

/**
 * Read a reporting date as an ISO date (yyyy-mm-dd, Common Era), or undefined when it is not one
 * of the accepted forms. Thai digits are read as digits. Accepted:
 *
 * - ISO `2023-01-15`;
 * - day/month/year with slashes, day first as Thai forms write it: `15/01/2566`, `15/1/2023`;
 * - day, Thai month and year: `15 ม.ค. 2566`, `๑๕ มกราคม พ.ศ. ๒๕๖๖`.
 *
 * In every form a four-digit year of 2400 or more is read as Buddhist Era and converted (2566 ->
 * 2023); a smaller one is Common Era. Two-digit years, month/day order and impossible dates
 * (`31/02/2566`) are not accepted.
 *
 * @example
 * parseReportDate('15/01/2566'); // => '2023-01-15'
 * parseReportDate('๑๕ ม.ค. ๒๕๖๖'); // => '2023-01-15'
 * parseReportDate('01/15/2023'); // => undefined (month 15)
 */
export function parseReportDate(text: string): string | undefined {
  const s = parseInput('parseReportDate', z.string(), text, ['text']);
  return readDate(s);
}

function readDate(text: string): string | undefined {
  const s = fromThaiDigits(text.normalize('NFC')).trim().replace(/\s+/g, ' ');
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return iso(ceYear(Number(m[1])), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (m) return iso(ceYear(Number(m[3])), Number(m[2]), Number(m[1]));
  m = new RegExp(`^(\\d{1,2}) ?${THAI_MONTH_PATTERN} ?(?:พ\\.ศ\\. ?)?(\\d{4})$`).exec(s);
  // Group 2 is a month name THAI_MONTH_PATTERN matched, so thaiMonth knows it.
  if (m) return iso(ceYear(Number(m[3])), thaiMonth(String(m[2])), Number(m[1]));
  return undefined;
}

const projectIds = new Set(plan.projects.map((p) => p.id));

/**
 * One progress update, as an agency reports it to the secretariat (สำนักงาน ป.ป.ท.). The schema
 * checks the record and turns it into its canonical form:
 *
 * - `projectId`: a project id of the plan (`ws1-m2.2-p4`); an unknown id is rejected;
 * - `date`: the reporting date, in any form {@link parseReportDate} reads (ISO, `15/01/2566`,
 *   `15 ม.ค. 2566`), returned as ISO; it must fall within fiscal year 2023 (2022-10-01 to 2023-09-30);
 * - `status`: an English id or a Thai label (see {@link STATUS_ALIASES}), returned as the id;
 * - `percentComplete`: 0 to 100, optional; `done` with a percentage must say 100, `not-started` 0;
 * - `budgetSpent`: baht spent so far (cumulative), >= 0, optional (not reported);
 * - `kpiResult`: the KPI result, text or number, optional;
 * - `problems`: problems and obstacles (ปัญหาและอุปสรรค), Thai or English, optional;
 * - `reporter`: the reporting agency, optional (free text).
 *
 * Blank text fields are dropped.
 * @example
 * const [u] = progressUpdates([{ projectId: 'ws1-m1.1-p1', date: '15/01/2566', status: 'ล่าช้า', percentComplete: 30, problems: 'ขาดแคลนบุคลากร' }]);
 * u?.date; // => '2023-01-15'
 * u?.status; // => 'delayed'
 * ProgressUpdate.safeParse({ projectId: 'ws1-m1.1-p1', date: '2023-13-01', status: 'done' }).success; // => false
 */
export const ProgressUpdate = z
  .strictObject({
    projectId: z
      .string()
      .trim()
      .refine((id) => projectIds.has(id), { error: `expected a project id of the plan (such as "ws1-m2.2-p4")` }),
    date: z.string().transform((s, ctx) => {
      const date = readDate(s);
      if (date === undefined) {
        ctx.issues.push({ code: 'custom', input: s, message: 'expected a date as yyyy-mm-dd, dd/mm/yyyy (B.E. or CE) or "15 ม.ค. 2566"' });
        return z.NEVER;
      }
      if (date < FISCAL_YEAR_2023.start || date > FISCAL_YEAR_2023.end) {
        ctx.issues.push({ code: 'custom', input: s, message: `expected a date within fiscal year 2023 (${FISCAL_YEAR_2023.start} to ${FISCAL_YEAR_2023.end}), read as ${date}` });
        return z.NEVER;
      }
      return date;
    }),
    status: z.string().transform((s, ctx) => {
      const status = statusOf(s);
      if (status === undefined) {
        ctx.issues.push({ code: 'custom', input: s, message: `expected a status: ${PROGRESS_STATUSES.join(', ')} or ${Object.values(STATUS_LABELS.th).join(', ')}` });
        return z.NEVER;
      }
      return status;
    }),
    percentComplete: z.number().min(0).max(100).optional(),
    budgetSpent: z.number().min(0).optional(),
    kpiResult: z.union([z.string(), z.number()]).optional(),
    problems: z.string().optional(),
    reporter: z.string().optional(),
  })
  .superRefine((u, ctx) => {
    if (u.status === 'done' && u.percentComplete !== undefined && u.percentComplete !== 100) {
      ctx.addIssue({ code: 'custom', path: ['percentComplete'], input: u.percentComplete, message: 'a project reported done must be 100 percent complete' });
    }
    if (u.status === 'not-started' && u.percentComplete !== undefined && u.percentComplete !== 0) {
      ctx.addIssue({ code: 'custom', path: ['percentComplete'], input: u.percentComplete, message: 'a project not started must be 0 percent complete' });
    }
  })
  .transform(({ kpiResult, problems, reporter, ...rest }) => ({
    ...rest,
    ...(typeof kpiResult === 'number' ? { kpiResult } : text('kpiResult', kpiResult)),
    ...text('problems', problems),
    ...text('reporter', reporter),
  }));

/** `{ [key]: trimmed }`, or nothing for a blank or absent text. */
function text<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  const t = value?.trim() ?? '';
  return t === '' ? {} : ({ [key]: t } as Partial<Record<K, string>>);
}
/** A progress update in canonical form (ISO date, English status id). */
export type ProgressUpdate = z.output<typeof ProgressUpdate>;
/**
 * A progress update as written (Thai or English status, any accepted date form).
 *
 * @example
 * const row: ProgressUpdateInput = { projectId: 'ws2-m1.1-p1', date: '31 มี.ค. 2566', status: 'อยู่ระหว่างดำเนินการ', percentComplete: 50 };
 * progressUpdates([row])[0]?.date; // => '2023-03-31'
 */
export type ProgressUpdateInput = z.input<typeof ProgressUpdate>;

/**
 * Check a list of progress updates and return them in canonical form (ISO dates, English status
 * ids), deeply frozen, in input order. Every bad row is reported in one {@link CpiGapError}: each
 * issue's path is `[index, field]` and its value the one found there.
 *
 * @throws {CpiGapError} when any update is invalid (unknown project, date not a date or outside
 * fiscal year 2023, unknown status, negative spend, percentage outside 0..100).
 * @example
 * progressUpdates([{ projectId: 'ws1-m1.1-p1', date: '15/01/2566', status: 'ล่าช้า' }]);
 * // => [{ projectId: 'ws1-m1.1-p1', date: '2023-01-15', status: 'delayed' }]
 */
export function progressUpdates(updates: readonly ProgressUpdateInput[]): DeepReadonly<ProgressUpdate[]> {
  return checkUpdates('progressUpdates', updates);
}

/** Validate every row, collecting all rows' issues into one error named `fn`. */
export function checkUpdates(fn: string, updates: unknown, paths?: (index: number, field: string | number | undefined) => (string | number)[]): DeepReadonly<ProgressUpdate[]> {
  const list = parseInput(fn, z.array(z.unknown()), updates, ['updates']);
  const { valid, issues } = collectUpdates(list, paths);
  if (issues.length > 0) throw new CpiGapError(fn, issues);
  return deepFreeze(valid);
}

/** Validate every row; returns the valid ones and every issue (paths through `paths`). */
export function collectUpdates(
  list: readonly unknown[],
  paths?: (index: number, field: string | number | undefined) => (string | number)[],
): { valid: ProgressUpdate[]; issues: CpiGapIssue[] } {
  const issues: CpiGapIssue[] = [];
  const valid: ProgressUpdate[] = [];
  list.forEach((row, i) => {
    const r = ProgressUpdate.safeParse(row);
    if (r.success) valid.push(r.data);
    else {
      for (const issue of fromZodIssues(r.error.issues, row)) {
        const [field, ...rest] = issue.path;
        issues.push({ ...issue, path: paths ? [...paths(i, field), ...rest] : [i, ...issue.path] });
      }
    }
  });
  return { valid, issues };
}
