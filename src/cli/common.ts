import { InvalidArgumentError, Option, type Command } from 'commander';
import type { Dataset } from '../dataset/createDataset.js';
import { thailand } from '../dataset/thailand.js';
import { CpiGapError, printable, type CpiGapIssue } from '../errors.js';
import { DEFAULT_TARGET } from '../analysis/gaps.js';
import { BUDDHIST_ERA_FROM } from '../dataset/eraHint.js';
import { BUDDHIST_ERA_OFFSET } from '../i18n/buddhistEra.js';
import { DEFAULT_LOCALE, defaultEra, ERAS, LOCALES, type Era, type Locale } from '../i18n/labels.js';
import { readBounded, writeAtomic, type FileRules } from '../util/files.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../util/table.js';

/** Where the command line writes. Tests pass their own. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stderr is an interactive terminal (progress bars only then). */
  readonly isTTY?: boolean;
  /** Aborted on Ctrl-C. */
  readonly signal?: AbortSignal;
}

/** Exit codes: 0 success, 1 runtime failure, 2 bad usage or invalid input, 130 stopped by Ctrl-C (128 + SIGINT). */
export const EXIT = { ok: 0, failure: 1, usage: 2, interrupted: 130 } as const;


/** Flags shared by the subcommands. */
export interface CommonFlags {
  lang: Locale;
  year?: number;
  target: number;
  format: OutputFormat;
  era: Era;
  out?: string;
  notes?: boolean;
}

/** A commander argument parser for whole numbers, with a one-line message. */
export function integer(name: string, min = Number.MIN_SAFE_INTEGER) {
  return (value: string): number => {
    if (!/^-?\d+$/.test(value.trim())) throw new InvalidArgumentError(`${name} must be a whole number, got "${value}"`);
    const n = Number(value);
    if (n < min) throw new InvalidArgumentError(`${name} must be at least ${min}, got ${n}`);
    return n;
  };
}

/**
 * An option's parser for a year: a whole number in the Common Era, or a Buddhist-Era year (from
 * 2400, as Thai documents write them) read as B.E. - 543: `--year 2565` is 2022.
 */
export function year(name: string) {
  const whole = integer(name);
  return (value: string): number => {
    const n = whole(value);
    return n >= BUDDHIST_ERA_FROM ? n - BUDDHIST_ERA_OFFSET : n;
  };
}

/** Add the shared flags (--lang, --year, --target, --format, --era, --out) to a subcommand; `format: false` or `target: false` leaves that one out. */
export function withCommonFlags(cmd: Command, options: { format?: boolean; target?: boolean } = {}): Command {
  cmd
    .addOption(new Option('--lang <lang>', 'language of the output').choices(LOCALES).default(DEFAULT_LOCALE))
    .addOption(new Option('--year <year>', 'year to analyse (default: the latest; a Buddhist-Era year such as 2565 is read as 2022)').argParser(year('--year')));
  if (options.target !== false) cmd.addOption(new Option('--target <score>', 'target CPI score').argParser(integer('--target')).default(DEFAULT_TARGET));
  cmd
    .addOption(new Option('--era <era>', 'write years in the Common (ce) or Buddhist (be) Era (default: be with --lang th, else ce)').choices(ERAS))
    .addOption(new Option('--out <file>', 'write the output to a file instead of standard output'));
  if (options.format !== false) cmd.addOption(new Option('--format <format>', 'output format').choices(OUTPUT_FORMATS).default('table'));
  // Thai readers write years in the Buddhist Era: --lang th defaults to --era be.
  cmd.hook('preAction', (command) => {
    const flags = command.opts<Partial<CommonFlags>>();
    if (flags.era === undefined) command.setOptionValue('era', defaultEra(flags.lang ?? DEFAULT_LOCALE));
  });
  return cmd;
}

/** The dataset the command line analyses: the bundled Thailand dataset. */
export function cliDataset(): Dataset {
  return thailand;
}

/**
 * Stop with {@link CliInterrupted} when Ctrl-C came. The event loop is given two turns first: a
 * command that computed without pausing (a report, a solve) has not yet seen a Ctrl-C pressed
 * meanwhile, and Node runs a signal's handler on the turn after the one that received it.
 */
export async function checkInterrupted(io: CliIo): Promise<void> {
  if (io.signal === undefined) return;
  for (let turn = 0; turn < 2; turn += 1) await new Promise((resolve) => setImmediate(resolve));
  if (io.signal.aborted) throw new CliInterrupted('interrupted (Ctrl-C): stopped before the output was written; nothing was written');
}

/**
 * Write a file the command produces (`--out`, a chart, `--save-scenario`): atomically (a temporary
 * file in the same folder, renamed over the target when complete, so a full disk or Ctrl-C leaves
 * the previous file as it was), then say so on stderr. `what` names the flag in errors.
 */
export async function writeOutput(io: CliIo, file: string, data: string | Uint8Array, what: string): Promise<void> {
  await checkInterrupted(io);
  await writeAtomic(file, data, what, io.signal);
  io.stderr(`wrote ${printable(file, true)}\n`);
}

/**
 * Write `text` to `--out` or to standard output, ending in a line break. Control characters from the
 * data (a TI header, a country name, a progress note) are written as `\u001b`-style escapes, so they
 * never reach a terminal raw. Ctrl-C before this point writes nothing.
 */
export async function emit(io: CliIo, text: string, out: string | undefined): Promise<void> {
  const body = printable(text.endsWith('\n') ? text : `${text}\n`);
  if (out === undefined) {
    await checkInterrupted(io);
    io.stdout(body);
    return;
  }
  await writeOutput(io, out, body, '--out');
}

/** The files the command line reads: each kind's extensions and the most bytes read of one. */
export const INPUT_FILES = {
  scenario: { what: 'scenario-file', extensions: ['.yaml', '.yml', '.json'], maxBytes: 1024 * 1024 },
  ti: { what: 'ti-file', extensions: ['.csv', '.xlsx'], maxBytes: 50 * 1024 * 1024 },
  progress: { what: 'updates-file', extensions: ['.csv', '.json'], maxBytes: 10 * 1024 * 1024 },
} as const satisfies Record<string, FileRules>;

/**
 * Read a user's file through the one reading path: the extension checked before anything is read
 * (`.xls`, `.xlsm` refused with a message), at most the kind's byte cap read whatever the file is
 * (pipe, device, link), Ctrl-C honoured while reading. Errors name the file (exit 2, one line).
 */
export async function readInput(io: CliIo, file: string, kind: keyof typeof INPUT_FILES): Promise<Buffer> {
  return readBounded(file, INPUT_FILES[kind], io.signal);
}

/** The text of a user's file (UTF-8, a byte order mark dropped), read by {@link readInput}. */
export async function readInputText(io: CliIo, file: string, kind: keyof typeof INPUT_FILES): Promise<string> {
  const text = (await readInput(io, file, kind)).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The same problems as `error`, reported under `fn` (the file's name in place of the function's),
 * with paths changed by `path`: the count of issues and the note kept.
 */
export function renamed(error: CpiGapError, fn: string, path: (p: readonly (string | number)[]) => (string | number)[] = (p) => [...p]): CpiGapError {
  return new CpiGapError(fn, error.issues.map((issue) => ({ ...issue, path: path(issue.path) })), { cause: error, issueCount: error.issueCount, ...(error.note === undefined ? {} : { note: error.note }) });
}

/**
 * The issues of a library error (a {@link CpiGapError}: the user's input is wrong); anything else
 * is a fault of cpi-gap, not of the input, and is thrown on.
 */
export function libraryIssues(error: unknown): readonly CpiGapIssue[] {
  if (error instanceof CpiGapError) return error.issues;
  throw error;
}

/**
 * Re-issue a library error about a file's content under the file's name: the issues' paths lose
 * `prefix` (e.g. `['spec']`), so they read as paths inside the file (`changes[2].value`).
 */
export function inFile(file: string, error: unknown, prefix: readonly (string | number)[]): unknown {
  if (!(error instanceof CpiGapError)) return error;
  const starts = (path: readonly (string | number)[]) => prefix.every((key, i) => path[i] === key);
  if (!error.issues.every((issue) => starts(issue.path))) return error;
  return renamed(error, file, (p) => p.slice(prefix.length));
}

/** Thrown when Ctrl-C stopped a command: `runCli` prints its one-line message and exits 130. */
export class CliInterrupted extends Error {
  override readonly name = 'CliInterrupted';
}

/** A commander argument parser for decimal numbers within bounds, with a one-line message. */
export function decimal(name: string, min: number, max: number) {
  return (value: string): number => {
    const n = /^-?(\d+\.?\d*|\.\d+)$/.test(value.trim()) ? Number(value) : Number.NaN;
    if (!Number.isFinite(n)) throw new InvalidArgumentError(`${name} must be a number, got "${value}"`);
    if (n < min || n > max) throw new InvalidArgumentError(`${name} must be between ${min} and ${max}, got ${n}`);
    return n;
  };
}
