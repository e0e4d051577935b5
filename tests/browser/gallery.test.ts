import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGallery, type GalleryChart } from '../../scripts/gallery.js';
import { HAVE_CHROMIUM, launchChromium, warnNoChromium } from '../helpers/chromium.js';

/**
 * Opens the chart gallery in headless Chromium (Debian's /usr/bin/chromium, as .ci/run installs it):
 * the gallery is built into a temporary folder (SVGs, index.html, vendor/ copied from node_modules),
 * served from 127.0.0.1, and every chart must draw marks with no console error. A screenshot goes to
 * tests/browser/__screenshots__/gallery.png (git-ignored).
 */
warnNoChromium('the browser gallery test');

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.svg': 'image/svg+xml', '.json': 'application/json', '.ttf': 'font/ttf' };

describe.skipIf(!HAVE_CHROMIUM)('gallery in headless Chromium', () => {
  let dir = '';
  let closeBrowser: (() => Promise<void>) | undefined;
  let server: Server | undefined;
  let browser: BrowserContext | undefined;
  let base = '';
  let charts: GalleryChart[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cpi-gap-gallery-'));
    charts = await buildGallery(dir);
    const http = createServer((req, res) => {
      const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname)).replace(/^(\.\.[/\\])+/, '');
      const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
      if (!file.startsWith(dir) || !existsSync(file)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
    });
    server = http;
    await new Promise<void>((ok) => http.listen(0, '127.0.0.1', ok));
    base = `http://127.0.0.1:${(http.address() as AddressInfo).port}/`;
    const chromium = await launchChromium({ width: 1100, height: 900 });
    browser = chromium.browser;
    closeBrowser = chromium.close;
  }, 120_000);

  afterAll(async () => {
    await closeBrowser?.();
    const open = server;
    if (open) {
      await new Promise<void>((ok) => {
        open.close(() => {
          ok();
        });
      });
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('npm run gallery writes exactly the tracked files (docs/gallery/: every SVG and index.html), so a run never leaves a worse copy', () => {
    // The gallery reads no file outside the package (the rank-position chart takes the bundled world panel), so this holds with or without ../shared.
    for (const file of [...charts.map((c) => c.file), 'index.html']) {
      expect(readFileSync(join(dir, file), 'utf8'), file).toBe(readFileSync(join(process.cwd(), 'docs', 'gallery', file), 'utf8'));
    }
  });

  it('draws every chart with marks and no console error, offline', async () => {
    if (browser === undefined) throw new Error('chromium did not start');
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page: ${e.message}`));
    page.on('request', (r) => {
      if (!r.url().startsWith(base)) problems.push(`request outside the local server: ${r.url()}`);
    });
    await page.goto(base);
    await page.waitForFunction(() => Array.isArray((globalThis as unknown as { galleryResults?: unknown[] }).galleryResults), undefined, { timeout: 60_000 });
    const results = await page.evaluate(() => (globalThis as unknown as { galleryResults: { id: string; ok: boolean; error?: string }[] }).galleryResults);
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(results.map((r) => r.id).sort()).toEqual(charts.map((c) => `${c.id}-${c.locale}`).sort());
    for (const c of charts) {
      const id = `#chart-${c.id}-${c.locale}`;
      const marks = await page.locator(`${id} svg g.role-mark > path, ${id} svg g.role-mark > line`).count();
      expect(marks, `${id} drew no marks`).toBeGreaterThan(0);
    }
    // Every chart of issue 6 is on the page, and the Thai ones draw Thai text.
    expect(new Set(charts.map((c) => c.id))).toEqual(
      new Set(['source-trends', 'gap-bars', 'source-heatmap', 'workstream-matrix', 'gap-waterfall', 'scenario-paths', 'monte-carlo-fan', 'rank-position', 'budget', 'plan-status', 'peers']),
    );
    const thai: [string, string][] = [
      ['gap-bars', 'แหล่งข้อมูล'],
      ['scenario-paths', 'สถานการณ์จำลอง'],
      ['monte-carlo-fan', 'ค่ามัธยฐาน'],
      ['budget', 'งบประมาณ (ล้านบาท)'],
      ['plan-status', 'แผนงานเรื่องที่ 1'],
    ];
    for (const [id, text] of thai) expect(await page.locator(`#chart-${id}-th svg`).textContent(), id).toContain(text);
    const shots = join(process.cwd(), 'tests', 'browser', '__screenshots__');
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, 'gallery.png'), fullPage: true });
    for (const id of ['source-trends', 'scenario-paths', 'monte-carlo-fan', 'budget']) await page.locator(`#chart-${id}-th`).screenshot({ path: join(shots, `${id}.th.png`) });
    expect(problems).toEqual([]);
  }, 120_000);
});
