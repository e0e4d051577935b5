/**
 * Running the built bin as an attacker's victim would: a child process with a memory limit
 * (`--max-old-space-size`), its wall time and peak resident memory measured (a preload writes
 * `process.resourceUsage().maxRSS` when the process exits), and the folder it worked in compared
 * before and after, so that a test can say no file was left changed.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/shared.js';

export const BIN = join(ROOT, 'dist', 'cli.js');

/** The heap limit of every child: a process that tried to hold a hostile file whole would die here, not at 4 GB. */
export const HEAP_LIMIT_MB = 256;

const PRELOADS = mkdtempSync(join(tmpdir(), 'cpi-gap-hostile-preload-'));

/** Writes the process's peak resident memory (KB) to $CPI_GAP_RSS_FILE when it exits. */
const MEASURE = join(PRELOADS, 'measure.mjs');
writeFileSync(MEASURE, "import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => { if (process.env.CPI_GAP_RSS_FILE) writeFileSync(process.env.CPI_GAP_RSS_FILE, String(process.resourceUsage().maxRSS)); });\n");

/**
 * Presses Ctrl-C as the command starts: as soon as the bin registers its SIGINT handler, the process
 * sends itself SIGINT, so the handler runs on the first turn of the event loop, while the command
 * is still reading, computing or writing. Deterministic, unlike a parent's timer.
 */
const CTRL_C = join(PRELOADS, 'ctrl-c.mjs');
writeFileSync(
  CTRL_C,
  "const on = process.on.bind(process);\nprocess.on = (event, listener) => { on(event, listener); if (event === 'SIGINT') { process.on = on; process.kill(process.pid, 'SIGINT'); } return process; };\n",
);

/** What a run of the bin did. */
export interface HostileRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Wall time, milliseconds. */
  readonly ms: number;
  /** Peak resident memory, KB (undefined when the process died before it could say). */
  readonly maxRssKb: number | undefined;
}

/** How to run the bin. */
export interface RunOptions {
  /** Working folder (relative paths of argv resolve there). */
  readonly cwd: string;
  /** Standard input: `'yes'` the endless output of `yes` through a pipe (a true pipe, as a shell makes), else this text. */
  readonly stdin?: string;
  /** Press Ctrl-C as the command starts. */
  readonly ctrlC?: boolean;
  /** A shell line run before the bin (`ulimit -f 1`), through bash. */
  readonly shell?: string;
}

function childCommand(argv: readonly string[], o: RunOptions): { file: string; args: string[] } {
  const node = [`--max-old-space-size=${HEAP_LIMIT_MB}`, '--import', MEASURE, ...(o.ctrlC === true ? ['--import', CTRL_C] : []), BIN, ...argv];
  if (o.shell === undefined && o.stdin !== 'yes') return { file: process.execPath, args: node };
  const quoted = [process.execPath, ...node].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  return { file: 'bash', args: ['-c', o.stdin === 'yes' ? `yes | ${quoted}` : `${o.shell ?? ''}; exec ${quoted}`] };
}

/** Run `node <limits> dist/cli.js ...argv`, measured. */
export function runBin(argv: readonly string[], o: RunOptions): Promise<HostileRun> {
  const rssFile = join(PRELOADS, `rss-${String(process.pid)}-${Math.random().toString(36).slice(2)}`);
  const { file, args } = childCommand(argv, o);
  const started = process.hrtime.bigint();
  const child = spawn(file, args, { cwd: o.cwd, env: { ...process.env, CPI_GAP_RSS_FILE: rssFile }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.end(o.stdin === 'yes' ? '' : (o.stdin ?? ''));
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      let maxRssKb: number | undefined;
      try {
        maxRssKb = Number(readFileSync(rssFile, 'utf8'));
        rmSync(rssFile);
      } catch {
        maxRssKb = undefined;
      }
      resolve({ code, signal, stdout, stderr, ms: Number(process.hrtime.bigint() - started) / 1e6, maxRssKb });
    });
  });
}

/** Every file of a folder (not recursive) with its bytes and mode: compare two to see that nothing changed. */
export function folderState(dir: string): Record<string, string> {
  const state: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const s = statSync(path);
    state[name] = s.isFile() ? `${String(s.mode)}:${readFileSync(path).toString('base64')}` : `${String(s.mode)}:not a file`;
  }
  return state;
}
