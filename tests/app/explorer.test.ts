/// <reference lib="dom" />
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axe from 'axe-core';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, serveFolder, type Served } from '../../scripts/app.js';
import { scenario, scenarioRank, solveTarget, thailand } from '../../src/index.js';
import { describeBacktest, simulate, WORLD_BACKTEST } from '../../src/simulation/index.js';
import { edition } from '../../src/world/index.js';
import { plan, PROGRESS_STATES, STATE_LABELS, STATUS_LABELS, statusReport } from '../../src/plan/index.js';
import { HAVE_CHROMIUM, launchChromium, warnNoChromium } from '../helpers/chromium.js';

/**
 * The CPI explorer (app/) in headless Chromium: built once (vite build into a temporary folder),
 * served from 127.0.0.1 like any static web server, then driven as a user would: offline, in Thai and
 * English, a slider, target-seeking, a PNG download, a dropped progress file, a shared link, axe-core.
 */
warnNoChromium('the CPI explorer browser tests (tests/app)');

interface Probe {
  drawn: number;
  outputs: number;
  simulated: number;
  error: string | null;
}
const probe = (page: Page): Promise<Probe> => page.evaluate(() => (globalThis as unknown as { cpiGapApp: Probe }).cpiGapApp);

/** Wait until the probe's counter passes `after` (and the page reported no error). */
async function waitFor(page: Page, key: 'drawn' | 'outputs' | 'simulated', after: number): Promise<void> {
  await page.waitForFunction(
    ([k, n]) => {
      const p = (globalThis as unknown as { cpiGapApp?: Probe }).cpiGapApp;
      return p !== undefined && (p.error !== null || p[k as 'drawn'] > n);
    },
    [key, after] as const,
    { timeout: 60_000 },
  );
  expect((await probe(page)).error).toBeNull();
}

/** The first number of an element's text. */
async function numberIn(page: Page, selector: string): Promise<number> {
  const text = (await page.locator(selector).textContent()) ?? '';
  return Number(/-?\d+(\.\d+)?/.exec(text.replace(/,/g, ''))?.[0]);
}

describe.skipIf(!HAVE_CHROMIUM)('the CPI explorer in headless Chromium', () => {
  let dir = '';
  let served: Served | undefined;
  let browser: BrowserContext | undefined;
  let closeBrowser: (() => Promise<void>) | undefined;
  let base = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cpi-gap-app-'));
    await buildApp(dir);
    served = await serveFolder(dir);
    base = served.base;
    const chromium = await launchChromium({ width: 1200, height: 900 });
    browser = chromium.browser;
    closeBrowser = chromium.close;
  }, 120_000);

  afterAll(async () => {
    await closeBrowser?.();
    await served?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A fresh page at `hash`, drawn and simulated, recording requests and console errors. */
  async function open(hash = ''): Promise<{ page: Page; requests: string[]; problems: string[] }> {
    if (browser === undefined) throw new Error('chromium did not start');
    const page = await browser.newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${base}index.html${hash}`);
    await waitFor(page, 'simulated', 0);
    return { page, requests, problems };
  }

  it('loads offline: every request stays in the served folder, nothing fails', async () => {
    const { page, requests, problems } = await open();
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((u) => !u.startsWith(base) && !u.startsWith(`blob:${base.slice(0, -1)}`) && !u.startsWith('data:'))).toEqual([]);
    expect(problems).toEqual([]);
    // Thailand's CPI 2025 as TI published it (CPI2025_Results: 33, rank 116 of 182).
    expect(await numberIn(page, '#cpi-score')).toBe(33);
    expect(await page.locator('#cpi-rank').textContent()).toBe('116 จาก 182');
    await page.close();
  }, 90_000);

  it("the rank's probability comes from the simulation with every country moving, named with its model and backtest", async () => {
    const { page } = await open('#lang=en');
    // The page's default view: Thailand from TI's 2025 edition, three years, target 51, the plan's first target rank.
    const rank = thailand.targets.find((t) => t.rank !== undefined)?.rank ?? 0;
    const r = await simulate(thailand, { baseYear: 2025, horizon: 3, paths: 20_000, threads: 1, target: 51, ranks: [rank], scenario: { name: 'what-if', baseYear: 2025, until: 2028, changes: [] } });
    expect([r.model, r.ranking, r.baseYear]).toEqual(['world', 'moving', 2025]);
    const last = page.locator('table[data-table="whatif-years"] tbody tr').last();
    const cells = await last.locator('td').allTextContents();
    const sim = r.years.at(-1);
    expect(cells[0]).toBe('2028');
    expect(Number(cells[6]?.replace('%', ''))).toBeCloseTo((sim?.ranks[0]?.p ?? Number.NaN) * 100, 1);
    expect(Number(cells[7])).toBe(sim?.ranks[0]?.needed?.q50);
    const note = (await page.locator('#sim-note').textContent()) ?? '';
    expect(note).toContain(r.calibration);
    expect(note).toContain(r.rankAssumption ?? 'no assumption');
    expect(note).toContain('the world model from the 2025 edition');
    // The rank column and card are the what-if against the edition's scores held still, and say so.
    const others = edition(2025).rows.filter((row) => row.iso3 !== 'THA').map((row) => row.score);
    const held = scenarioRank(scenario(thailand, { baseYear: 2025, until: 2028, changes: [] }), others).at(-1)?.rank;
    expect(Number(cells[4])).toBe(held);
    expect(await page.locator('#whatif-rank').textContent()).toBe(String(held));
    expect(await page.locator('table[data-table="whatif-years"] thead').first().textContent()).toContain("Rank if the others keep 2025's scores");
    // In Thai: the library's Thai backtest sentence for the same model.
    const drawn = (await probe(page)).simulated;
    await page.selectOption('#lang', 'th');
    await waitFor(page, 'simulated', drawn);
    const thai = (await page.locator('#sim-note').textContent()) ?? '';
    expect(thai).toContain(describeBacktest('world', 1, 'th'));
    // The page is in the Buddhist Era: the backtest's origins too (CE + 543).
    expect(thai).toContain(`จุดเริ่ม ${WORLD_BACKTEST.origins.from + 543}-${WORLD_BACKTEST.origins.to + 543}`);
    await page.close();
  }, 90_000);

  it('switching to Thai changes every label', async () => {
    const { page } = await open('#lang=en');
    const labels = (): Promise<string[]> => page.locator('[data-l]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-l') ?? ''}=${e.textContent}`));
    const english = await labels();
    expect(english.length).toBeGreaterThan(40);
    // Both views once simulated: the simulation's note (model, backtest, rank assumption) is labelled too.
    const simulated = (await probe(page)).simulated;
    await page.selectOption('#lang', 'th');
    await waitFor(page, 'simulated', simulated);
    const thai = await labels();
    expect(thai.map((l) => l.split('=')[0])).toEqual(english.map((l) => l.split('=')[0]));
    const unchanged = thai.filter((l, i) => l === english[i] || !/[\u0E00-\u0E7F]/.test(l));
    expect(unchanged).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('th');
    await page.close();
  }, 90_000);

  it("moving WEF's slider by +10 shows the CPI that scenario gives for the same change", async () => {
    const { page } = await open('#lang=en');
    const outputs = (await probe(page)).outputs;
    await page.locator('#slider-WEF').fill('10');
    await waitFor(page, 'outputs', outputs);
    const year = 2025;
    const expected = scenario(thailand, { baseYear: year, until: year + 3, changes: [{ kind: 'delta', source: 'WEF', year: year + 1, delta: 10 }] }).years.at(-1)?.score;
    // Independently: the mean of 2025's nine source scores with WEF 10 points higher, rounded half up.
    const scores = thailand.scores.filter((s) => s.year === year).map((s) => s.value + (s.source === 'WEF' ? 10 : 0));
    expect(scores).toHaveLength(9);
    const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
    expect(expected).toBe(Math.floor(mean + 0.5));
    expect(await numberIn(page, '#whatif-cpi')).toBe(expected);
    expect(page.url()).toContain('u=WEF:10');
    // The keyboard moves a slider too (a native range input): one step up.
    const next = (await probe(page)).outputs;
    await page.focus('#slider-IMD');
    await page.keyboard.press('ArrowRight');
    await waitFor(page, 'outputs', next);
    expect(await page.locator('#slider-IMD').getAttribute('data-value')).toBe('1');
    expect(new URL(page.url()).hash).toContain('u=WEF:10,IMD:1');
    await page.close();
  }, 90_000);

  it('target-seeking fills the sliders and shows the allocation against the record', async () => {
    const { page } = await open('#lang=en');
    for (const strategy of ['even', 'bounded'] as const) {
      const drawn = (await probe(page)).drawn;
      await page.click(`#solve-${strategy}`);
      await waitFor(page, 'drawn', drawn);
      const solution = solveTarget(thailand, { target: 51, year: 2025, by: 2026, strategy, ...(strategy === 'bounded' ? { bounds: 10 } : {}) });
      for (const a of solution.allocation) expect(Number(await page.locator(`#slider-${a.source}`).getAttribute('data-value')), `${strategy} ${a.source}`).toBeCloseTo(a.uplift, 9);
      expect(await numberIn(page, '#whatif-cpi')).toBe(solution.newScore);
      expect(await page.locator('table[data-table="allocation"] tbody tr').count()).toBe(solution.allocation.length);
    }
    await page.close();
  }, 90_000);

  it("the Thai-digits toggle writes the charts' figures in Thai digits", async () => {
    const { page } = await open('#lang=th');
    // Every text each drawn chart shows (vega's SVG <text>), by chart.
    const chartTexts = (): Promise<Record<string, string[]>> =>
      page.locator('figure.chart').evaluateAll((figures) => Object.fromEntries(figures.map((f) => [f.id, Array.from(f.querySelectorAll('.chart-view svg text'), (t) => t.textContent)])));
    const before = await chartTexts();
    expect(Object.keys(before).length).toBeGreaterThanOrEqual(6);
    for (const [id, texts] of Object.entries(before)) expect(texts.join(' '), id).toMatch(/[0-9]/);
    const drawn = (await probe(page)).drawn;
    const simulated = (await probe(page)).simulated;
    await page.check('#digits');
    await waitFor(page, 'drawn', drawn);
    await waitFor(page, 'simulated', simulated);
    const after = await chartTexts();
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const [id, texts] of Object.entries(after)) {
      expect(texts.join(' '), id).toMatch(/[๐-๙]/);
      expect(texts.filter((t) => /[0-9]/.test(t)), id).toEqual([]);
    }
    // The same figures: the gap chart's text read in Arabic digits is the text drawn before (lines may break elsewhere).
    const arabic = (texts: string[] | undefined) => (texts ?? []).join('').replace(/\s/g, '').replace(/[๐-๙]/g, (d) => String('๐๑๒๓๔๕๖๗๘๙'.indexOf(d)));
    expect(arabic(after['chart-gap-bars'])).toBe(arabic(before['chart-gap-bars']));
    expect(new URL(page.url()).hash).toContain('digits=th');
    await page.close();
  }, 90_000);

  it('a chart downloads as a valid PNG', async () => {
    const { page } = await open('#lang=en');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-chart="gap-bars"][data-format="png"]')]);
    expect(download.suggestedFilename()).toBe('gap-bars.png');
    const png = readFileSync(await download.path());
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    // Twice the chart's size: wider than the 640-pixel plotting area.
    expect(png.readUInt32BE(16)).toBeGreaterThan(640);
    expect(png.readUInt32BE(20)).toBeGreaterThan(300);
    expect(png.length).toBeGreaterThan(20_000);
    await page.close();
  }, 90_000);

  it("a progress file dropped on the page gives the status report's counts", async () => {
    const { page } = await open('#lang=en');
    const ws1 = plan.projects.filter((p) => p.workstream === 1).slice(0, 2);
    const ws4 = plan.projects.find((p) => p.workstream === 4);
    if (ws1.length < 2 || ws4 === undefined) throw new Error('the plan has fewer projects than the test needs');
    const csv = [
      'รหัสโครงการ,วันที่รายงาน,สถานะ',
      `${ws1[0]?.id ?? ''},15/01/2566,${STATUS_LABELS.th.delayed}`,
      `${ws1[1]?.id ?? ''},20/02/2566,${STATUS_LABELS.th.done}`,
      `${ws4.id},01/03/2566,${STATUS_LABELS.th['in-progress']}`,
    ].join('\n');
    const drawn = (await probe(page)).drawn;
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'progress.csv', { type: 'text/csv' }));
      document.getElementById('drop-zone')?.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, csv);
    await waitFor(page, 'drawn', drawn);
    const table = page.locator('table[data-table="status-report"]');
    const headers = await table.locator('thead th').allTextContents();
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent)));
    const total = rows.at(-1) ?? [];
    const cell = (row: string[], state: (typeof PROGRESS_STATES)[number]): number => Number((row[headers.indexOf(STATE_LABELS.en[state])] ?? '').replace(/,/g, ''));
    // Independently: one project each delayed, done and in progress; the first two in workstream 1.
    expect([cell(total, 'delayed'), cell(total, 'done'), cell(total, 'in-progress')]).toEqual([1, 1, 1]);
    expect([cell(rows[0] ?? [], 'delayed'), cell(rows[0] ?? [], 'done'), cell(rows[3] ?? [], 'in-progress')]).toEqual([1, 1, 1]);
    // Every count as the library's status report gives it.
    const report = statusReport([
      { projectId: ws1[0]?.id ?? '', date: '2023-01-15', status: 'delayed' },
      { projectId: ws1[1]?.id ?? '', date: '2023-02-20', status: 'done' },
      { projectId: ws4.id, date: '2023-03-01', status: 'in-progress' },
    ]);
    [...report.workstreams, report.total].forEach((g, i) => {
      for (const state of PROGRESS_STATES) expect(cell(rows[i] ?? [], state), `${g.key} ${state}`).toBe(g.byStatus[state]);
    });
    await page.close();
  }, 90_000);

  it('a shared URL restores the same view', async () => {
    const { page } = await open('#lang=en');
    let drawn = (await probe(page)).drawn;
    await page.selectOption('#country', 'IDN');
    await waitFor(page, 'drawn', drawn);
    drawn = (await probe(page)).drawn;
    await page.selectOption('#peer-group', 'region');
    await waitFor(page, 'drawn', drawn);
    drawn = (await probe(page)).drawn;
    await page.selectOption('#era', 'be');
    await waitFor(page, 'drawn', drawn);
    const outputs = (await probe(page)).outputs;
    await page.locator('#slider-WEF').fill('7');
    await waitFor(page, 'outputs', outputs);
    const view = async (p: Page): Promise<unknown[]> => [
      await p.locator('#country').inputValue(),
      await p.locator('#lang').inputValue(),
      await p.locator('#era').inputValue(),
      await p.locator('#peer-group').inputValue(),
      await p.locator('#slider-WEF').getAttribute('data-value'),
      await p.locator('#cpi-score').textContent(),
      await p.locator('#whatif-cpi').textContent(),
      await p.locator('table[data-table="peers"] tbody').textContent(),
    ];
    const before = await view(page);
    expect(before.slice(0, 5)).toEqual(['IDN', 'en', 'be', 'region', '7']);
    const shared = await open(new URL(page.url()).hash);
    expect(await view(shared.page)).toEqual(before);
    await page.close();
    await shared.page.close();
  }, 90_000);

  it('axe-core finds no serious or critical accessibility violation, in Thai and English', async () => {
    for (const hash of ['', '#lang=en&solved=even']) {
      const { page } = await open(hash);
      await page.addScriptTag({ content: axe.source });
      const violations = await page.evaluate(async () => {
        const run = (globalThis as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: { id: string; impact: string | null; nodes: unknown[] }[] }> } }).axe.run;
        const result = await run(document, { resultTypes: ['violations'] });
        return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact ?? ''}): ${v.nodes.length} nodes`);
      });
      expect(violations, hash).toEqual([]);
      await page.close();
    }
  }, 120_000);
});
