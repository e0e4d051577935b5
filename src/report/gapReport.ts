import { CpiGap, cpiGap, SourceGap, sourceGaps, WorkstreamGap, workstreamGaps, type GapOptions } from '../analysis/gaps.js';
import * as z from 'zod/mini';
import { assertDataset, type Dataset } from '../dataset/createDataset.js';
import { CpiScore, Provenance, Year } from '../dataset/schema.js';
import { parseInput } from '../errors.js';
import { DEFAULT_LOCALE, defaultEra, Era, Locale, MESSAGES, PLAN_TITLE, sourceAbbreviation, sourceLabel, workstreamLabel, yearLabel } from '../i18n/labels.js';
import { csvTable } from '../util/csv.js';
import type { DeepReadonly } from '../util/freeze.js';
import { fmt, OutputFormat, textTable, type Column } from '../util/table.js';

/**
 * Everything a gap report shows, as plain records.
 *
 * @example
 * const r: GapReport = gapReport(thailand, { year: 2025, target: 51 });
 * r.sources.length; // => 9
 * r.workstreams.map((w) => w.workstream); // => [1, 2, 3, 4]
 * r.cpi.neededMean; // => 50.5
 */
export const GapReport = z.object({
  year: Year,
  target: CpiScore,
  sources: z.array(SourceGap),
  workstreams: z.array(WorkstreamGap),
  cpi: CpiGap,
});
export type GapReport = DeepReadonly<z.output<typeof GapReport>>;

/**
 * Gather the gap report of a year: each source's gap, each workstream's, and the CPI's.
 *
 * @example
 * gapReport(thailand, { year: 2022 }).cpi.evenUplift; // => 14.5
 */
export function gapReport(dataset: Dataset, options?: GapOptions): GapReport {
  const cpi = cpiGap(dataset, options);
  const resolved = { year: cpi.year, target: cpi.target };
  return { year: cpi.year, target: cpi.target, sources: sourceGaps(dataset, resolved), workstreams: workstreamGaps(dataset, resolved), cpi };
}

/** Columns of a source-gap table, in Thai or English. */
export function sourceGapColumns(dataset: Dataset, locale: Locale): Column<SourceGap>[] {
  const m = MESSAGES[locale];
  return [
    { header: m.source, value: (r) => sourceLabel(dataset, r.source, locale) },
    { header: m.score, value: (r) => fmt(r.score), align: 'right' },
    { header: m.target, value: (r) => String(r.target), align: 'right' },
    { header: m.gap, value: (r) => fmt(r.gap), align: 'right' },
    { header: m.gapRank, value: (r) => String(r.gapRank), align: 'right' },
    // Only a dataset with workstreams (Thailand's plan) gets the column.
    ...(dataset.workstreams.length > 0 ? [{ header: m.workstreams, value: (r: SourceGap) => r.workstreams.join(', ') }] : []),
  ];
}

/** Columns of a workstream-gap table; shared sources are marked `*`. */
export function workstreamGapColumns(dataset: Dataset, locale: Locale): Column<WorkstreamGap>[] {
  const m = MESSAGES[locale];
  return [
    { header: m.workstream, value: (w) => workstreamLabel(dataset, w.workstream, locale) },
    { header: m.sources, value: (w) => w.sources.map((s) => `${sourceAbbreviation(dataset, s.source)}${s.alsoIn.length > 0 ? '*' : ''}`).join(', ') },
    { header: m.gapSum, value: (w) => fmt(w.gapSum), align: 'right' },
    { header: m.gapMean, value: (w) => (w.gapMean === null ? '-' : fmt(w.gapMean)), align: 'right' },
  ];
}

const FormatOptionsSchema = z.strictObject({
  locale: z.optional(Locale),
  format: z.optional(OutputFormat),
  era: z.optional(Era),
});

/**
 * Options of {@link formatGapReport}.
 *
 * @example
 * const o: FormatOptions = { locale: 'th', era: 'be', format: 'table' };
 * console.log(formatGapReport(thailand, gapReport(thailand, { year: 2025 }), o));
 */
export interface FormatOptions {
  /** Language of headers and notes. Default `'en'`. */
  readonly locale?: Locale;
  /** `table` (aligned text), `csv` (one table of source gaps) or `json`. Default `'table'`. */
  readonly format?: 'table' | 'csv' | 'json';
  /** Years in the Common Era (`'ce'`) or the Buddhist Era (`'be'`). Default: `'be'` in Thai, `'ce'` in English. */
  readonly era?: Era;
}

/**
 * A one-line statement of where the numbers come from, built from their origins.
 *
 * @example
 * provenanceLine([{ kind: 'ti', edition: 2025, file: 'CPI2025_Results.csv' }], 'en');
 * // => 'Sources: Transparency International, Corruption Perceptions Index 2025 (CC BY-ND 4.0)'
 */
export function provenanceLine(origins: readonly (Provenance | null)[], locale: Locale): string {
  parseInput('provenanceLine', z.array(z.nullable(Provenance)), origins, ['origins']);
  parseInput('provenanceLine', Locale, locale, ['locale']);
  const seed = origins.some((o) => o?.kind === 'seed');
  const editions = [...new Set(origins.flatMap((o) => (o?.kind === 'ti' ? [o.edition] : [])))].sort();
  const parts: string[] = [];
  if (seed) parts.push(locale === 'th' ? PLAN_TITLE.th : 'Thailand FY2023 CPI action plan (seed document)');
  if (editions.length > 0) parts.push(`Transparency International, Corruption Perceptions Index ${editions.join(', ')} (CC BY-ND 4.0)`);
  if (origins.some((o) => o?.kind === 'user')) parts.push(locale === 'th' ? 'ข้อมูลของผู้ใช้' : 'user-supplied data');
  return `${locale === 'th' ? 'ที่มา' : 'Sources'}: ${parts.join('; ')}`;
}

/**
 * Render a {@link GapReport} as text (Thai or English), CSV or JSON.
 *
 * @example
 * console.log(formatGapReport(thailand, gapReport(thailand), { locale: 'th' }));
 */
export function formatGapReport(dataset: Dataset, report: GapReport, options: FormatOptions = {}): string {
  assertDataset('formatGapReport', dataset);
  parseInput('formatGapReport', GapReport, report, ['report']);
  const { locale = DEFAULT_LOCALE, format = 'table', era = defaultEra(locale) } = parseInput('formatGapReport', FormatOptionsSchema, options, ['options']);
  const m = MESSAGES[locale];
  if (format === 'json') return JSON.stringify(report, null, 2);
  const sourceColumns = sourceGapColumns(dataset, locale);
  if (format === 'csv') return csvTable(sourceColumns, report.sources);
  const wsColumns = workstreamGapColumns(dataset, locale);
  const c = report.cpi;
  const country = (locale === 'th' ? dataset.country.name.th : undefined) ?? dataset.country.name.en;
  const cpiRows: [string, string][] = [
    [m.published, c.published === null ? '-' : `${c.published}${c.publishedRank === null ? '' : ` (${m.rank} ${c.publishedRank})`}`],
    [m.mean, `${fmt(c.mean)} (n = ${c.n})`],
    [m.neededMean, fmt(c.neededMean)],
    [m.totalUplift, c.reached ? `${fmt(c.totalUplift)} (${m.reached})` : fmt(c.totalUplift)],
    [m.evenUplift, fmt(c.evenUplift)],
  ];
  const kv: Column<[string, string]>[] = [
    { header: m.cpi, value: (r) => r[0] },
    { header: '', value: (r) => r[1], align: 'right' },
  ];
  const origins = [...dataset.scores.filter((s) => s.year === report.year).map((s) => s.origin), c.origin];
  return [
    m.gapReportTitle(country, yearLabel(report.year, era), report.target),
    '',
    textTable(sourceColumns, report.sources),
    '',
    // A dataset without workstreams (any country but Thailand) has no workstream table.
    report.workstreams.length > 0 ? textTable(wsColumns, report.workstreams) : '',
    report.workstreams.some((w) => w.sharedSources.length > 0) ? m.sharedNote : '',
    '',
    textTable(kv, cpiRows),
    m.roundingNote(report.target, c.neededMean),
    '',
    provenanceLine(origins, locale),
  ]
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');
}
