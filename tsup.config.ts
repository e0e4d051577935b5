import { defineConfig } from 'tsup';

/**
 * One entry per public subpath. The core entry (`index`) must not pull in mathjs or vega:
 * those live behind `cpi-gap/expr` and `cpi-gap/render` and stay external.
 */
export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    splitting: true,
    treeshake: true,
  },
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: true,
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
]);
