import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/shared.js';
import { ensureBuilt } from '../cli/buildDist.js';
import { caseFolder, PREVIOUS, tiCsv } from './cliCases.js';
import { folderState, runBin } from './harness.js';

beforeAll(async () => {
  await ensureBuilt();
}, 600_000);

const PROGRESS = 'Project ID,Reporting date,Status\nws1-m1.1-p1,2023-03-01,delayed\n';

/** Every command that writes a file, with the file it writes (each flag that names one). */
const COMMANDS: readonly (readonly [string, (dir: string) => string[]])[] = [
  ['report', () => ['report', '--out', `${PREVIOUS}.txt`]],
  ['gaps', () => ['gaps', '--by', 'cpi', '--format', 'csv', '--out', `${PREVIOUS}.txt`]],
  ['trend', () => ['trend', 'cpi', '--out', `${PREVIOUS}.txt`]],
  ['scenario', () => ['scenario', join(ROOT, 'examples/scenarios/ws1-steady.yaml'), '--out', `${PREVIOUS}.txt`]],
  ['solve --save-scenario', () => ['solve', '--save-scenario', `${PREVIOUS}.yaml`, '--out', `${PREVIOUS}.txt`]],
  ['simulate', () => ['simulate', '--paths', '2000', '--out', `${PREVIOUS}.txt`]],
  ['chart (spec)', () => ['chart', 'gap-bars', '--out', `${PREVIOUS}.json`]],
  ['chart (svg)', () => ['chart', 'gap-bars', '--out', `${PREVIOUS}.svg`]],
  ['chart peers (png)', () => ['chart', 'peers', '--out', `${PREVIOUS}.png`]],
  ['plan summary', () => ['plan', 'summary', '--out', `${PREVIOUS}.txt`]],
  ['plan projects', () => ['plan', 'projects', '--source', 'WEF', '--out', `${PREVIOUS}.txt`]],
  ['plan template', () => ['plan', 'template', '--out', `${PREVIOUS}.csv`]],
  [
    'plan status --chart',
    (dir) => {
      writeFileSync(join(dir, 'progress.csv'), PROGRESS);
      return ['plan', 'status', 'progress.csv', '--chart', `${PREVIOUS}.json`, '--out', `${PREVIOUS}.txt`];
    },
  ],
  [
    'ti',
    (dir) => {
      writeFileSync(join(dir, 'ti.csv'), tiCsv('50', '2'));
      return ['ti', 'ti.csv', '--out', `${PREVIOUS}.txt`];
    },
  ],
  ['countries', () => ['countries', '--out', `${PREVIOUS}.txt`]],
  ['peers', () => ['peers', '--country', 'VNM', '--out', `${PREVIOUS}.txt`]],
  ['report --country', () => ['report', '--country', 'IDN', '--out', `${PREVIOUS}.txt`]],
  ['report to stdout', () => ['report']],
];

describe('Ctrl-C in any command: exit 130, one line, the previous output untouched, no temporary file left', () => {
  it.each(COMMANDS)('%s', async (name, argv) => {
    const dir = caseFolder('sigint');
    for (const ext of ['.txt', '.json', '.svg', '.png', '.csv', '.yaml']) writeFileSync(join(dir, `${PREVIOUS}${ext}`), `the previous ${name} output\n`);
    const args = argv(dir);
    const before = folderState(dir);
    const r = await runBin(args, { cwd: dir, ctrlC: true });
    expect({ code: r.code, signal: r.signal, stdout: r.stdout }).toEqual({ code: 130, signal: null, stdout: '' });
    expect(r.stderr).toMatch(/^cpi-gap: interrupted \(Ctrl-C\)[^\n]*nothing was written\n$/);
    expect(folderState(dir)).toEqual(before);
  }, 20_000);

  it('stops a read of a named pipe nobody writes to (plan status of a FIFO)', async () => {
    const dir = caseFolder('sigint-fifo');
    execFileSync('mkfifo', [join(dir, 'progress.csv')]);
    writeFileSync(join(dir, `${PREVIOUS}.txt`), 'the previous status\n');
    const before = folderState(dir);
    const r = await runBin(['plan', 'status', 'progress.csv', '--out', `${PREVIOUS}.txt`], { cwd: dir, ctrlC: true });
    // The open of the pipe stays blocked in Node's thread pool, which exit would wait for: the bin
    // ends by SIGINT itself, which a shell reports as 130, as it does for any tool stopped by Ctrl-C.
    expect(r.code === 130 || r.signal === 'SIGINT').toBe(true);
    expect(r.stderr).toMatch(/^cpi-gap: interrupted \(Ctrl-C\): nothing was written\n$/);
    expect(folderState(dir)).toEqual(before);
  }, 20_000);
});
