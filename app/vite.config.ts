// The CPI explorer (app/): `npm run app` serves it on 127.0.0.1, `npm run app:build` writes app/dist.
// The build opens from any web server and from file:// (a USB stick): relative base './', one classic
// (non-module) script, since browsers refuse module scripts and worker files from file:// pages; the
// simulation's Web Worker is inlined (a blob URL) and the Sarabun fonts are inlined as data URLs,
// since file:// pages cannot fetch fonts either.
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

/** The built page loads its one script as a classic deferred script (works from file://). */
function classicScript(): Plugin {
  return {
    name: 'cpi-gap-classic-script',
    apply: 'build',
    enforce: 'post',
    transformIndexHtml: (html) => html.replace(/<script type="module" crossorigin/g, '<script defer'),
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [classicScript()],
  server: { host: '127.0.0.1', port: 5219, strictPort: false },
  preview: { host: '127.0.0.1', port: 5219 },
  worker: { format: 'iife' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: false,
    assetsInlineLimit: (file) => (file.endsWith('.ttf') ? true : undefined),
    // One file: the page, the world panel, the plan, vega and vega-lite (see npm run bench for its size).
    chunkSizeWarningLimit: 3000,
    rolldownOptions: { output: { format: 'iife' } },
  },
});
