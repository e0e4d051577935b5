import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { thailand } from '../dataset/thailand.js';
import { CpiGapError } from '../errors.js';
import { LOCALES, type Locale } from '../i18n/labels.js';
import { formatGapReport, gapReport } from '../report/gapReport.js';

/** Where the command line writes. Tests pass their own. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** Exit codes: 0 success, 1 runtime failure, 2 bad usage or invalid input. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

function integer(name: string) {
  return (value: string): number => {
    if (!/^-?\d+$/.test(value.trim())) throw new InvalidArgumentError(`${name} must be a whole number, got "${value}"`);
    return Number(value);
  };
}

interface CommonFlags {
  lang: Locale;
  year?: number;
  target?: number;
  format: 'table' | 'json' | 'csv';
  era: 'ce' | 'be';
}

function common(cmd: Command): Command {
  return cmd
    .addOption(new Option('--lang <lang>', 'language of the output').choices(LOCALES).default('en'))
    .addOption(new Option('--year <year>', 'year to analyse (default: the latest)').argParser(integer('--year')))
    .addOption(new Option('--target <score>', 'target CPI score').argParser(integer('--target')).default(51))
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'csv']).default('table'))
    .addOption(new Option('--era <era>', 'write years in the Common or Buddhist Era').choices(['ce', 'be']).default('ce'));
}

/** Build the `cpi-gap` program. */
export function buildProgram(io: CliIo): Command {
  const program = new Command('cpi-gap')
    .description('CPI gap analysis for Thailand (and any country in TI\'s files), in Thai and English.')
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      // One line per usage error, with a pointer to the help.
      outputError: (text, write) => {
        write(`cpi-gap: ${text.replace(/^error: /, '').trim().replace(/\s*\n\s*/g, ' ')} (see cpi-gap --help)\n`);
      },
    })
    .exitOverride();

  common(program.command('report'))
    .description("gap report: each source, each workstream and the CPI against the target (default: the latest year, 51)")
    .addHelpText('after', '\nExamples:\n  cpi-gap report\n  cpi-gap report --lang th --era be\n  cpi-gap report --year 2022 --target 57 --format csv')
    .action((flags: CommonFlags) => {
      const report = gapReport(thailand, { year: flags.year, target: flags.target });
      io.stdout(`${formatGapReport(thailand, report, { locale: flags.lang, format: flags.format, era: flags.era })}\n`);
    });
  return program;
}

/**
 * Run the command line with `argv` (without `node` and the script). Returns the exit code; never
 * throws for a user's mistake: those become one line on stderr and exit code 2.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    if (error instanceof CpiGapError) {
      io.stderr(`cpi-gap: ${error.message}\n`);
      return EXIT.usage;
    }
    io.stderr(`cpi-gap: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.failure;
  }
}
