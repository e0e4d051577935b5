/**
 * The library checks its inputs with zod/mini, whose checks are functions a bundler keeps only when
 * they are used; classic zod (zod/v4/classic) hangs every method on every schema, and with it the
 * core's browser bundle was 60 kB min+gzip instead of 42 kB. eslint bans the classic import names
 * in src/; this test bundles each entry as a user's bundler would (zod inside, the other packages
 * left out) and reads which of zod's files went in, so no re-export or other path can bring classic
 * zod back. The size itself is `npm run size` and `npm run bench`'s business.
 */
import { join } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { LIBRARY_ENTRIES } from '../../tsup.config.js';
import { ROOT } from '../helpers/shared.js';

/** Every package but zod stays outside the bundle (only zod's files are looked at). */
const onlyZod: Plugin = {
  name: 'only-zod',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.path === 'zod' || args.path.startsWith('zod/') ? undefined : { path: args.path, external: true }));
  },
};

/** The files of zod that a bundle of `entry` holds, as paths under node_modules/zod/. */
async function zodFiles(entry: string): Promise<string[]> {
  const out = await build({ entryPoints: [join(ROOT, entry)], bundle: true, format: 'esm', platform: 'browser', write: false, metafile: true, logLevel: 'silent', plugins: [onlyZod] });
  return Object.keys(out.metafile.inputs).flatMap((input) => {
    const at = input.lastIndexOf('node_modules/zod/');
    return at === -1 ? [] : [input.slice(at + 'node_modules/zod/'.length)];
  });
}

describe('zod/mini only', () => {
  const entries = { ...LIBRARY_ENTRIES, cli: 'src/cli/main.ts' };
  it.each(Object.entries(entries))('the %s entry (%s) bundles zod/mini and none of classic zod', async (_name, file) => {
    const files = await zodFiles(file);
    expect(files.filter((f) => f.startsWith('v4/classic/') || f.startsWith('v3/'))).toEqual([]);
    // The walk saw zod: its mini schemas.
    expect(files).toContain('v4/mini/schemas.js');
  });
});
