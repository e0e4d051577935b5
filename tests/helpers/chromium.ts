import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's Chromium (as .ci/run installs it), or CPI_GAP_CHROMIUM. */
export const CHROMIUM = process.env['CPI_GAP_CHROMIUM'] ?? '/usr/bin/chromium';
export const HAVE_CHROMIUM = existsSync(CHROMIUM);

/** Say once, in the test output, that `what` was skipped for want of Chromium. */
export function warnNoChromium(what: string): void {
  if (!HAVE_CHROMIUM) {
    console.warn(`[cpi-gap] skipped ${what}: ${CHROMIUM} not found. Install Debian's chromium (apt-get install chromium) or set CPI_GAP_CHROMIUM=/path/to/chromium.`);
  }
}

/** Headless Chromium with a fresh profile in a temporary folder; `close` also removes the folder. */
export async function launchChromium(viewport: { width: number; height: number }): Promise<{ browser: BrowserContext; close: () => Promise<void> }> {
  const userData = mkdtempSync(join(tmpdir(), 'cpi-gap-chromium-'));
  // A fresh profile (--user-data-dir) in a temporary folder; playwright passes it for us.
  const browser = await chromium.launchPersistentContext(userData, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      rmSync(userData, { recursive: true, force: true });
    },
  };
}
