import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/shared.js';
import { ensureBuilt } from './buildDist.js';

const BIN = join(ROOT, 'dist', 'cli.js');

beforeAll(async () => {
  await ensureBuilt();
}, 600_000);

/** Run the built bin with its stdout pipe closed before it writes, as `cpi-gap … | head -1` does. */
function runWithClosedStdout(argv: readonly string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...argv], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => { resolve({ code, stderr }); });
  });
}

describe('built bin: output piped into a reader that stops early', () => {
  it.each([['--help'], ['gaps'], ['plan', 'summary']].map((argv) => [argv.join(' '), argv] as const))('%s: exits 0 without a stack trace', async (_, argv) => {
    const { code, stderr } = await runWithClosedStdout(argv);
    expect(stderr).not.toMatch(/EPIPE|at .*\.js:\d+/);
    expect(code).toBe(0);
  });
});
