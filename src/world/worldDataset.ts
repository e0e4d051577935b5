import type { Dataset } from '../dataset/createDataset.js';
import { buildTiDataset } from '../ti/datasetFromTi.js';
import { resolveCountry } from './countries.js';
import { countryRows, editionRows } from './panel.js';

const made = new Map<string, Dataset>();

/**
 * The CPI dataset of any country or territory in the bundled panel (TI's "CPI Historical" table,
 * 2012-2025), made by `createDataset`, so every analysis, scenario, simulation and chart function
 * takes it as it takes the bundled `thailand`:
 * - country: ISO3, English and Thai names from {@link countries}, TI's region;
 * - sources: every source with a score in some edition, named as in TI's files, in TI's column order;
 * - scores: every source score as TI stores it (unrounded where TI publishes unrounded);
 * - cpi: per edition TI's score and rank, `countries` = the countries TI scored that edition, and
 *   TI's standard error, 90% interval and number of sources;
 * - every value's `origin`: `{ kind: 'ti', edition, file }` with the panel's file (and sheet).
 * No workstreams, targets or plan: those are Thailand's (the bundled `thailand`, which this
 * function does not replace: `worldDataset('THA')` is TI's view of Thailand, 2012-2025).
 * Datasets are made once per country and shared (they are deeply frozen).
 *
 * @throws {CpiGapError} naming `worldDataset` when the code or name matches no country (the message
 * lists the closest names).
 * @example
 * const idn = worldDataset('IDN');
 * idn.country.name.en; // => 'Indonesia'
 * idn.years[0]; // => 2012
 * idn.cpi.find((c) => c.year === 2025)?.score; // => 34
 * cpiGap(idn, { target: 51 }).neededMean; // => 50.5
 */
export function worldDataset(country: string): Dataset {
  const c = resolveCountry('worldDataset', country);
  const known = made.get(c.iso3);
  if (known !== undefined) return known;
  const { dataset } = buildTiDataset('worldDataset', c.iso3, countryRows(c.iso3), (year) => editionRows(year).length, { name: c.name });
  made.set(c.iso3, dataset);
  return dataset;
}
