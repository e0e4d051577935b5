import * as z from 'zod';
import { SourceIdSchema } from '../dataset/schema.js';
import type { SourceId } from '../dataset/sourceCatalog.js';
import { parseInput } from '../errors.js';
import { sourceChanges } from './panel.js';

/**
 * How often a source moved as much as a planned change, in TI's record ({@link sourceChangeRecord}).
 *
 * @example
 * const r: SourceChangeRecord = sourceChangeRecord('WEF', 10);
 * r.share < 0.05; // => true
 */
export interface SourceChangeRecord {
  readonly source: SourceId;
  /** The change asked about (points over `years` editions). */
  readonly change: number;
  readonly years: number;
  /** Observed `years`-edition changes of the source across every country of the panel. */
  readonly observed: number;
  /** How many of them were at least `change` (at most, for a negative change). */
  readonly asLarge: number;
  /** `asLarge / observed` (0 when nothing was observed). */
  readonly share: number;
  /** The largest rise and the largest fall observed. */
  readonly largestRise: number;
  readonly largestFall: number;
  /** Whether the change is beyond every observed one. */
  readonly unprecedented: boolean;
}

const Options = z.strictObject({ source: SourceIdSchema, change: z.number().min(-100).max(100), years: z.int().min(1).max(13) });

/**
 * The historical record of a source's change: across every country of the bundled panel (TI's CPI
 * 2012-2025, the values TI published for each edition), the changes of `source` from an edition to
 * the edition `years` later where both scored the country, and how many were as large as `change`
 * (a rise of at least `change`, or for a negative `change` a fall of at least as much). The values
 * are TI's as published, rescaling included (EIU's 2024 values are on a new scale), read at one
 * precision: a change across an edition that stores integers compares both values rounded, as
 * `feasibility` counts them.
 *
 * @throws {CpiGapError} naming `sourceChangeRecord` for an unknown source or a change outside -100..100.
 * @example
 * const r = sourceChangeRecord('WEF', 10);
 * r.observed > 1000; // => true
 * r.unprecedented; // => false
 * sourceChangeRecord('WEF', 99).unprecedented; // => true
 */
export function sourceChangeRecord(source: SourceId, change: number, years = 1): SourceChangeRecord {
  const o = parseInput('sourceChangeRecord', Options, { source, change, years }, ['options']);
  const changes = sourceChanges(o.source, o.years);
  let asLarge = 0;
  let largestRise = 0;
  let largestFall = 0;
  for (const d of changes) {
    if (o.change >= 0 ? d >= o.change : d <= o.change) asLarge += 1;
    largestRise = Math.max(largestRise, d);
    largestFall = Math.min(largestFall, d);
  }
  const observed = changes.length;
  const unprecedented = o.change > largestRise || o.change < largestFall;
  return { source: o.source, change: o.change, years: o.years, observed, asLarge, share: observed === 0 ? 0 : asLarge / observed, largestRise, largestFall, unprecedented };
}
