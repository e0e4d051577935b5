import type { Command } from 'commander';
import { formatGapReport, gapReport } from '../../report/gapReport.js';
import { emit, withCommonFlags, type CliIo, type CommonFlags } from '../common.js';
import { countryDataset, withCountryFlag, type CountryFlag } from '../country.js';
import { methodsNote } from '../notes.js';

/** `cpi-gap report`: the main job, the gap report of a year. */
export function reportCommand(program: Command, io: CliIo): void {
  withCountryFlag(withCommonFlags(program.command('report')))
    .description('gap report: each source, each workstream and the CPI against the target (default: the latest year, 51)')
    .option('--notes', 'add a methods-and-caveats paragraph')
    .addHelpText('after', '\nExamples:\n  cpi-gap report\n  cpi-gap report --lang th --era be\n  cpi-gap report --year 2022 --target 57 --format csv\n  cpi-gap report --notes\n  cpi-gap report --country IDN\n  cpi-gap report --country Malaysia --year 2024 --lang th')
    .action(async (flags: CommonFlags & CountryFlag) => {
      const dataset = await countryDataset('report', flags.country);
      const report = gapReport(dataset, { year: flags.year, target: flags.target });
      let text = formatGapReport(dataset, report, { locale: flags.lang, format: flags.format, era: flags.era });
      if (flags.notes === true) text += `\n\n${methodsNote(dataset, { kind: 'report', years: [report.year] }, flags.lang)}`;
      await emit(io, text, flags.out);
    });
}
