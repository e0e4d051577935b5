import { extname } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { planStatusSpec } from '../../charts/planStatus.js';
import { THAILAND_SOURCE_IDS, type SourceId } from '../../dataset/sourceCatalog.js';
import { CpiGapError } from '../../errors.js';
import { workstreamLabel, type Locale } from '../../i18n/labels.js';
import { budgetByWorkstream, budgetSummary } from '../../plan/budgetBy.js';
import type { BudgetRollup } from '../../plan/budgetRecords.js';
import { FIRST_LISTINGS } from '../../plan/groups.js';
import { projectsForSource } from '../../plan/projectsForSource.js';
import { FISCAL_YEAR_2023 } from '../../plan/fiscalYear.js';
import { parseReportDate } from '../../plan/progress/update.js';
import { readProgressCsv, readProgressJson } from '../../plan/progress/readUpdates.js';
import { progressRollup } from '../../plan/progress/rollup.js';
import { formatStatusReport, statusReport, StatusReportTable } from '../../plan/progress/statusReport.js';
import { progressTemplate, TEMPLATE_FORMATS } from '../../plan/progress/template.js';
import { renderRows, shortenToWidth, type Column } from '../../util/table.js';
import { cliDataset, emit, readInputText, renamed, withCommonFlags, type CliIo, type CommonFlags } from '../common.js';

const baht = new Intl.NumberFormat('en-US');

/** The words of this command's tables and notes, in English and Thai (listed in docs/i18n/th-glossary.md). */
export const WORDS = {
  en: { workstream: 'Workstream', projects: 'Projects', unique: 'Unique projects', without: 'Without budget', printed: 'Budget as printed (baht)', dedup: 'Budget deduplicated (baht)', total: 'Whole plan', id: 'Project ID', measure: 'Measure', name: 'Name', budget: 'Budget (baht)', agency: 'Agency', repeat: 'Repeat of' },
  th: { workstream: 'แผนงาน', projects: 'โครงการ', unique: 'โครงการ (ไม่นับซ้ำ)', without: 'ไม่มีงบประมาณ', printed: 'งบประมาณตามที่พิมพ์ (บาท)', dedup: 'งบประมาณไม่นับซ้ำ (บาท)', total: 'ทั้งแผน', id: 'รหัสโครงการ', measure: 'มาตรการ', name: 'ชื่อโครงการ', budget: 'งบประมาณ (บาท)', agency: 'หน่วยงาน', repeat: 'ซ้ำกับ' },
} as const;

/** Amounts with separators in a text table, plain in CSV. */
const amount = (format: string) => (x: number | null): string => (x === null ? '' : format === 'table' ? baht.format(x) : String(x));

function summaryColumns(lang: Locale, format: string): Column<BudgetRollup>[] {
  const w = WORDS[lang];
  const money = amount(format);
  return [
    { header: w.workstream, value: (r) => (r.workstream === undefined ? w.total : workstreamLabel(cliDataset(), r.workstream, lang)) },
    { header: w.projects, value: (r) => String(r.projects), align: 'right' },
    { header: w.unique, value: (r) => String(r.projectsDeduplicated), align: 'right' },
    { header: w.without, value: (r) => String(r.withoutBudget), align: 'right' },
    { header: w.printed, value: (r) => money(r.printed), align: 'right' },
    { header: w.dedup, value: (r) => money(r.deduplicated), align: 'right' },
  ];
}

/** Read a progress file, CSV or JSON by its extension (checked before reading, at most 10 MB); errors name the file. */
async function readUpdates(io: CliIo, file: string) {
  const text = await readInputText(io, file, 'progress');
  try {
    return extname(file).toLowerCase() === '.csv' ? readProgressCsv(text) : readProgressJson(text);
  } catch (error) {
    // Name the file in place of the function; anything but a CpiGapError is a fault of cpi-gap, thrown on.
    if (!(error instanceof CpiGapError)) throw error;
    throw renamed(error, file);
  }
}

function isoDateArg(value: string): string {
  const date = parseReportDate(value);
  if (date === undefined) throw new InvalidArgumentError(`--as-of must be a date such as 2023-06-30 or 30/06/2566, got "${value}"`);
  return date;
}

/**
 * `cpi-gap plan`: the FY2023 action plan. Subcommands: `summary` (budget by workstream, as printed
 * and deduplicated), `projects --source <id>` (projects aimed at a source), `template` (the
 * progress report form), `status <updates-file>` (the secretariat's consolidated status report).
 */
export function planCommand(program: Command, io: CliIo): void {
  const planCmd = program
    .command('plan')
    .description('the FY2023 action plan: budget summary, projects by source, progress form and status report')
    .addHelpText('after', '\nExamples:\n  cpi-gap plan summary --lang th\n  cpi-gap plan projects --source WEF\n  cpi-gap plan template --lang th --out progress.csv\n  cpi-gap plan status progress.csv --as-of 2023-06-30');

  withCommonFlags(planCmd.command('summary'))
    .description('budget by workstream, as printed and with the project listed under three measures counted once; projects without a budget')
    .action(async (flags: CommonFlags) => {
      const rows: BudgetRollup[] = [...budgetByWorkstream(), budgetSummary()];
      await emit(io, renderRows(summaryColumns(flags.lang, flags.format), rows, flags.format), flags.out);
    });

  withCommonFlags(planCmd.command('projects'))
    .description('the projects aimed at a source (through the workstreams that answer it)')
    .addOption(new Option('--source <id>', 'source id').choices(THAILAND_SOURCE_IDS).makeOptionMandatory())
    .addOption(new Option('--unique', 'leave out repeat listings of a project printed under several measures'))
    .addHelpText('after', '\nExamples:\n  cpi-gap plan projects --source WEF\n  cpi-gap plan projects --source PERC --format csv --out perc.csv')
    .action(async (flags: CommonFlags & { source: SourceId; unique?: boolean }) => {
      const w = WORDS[flags.lang];
      const rows = projectsForSource(flags.source).filter((p) => flags.unique !== true || FIRST_LISTINGS.has(p.id));
      const money = amount(flags.format);
      type P = (typeof rows)[number];
      const columns: Column<P>[] = [
        { header: w.id, value: (p) => p.id },
        { header: w.workstream, value: (p) => String(p.workstream), align: 'right' },
        { header: w.measure, value: (p) => p.measure, align: 'right' },
        { header: w.name, value: (p) => (flags.format === 'table' ? shortenToWidth(p.name, 60) : p.name) },
        { header: w.budget, value: (p) => money(p.budget), align: 'right' },
        { header: w.agency, value: (p) => p.agencies.map((a) => a.name).join('; ') },
        { header: w.repeat, value: (p) => p.sameAs ?? '' },
      ];
      await emit(io, renderRows(columns, rows, flags.format), flags.out);
    });

  withCommonFlags(planCmd.command('template'), { format: false })
    .description('the progress report form agencies fill in: every project, pre-filled with id, name, budget and agency (CSV or JSON, Thai or English headers)')
    .addOption(new Option('--format <format>', 'csv or json (default: from the --out extension, else csv)').choices(TEMPLATE_FORMATS))
    .addHelpText('after', '\nExamples:\n  cpi-gap plan template --lang th --out progress.csv\n  cpi-gap plan template --lang en --format json')
    .action(async (flags: Omit<CommonFlags, 'format'> & { format?: (typeof TEMPLATE_FORMATS)[number] }) => {
      const format = flags.format ?? (flags.out !== undefined && extname(flags.out).toLowerCase() === '.json' ? 'json' : 'csv');
      await emit(io, progressTemplate({ locale: flags.lang, format }), flags.out);
    });

  withCommonFlags(planCmd.command('status'))
    .description('the consolidated status report from a file of progress updates (.csv or .json, Thai or English headers)')
    .argument('<updates-file>', 'progress updates, CSV or JSON (see cpi-gap plan template)')
    .addOption(new Option('--as-of <date>', 'date of the report (yyyy-mm-dd or dd/mm/yyyy B.E.; default: the latest reporting date in the file)').argParser(isoDateArg))
    .addOption(new Option('--table <table>', 'with --format csv: which table').choices(StatusReportTable.options).default('summary'))
    .addOption(new Option('--chart <file>', 'also write the status-by-workstream chart (Vega-Lite JSON) to this file'))
    .addHelpText('after', '\nExamples:\n  cpi-gap plan status progress.csv --as-of 2023-06-30\n  cpi-gap plan status progress.json --lang th --format csv --table obstacles')
    .action(async (file: string, flags: CommonFlags & { asOf?: string; table: StatusReportTable; chart?: string }) => {
      const updates = await readUpdates(io, file);
      const asOf = flags.asOf ?? updates.reduce<string | undefined>((d, u) => (d === undefined || u.date > d ? u.date : d), undefined) ?? FISCAL_YEAR_2023.end;
      const report = statusReport(updates, { asOf, locale: flags.lang });
      await emit(io, formatStatusReport(report, { format: flags.format, table: flags.table }), flags.out);
      if (flags.chart !== undefined) {
        const chart = planStatusSpec(progressRollup(updates, { asOf }), { locale: flags.lang });
        await emit(io, JSON.stringify(chart, null, 2), flags.chart);
      }
    });
}
