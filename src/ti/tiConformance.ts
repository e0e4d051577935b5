import * as z from 'zod/mini';
import { listOf } from '../util/limits.js';
import { parseInput } from '../errors.js';
import { aggregate } from '../methodology/aggregate.js';
import { rank } from '../methodology/rank.js';
import { deepFreeze } from '../util/freeze.js';
import { TiRowSchema } from './datasetFromTi.js';

/**
 * How far cpi-gap's recomputation agrees with TI's published figures in one edition.
 *
 * @example
 * import { readFileSync } from 'node:fs';
 * const { rows, report } = readTiResults(readFileSync('CPI2025_Results.csv', 'utf8'), { file: 'CPI2025_Results.csv' });
 * const [c]: readonly EditionConformance[] = tiConformance(rows);
 * c?.edition; // => 2025
 * c?.seWithin === c?.seCompared; // => true: every SE within 0.001 of TI's
 */
export interface EditionConformance {
  readonly edition: number;
  /** Rows of the edition. */
  readonly rows: number;
  /** Rows with at least 3 source scores, which {@link aggregate} can recompute. */
  readonly computable: number;
  /** Rows whose recomputed (rounded) score equals TI's. */
  readonly scoreAgree: number;
  /** Rows carrying TI's SE / both CI bounds / rank, i.e. how many each count below is out of. */
  readonly seCompared: number;
  readonly boundsCompared: number;
  readonly rankCompared: number;
  /** Rows whose recomputed SE, lower and upper bound lie within `tolerance` of TI's. */
  readonly seWithin: number;
  readonly lowerWithin: number;
  readonly upperWithin: number;
  /** Rows whose rank, recomputed within the edition from TI's scores, equals TI's rank. */
  readonly rankAgree: number;
  /** Rows whose number of source scores equals TI's "Number of sources". */
  readonly sourcesAgree: number;
  /** Largest absolute differences (0 when nothing was compared). */
  readonly maxAbs: { readonly score: number; readonly standardError: number; readonly lower: number; readonly upper: number; readonly rank: number };
}

/** Options of {@link tiConformance}. */
export const TiConformanceOptions = z.strictObject({
  /** Largest difference counted as agreement for SE and CI bounds. Default 0.001. */
  tolerance: z.optional(z.number().check(z.minimum(0))),
});

/**
 * Recompute TI's figures from TI's own rows and count the agreement per edition: each row's score,
 * SE and 90% CI from its source scores with {@link aggregate} (the edition's rules), and each rank
 * within its year with {@link rank}. This is what `npm run conformance -- <file>` prints.
 *
 * @throws {CpiGapError} for malformed rows.
 * @example
 * import { readFileSync } from 'node:fs';
 * const { rows } = readTiResults(readFileSync('CPI2025_Results.csv', 'utf8'));
 * tiConformance(rows).map((e) => [e.edition, e.scoreAgree, e.rows]); // => [[2025, 182, 182]]
 */
export function tiConformance(rows: readonly unknown[], options: z.input<typeof TiConformanceOptions> = {}): readonly EditionConformance[] {
  const all = parseInput('tiConformance', listOf(TiRowSchema), rows, ['rows']);
  const tolerance = parseInput('tiConformance', TiConformanceOptions, options, ['options']).tolerance ?? 0.001;
  const editions = [...new Set(all.map((r) => r.year))].sort((a, b) => a - b);
  return deepFreeze(
    editions.map((edition) => {
      const mine = all.filter((r) => r.year === edition);
      const scores = mine.map((r) => r.score);
      const acc = { computable: 0, scoreAgree: 0, seCompared: 0, boundsCompared: 0, rankCompared: 0, seWithin: 0, lowerWithin: 0, upperWithin: 0, rankAgree: 0, sourcesAgree: 0 };
      const maxAbs = { score: 0, standardError: 0, lower: 0, upper: 0, rank: 0 };
      for (const r of mine) {
        const values: number[] = Object.values(r.sourceScores);
        if (r.sources === values.length) acc.sourcesAgree += 1;
        if (r.rank !== undefined) {
          acc.rankCompared += 1;
          const k = rank(r.score, scores);
          if (k === r.rank) acc.rankAgree += 1;
          maxAbs.rank = Math.max(maxAbs.rank, Math.abs(k - r.rank));
        }
        if (values.length < 3 || (edition >= 2020 && values.length > 13) || edition < 2012) continue;
        acc.computable += 1;
        const a = aggregate(values, { edition });
        if (a.score === r.score) acc.scoreAgree += 1;
        maxAbs.score = Math.max(maxAbs.score, Math.abs(a.score - r.score));
        if (r.standardError !== undefined) {
          acc.seCompared += 1;
          const d = Math.abs(a.standardError - r.standardError);
          if (d <= tolerance) acc.seWithin += 1;
          maxAbs.standardError = Math.max(maxAbs.standardError, d);
        }
        if (r.lower !== undefined && r.upper !== undefined) {
          acc.boundsCompared += 1;
          const dl = Math.abs(a.lower - r.lower);
          const du = Math.abs(a.upper - r.upper);
          if (dl <= tolerance) acc.lowerWithin += 1;
          if (du <= tolerance) acc.upperWithin += 1;
          maxAbs.lower = Math.max(maxAbs.lower, dl);
          maxAbs.upper = Math.max(maxAbs.upper, du);
        }
      }
      return { edition, rows: mine.length, ...acc, maxAbs };
    }),
  );
}
