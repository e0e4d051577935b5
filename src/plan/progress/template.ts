import * as z from 'zod/mini';
import { parseInput } from '../../errors.js';
import { Locale } from '../../i18n/labels.js';
import { csvTable } from '../../util/csv.js';
import type { Column } from '../../util/table.js';
import { FISCAL_YEAR_2023 } from '../fiscalYear.js';
import { plan } from '../plan.js';
import { PROGRESS_COLUMNS, PROGRESS_HEADERS, type ProgressColumn } from './formColumns.js';

/** The formats of the progress form: CSV or JSON (the command line's `plan template --format` reads this list). */
export const TEMPLATE_FORMATS = ['csv', 'json'] as const;

/**
 * Options of {@link progressTemplate}.
 *
 * @example
 * const o: ProgressTemplateOptions = { locale: 'en', format: 'json' };
 * const form = JSON.parse(progressTemplate(o)) as { fiscalYear: number; updates: Record<string, unknown>[] };
 * form.fiscalYear; // => 2023
 * form.updates[0]?.['Project ID']; // => 'ws1-m1.1-p1'
 */
export const ProgressTemplateOptions = z.optional(z.strictObject({
  /** Language of the headers. Default `'th'`. */
  locale: z.optional(Locale),
  /** `'csv'` (default) or `'json'`. */
  format: z.optional(z.enum(TEMPLATE_FORMATS)),
}));
export type ProgressTemplateOptions = z.input<typeof ProgressTemplateOptions>;

type Project = (typeof plan.projects)[number];

function prefilled(p: Project, c: ProgressColumn): string {
  if (c === 'projectId') return p.id;
  if (c === 'projectName') return p.name;
  if (c === 'budgetPlanned') return p.budget === null ? '' : String(p.budget);
  if (c === 'reporter') return p.agencies.map((a) => a.name).join('; ');
  return '';
}

/**
 * The progress report form an agency fills in, as CSV or JSON, with Thai or English headers: one
 * row per project of the plan (all 95 listings, in the seed's order), pre-filled with the project
 * id, its name, its planned budget (empty where the seed prints none) and its responsible agency
 * as reporter; the date, status, percentage, spend, KPI result and problems are left blank.
 * {@link readProgressCsv} and {@link readProgressJson} read it back (in either language) and skip
 * the rows left blank, so a form may be returned with only the projects it reports on.
 *
 * The JSON form is `{ "fiscalYear": 2023, "updates": [ { <header>: "" , ... } ] }` with the same
 * headers as keys. CSV lines end with LF; text with commas or quotes is quoted (RFC 4180).
 *
 * @throws {CpiGapError} on an unknown option or value.
 * @example
 * progressTemplate({ locale: 'en' }).split('\n')[0];
 * // => 'Project ID,Project name,Budget planned (baht),Reporting agency,Reporting date,Status,Percent complete,Budget spent (baht),KPI result,Problems and obstacles'
 */
export function progressTemplate(options?: ProgressTemplateOptions): string {
  const { locale = 'th', format = 'csv' } = parseInput('progressTemplate', ProgressTemplateOptions, options, ['options']) ?? {};
  const headers = PROGRESS_HEADERS[locale];
  if (format === 'json') {
    const updates = plan.projects.map((p) => Object.fromEntries(PROGRESS_COLUMNS.map((c) => [headers[c], c === 'budgetPlanned' ? p.budget : prefilled(p, c)])));
    return `${JSON.stringify({ fiscalYear: FISCAL_YEAR_2023.year, updates }, null, 2)}\n`;
  }
  const columns: Column<Project>[] = PROGRESS_COLUMNS.map((c) => ({ header: headers[c], value: (p: Project) => prefilled(p, c) }));
  return `${csvTable(columns, plan.projects)}\n`;
}
