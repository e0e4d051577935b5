import { Option, type Command } from 'commander';
import { CpiGapError } from '../../errors.js';
import { yearLabel, type Era, type Locale } from '../../i18n/labels.js';
import { fmt, renderRows, type Column } from '../../util/table.js';
import { DEFAULT_HORIZON, DEFAULT_MODEL, DEFAULT_PATHS, DEFAULT_SEED, describeBacktest, SimulationModel } from '../../simulation/defaults.js';
import type { SimulationResult, SimulationYear } from '../../simulation/index.js';
import type { Dataset } from '../../dataset/createDataset.js';
import { CliInterrupted, decimal, emit, integer, renamed, withCommonFlags, type CliIo, type CommonFlags } from '../common.js';
import { countryDataset, withCountryFlag, type CountryFlag } from '../country.js';
import { methodsNote } from '../notes.js';
import { readScenarioFile } from '../scenarioFile.js';

/** Options of `cpi-gap simulate` (shared with `cpi-gap chart fan`). */
export interface SimulateFlags extends CommonFlags, CountryFlag {
  paths: number;
  horizon: number;
  seed: number;
  model: SimulationModel;
  extraDrift?: number;
  scenario?: string;
  threads?: number;
  notes?: boolean;
}

/** The words of this command's tables and notes, in English and Thai (listed in docs/i18n/th-glossary.md). */
export const WORDS = {
  en: { caption: (model: string, base: string, calibration: string) => `Model ${model}, base year ${base}; ${calibration}.`, year: 'Year', mean: 'Mean', sd: 'SD', p: (t: number) => `P(score >= ${t})`, se: 'MC SE', interrupted: (done: number, total: number) => `interrupted (Ctrl-C): the simulation stopped after ${done} of ${total} paths; nothing was written` },
  th: { caption: (model: string, base: string, calibration: string) => `แบบจำลอง ${model} ปีฐาน ${base}; ${calibration}`, year: 'ปี', mean: 'ค่าเฉลี่ย', sd: 'SD', p: (t: number) => `P(คะแนน >= ${t})`, se: 'SE (MC)', interrupted: (done: number, total: number) => `หยุดตามคำสั่ง (Ctrl-C): การจำลองหยุดหลัง ${done} จาก ${total} เส้นทาง ไม่มีการเขียนผลลัพธ์` },
} as const;

function yearColumns(lang: Locale, era: Era, target: number): Column<SimulationYear>[] {
  const w = WORDS[lang];
  return [
    { header: w.year, value: (y) => yearLabel(y.year, era) },
    { header: w.mean, value: (y) => fmt(y.mean), align: 'right' },
    { header: w.sd, value: (y) => fmt(y.sd), align: 'right' },
    { header: '5%', value: (y) => String(y.quantiles.q05), align: 'right' },
    { header: '25%', value: (y) => String(y.quantiles.q25), align: 'right' },
    { header: '50%', value: (y) => String(y.quantiles.q50), align: 'right' },
    { header: '75%', value: (y) => String(y.quantiles.q75), align: 'right' },
    { header: '95%', value: (y) => String(y.quantiles.q95), align: 'right' },
    { header: w.p(target), value: (y) => fmt(y.pTarget, 4), align: 'right' },
    { header: w.se, value: (y) => fmt(y.pTargetSe, 4), align: 'right' },
  ];
}

/** Add the simulation flags (paths, horizon, seed, model, drift, scenario, threads) to a command. */
export function withSimulationFlags(cmd: Command): Command {
  return cmd
    .addOption(new Option('--paths <n>', 'number of simulated paths').argParser(integer('--paths', 1)).default(DEFAULT_PATHS))
    .addOption(new Option('--horizon <years>', 'years simulated after the base year').argParser(integer('--horizon', 1)).default(DEFAULT_HORIZON))
    .addOption(new Option('--seed <n>', 'random seed (the same seed gives the same result)').argParser(integer('--seed', 0)).default(DEFAULT_SEED))
    .addOption(new Option('--model <model>', 'how each year moves').choices(SimulationModel.options).default(DEFAULT_MODEL))
    .addOption(new Option('--extra-drift <points>', "points added to every source's yearly mean change").argParser(decimal('--extra-drift', -100, 100)))
    .addOption(new Option('--scenario <file>', "a scenario file whose planned uplifts are added to every path (its base year is the simulation's)"))
    .addOption(new Option('--threads <n>', 'threads to use (never changes the result)').argParser(integer('--threads', 1)));
}

/** A progress bar on stderr, drawn only on a terminal, redrawn when the whole percent changes. */
function progressBar(io: CliIo): { update: (done: number, total: number) => void; clear: () => void; last: () => number } {
  let shown = -1;
  let done = 0;
  return {
    update: (d, total) => {
      done = d;
      if (io.isTTY !== true) return;
      const pct = Math.floor((100 * d) / total);
      if (pct === shown) return;
      shown = pct;
      const width = 30;
      const full = Math.round((width * d) / total);
      io.stderr(`\r[${'#'.repeat(full)}${'-'.repeat(width - full)}] ${String(pct).padStart(3)}% ${d}/${total} paths`);
    },
    clear: () => {
      if (io.isTTY === true && shown >= 0) io.stderr('\r\x1b[2K');
    },
    last: () => done,
  };
}

/** Run a simulation of `dataset` with the flags; Ctrl-C (io.signal) becomes {@link CliInterrupted}. */
export async function runSimulation(io: CliIo, dataset: Dataset, flags: SimulateFlags): Promise<SimulationResult> {
  const scenario = flags.scenario === undefined ? undefined : await readScenarioFile(flags.scenario, dataset, flags.target, io.signal);
  const { simulate } = await import('../../simulation/index.js');
  const bar = progressBar(io);
  try {
    return await simulate(dataset, {
      paths: flags.paths,
      horizon: flags.horizon,
      seed: flags.seed,
      model: flags.model,
      target: flags.target,
      ...(flags.year === undefined ? {} : { baseYear: flags.year }),
      ...(flags.extraDrift === undefined ? {} : { extraDrift: flags.extraDrift }),
      ...(scenario === undefined ? {} : { scenario }),
      ...(flags.threads === undefined ? {} : { threads: flags.threads }),
      onProgress: ({ done, total }) => {
        bar.update(done, total);
      },
      ...(io.signal === undefined ? {} : { signal: io.signal }),
    });
  } catch (error) {
    if (error instanceof CpiGapError && error.issues[0]?.code === 'aborted') throw new CliInterrupted(WORDS[flags.lang].interrupted(bar.last(), flags.paths), { cause: error });
    if (error instanceof CpiGapError && flags.scenario !== undefined && error.issues.every((i) => i.path[0] === 'options' && i.path[1] === 'scenario')) {
      throw renamed(error, flags.scenario, (p) => p.slice(2));
    }
    throw error;
  } finally {
    bar.clear();
  }
}

/** `cpi-gap simulate`: Monte Carlo projections of the CPI score. */
export function simulateCommand(program: Command, io: CliIo): void {
  withCountryFlag(withSimulationFlags(withCommonFlags(program.command('simulate'))))
    .description('Monte Carlo projection of the CPI score: per year the quantiles of the simulated score and P(score >= target); --year sets the base year')
    .option('--notes', 'add a methods-and-caveats paragraph (data editions, model, seed)')
    .addHelpText(
      'after',
      '\nA progress bar is drawn on stderr when it is a terminal (none when piped). Ctrl-C stops the run cleanly: one line on stderr, exit code 130.\n\nExamples:\n  cpi-gap simulate\n  cpi-gap simulate --paths 1000000 --horizon 5 --seed 7 --lang th\n  cpi-gap simulate --model bootstrap --extra-drift 1.5 --format csv --out sim.csv\n  cpi-gap simulate --scenario my-scenario.yaml --year 2025 --notes\n  cpi-gap simulate --country KOR --horizon 5 --target 70',
    )
    .action(async (flags: SimulateFlags) => {
      const dataset = await countryDataset('simulate', flags.country);
      const r = await runSimulation(io, dataset, flags);
      let text = flags.format === 'json' ? JSON.stringify(r, null, 2) : renderRows(yearColumns(flags.lang, flags.era, r.target), r.years, flags.format);
      const calibration = describeBacktest(r.model, 1, flags.lang, flags.era);
      // A table says, below it, which model, from which base year, and how it fared in the backtest.
      if (flags.format === 'table') text = `${text}\n${WORDS[flags.lang].caption(r.model, yearLabel(r.baseYear, flags.era), calibration)}`;
      if (flags.notes === true) {
        const years = dataset.years.filter((y) => y >= r.parameters.window.from && y <= Math.max(r.parameters.window.to, r.baseYear));
        const simulation = { model: r.model, seed: r.seed, paths: r.paths, from: r.parameters.window.from, to: r.parameters.window.to, generator: r.generator, baseYear: r.baseYear, calibration };
        text += `\n\n${methodsNote(dataset, { kind: 'simulate', years, simulation }, flags.lang)}`;
      }
      await emit(io, text, flags.out);
    });
}
