import { defineConfig } from 'tsup';

/**
 * One entry per public subpath. The core entry (`index`) must not pull in mathjs, vega or fflate:
 * they are dependencies, so tsup leaves them external, and only the `expr`, `render` and `xlsx`
 * entries import them. Nor may it pull in the world panel (data/world/panel.json): only the `world`
 * entry imports it.
 */
export const LIBRARY_ENTRIES = {
  index: 'src/index.ts',
  plan: 'src/plan/index.ts',
  simulation: 'src/simulation/index.ts',
  charts: 'src/charts/index.ts',
  render: 'src/render/index.ts',
  expr: 'src/expr/index.ts',
  xlsx: 'src/ti/xlsx.ts',
  world: 'src/world/index.ts',
};

export default defineConfig([
  {
    // simulation-worker: the worker thread `simulate` starts (found beside the bundle that starts it).
    entry: { ...LIBRARY_ENTRIES, 'simulation-worker': 'src/simulation/worker.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    splitting: true,
    treeshake: true,
  },
  {
    // simulation-browser-worker: the Web Worker `simulate` starts in a browser (an ES module, found
    // beside the bundle that starts it; it imports nothing of Node).
    entry: { 'simulation-browser-worker': 'src/simulation/browserWorker.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: true,
    target: 'es2022',
    platform: 'browser',
  },
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    // Chunks for the CLI's dynamic imports, so mathjs, vega and fflate load only in the commands that use them.
    splitting: true,
    dts: false,
    sourcemap: true,
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
]);
