import type { Locale } from '../../i18n/labels.js';
import { frozen } from '../../util/freeze.js';

/**
 * The columns of a progress report form, in the template's order. `projectName` and
 * `budgetPlanned` are pre-filled for the agency's reference; the readers ignore them.
 * @example
 * PROGRESS_COLUMNS.length; // => 10
 * PROGRESS_COLUMNS[0]; // => 'projectId'
 */
export const PROGRESS_COLUMNS = frozen([
  'projectId',
  'projectName',
  'budgetPlanned',
  'reporter',
  'date',
  'status',
  'percentComplete',
  'budgetSpent',
  'kpiResult',
  'problems',
] as const);
/**
 * A column of the progress report form (one of {@link PROGRESS_COLUMNS}).
 *
 * @example
 * const c: ProgressColumn = 'budgetSpent';
 * PROGRESS_HEADERS.en[c]; // => 'Budget spent (baht)'
 */
export type ProgressColumn = (typeof PROGRESS_COLUMNS)[number];

/**
 * The template's headers in Thai and English. The readers accept either, and the field names.
 *
 * @example
 * PROGRESS_HEADERS.th.projectId; // => 'รหัสโครงการ'
 * PROGRESS_HEADERS.en.status; // => 'Status'
 */
export const PROGRESS_HEADERS: Readonly<Record<Locale, Readonly<Record<ProgressColumn, string>>>> = Object.freeze({
  th: Object.freeze({
    projectId: 'รหัสโครงการ',
    projectName: 'ชื่อโครงการ',
    budgetPlanned: 'งบประมาณตามแผน (บาท)',
    reporter: 'หน่วยงานที่รายงาน',
    date: 'วันที่รายงาน',
    status: 'สถานะ',
    percentComplete: 'ร้อยละความก้าวหน้า',
    budgetSpent: 'งบประมาณที่ใช้จ่ายแล้ว (บาท)',
    kpiResult: 'ผลการดำเนินงานตามตัวชี้วัด',
    problems: 'ปัญหาและอุปสรรค',
  }),
  en: Object.freeze({
    projectId: 'Project ID',
    projectName: 'Project name',
    budgetPlanned: 'Budget planned (baht)',
    reporter: 'Reporting agency',
    date: 'Reporting date',
    status: 'Status',
    percentComplete: 'Percent complete',
    budgetSpent: 'Budget spent (baht)',
    kpiResult: 'KPI result',
    problems: 'Problems and obstacles',
  }),
});

const EXTRA_ALIASES: Readonly<Record<string, ProgressColumn>> = {
  id: 'projectId',
  project: 'projectId',
  name: 'projectName',
  budget: 'budgetPlanned',
  agency: 'reporter',
  reportingdate: 'date',
  percent: 'percentComplete',
  progress: 'percentComplete',
  spent: 'budgetSpent',
  kpi: 'kpiResult',
  obstacles: 'problems',
  problemsandobstacles: 'problems',
  ความก้าวหน้า: 'percentComplete',
  ร้อยละ: 'percentComplete',
  วันที่: 'date',
  หน่วยงาน: 'reporter',
  ผลตามตัวชี้วัด: 'kpiResult',
  ตัวชี้วัด: 'kpiResult',
  งบประมาณที่ใช้จ่าย: 'budgetSpent',
  ปัญหาอุปสรรค: 'problems',
};

/** A header reduced to letters, marks and digits, lower-cased (`"Budget spent (baht)"` -> `"budgetspentbaht"`). */
export function headerKey(header: string): string {
  return header.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{M}\p{N}]+/gu, '');
}

const ALIASES: ReadonlyMap<string, ProgressColumn> = new Map<string, ProgressColumn>([
  ...PROGRESS_COLUMNS.map((c) => [headerKey(c), c] as const),
  ...PROGRESS_COLUMNS.map((c) => [headerKey(PROGRESS_HEADERS.en[c]), c] as const),
  ...PROGRESS_COLUMNS.map((c) => [headerKey(PROGRESS_HEADERS.th[c]), c] as const),
  ...Object.entries(EXTRA_ALIASES).map(([k, c]) => [headerKey(k), c] as const),
  // A unit written without parentheses or not at all.
  ...(['budgetPlanned', 'budgetSpent'] as const).flatMap((c) => [
    [headerKey(PROGRESS_HEADERS.en[c].replace(' (baht)', '')), c] as const,
    [headerKey(PROGRESS_HEADERS.th[c].replace(' (บาท)', '')), c] as const,
  ]),
]);

/** The column a header names (Thai or English header, or field name), or undefined. */
export function columnOfHeader(header: string): ProgressColumn | undefined {
  return ALIASES.get(headerKey(header));
}
