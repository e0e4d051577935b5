import { extname } from 'node:path';
import { describeBacktest } from '../../simulation/defaults.js';
import { Argument, Option, type Command } from 'commander';
import { CHART_DEFAULTS, CHART_SET_IDS } from '../../charts/options.js';
import { DIGITS, type Digits } from '../../i18n/labels.js';
import { latestYear } from '../../dataset/access.js';
import { fail } from '../../errors.js';
import type { TopLevelSpec } from 'vega-lite';
import type { Dataset } from '../../dataset/createDataset.js';
import type { Provenance } from '../../dataset/schema.js';
import type { PeerGroup } from '../../world/records.js';
import { checkInterrupted, decimal, emit, integer, withCommonFlags, writeOutput, type CliIo, type CommonFlags } from '../common.js';
import { countryDataset, requireWorkstreams, withCountryFlag } from '../country.js';
import { readTiFile } from '../tiFile.js';
import { groupOption } from './peers.js';
import { runSimulation, withSimulationFlags, type SimulateFlags } from './simulate.js';

/** The charts `cpi-gap chart` draws: those of `chartSet`, the Monte Carlo fan and the peer comparison. */
export const CHART_KINDS = [...CHART_SET_IDS, 'fan', 'peers'] as const;
type ChartKindArg = (typeof CHART_KINDS)[number];

const OUTPUTS = ['.json', '.svg', '.png'] as const;

type ChartFlags = Omit<CommonFlags, 'format'> & SimulateFlags & { digits?: Digits; width?: number; height?: number; scale?: number; ti?: string; sheet?: string; embedFonts?: boolean; font?: string; fontFile?: string[]; group: PeerGroup };

/** The output kind chosen by the file's extension; anything else is a usage error (exit 2). */
function outputKind(out: string | undefined): (typeof OUTPUTS)[number] {
  if (out === undefined) return '.json';
  const ext = extname(out).toLowerCase();
  const known = OUTPUTS.find((o) => o === ext);
  if (known === undefined) fail('chart', ['--out'], `expected a file ending in ${OUTPUTS.join(', ')} (the extension chooses the output)`, out, 'unknown_format');
  return known;
}

/**
 * Every country's score of the year for rank-position: from TI's file with --ti, else from the
 * bundled world panel (loaded only then).
 */
async function rankDistribution(io: CliIo, dataset: Dataset, flags: ChartFlags): Promise<{ scores: number[]; origin: Provenance }> {
  const year = flags.year ?? latestYear(dataset);
  if (flags.ti === undefined) {
    const { edition } = await import('../../world/edition.js');
    const e = edition(year);
    return { scores: [...e.scores], origin: e.origin };
  }
  const { rows } = await readTiFile(flags.ti, flags.sheet, io.signal);
  const inYear = rows.filter((r) => r.year === year);
  const first = inYear[0];
  if (first === undefined) return fail(flags.ti, ['year'], `no country has a score for ${String(year)} in the file`, year, 'unknown_year');
  return { scores: inYear.map((r) => r.score), origin: first.origin };
}

/** The spec of one kind of chart for the dataset and the flags. */
async function kindSpec(io: CliIo, kind: ChartKindArg, dataset: Dataset, flags: ChartFlags): Promise<TopLevelSpec> {
  const charts = await import('../../charts/index.js');
  const look = { locale: flags.lang, era: flags.era, ...(flags.digits === undefined ? {} : { digits: flags.digits }), ...(flags.width === undefined ? {} : { width: flags.width }), ...(flags.height === undefined ? {} : { height: flags.height }), ...(flags.font === undefined ? {} : { font: flags.font }) };
  if (kind === 'fan') {
    const r = await runSimulation(io, dataset, flags);
    return charts.monteCarloFanSpec(r.years, { ...charts.chartContext(dataset, { year: r.baseYear }), ...look, target: r.target, forecast: { model: r.model, baseYear: r.baseYear, calibration: describeBacktest(r.model, 1, flags.lang, flags.era) } });
  }
  if (kind === 'peers') {
    const { peerComparison } = await import('../../world/peerComparison.js');
    // As `cpi-gap peers`: every member's values, the country's too, from the world panel.
    return charts.peerComparisonSpec(peerComparison(dataset.country.iso3, { group: flags.group, ...(flags.year === undefined ? {} : { year: flags.year }) }), look);
  }
  if (kind === 'workstream-matrix') requireWorkstreams('chart', dataset, 'kind', 'the workstream-matrix chart');
  const distribution = kind === 'rank-position' ? await rankDistribution(io, dataset, flags) : undefined;
  return charts.chartSpec(dataset, kind, { ...look, target: flags.target, ...(flags.year === undefined ? {} : { year: flags.year }), ...(distribution === undefined ? {} : { distribution }) });
}

/** `cpi-gap chart <kind>`: a chart as a Vega-Lite spec (.json), SVG or PNG, by --out's extension. */
export function chartCommand(program: Command, io: CliIo): void {
  withCountryFlag(withSimulationFlags(withCommonFlags(program.command('chart'), { format: false })))
    .addArgument(new Argument('<kind>', 'the chart').choices(CHART_KINDS))
    .description('draw a chart: the Vega-Lite spec (.json), an SVG or a PNG, chosen by the extension of --out (default: the spec on stdout)')
    .addOption(new Option('--digits <digits>', `the digits of the chart's figures: arabic (0-9) or thai (๐-๙) (default: ${CHART_DEFAULTS.digits})`).choices(DIGITS))
    .addOption(new Option('--width <px>', 'width of the plotting area').argParser(integer('--width', 80)))
    .addOption(new Option('--height <px>', 'height of the plotting area').argParser(integer('--height', 60)))
    .addOption(new Option('--scale <factor>', 'PNG zoom factor').argParser(decimal('--scale', 0.1, 10)))
    .option('--ti <file>', "rank-position: TI's result file (CSV or XLSX) with every country's score of --year (default: the bundled world panel)")
    .addOption(groupOption('peers'))
    .option('--sheet <name>', 'with --ti and an .xlsx file: the sheet to read')
    .option('--embed-fonts', 'with an .svg: embed the fonts that draw the text (Sarabun), so the SVG shows the same on any machine')
    .option('--font <list>', 'CSS font list for every text (default: Sarabun, which cpi-gap ships, then Thai system fonts)')
    .option('--font-file <file>', 'a TTF/OTF file of a font --font names (repeat for more); a font without glyphs for the text is reported on stderr', (file: string, files: string[] | undefined) => [...(files ?? []), file])
    .addHelpText(
      'after',
      `\nKinds: ${CHART_KINDS.join(', ')}. fan runs a simulation and takes the simulate flags (--paths, --horizon, --seed, --model, --scenario...); peers takes --group.\n\nExamples:\n  cpi-gap chart gap-bars --out gaps.svg\n  cpi-gap chart source-trends --lang th --out trends.png\n  cpi-gap chart gap-bars --lang th --digits thai --out gaps.png\n  cpi-gap chart gap-bars --lang th --embed-fonts --out gaps.th.svg\n  cpi-gap chart workstream-matrix --year 2022 --out matrix.json\n  cpi-gap chart rank-position --year 2025 --out rank.svg\n  cpi-gap chart rank-position --year 2025 --ti CPI2025_Results.csv --out rank.svg\n  cpi-gap chart peers --group asean --lang th --out peers.png\n  cpi-gap chart source-trends --country IDN --out idn.svg\n  cpi-gap chart fan --paths 20000 --horizon 5 --out fan.svg`,
    )
    .action(async (kind: ChartKindArg, flags: ChartFlags) => {
      const output = outputKind(flags.out);
      const dataset = await countryDataset('chart', flags.country);
      const spec = await kindSpec(io, kind, dataset, flags);
      let body: string | Uint8Array;
      if (output === '.json') body = `${JSON.stringify(spec, null, 2)}\n`;
      else {
        // Drawing takes seconds: a Ctrl-C pressed while the spec was built stops here.
        await checkInterrupted(io);
        const render = await import('../../render/index.js');
        const onWarning = (message: string) => {
          io.stderr(`cpi-gap chart: warning: ${message}\n`);
        };
        const fontFiles = flags.fontFile ?? [];
        body =
          output === '.svg'
            ? await render.toSvg(spec, { onWarning, fontFiles, embedFonts: flags.embedFonts === true })
            : await render.toPng(spec, { onWarning, fontFiles, ...(flags.scale === undefined ? {} : { scale: flags.scale }) });
      }
      if (flags.out === undefined) await emit(io, body as string, undefined);
      else await writeOutput(io, flags.out, body, '--out');
    });
}
