import type { SourceId } from '../dataset/sourceCatalog.js';
import { frozen } from '../util/freeze.js';

/**
 * A stepped source: one that takes a few values only (its levels), which TI rescales from edition
 * to edition, so that a country staying on its level shows a change that did not happen.
 *
 * @example
 * const eiu: SteppedSource | undefined = STEPPED_LEVELS.EIU;
 * eiu?.levels[2024]; // => [18.41219, 34.52117, 50.63015, 66.73913, 82.84811]
 */
export interface SteppedSource {
  readonly source: SourceId;
  /** Where the levels come from: TI's file, each edition's values as TI stores them. */
  readonly origin: { readonly kind: 'ti'; readonly file: string };
  /** Each edition's levels, ascending, as TI stores them (integers in the editions that store integers). */
  readonly levels: Readonly<Record<number, readonly number[]>>;
}

/**
 * The stepped sources and their levels per edition, from TI's "CPI Historical" table
 * (`cpi_historical_2012_2025.csv`: every value of the source in each edition, across every
 * country). The Economist Intelligence Unit's Country Ratings take five values; TI rescaled them in
 * 2016 and again in 2024 (on the 2024 scale 18.41, 34.52, 50.63, 66.74, 82.85). A test holds this
 * table to the bundled panel and to TI's file.
 *
 * @example
 * STEPPED_LEVELS.EIU?.levels[2025]?.length; // => 5
 * STEPPED_LEVELS.EIU?.levels[2023]?.[1]; // => 37.26319
 */
export const STEPPED_LEVELS: Readonly<Partial<Record<SourceId, SteppedSource>>> = frozen({
  EIU: {
    source: 'EIU',
    origin: { kind: 'ti', file: 'cpi_historical_2012_2025.csv' },
    levels: {
      2012: [21, 38, 54, 71, 88],
      2013: [21, 38, 54, 71, 88],
      2014: [21, 38, 54, 71, 88],
      2015: [21, 38, 54, 71, 88],
      2016: [19, 37, 54, 72, 90],
      2017: [20, 37, 55, 72, 90],
      2018: [20, 37, 55, 72, 90],
      2019: [20, 37, 55, 72, 90],
      2020: [20, 37, 55, 72, 90],
      2021: [19.79276, 37.26319, 54.73361, 72.20404, 89.67447],
      2022: [20, 37, 55, 72, 90],
      2023: [19.79276, 37.26319, 54.73361, 72.20404, 89.67447],
      2024: [18.41219, 34.52117, 50.63015, 66.73913, 82.84811],
      2025: [18.37966, 34.4944, 50.60913, 66.72388, 82.83861],
    },
  },
});

/** How far a value may sit from its level and still be on it: half a point (a level rounded to an integer, as the seed's tables store it). */
const LEVEL_TOLERANCE = 0.5 + 1e-9;

/**
 * The level a stepped source's value stands on in an edition: its index (0 the lowest) and the
 * number of levels, or null when the source is not stepped, the edition is not in
 * {@link STEPPED_LEVELS}, or the value is on none of its levels (within half a point: the seed's
 * 37 for TI's 37.26319 in 2021 is on the second). Internal: `trend` and `onTrack` read by it.
 */
export function levelOf(source: SourceId, year: number, value: number): { index: number; count: number } | null {
  const levels = STEPPED_LEVELS[source]?.levels[year];
  if (levels === undefined) return null;
  const index = levels.findIndex((l) => Math.abs(value - l) <= LEVEL_TOLERANCE);
  return index < 0 ? null : { index, count: levels.length };
}
