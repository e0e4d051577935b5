/**
 * npm run examples: runs every script in examples/ (`*.ts` with tsx, `*.mjs` with node, the latter
 * against the built package, so run `npm run build` first), one after the other, and fails when any
 * exits non-zero or runs longer than two minutes. Output goes to the terminal as it comes.
 * Usage: npm run examples [-- <name filter>]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const dir = join(root, 'examples');
const filter = process.argv[2];
const scripts = readdirSync(dir)
  .filter((f) => /\.(ts|mjs)$/.test(f))
  .filter((f) => filter === undefined || f.includes(filter))
  .sort();
if (scripts.length === 0) {
  console.error(`no example matches ${filter ?? '(all)'}`);
  process.exit(1);
}
if (scripts.some((f) => f.endsWith('.mjs')) && !existsSync(join(root, 'dist', 'index.js'))) {
  console.error('the .mjs examples import the built package: run `npm run build` first');
  process.exit(1);
}

const tsx = join(root, 'node_modules', '.bin', 'tsx');
const failed: string[] = [];
for (const f of scripts) {
  const file = join('examples', f);
  const [command, args] = f.endsWith('.mjs') ? [process.execPath, [file]] : [tsx, [file]];
  console.log(`\n== ${file} ==`);
  const started = Date.now();
  const run = spawnSync(command, args, { cwd: root, stdio: 'inherit', timeout: 120_000 });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (run.status !== 0) {
    failed.push(file);
    console.error(`-- ${file} failed (${run.error?.message ?? (run.signal === null ? `exit ${run.status}` : `signal ${run.signal}`)}) after ${seconds} s`);
  } else console.log(`-- ${file} ok (${seconds} s)`);
}
console.log(`\nexamples done: ${scripts.length - failed.length} ok, ${failed.length} failed`);
if (failed.length > 0) {
  console.error(`failed: ${failed.join(', ')}`);
  process.exit(1);
}
