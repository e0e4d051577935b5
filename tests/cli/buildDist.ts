/**
 * Builds dist/ with tsup when dist/cli.js is missing or older than the sources, so the tests that
 * run the built bin (tests/cli) and the built bundles (tests/bundle) never test a stale build. Used
 * as a vitest globalSetup (vitest.config.ts) and from those tests' beforeAll. Concurrent runs wait
 * for one build through a lock folder.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT } from '../helpers/shared.js';

const BUILT = join(ROOT, 'dist', 'cli.js');
const LOCK = join(ROOT, 'node_modules', '.cache', 'cpi-gap-build.lock');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.(ts|json)$/.test(entry.name) && !/\.test(-data)?\.ts$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Whether dist/cli.js is missing or older than src/, data/, tsup.config.ts or package.json. */
export function distIsStale(): boolean {
  if (!existsSync(BUILT) || !existsSync(join(ROOT, 'dist', 'index.js'))) return true;
  const sources = Math.max(newestSource(join(ROOT, 'src')), newestSource(join(ROOT, 'data')), statSync(join(ROOT, 'tsup.config.ts')).mtimeMs, statSync(join(ROOT, 'package.json')).mtimeMs);
  return statSync(BUILT).mtimeMs < sources;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Build with `npx tsup` if dist is stale; wait when another process is building. */
export async function ensureBuilt(): Promise<void> {
  for (let waited = 0; waited < 300_000; waited += 1000) {
    if (!distIsStale()) return;
    try {
      mkdirSync(dirname(LOCK), { recursive: true });
      mkdirSync(LOCK);
    } catch {
      // A lock older than 10 minutes is left over from a killed build.
      if (Date.now() - statSync(LOCK).mtimeMs > 600_000) rmSync(LOCK, { recursive: true, force: true });
      await sleep(1000);
      continue;
    }
    try {
      if (distIsStale()) execFileSync('npx', ['tsup'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
      return;
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
  }
  throw new Error('timed out waiting for another build of dist/');
}

/** Whether this vitest run selects tests that need dist/ (no file filter, or one naming tests/cli or tests/bundle). */
function runNeedsDist(): boolean {
  const filters = process.argv.slice(2).filter((a) => !a.startsWith('-') && !['run', 'watch', 'related', 'bench'].includes(a) && !a.includes('vitest'));
  return filters.length === 0 || filters.some((f) => 'tests/cli/bin.test.ts'.includes(f) || 'tests/bundle/'.includes(f) || /tests\/(cli|bundle)/.test(f));
}

/** vitest globalSetup: build dist/ first when the run includes the tests that need it. */
export default async function setup(): Promise<void> {
  if (runNeedsDist()) await ensureBuilt();
}
