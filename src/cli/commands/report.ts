import type { Command } from 'commander';
import { formatGapReport, gapReport } from '../../report/gapReport.js';
import { cliDataset, emit, withCommonFlags, type CliIo, type CommonFlags } from '../common.js';

/** `cpi-gap report`: the main job, the gap report of a year. */
export function reportCommand(program: Command, io: CliIo): void {
  withCommonFlags(program.command('report'))
    .description('gap report: each source, each workstream and the CPI against the target (default: the latest year, 51)')
    .addHelpText('after', '\nExamples:\n  cpi-gap report\n  cpi-gap report --lang th --era be\n  cpi-gap report --year 2022 --target 57 --format csv')
    .action((flags: CommonFlags) => {
      const dataset = cliDataset();
      const report = gapReport(dataset, { year: flags.year, target: flags.target });
      emit(io, formatGapReport(dataset, report, { locale: flags.lang, format: flags.format, era: flags.era }), flags.out);
    });
}
