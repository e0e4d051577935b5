import { Command, CommanderError } from 'commander';
import { version } from '../../package.json';
import { CpiGapError, printable } from '../errors.js';
import { CliInterrupted, EXIT, type CliIo } from './common.js';

export type { CliIo } from './common.js';

type Register = (program: Command, io: CliIo) => void;

/**
 * The subcommands, in the help's order, each loaded by `import()` only when it runs (or for the
 * help, which lists them all): `cpi-gap report` loads neither the charts, the plan, the simulation nor
 * the world panel, which keeps its start fast.
 */
const COMMANDS: Readonly<Record<string, () => Promise<Register>>> = {
  report: async () => (await import('./commands/report.js')).reportCommand,
  gaps: async () => (await import('./commands/gaps.js')).gapsCommand,
  trend: async () => (await import('./commands/trend.js')).trendCommand,
  scenario: async () => (await import('./commands/scenario.js')).scenarioCommand,
  solve: async () => (await import('./commands/solve.js')).solveCommand,
  simulate: async () => (await import('./commands/simulate.js')).simulateCommand,
  chart: async () => (await import('./commands/chart.js')).chartCommand,
  plan: async () => (await import('./commands/plan.js')).planCommand,
  ti: async () => (await import('./commands/ti.js')).tiCommand,
  countries: async () => (await import('./commands/countries.js')).countriesCommand,
  peers: async () => (await import('./commands/peers.js')).peersCommand,
};

/** The commands `argv` needs: the one it names first (before any option), or all of them (help, a mistyped name). */
function commandsFor(argv: readonly string[]): string[] {
  const first = argv.find((a) => !a.startsWith('-'));
  return first !== undefined && Object.hasOwn(COMMANDS, first) && argv[0] === first ? [first] : Object.keys(COMMANDS);
}

/** Build the `cpi-gap` program with the subcommands `argv` needs. */
export async function buildProgram(io: CliIo, argv: readonly string[]): Promise<Command> {
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
  const names = commandsFor(argv);
  const registers = await Promise.all(names.map((name) => (COMMANDS[name] as () => Promise<Register>)()));
  for (const register of registers) register(program, io);
  return program;
}

/**
 * Run the command line with `argv` (without `node` and the script). Returns the exit code; never
 * throws for a user's mistake: those become one line on stderr and exit code 2.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const program = await buildProgram(io, argv);
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
