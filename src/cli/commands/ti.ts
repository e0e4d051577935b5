import type { Command } from 'commander';
import { datasetFromTi } from '../../ti/datasetFromTi.js';
import { tiConformance } from '../../ti/tiConformance.js';
import { formatGapReport, gapReport } from '../../report/gapReport.js';
import { emit, inFile, withCommonFlags, type CliIo, type CommonFlags } from '../common.js';
import { CONFORMANCE_LEGEND, conformanceTable, readTiFile, tiReadSummary } from '../tiFile.js';

/** `cpi-gap ti <file>`: check a TI result file against TI's method, or report one country's gaps. */
export function tiCommand(program: Command, io: CliIo): void {
  withCommonFlags(program.command('ti'))
    .argument('<file>', "TI's CPI result file (.csv or .xlsx)")
    .description("read a TI CPI result file: the agreement of cpi-gap's recomputed scores, SEs, intervals and ranks with TI's, per edition; with --country, that country's gap report")
    .option('--country <iso3>', "a country's ISO 3166-1 alpha-3 code (e.g. MYS): its gap report from the file")
    .option('--sheet <name>', 'for an .xlsx file: the sheet to read (default: the first with a TI header row)')
    .addHelpText('after', '\nExamples:\n  cpi-gap ti CPI2025_Results.csv\n  cpi-gap ti cpi_historical_2012_2025.csv --format csv\n  cpi-gap ti CPI2025_Results.xlsx --country MYS --lang th\n  cpi-gap ti CPI2022_Results.xlsx --sheet "CPI 2022 (final)" --country THA --target 57')
    .action(async (file: string, flags: CommonFlags & { country?: string; sheet?: string }) => {
      const results = await readTiFile(file, flags.sheet, io.signal);
      if (flags.country !== undefined) {
        let dataset;
        try {
          dataset = datasetFromTi(results.rows, flags.country).dataset;
        } catch (error) {
          throw inFile(file, error, []);
        }
        const report = gapReport(dataset, { ...(flags.year === undefined ? {} : { year: flags.year }), target: flags.target });
        await emit(io, formatGapReport(dataset, report, { locale: flags.lang, format: flags.format, era: flags.era }), flags.out);
        return;
      }
      const editions = tiConformance(results.rows);
      const table = conformanceTable(editions, flags.format);
      await emit(io, flags.format === 'table' ? [...tiReadSummary(file, results), CONFORMANCE_LEGEND, table].join('\n') : table, flags.out);
    });
}
