import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

/** The project's root folder. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The `shared/` folder that CI lays beside the clone (TI's result files, the seed). Override with
 * CPI_GAP_SHARED=/path/to/shared. In a user's clone it is usually absent.
 */
export const SHARED_DIR = resolve(process.env.CPI_GAP_SHARED ?? join(ROOT, '..', 'shared'));

/** Path of a file inside shared/, e.g. `sharedPath('data/ti-cpi/CPI2022_Results.csv')`. */
export function sharedPath(relative: string): string {
  return join(SHARED_DIR, relative);
}

/** Whether a file of shared/ is present. */
export function hasShared(relative: string): boolean {
  return existsSync(sharedPath(relative));
}

/** Read a UTF-8 file of shared/. */
export function readShared(relative: string): string {
  return readFileSync(sharedPath(relative), 'utf8');
}

export const SEED = 'seed/000_ed406bf363f6a985.txt';
export const TI_HISTORICAL = 'data/ti-cpi/cpi_historical_2012_2025.csv';
export const TI_2022 = 'data/ti-cpi/CPI2022_Results.csv';
export const TI_2025 = 'data/ti-cpi/CPI2025_Results.csv';

const announced = new Set<string>();

/**
 * `describe` that runs only when the named shared/ files exist. Otherwise the suite is skipped and a
 * message says what was skipped and how to run it with a TI file.
 */
export function describeWithShared(name: string, files: readonly string[], body: () => void): void {
  const missing = files.filter((f) => !hasShared(f));
  if (missing.length === 0) {
    describe(name, body);
    return;
  }
  const key = `${name}:${missing.join(',')}`;
  if (!announced.has(key)) {
    announced.add(key);
    console.warn(
      `[cpi-gap] skipped "${name}": ${missing.map(sharedPath).join(', ')} not found. ` +
        'These tests check cpi-gap against Transparency International\'s published files (and the seed plan). ' +
        'To run them, put the files under ../shared/ beside this clone, or set CPI_GAP_SHARED=/path/to/shared ' +
        '(with data/ti-cpi/cpi_historical_2012_2025.csv, CPI2022_Results.csv, CPI2025_Results.csv and seed/); ' +
        '`npm run conformance -- <TI file>` checks any single TI file.',
    );
  }
  // The body is not collected: it may read the missing files as it defines its tests.
  describe.skip(name, () => {
    it.skip(`needs ${missing.join(', ')}`, () => undefined);
  });
}
