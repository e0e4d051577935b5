import * as z from 'zod/mini';
import { fail, parseInput } from '../../errors.js';
import { lastDayOfMonth, THAI_MONTH_PATTERN, thaiMonth, yearOfBuddhistEra } from '../../i18n/thaiDate.js';
import { fromThaiDigits } from '../../i18n/thaiNumber.js';
import { FISCAL_YEAR_2023 } from '../fiscalYear.js';
import { plan } from '../plan.js';

/**
 * When a project is due, and how that date was reached.
 *
 * @example
 * const d: ProjectDeadline = projectDeadline('ws1-m1.1-p1');
 * d.rule; // => 'period'
 * console.log(d.period, '->', d.deadline);
 */
export interface ProjectDeadline {
  readonly projectId: string;
  /** The period (ระยะเวลา) as printed, or null. */
  readonly period: string | null;
  /** ISO date: the last day the project may finish on time. */
  readonly deadline: string;
  /**
   * `'period'`: the last month (or quarter) named in the period; `'fiscal-year'`: the period names
   * no month within fiscal year 2023, so the fiscal year's end (2023-09-30) is used.
   */
  readonly rule: 'period' | 'fiscal-year';
}

const MONTH_YEAR = new RegExp(`${THAI_MONTH_PATTERN}(?:\\s*(?:พ\\.ศ\\.\\s*)?(\\d{4}|\\d{2})(?!\\d))?`, 'g');
const QUARTER = /ไตรมาส(?:ที่)?\s*(\d)(?:\s*-\s*(\d))?/;
const QUARTER_END = ['2022-12-31', '2023-03-31', '2023-06-30', '2023-09-30'] as const;
/** "ปีงบประมาณ พ.ศ. 2566": the quarters named after it are the plan's fiscal year's. */
const FISCAL_YEAR_TEXT = new RegExp(`ปีงบประมาณ\\s*พ\\.ศ\\.\\s*${FISCAL_YEAR_2023.yearBE}`);

/**
 * The deadline a period text implies (see {@link projectDeadline} for the rule).
 *
 * @example
 * deadlineOfPeriod('ก.พ. - พ.ค. ๖๖'); // => { deadline: '2023-05-31', rule: 'period' }
 */
export function deadlineOfPeriod(period: string | null): { deadline: string; rule: 'period' | 'fiscal-year' } {
  const text = parseInput('deadlineOfPeriod', z.nullable(z.string()), period, ['period']);
  const fyEnd = { deadline: FISCAL_YEAR_2023.end, rule: 'fiscal-year' as const };
  if (text === null) return fyEnd;
  const s = fromThaiDigits(text.normalize('NFC'));
  // Group 1 is a month name THAI_MONTH_PATTERN matched, so thaiMonth knows it.
  const found = [...s.matchAll(MONTH_YEAR)].map((m) => ({ month: thaiMonth(String(m[1])), year: m[2] }));
  // A month printed without a year takes the next year printed after it ("ก.พ. - พ.ค. ๖๖").
  let next: number | undefined;
  const resolved: { month: number; year: number }[] = [];
  for (const f of [...found].reverse()) {
    next = f.year === undefined ? next : yearOfBuddhistEra(f.year);
    if (next === undefined || f.month === 0) continue;
    resolved.push({ month: f.month, year: next });
  }
  if (resolved.length > 0) {
    const latest = resolved.reduce((a, b) => (b.year * 12 + b.month > a.year * 12 + a.month ? b : a));
    const deadline = lastDayOfMonth(latest.year, latest.month);
    return deadline >= FISCAL_YEAR_2023.start && deadline <= FISCAL_YEAR_2023.end ? { deadline, rule: 'period' } : fyEnd;
  }
  const q = QUARTER.exec(s);
  if (q && FISCAL_YEAR_TEXT.test(s)) {
    const last = Number(q[2] ?? q[1]);
    const end = QUARTER_END[last - 1];
    if (end !== undefined) return { deadline: end, rule: 'period' };
  }
  return fyEnd;
}

/**
 * When a project of the plan is due, from its period (ระยะเวลา) as printed:
 *
 * 1. Thai months with a B.E. year (`ต.ค. ๒๕๖๕`, `ก.ย. ๖๖`, `มกราคม - กุมภาพันธ์ ๒๕๖๖`) are read;
 *    a month printed without a year takes the next year printed after it. The deadline is the last
 *    day of the latest month named (`ก.พ. - พ.ค. ๖๖` -> 2023-05-31).
 * 2. Without a month, a quarter of fiscal year 2566 (`ปีงบประมาณ พ.ศ. ๒๕๖๖ ไตรมาส ๑-๒`) ends on the
 *    last day of the last quarter named (quarter 2 -> 2023-03-31).
 * 3. Otherwise, and whenever the date reached falls outside fiscal year 2023 (periods dated 2565,
 *    "ดำเนินการต่อเนื่อง", "300 days after signing"), the deadline is the fiscal year's end,
 *    2023-09-30 (`rule: 'fiscal-year'`).
 *
 * A project is overdue on a date after its deadline unless its latest update says done or
 * cancelled.
 *
 * @throws {CpiGapError} when the id is not a project of the plan.
 * @example
 * projectDeadline('ws1-m1.1-p1').deadline; // => '2023-07-31' (period "ต.ค. ๒๕๖๕ … ก.ค. ๒๕๖๖")
 * projectDeadline('ws1-m1.1-p2').rule; // => 'fiscal-year' ("ปีงบประมาณ พ.ศ. ๒๕๖๖")
 */
export function projectDeadline(projectId: string): ProjectDeadline {
  const id = parseInput('projectDeadline', z.string(), projectId, ['projectId']);
  const project = plan.projects.find((p) => p.id === id);
  if (project === undefined) return fail('projectDeadline', ['projectId'], 'expected a project id of the plan', id, 'unknown_project');
  return { projectId: id, period: project.period, ...deadlineOfPeriod(project.period) };
}
