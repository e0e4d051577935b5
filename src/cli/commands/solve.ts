import { extname } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { DEFAULT_STRATEGY, solveTarget, TargetStrategy, type SourceAllocation, type TargetSolution } from '../../analysis/solveTarget.js';
import { LEVER_DEFAULTS, LeverMode, SharedRule, solveWorkstreams, type LeverSourceTotal, type WorkstreamLever, type WorkstreamSolution } from '../../analysis/solveWorkstreams.js';
import type { ScenarioSpec } from '../../analysis/scenarioSpec.js';
import { fail } from '../../errors.js';
import { sourceAbbreviation, workstreamLabel, yearLabel, type Locale } from '../../i18n/labels.js';
import { fmt, renderRows, textTable, type Column, type OutputFormat } from '../../util/table.js';
import type { Dataset } from '../../dataset/createDataset.js';
import { emit, integer, withCommonFlags, writeOutput, year, type CliIo, type CommonFlags } from '../common.js';
import { countryDataset, requireWorkstreams, withCountryFlag, type CountryFlag } from '../country.js';
import { methodsNote } from '../notes.js';
import { recordText, tiRecord, withRecord } from '../record.js';

/** The words of this command's tables and notes, in English and Thai (listed in docs/i18n/th-glossary.md). */
export const WORDS = {
  en: {
    source: 'Source', score: 'Score', gap: 'Gap', cap: 'Cap', uplift: 'Uplift', perYear: 'Per year', newScore: 'New score', workstream: 'Workstream', lever: 'Lever', contribution: 'Contribution to the mean', feasible: 'Feasible', yes: 'yes', no: 'no', via: 'Workstreams',
    summary: (s: { target: number; year: string; by: string; total: number; score: number; feasible: boolean }) =>
      `Target ${s.target} from ${s.year} by ${s.by}: the sources must gain ${fmt(s.total)} points together; the allocation ${s.feasible ? 'reaches' : 'does not reach'} it (new score ${s.score}).`,
    leverSummary: (s: { target: number; year: string; by: string; total: number; lever: number | null; feasible: boolean }) =>
      `Target ${s.target} from ${s.year} by ${s.by}: ${fmt(s.total)} points of source sum needed${s.lever === null ? '' : `; common lever ${fmt(s.lever)} points per source`}; ${s.feasible ? 'feasible' : 'not feasible within 0..100'}.`,
  },
  th: {
    source: 'แหล่งข้อมูล', score: 'คะแนน', gap: 'ช่องว่าง', cap: 'เพดาน', uplift: 'คะแนนที่ต้องเพิ่ม', perYear: 'ต่อปี', newScore: 'คะแนนใหม่', workstream: 'แผนงาน', lever: 'คะแนนที่แผนงานต้องยก', contribution: 'ส่วนที่เพิ่มให้ค่าเฉลี่ย', feasible: 'เป็นไปได้', yes: 'ใช่', no: 'ไม่', via: 'แผนงาน',
    summary: (s: { target: number; year: string; by: string; total: number; score: number; feasible: boolean }) =>
      `ค่าเป้าหมาย ${s.target} จากปี ${s.year} ภายในปี ${s.by}: แหล่งข้อมูลต้องเพิ่มคะแนนรวม ${fmt(s.total)} คะแนน การจัดสรรนี้${s.feasible ? 'ถึง' : 'ไม่ถึง'}ค่าเป้าหมาย (คะแนนใหม่ ${s.score})`,
    leverSummary: (s: { target: number; year: string; by: string; total: number; lever: number | null; feasible: boolean }) =>
      `ค่าเป้าหมาย ${s.target} จากปี ${s.year} ภายในปี ${s.by}: ต้องเพิ่มผลรวมคะแนนแหล่งข้อมูล ${fmt(s.total)} คะแนน${s.lever === null ? '' : ` ทุกแผนงานยกคะแนนแหล่งข้อมูลละ ${fmt(s.lever)} คะแนน`} ${s.feasible ? 'เป็นไปได้' : 'เป็นไปไม่ได้ภายในช่วง 0..100'}`,
  },
} as const;

type SolveFlags = CommonFlags & CountryFlag & { by?: number; strategy: TargetStrategy; bound?: number; levers?: boolean; mode: LeverMode; shared: SharedRule; workstreams?: number[]; saveScenario?: string; notes?: boolean };

function allocationColumns(dataset: Dataset, lang: Locale): Column<SourceAllocation>[] {
  const w = WORDS[lang];
  return [
    { header: w.source, value: (a) => sourceAbbreviation(dataset, a.source) },
    { header: w.score, value: (a) => fmt(a.score), align: 'right' },
    { header: w.gap, value: (a) => fmt(a.gap), align: 'right' },
    { header: w.cap, value: (a) => fmt(a.cap), align: 'right' },
    { header: w.uplift, value: (a) => fmt(a.uplift), align: 'right' },
    { header: w.perYear, value: (a) => fmt(a.perYear), align: 'right' },
    { header: w.newScore, value: (a) => fmt(a.newScore), align: 'right' },
  ];
}

function leverColumns(dataset: Dataset, lang: Locale): Column<WorkstreamLever>[] {
  const w = WORDS[lang];
  return [
    { header: w.workstream, value: (l) => workstreamLabel(dataset, l.workstream, lang) },
    { header: w.lever, value: (l) => fmt(l.lever), align: 'right' },
    { header: w.perYear, value: (l) => fmt(l.perYear), align: 'right' },
    { header: w.contribution, value: (l) => fmt(l.contribution), align: 'right' },
    { header: w.feasible, value: (l) => (l.feasible ? w.yes : w.no) },
  ];
}

function leverSourceColumns(dataset: Dataset, lang: Locale): Column<LeverSourceTotal>[] {
  const w = WORDS[lang];
  return [
    { header: w.source, value: (s) => sourceAbbreviation(dataset, s.source) },
    { header: w.via, value: (s) => s.workstreams.join(', ') },
    { header: w.score, value: (s) => fmt(s.score), align: 'right' },
    { header: w.uplift, value: (s) => fmt(s.uplift), align: 'right' },
    { header: w.newScore, value: (s) => fmt(s.newScore), align: 'right' },
  ];
}

function numberList(value: string): number[] {
  const parts = value.split(',').map((p) => p.trim());
  if (parts.some((p) => !/^\d+$/.test(p))) throw new InvalidArgumentError(`--workstreams must be whole numbers separated by commas, got "${value}"`);
  return parts.map(Number);
}

/** A solution as JSON (all of it), CSV (its main table) or text (`table()`: a summary and the tables). */
function solutionText<R>(format: OutputFormat, solution: unknown, columns: readonly Column<R>[], rows: readonly R[], table: () => string): string {
  if (format === 'json') return JSON.stringify(solution, null, 2);
  return format === 'csv' ? renderRows(columns, rows, 'csv') : table();
}

/** Write the solution's scenario spec as YAML or JSON, by the file's extension (atomically). */
async function saveScenario(io: CliIo, file: string, spec: ScenarioSpec): Promise<void> {
  const ext = extname(file).toLowerCase();
  let text: string;
  if (ext === '.json') text = `${JSON.stringify(spec, null, 2)}\n`;
  else if (ext === '.yaml' || ext === '.yml') text = (await import('yaml')).stringify(spec);
  else return fail(file, ['--save-scenario'], 'expected a .yaml, .yml or .json file', ext === '' ? file : ext, 'unknown_format');
  await writeOutput(io, file, text, '--save-scenario');
}

/** `cpi-gap solve`: what uplift per source, or lever per workstream, reaches the target. */
export function solveCommand(program: Command, io: CliIo): void {
  withCountryFlag(withCommonFlags(program.command('solve')))
    .description("the uplift each source (or, with --levers, each workstream's lever) needs to reach the target score, respecting TI's rounding")
    .addOption(new Option('--by <year>', 'the year the uplift should be delivered by (default: --year + 1)').argParser(year('--by')))
    .addOption(new Option('--strategy <strategy>', 'how to share the uplift between sources').choices(TargetStrategy.options).default(DEFAULT_STRATEGY))
    .addOption(new Option('--bound <points>', 'the most any source may gain (required by --strategy bounded)').argParser(integer('--bound', 0)))
    .option('--levers', 'solve for workstream levers instead of per-source uplifts')
    .addOption(new Option('--mode <mode>', 'with --levers: one common lever (joint) or each workstream alone').choices(LeverMode.options).default(LEVER_DEFAULTS.mode))
    .addOption(new Option('--shared <rule>', 'with --levers: a source fed by several workstreams gains each lever (add) or one (split)').choices(SharedRule.options).default(LEVER_DEFAULTS.shared))
    .addOption(new Option('--workstreams <list>', 'with --levers: the workstreams that pull a lever, e.g. 1,3').argParser(numberList))
    .option('--save-scenario <file>', 'also write the solution as a scenario file (.yaml or .json) for cpi-gap scenario/simulate')
    .option('--notes', 'add a methods-and-caveats paragraph')
    .addHelpText('after', '\nExamples:\n  cpi-gap solve --target 51\n  cpi-gap solve --year 2022 --strategy proportional --lang th\n  cpi-gap solve --strategy bounded --bound 10 --by 2030 --format csv\n  cpi-gap solve --levers --by 2028 --save-scenario levers.yaml\n  cpi-gap solve --levers --mode alone --workstreams 1,2 --format json\n  cpi-gap solve --country PHL --target 40 --strategy proportional')
    .action(async (flags: SolveFlags) => {
      const dataset = await countryDataset('solve', flags.country);
      if (flags.levers === true) requireWorkstreams('solve', dataset, '--levers', 'solving for workstream levers');
      const common = { target: flags.target, ...(flags.year === undefined ? {} : { year: flags.year }), ...(flags.by === undefined ? {} : { by: flags.by }) };
      const by = (y: number) => yearLabel(y, flags.era);
      // What TI's record says of each source's gain: the result's feasibility (the world panel loads here).
      const record = await tiRecord();
      let text: string;
      let spec: ScenarioSpec | null;
      let year: number;
      if (flags.levers === true) {
        const s: WorkstreamSolution = solveWorkstreams(dataset, { ...common, record, mode: flags.mode, shared: flags.shared, ...(flags.workstreams === undefined ? {} : { workstreams: flags.workstreams }) });
        ({ spec, year } = s);
        const columns = leverColumns(dataset, flags.lang);
        text = solutionText(flags.format, s, columns, s.workstreams, () => {
          const summary = WORDS[flags.lang].leverSummary({ target: s.target, year: by(s.year), by: by(s.by), total: s.neededTotal, lever: s.lever, feasible: s.feasible });
          return [summary, '', textTable(columns, s.workstreams), ...(s.mode === 'joint' ? ['', textTable(leverSourceColumns(dataset, flags.lang), s.sources)] : [])].join('\n');
        });
        if (flags.format === 'table') text = withRecord(text, recordText(dataset, s.feasibility, flags.lang));
      } else {
        const s: TargetSolution = solveTarget(dataset, { ...common, record, strategy: flags.strategy, ...(flags.bound === undefined ? {} : { bounds: flags.bound }) });
        ({ spec, year } = s);
        const columns = allocationColumns(dataset, flags.lang);
        text = solutionText(flags.format, s, columns, s.allocation, () => {
          const summary = WORDS[flags.lang].summary({ target: s.target, year: by(s.year), by: by(s.by), total: s.neededTotal, score: s.newScore, feasible: s.feasible });
          return [summary, '', textTable(columns, s.allocation)].join('\n');
        });
        if (flags.format === 'table') text = withRecord(text, recordText(dataset, s.feasibility, flags.lang));
      }
      if (flags.saveScenario !== undefined) {
        if (spec === null) fail('solve', ['--save-scenario'], 'with --mode alone each workstream has its own scenario: use --format json to see them', flags.saveScenario, 'invalid_option');
        await saveScenario(io, flags.saveScenario, spec);
      }
      if (flags.notes === true) text += `\n\n${methodsNote(dataset, { kind: 'solve', years: [year] }, flags.lang)}`;
      await emit(io, text, flags.out);
    });
}
