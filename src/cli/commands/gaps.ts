import { Option, type Command } from 'commander';
import { cpiGap, sourceGaps, workstreamGaps } from '../../analysis/gaps.js';
import { MESSAGES } from '../../i18n/labels.js';
import { sourceGapColumns, workstreamGapColumns } from '../../report/gapReport.js';
import { fmt, renderRows } from '../../util/table.js';
import { emit, withCommonFlags, type CliIo, type CommonFlags } from '../common.js';
import { countryDataset, requireWorkstreams, withCountryFlag, type CountryFlag } from '../country.js';

/** `cpi-gap gaps`: one table of gaps, by source, by workstream, or for the CPI. */
export function gapsCommand(program: Command, io: CliIo): void {
  withCountryFlag(withCommonFlags(program.command('gaps')))
    .description('gaps to the target as one table: by source (default), by workstream, or for the CPI')
    .addOption(new Option('--by <what>', 'what to tabulate').choices(['source', 'workstream', 'cpi']).default('source'))
    .addHelpText('after', '\nExamples:\n  cpi-gap gaps --year 2022\n  cpi-gap gaps --by workstream --lang th\n  cpi-gap gaps --by cpi --target 57 --format json --out cpi-gap.json\n  cpi-gap gaps --country VNM --by cpi')
    .action(async (flags: CommonFlags & CountryFlag & { by: 'source' | 'workstream' | 'cpi' }) => {
      const dataset = await countryDataset('gaps', flags.country);
      if (flags.by === 'workstream') requireWorkstreams('gaps', dataset, '--by', 'gaps by workstream');
      const options = { year: flags.year, target: flags.target };
      const m = MESSAGES[flags.lang];
      let text: string;
      if (flags.by === 'source') text = renderRows(sourceGapColumns(dataset, flags.lang), sourceGaps(dataset, options), flags.format);
      else if (flags.by === 'workstream') text = renderRows(workstreamGapColumns(dataset, flags.lang), workstreamGaps(dataset, options), flags.format);
      else {
        const c = cpiGap(dataset, options);
        text = renderRows(
          [
            { header: m.year, value: (r: typeof c) => String(r.year) },
            { header: m.published, value: (r) => (r.published === null ? '' : String(r.published)), align: 'right' },
            { header: m.mean, value: (r) => fmt(r.mean), align: 'right' },
            { header: m.target, value: (r) => String(r.target), align: 'right' },
            { header: m.neededMean, value: (r) => fmt(r.neededMean), align: 'right' },
            { header: m.totalUplift, value: (r) => fmt(r.totalUplift), align: 'right' },
            { header: m.evenUplift, value: (r) => fmt(r.evenUplift), align: 'right' },
          ],
          [c],
          flags.format,
        );
      }
      await emit(io, text, flags.out);
    });
}
