/**
 * A dataset's source scores at one precision (internal). The country models read the dataset's own
 * values ({@link datasetPrecision}): a change across one of TI's integer editions (values from TI
 * or the seed) compares both values rounded half up, so the seed's integers (to 2022) and TI's unrounded values (from 2023)
 * invent no change, and TI's panel is never loaded. The world model reads TI's stored values for
 * every country-year the panel holds (`onePrecision` in world/start.ts).
 */
import type { Dataset } from '../dataset/createDataset.js';
import { INTEGER_EDITIONS } from '../methodology/editions.js';

/** A dataset's source scores at one precision: `values` by `source@year`, and its years with whether each is one of TI's integer editions. */
export interface OnePrecision {
  readonly values: ReadonlyMap<string, number>;
  /** Years read as TI stores them, with whether that edition stores integers. */
  readonly tiYears: ReadonlyMap<number, boolean>;
}

/**
 * The dataset's own values, each year marked as one of TI's integer editions when it is one and a
 * value of that year comes from TI (its edition of that year) or from the seed (which prints TI's
 * integers): see the module's comment. A dataset of one's own (`user` values) is read as it is.
 */
export function datasetPrecision(dataset: Dataset): OnePrecision {
  const values = new Map<string, number>();
  const tiYears = new Map<number, boolean>();
  for (const s of dataset.scores) {
    values.set(`${s.source}@${s.year}`, s.value);
    const fromTi = s.origin.kind === 'seed' || (s.origin.kind === 'ti' && s.origin.edition === s.year);
    if (fromTi) tiYears.set(s.year, INTEGER_EDITIONS.includes(s.year));
  }
  return { values, tiYears };
}
