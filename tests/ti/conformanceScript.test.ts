import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeWithShared, ROOT, sharedPath, TI_HISTORICAL } from '../helpers/shared.js';

const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const run = (...args: string[]) => spawnSync(TSX, [join(ROOT, 'scripts', 'conformance.ts'), ...args], { encoding: 'utf8', cwd: ROOT });

describe('scripts/conformance.ts', () => {
  it('prints usage without an argument (exit 1)', () => {
    const r = run();
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^usage: npm run conformance -- <TI result file/);
  });
  it('gives a one-line error and exit code 2 for a missing file', () => {
    const r = run('no-such-file.csv');
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual(['conformance: no such file: no-such-file.csv']);
  });
});

describeWithShared('scripts/conformance.ts on the historical file', [TI_HISTORICAL], () => {
  it('prints one line per edition 2012-2025 and a total, with 2025 in full agreement', () => {
    const r = run(sharedPath(TI_HISTORICAL));
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^2025 +182 +182\/182 +182\/182 +182\/182 +182\/182 +182\/182 /m);
    expect(r.stdout).toMatch(/^all +2494 /m);
  });
});
