import type { Command } from 'commander';
import { composeScenarios } from '../../analysis/composeScenarios.js';
import { scenario, type ScenarioPath, type ScenarioYear } from '../../analysis/scenario.js';
import type { ScenarioSpec } from '../../analysis/scenarioSpec.js';
import { fail } from '../../errors.js';
import { sourceAbbreviation, yearLabel, type Era, type Locale } from '../../i18n/labels.js';
import { fmt, renderRows, textTable, type Column } from '../../util/table.js';
import type { Dataset } from '../../dataset/createDataset.js';
import { emit, inFile, withCommonFlags, type CliIo, type CommonFlags } from '../common.js';
import { countryDataset, withCountryFlag, type CountryFlag } from '../country.js';
import { methodsNote } from '../notes.js';
import { recordText, tiRecord, withRecord } from '../record.js';
import { readScenarioFile } from '../scenarioFile.js';

/** The words of this command's tables and notes, in English and Thai (listed in docs/i18n/th-glossary.md). */
export const WORDS = {
  en: { year: 'Year', n: 'Sources', mean: 'Mean (unrounded)', score: 'CPI score', change: 'Change', lower: '90% CI lower', upper: '90% CI upper', source: 'Source', title: (name: string) => `Scenario: ${name}`, unnamed: '(unnamed)', clipped: (n: number) => `${n} planned value(s) left 0..100 and were clipped.` },
  th: { year: 'ปี', n: 'จำนวนแหล่งข้อมูล', mean: 'ค่าเฉลี่ย (ไม่ปัดเศษ)', score: 'คะแนน CPI', change: 'เปลี่ยนแปลง', lower: 'ขอบล่าง 90%', upper: 'ขอบบน 90%', source: 'แหล่งข้อมูล', title: (name: string) => `สถานการณ์: ${name}`, unnamed: '(ไม่มีชื่อ)', clipped: (n: number) => `ค่าตามแผน ${n} ค่าอยู่นอกช่วง 0..100 และถูกตัดให้อยู่ในช่วง` },
} as const;

function yearColumns(lang: Locale, era: Era, signed = true): Column<ScenarioYear>[] {
  const w = WORDS[lang];
  return [
    { header: w.year, value: (y) => yearLabel(y.year, era) },
    { header: w.n, value: (y) => String(y.n), align: 'right' },
    { header: w.mean, value: (y) => fmt(y.mean), align: 'right' },
    { header: w.score, value: (y) => String(y.score), align: 'right' },
    { header: w.change, value: (y) => (signed && y.change > 0 ? `+${y.change}` : String(y.change)), align: 'right' },
    { header: w.lower, value: (y) => fmt(y.lower), align: 'right' },
    { header: w.upper, value: (y) => fmt(y.upper), align: 'right' },
  ];
}

function pathColumns(dataset: Dataset, lang: Locale, era: Era, years: readonly number[]): Column<ScenarioPath>[] {
  // The path's value in a year: scenario() gives every path one point per year of the result.
  const valueIn = (p: ScenarioPath, year: number): string => p.points.filter((pt) => pt.year === year).map((pt) => fmt(pt.value)).join('');
  return [
    { header: WORDS[lang].source, value: (p) => sourceAbbreviation(dataset, p.source) },
    ...years.map((year): Column<ScenarioPath> => ({ header: yearLabel(year, era), value: (p) => valueIn(p, year), align: 'right' })),
  ];
}

/** `cpi-gap scenario <files...>`: run one scenario file, or several composed in order. */
export function scenarioCommand(program: Command, io: CliIo): void {
  withCountryFlag(withCommonFlags(program.command('scenario')))
    .argument('<files...>', 'scenario files (.yaml, .yml or .json); several are composed in the order given')
    .description("run a scenario file: each year's CPI score, change and 90% interval by TI's method, and each source's path")
    .option('--notes', 'add a methods-and-caveats paragraph')
    .addHelpText(
      'after',
      [
        '',
        'A scenario file (YAML or JSON; see docs/cli.md):',
        '  name: WS1 +3 a year',
        '  baseYear: 2025',
        '  until: 2028',
        '  changes:',
        '    - { kind: lever-gain, workstream: 1, from: 2026, gain: 3 }',
        "    - { kind: set, source: VDEM, year: 2028, value: 'baseline + 1.5 * t' }",
        'Kinds: set (value), delta, gain (from/to), lever (workstream, uplift), lever-gain.',
        'A value may be an expression in baseline, t, year, baseYear, cpi, target.',
        '',
        'Examples:',
        '  cpi-gap scenario levers.yaml   (written by: cpi-gap solve --levers --by 2028 --save-scenario levers.yaml)',
        '  cpi-gap scenario levers.yaml my-scenario.yaml --lang th --era be',
        '  cpi-gap scenario levers.yaml --format csv --notes',
        '  cpi-gap scenario my-indonesia.yaml --country IDN   (another country: no workstreams, so no lever changes)',
      ].join('\n'),
    )
    .action(async (files: string[], flags: CommonFlags & CountryFlag & { notes?: boolean }) => {
      const dataset = await countryDataset('scenario', flags.country);
      const specs: ScenarioSpec[] = [];
      for (const file of files) {
        const s = await readScenarioFile(file, dataset, flags.target, io.signal);
        // Files composed must share a base year: name the first that does not.
        const baseYear = specs.find((o) => o.baseYear !== undefined)?.baseYear ?? s.baseYear;
        if (s.baseYear !== undefined && s.baseYear !== baseYear) fail(file, ['baseYear'], `expected the same base year as the other files (${String(baseYear)})`, s.baseYear, 'inconsistent');
        specs.push(s);
      }
      const spec = specs.length === 1 && specs[0] !== undefined ? specs[0] : composeScenarios(...specs);
      // Each source's planned gain against TI's record (the world panel loads here), printed as `cpi-gap solve` prints it.
      const record = await tiRecord();
      let result;
      try {
        result = scenario(dataset, spec, { record });
      } catch (error) {
        throw inFile(files.join(' + '), error, ['spec']);
      }
      const w = WORDS[flags.lang];
      let text: string;
      if (flags.format === 'json') text = JSON.stringify({ spec, ...result }, null, 2);
      else if (flags.format === 'csv') text = renderRows(yearColumns(flags.lang, flags.era, false), result.years, 'csv');
      else {
        text = [
          w.title(result.name ?? w.unnamed),
          '',
          textTable(yearColumns(flags.lang, flags.era), result.years),
          '',
          textTable(pathColumns(dataset, flags.lang, flags.era, result.years.map((y) => y.year)), result.paths),
          result.clipped.length > 0 ? `\n${w.clipped(result.clipped.length)}` : '',
        ].join('\n').trimEnd();
        text = withRecord(text, recordText(dataset, result.feasibility, flags.lang));
      }
      if (flags.notes === true) text += `\n\n${methodsNote(dataset, { kind: 'scenario', years: [result.baseYear] }, flags.lang)}`;
      await emit(io, text, flags.out);
    });
}
