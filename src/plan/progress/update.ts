import * as z from 'zod/mini';
import { CpiGapError, ERROR_LIMITS, fromZodIssues, parseInput, safeParseEn } from '../../errors.js';
import { IssueList } from '../../util/issues.js';
import { parseThaiDate } from '../../i18n/thaiDate.js';
import { deepFreeze, type DeepReadonly } from '../../util/freeze.js';
import { listOf } from '../../util/limits.js';
import { FISCAL_YEAR_2023 } from '../fiscalYear.js';
import { plan } from '../plan.js';
import { ProgressUpdateRecord } from './records.js';
import { PROGRESS_STATUSES, STATUS_LABELS, statusOf } from './states.js';

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
  return parseThaiDate(parseInput('parseReportDate', z.string(), text, ['text']));
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
export const ProgressUpdate = z.pipe(z.pipe(z.strictObject({
  projectId: z.string().check(z.trim(), z.refine((id) => projectIds.has(id), { error: `expected a project id of the plan (such as "ws1-m2.2-p4")` })),
  date: z.pipe(z.string(), z.transform((s, ctx) => {
    const date = parseThaiDate(s);
    if (date === undefined) {
      ctx.issues.push({ code: 'custom', input: s, message: 'expected a date as yyyy-mm-dd, dd/mm/yyyy (B.E. or CE) or "15 ม.ค. 2566"' });
      return z.NEVER;
    }
    if (date < FISCAL_YEAR_2023.start || date > FISCAL_YEAR_2023.end) {
      ctx.issues.push({ code: 'custom', input: s, message: `expected a date within fiscal year 2023 (${FISCAL_YEAR_2023.start} to ${FISCAL_YEAR_2023.end}), read as ${date}` });
      return z.NEVER;
    }
    return date;
  })),
  status: z.pipe(z.string(), z.transform((s, ctx) => {
    const status = statusOf(s);
    if (status === undefined) {
      ctx.issues.push({ code: 'custom', input: s, message: `expected a status: ${PROGRESS_STATUSES.join(', ')} or ${Object.values(STATUS_LABELS.th).join(', ')}` });
      return z.NEVER;
    }
    return status;
  })),
  percentComplete: z.optional(z.number().check(z.minimum(0), z.maximum(100))),
  budgetSpent: z.optional(z.number().check(z.minimum(0))),
  kpiResult: z.optional(z.union([z.string(), z.number()])),
  problems: z.optional(z.string()),
  reporter: z.optional(z.string()),
}).check(z.superRefine((u, ctx) => {
    if (u.status === 'done' && u.percentComplete !== undefined && u.percentComplete !== 100) {
      ctx.addIssue({ code: 'custom', path: ['percentComplete'], input: u.percentComplete, message: 'a project reported done must be 100 percent complete' });
    }
    if (u.status === 'not-started' && u.percentComplete !== undefined && u.percentComplete !== 0) {
      ctx.addIssue({ code: 'custom', path: ['percentComplete'], input: u.percentComplete, message: 'a project not started must be 0 percent complete' });
    }
  })), z.transform(({ kpiResult, problems, reporter, ...rest }): z.input<typeof ProgressUpdateRecord> => ({
    ...rest,
    ...(typeof kpiResult === 'number' ? { kpiResult } : text('kpiResult', kpiResult)),
    ...text('problems', problems),
    ...text('reporter', reporter),
  }))), ProgressUpdateRecord);

/** `{ [key]: trimmed }`, or nothing for a blank or absent text. */
function text<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  const t = value?.trim() ?? '';
  return t === '' ? {} : ({ [key]: t } as Partial<Record<K, string>>);
}
/** A progress update in canonical form (ISO date, English status id): a {@link ProgressUpdateRecord}. */
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

/** Validate every update, collecting all rows' issues into one error named `fn` (paths `[index, field]`). */
export function checkUpdates(fn: string, updates: unknown): DeepReadonly<ProgressUpdate[]> {
  const list = parseInput(fn, listOf(z.unknown()), updates, ['updates']);
  const { valid, issues, unchecked } = collectUpdates(list, (value, i) => ({ value, locate: (path) => [i, ...path] }));
  if (issues.count > 0) throw new CpiGapError(fn, issues.kept, { issueCount: issues.count, ...stoppedNote(unchecked) });
  return deepFreeze(valid);
}

/** A value to check as an update, and where an issue at `path` inside it is reported. */
export interface UpdateRow {
  readonly value: unknown;
  readonly locate: (path: readonly (string | number)[]) => (string | number)[];
}

/**
 * Validate the rows in order, each turned into an {@link UpdateRow} only when its turn comes;
 * returns the valid ones, the issues (paths through each row's `locate`) and how many rows were left
 * unchecked: checking stops once 1,000 issues are kept, so a file of 200,000 bad rows costs the
 * work and memory of a few hundred.
 */
export function collectUpdates<T>(rows: readonly T[], toUpdate: (row: T, index: number) => UpdateRow): { valid: ProgressUpdate[]; issues: IssueList; unchecked: number } {
  const issues = new IssueList();
  const valid: ProgressUpdate[] = [];
  for (const [i, item] of rows.entries()) {
    if (issues.kept.length >= ERROR_LIMITS.keptIssues) return { valid, issues, unchecked: rows.length - i };
    const row = toUpdate(item, i);
    const r = safeParseEn(ProgressUpdate, row.value);
    if (r.success) valid.push(r.data);
    else for (const issue of fromZodIssues(r.error.issues, row.value)) issues.push({ ...issue, path: row.locate(issue.path) });
  }
  return { valid, issues, unchecked: 0 };
}

/** The note of an error whose checking stopped with `unchecked` rows left. */
export function stoppedNote(unchecked: number): { note?: string } {
  return unchecked === 0 ? {} : { note: `checking stopped after ${ERROR_LIMITS.keptIssues} issues: the last ${unchecked} rows were not checked` };
}
