import * as z from 'zod/mini';
import { CpiScore, Year } from '../dataset/schema.js';
import { parseInput } from '../errors.js';
import { listOf } from '../util/limits.js';
import { rank } from '../methodology/rank.js';
import type { ScenarioResult } from './scenario.js';

/** The parts of a {@link ScenarioResult} a ranking needs (other fields are ignored). */
const ResultInput = z.object({
  name: z.optional(z.nullable(z.string())),
  years: z.array(z.object({ year: Year, score: CpiScore })).check(z.minLength(1)),
});

const Scores = listOf(z.number().check(z.minimum(0), z.maximum(100))).check(z.minLength(1, 'expected at least one score'));

/**
 * The rank one scenario year's score would have had.
 *
 * @example
 * const r = scenario(thailand, { baseYear: 2025, until: 2026, changes: [{ kind: 'lever', workstream: 1, year: 2026, uplift: 10 }] });
 * const [, y2026]: ScenarioRank[] = scenarioRank(r, [60, 50, 40, 37, 36, 33, 30]);
 * y2026?.score; // => 38
 * y2026?.rank; // => 4
 * // 60, 50 and 40 are higher
 */
export interface ScenarioRank {
  readonly year: number;
  readonly score: number;
  /** 1 + the number of scores in the distribution strictly above `score` (TI's ranking). */
  readonly rank: number;
  /** Number of scores in the distribution. */
  readonly countries: number;
}

/**
 * The rank each year's scenario score would have had in one year's distribution of TI scores (for
 * example CPI 2025's 182 scores), ranked as TI ranks (methodology's `rank`: ties share the best
 * rank). Pass the distribution without the country's own score if its scenario score can fall below
 * its actual one; above it, its own entry does not change the rank.
 *
 * @throws {CpiGapError} when `result` has no years or `scores` is empty or holds a score outside 0..100.
 * @example
 * const r = scenario(thailand, { baseYear: 2022, until: 2023, changes: [{ kind: 'delta', source: 'VDEM', year: 2023, delta: 9 }] });
 * scenarioRank(r, [90, 60, 51, 37, 36, 20]).map((x) => x.rank); // => [5, 4]
 */
export function scenarioRank(result: ScenarioResult, scores: readonly number[]): ScenarioRank[] {
  const r = parseInput('scenarioRank', ResultInput, result, ['result']);
  const all = parseInput('scenarioRank', Scores, scores, ['scores']);
  return r.years.map((y) => ({ year: y.year, score: y.score, rank: rank(y.score, all), countries: all.length }));
}
