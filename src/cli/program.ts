import { Command, CommanderError } from 'commander';
import { version } from '../../package.json';
import { CpiGapError, printable } from '../errors.js';
import { gapsCommand } from './commands/gaps.js';
import { peersCommand } from './commands/peers.js';
import { planCommand } from './commands/plan.js';
import { chartCommand } from './commands/chart.js';
import { countriesCommand } from './commands/countries.js';
import { reportCommand } from './commands/report.js';
import { scenarioCommand } from './commands/scenario.js';
import { simulateCommand } from './commands/simulate.js';
import { solveCommand } from './commands/solve.js';
import { tiCommand } from './commands/ti.js';
import { trendCommand } from './commands/trend.js';
import { CliInterrupted, EXIT, type CliIo } from './common.js';

export type { CliIo } from './common.js';

/** Build the `cpi-gap` program. */
export function buildProgram(io: CliIo): Command {
  const program = new Command('cpi-gap')
    .description("CPI gap analysis for Thailand (and, with --country, any country in TI's CPI 2012-2025), in Thai and English.")
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      // One line per usage error, with a pointer to the help.
      outputError: (text, write) => {
        write(`cpi-gap: ${text.replace(/^error: /, '').trim().replace(/\s*\n\s*/g, ' ')} (see cpi-gap --help)\n`);
      },
    })
    .exitOverride()
    .version(version, '-V, --version', "print cpi-gap's version")
    .addHelpText('after', [
      '',
      'Exit codes: 0 success, 1 runtime failure, 2 bad usage or invalid input, 130 stopped by Ctrl-C.',
      '',
      'Examples:',
      '  cpi-gap report --lang th',
      '  cpi-gap gaps --by workstream --year 2022',
      '  cpi-gap trend cpi --until 2030',
      '  cpi-gap scenario my-scenario.yaml --notes',
      '  cpi-gap solve --levers --by 2028',
      '  cpi-gap simulate --paths 200000 --horizon 5',
      '  cpi-gap chart gap-bars --lang th --out gaps.svg',
      '  cpi-gap ti CPI2025_Results.csv --country MYS',
      '  cpi-gap report --country IDN',
      '  cpi-gap peers --country THA --group asean',
      '  cpi-gap countries --region AP',
      '  cpi-gap report --help',
      '  cpi-gap --version',
    ].join('\n'));
  reportCommand(program, io);
  gapsCommand(program, io);
  trendCommand(program, io);
  scenarioCommand(program, io);
  solveCommand(program, io);
  simulateCommand(program, io);
  chartCommand(program, io);
  planCommand(program, io);
  tiCommand(program, io);
  countriesCommand(program, io);
  peersCommand(program, io);
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
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
      // No subcommand: commander prints the help on stderr as a usage error.
      return error.code === 'commander.help' && error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof CliInterrupted || (error instanceof CpiGapError && error.issues[0]?.code === 'aborted')) {
      // Ctrl-C stopped a read or a write: whatever was being written was not.
      io.stderr(`cpi-gap: ${error instanceof CliInterrupted ? error.message : 'interrupted (Ctrl-C): nothing was written'}\n`);
      return EXIT.interrupted;
    }
    if (error instanceof CpiGapError) {
      io.stderr(`cpi-gap: ${error.message}\n`);
      // A write that failed for want of room (a full disk, a size limit) is a failure of the run, not of the input.
      return error.issues[0]?.code === 'write_failed' ? EXIT.failure : EXIT.usage;
    }
    io.stderr(`cpi-gap: ${printable(error instanceof Error ? error.message : String(error), true)}\n`);
    return EXIT.failure;
  }
}
