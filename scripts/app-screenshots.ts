/// <reference lib="dom" />
// Screenshots of the CPI explorer (app/) in Thai and English for docs/app/: `npm run app:screenshots`
// builds the app, opens it in Debian's Chromium and saves the top of the page (where we stand) and the
// what-if section after target-seeking (even), in each language.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, serveFolder } from './app.js';
import { CHROMIUM, HAVE_CHROMIUM, launchChromium } from '../tests/helpers/chromium.js';

const OUT = join(import.meta.dirname, '..', 'docs', 'app');

async function main(): Promise<void> {
  if (!HAVE_CHROMIUM) throw new Error(`${CHROMIUM} not found (apt-get install chromium, or set CPI_GAP_CHROMIUM)`);
  const dir = mkdtempSync(join(tmpdir(), 'cpi-gap-app-shots-'));
  await buildApp(dir);
  const served = await serveFolder(dir);
  const { browser, close } = await launchChromium({ width: 1200, height: 1400 });
  mkdirSync(OUT, { recursive: true });
  try {
    for (const locale of ['th', 'en'] as const) {
      const page = await browser.newPage();
      await page.goto(`${served.base}index.html#lang=${locale}`);
      await page.waitForFunction(() => ((globalThis as unknown as { cpiGapApp?: { simulated: number } }).cpiGapApp?.simulated ?? 0) > 0, undefined, { timeout: 60_000 });
      await page.click('#solve-even');
      await page.waitForFunction(() => ((globalThis as unknown as { cpiGapApp?: { simulated: number } }).cpiGapApp?.simulated ?? 0) > 1, undefined, { timeout: 60_000 });
      await page.evaluate(async () => {
        await document.fonts.ready;
        window.scrollTo(0, 0);
      });
      const top = join(OUT, `explorer-${locale}.png`);
      await page.screenshot({ path: top });
      const whatIf = join(OUT, `whatif-${locale}.png`);
      await page.locator('#whatif').screenshot({ path: whatIf });
      console.log(`wrote ${top} and ${whatIf}`);
      await page.close();
    }
  } finally {
    await close();
    await served.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
