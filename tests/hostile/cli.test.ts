import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../cli/buildDist.js';
import { CLI_CASES, caseFolder } from './cliCases.js';
import { folderState, runBin } from './harness.js';

beforeAll(async () => {
  await ensureBuilt();
}, 600_000);

// Each case runs the built bin with a 256 MB heap: a reader that held a hostile file whole would die
// (exit 134) instead of answering. The 20 s timeout is the "in seconds" of the issue; the times
// themselves are measured by `npm run hostile-table`, not asserted here.
describe('hostile command lines (issue 21): each ends at once with its exit code, one line, no file changed', () => {
  it.each(CLI_CASES.map((c) => [`${c.id}: ${c.title}`, c] as const))('%s', async (_, c) => {
    const dir = caseFolder(c.id);
    const { argv, run } = c.setup(dir);
    const before = folderState(dir);
    const r = await runBin(argv, { cwd: dir, ...run });
    expect({ code: r.code, signal: r.signal }).toEqual({ code: c.code, signal: null });
    expect(r.stderr.trimEnd()).toMatch(c.stderr);
    // One line, bounded: at most 20 issues are listed.
    expect(r.stderr.split('\n')).toHaveLength(2);
    expect(r.stderr.length).toBeLessThan(8_000);
    expect(r.stdout).toBe('');
    expect(folderState(dir)).toEqual(before);
  }, 20_000);
});
