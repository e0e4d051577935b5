import * as z from 'zod/mini';
import { SourceIdSchema } from '../dataset/schema.js';
import { feasibilityOf, type Feasibility } from '../analysis/feasibility.js';
import { parseInput } from '../errors.js';
import type { DeepReadonly } from '../util/freeze.js';
import { changeRecord } from './changeRecord.js';

/**
 * Options of {@link feasibility}: each source's planned gain (points, total over `years`) and its
 * value now (for a stepped source's next level).
 *
 * @example
 * const o: FeasibilityOptions = { gains: [{ source: 'EIU', gain: 14.5, from: 34.49 }], years: 2 };
 * feasibility(o).sources[0]?.nextLevel; // => 50.61
 */
export const FeasibilityOptions = z.strictObject({
  gains: z.array(z.strictObject({ source: SourceIdSchema, gain: z.number().check(z.minimum(-100), z.maximum(100)), from: z.optional(z.number().check(z.minimum(0), z.maximum(100))) })).check(z.minLength(1)),
  /** Years over which the gains happen (k). Default 1. */
  years: z.optional(z.int().check(z.minimum(1), z.maximum(13))),
  /** The edition the gains start from, for a stepped source's levels. Default: the panel's latest. */
  edition: z.optional(z.int().check(z.minimum(2012), z.maximum(2100))),
});
export type FeasibilityOptions = z.input<typeof FeasibilityOptions>;

/**
 * Planned gains against TI's record 2012-2025: for each source, the share of its observed one-year
 * changes (every country, at one precision) as large as the gain a year, and of its k-year changes
 * as large as the gain; an allocation beyond every observed change is `unprecedented`; a stepped
 * source (EIU, whose five levels TI rescales) gets its next reachable level, not an impossible value;
 * and the largest CPI gains in TI's record, for scale. Sources with no positive gain are left out.
 * `solveTarget`, `solveWorkstreams` and `scenario` assess their own gains the same way when given
 * `record: changeRecord()` (their result's `feasibility`); the command line prints it beside them.
 *
 * @throws {CpiGapError} naming `feasibility` for an invalid option.
 * @example
 * const f = feasibility({ gains: [{ source: 'EIU', gain: 14.5, from: 34.49 }, { source: 'WEF', gain: 14.5 }] });
 * f.sources.map((s) => s.nextLevel); // => [50.61, null]
 * f.largestCpiGains.oneYear[0]?.points; // => 14
 */
export function feasibility(options: DeepReadonly<FeasibilityOptions>): Feasibility {
  const o = parseInput('feasibility', FeasibilityOptions, options, ['options']);
  const record = changeRecord();
  return feasibilityOf(record, o.gains, o.years ?? 1, o.edition ?? record.editions.to);
}
