import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { thailand } from '../../src/dataset/index.js';
import { simulate } from '../../src/simulation/index.js';
import { HAVE_CHROMIUM, launchChromium, warnNoChromium } from '../helpers/chromium.js';
import { ROOT } from '../helpers/shared.js';

/**
 * `simulate` in a browser page (headless Chromium, Debian's /usr/bin/chromium as .ci/run installs
 * it): the sources bundled for the browser by esbuild (Node's modules left unresolvable, so a static
 * import of one would fail the build), the Web Worker bundled beside the page as the package ships it
 * (simulation-browser-worker.js), served from 127.0.0.1 without cross-origin isolation, so the page
 * has no SharedArrayBuffer. On 1 thread and on 2 (a Web Worker beside the page's thread) it must give
 * exactly the numbers Node gives for the same seed and options.
 */
warnNoChromium('the browser simulation test');

// A country model by name: the threads run its kernel in chunks. The default world model (issue 16)
// runs on the calling thread whatever `threads` says, so it would never reach a Web Worker.
const OPTIONS = { model: 'random-walk', paths: 60_000, horizon: 4, extraDrift: 1, seed: 20_260_103 } as const;

const PAGE = `
import { thailand } from './src/dataset/index.js';
import { simulate } from './src/simulation/index.js';
import { lastRun } from './src/simulation/runChunks.js';
globalThis.runSimulation = async (threads) => {
  const r = await simulate(thailand, { ...${JSON.stringify(OPTIONS)}, threads });
  return { years: JSON.parse(JSON.stringify(r.years)), workerChunks: lastRun.workerChunks, sharedMemory: typeof SharedArrayBuffer };
};
`;

describe.skipIf(!HAVE_CHROMIUM)('simulate in headless Chromium', () => {
  let dir = '';
  let server: Server | undefined;
  let close: (() => Promise<void>) | undefined;
  let base = '';
  let runIn: ((threads: number) => Promise<{ years: unknown; workerChunks: number; sharedMemory: string }>) | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cpi-gap-browser-sim-'));
    const common = { bundle: true, format: 'esm', platform: 'browser', target: 'es2022', logLevel: 'silent' } as const;
    await build({ ...common, stdin: { contents: PAGE, resolveDir: ROOT, loader: 'ts' }, outfile: join(dir, 'page.js') });
    await build({ ...common, entryPoints: [join(ROOT, 'src', 'simulation', 'browserWorker.ts')], outfile: join(dir, 'simulation-browser-worker.js') });
    writeFileSync(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><script type="module" src="page.js"></script>');
    const http = createServer((req, res) => {
      const name = new URL(req.url ?? '/', 'http://127.0.0.1').pathname.slice(1) || 'index.html';
      if (!['index.html', 'page.js', 'simulation-browser-worker.js'].includes(name)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': name.endsWith('.html') ? 'text/html' : 'text/javascript' }).end(readFileSync(join(dir, name)));
    });
    server = http;
    await new Promise<void>((ok) => http.listen(0, '127.0.0.1', ok));
    base = `http://127.0.0.1:${(http.address() as AddressInfo).port}/`;
    const chromium = await launchChromium({ width: 400, height: 300 });
    close = chromium.close;
    const page = await chromium.browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(base);
    await page.waitForFunction(() => typeof (globalThis as { runSimulation?: unknown }).runSimulation === 'function', undefined, { timeout: 30_000 });
    runIn = async (threads) => {
      const r = await page.evaluate((t) => (globalThis as unknown as { runSimulation: (t: number) => Promise<{ years: unknown; workerChunks: number; sharedMemory: string }> }).runSimulation(t), threads);
      expect(problems).toEqual([]);
      return r;
    };
  }, 120_000);

  afterAll(async () => {
    await close?.();
    const open = server;
    if (open) await new Promise<void>((ok) => open.close(() => { ok(); }));
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives Node’s numbers on 1 thread and on 2 (a Web Worker), without SharedArrayBuffer', async () => {
    if (runIn === undefined) throw new Error('the page did not load');
    const node = JSON.parse(JSON.stringify((await simulate(thailand, { ...OPTIONS, threads: 1 })).years)) as unknown;
    const one = await runIn(1);
    expect(one.sharedMemory).toBe('undefined');
    expect(one.workerChunks).toBe(0);
    expect(one.years).toEqual(node);
    const two = await runIn(2);
    // 60,000 paths are 4 chunks: the worker ran some of them.
    expect(two.workerChunks).toBeGreaterThan(0);
    expect(two.years).toEqual(node);
  }, 60_000);
});
