// Bench of the CPI explorer (app/), printed by `npm run bench`: the first load's transferred size
// (every response of the first load, gzipped as a web server would send it) and the time from a
// slider's move to the redrawn what-if charts, in Debian's Chromium. Goals (issue 19): <= 1.5 MB
// gzipped; <= 100 ms median.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildApp, serveFolder } from './app.js';
import { HAVE_CHROMIUM, CHROMIUM, launchChromium } from '../tests/helpers/chromium.js';

const MOVES = 21;
const GOAL_BYTES = 1.5 * 1024 * 1024;
const GOAL_MS = 100;

// In-page code as text: tsx would wrap named functions of a passed function in a helper (__name)
// the page lacks.
const MOVE_SLIDER = `(async () => {
  const probe = globalThis.cpiGapApp;
  const slider = document.getElementById('slider-WEF');
  const until = (ok) => new Promise((resolve) => { (function tick() { if (ok()) resolve(); else setTimeout(tick, 1); })(); });
  const redraw = [];
  const simulated = [];
  for (let i = 0; i < MOVES; i += 1) {
    const outputs = probe.outputs;
    const sims = probe.simulated;
    const t0 = performance.now();
    slider.value = String(i % 2 === 0 ? 10 : 5);
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    await until(() => probe.outputs > outputs);
    redraw.push(probe.outputsAt - t0);
    await until(() => probe.simulated > sims);
    simulated.push(probe.simulatedAt - t0);
  }
  return { redraw, simulated };
})()`;

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KB`;
const verdict = (ok: boolean): string => (ok ? 'PASS' : 'FAIL');

async function main(): Promise<void> {
  console.log('');
  console.log('CPI explorer (app/): first load and slider redraw, headless Chromium');
  if (!HAVE_CHROMIUM) {
    console.log(`skipped: ${CHROMIUM} not found (apt-get install chromium, or set CPI_GAP_CHROMIUM)`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'cpi-gap-app-bench-'));
  const served = await (async () => {
    await buildApp(dir);
    return serveFolder(dir);
  })();
  const { browser, close } = await launchChromium({ width: 1200, height: 900 });
  try {
    const page = await browser.newPage();
    const bodies: { url: string; raw: number; gzipped: number }[] = [];
    const pending: Promise<void>[] = [];
    page.on('response', (r) => {
      if (!r.url().startsWith(served.base)) return;
      pending.push(
        r.body().then((b) => {
          bodies.push({ url: r.url(), raw: b.length, gzipped: gzipSync(b).length });
        }),
      );
    });
    const start = Date.now();
    await page.goto(`${served.base}index.html`);
    await page.waitForFunction(() => ((globalThis as unknown as { cpiGapApp?: { simulated: number } }).cpiGapApp?.simulated ?? 0) > 0, undefined, { timeout: 60_000 });
    const loaded = Date.now() - start;
    await Promise.all(pending);
    const raw = bodies.reduce((a, b) => a + b.raw, 0);
    const gzipped = bodies.reduce((a, b) => a + b.gzipped, 0);
    console.log(`first load: ${bodies.length} files from the server, ${kb(raw)} raw, ${kb(gzipped)} gzipped (gzip -6); drawn and simulated in ${loaded} ms`);
    // Move WEF's slider back and forth; each move waits for the outputs and the simulation before the next.
    const times = await page.evaluate<{ redraw: number[]; simulated: number[] }>(MOVE_SLIDER.replace('MOVES', String(MOVES)));
    const redraw = median(times.redraw);
    console.log(`slider to redrawn what-if charts (CPI, rank, paths chart): median ${redraw.toFixed(1)} ms of ${MOVES} moves (min ${Math.min(...times.redraw).toFixed(1)}, max ${Math.max(...times.redraw).toFixed(1)})`);
    console.log(`slider to P(target) and fan chart redrawn (20,000-path simulation in the Web Worker): median ${median(times.simulated).toFixed(1)} ms`);
    console.log(`${verdict(gzipped <= GOAL_BYTES)}  first load <= 1.5 MB gzipped (${kb(gzipped)})`);
    console.log(`${verdict(redraw <= GOAL_MS)}  slider to redrawn charts <= ${GOAL_MS} ms median (${redraw.toFixed(1)} ms)`);
  } finally {
    await close();
    await served.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
