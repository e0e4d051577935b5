/**
 * A world-model run for one country (internal): chunks of paths, each with its own random streams
 * (so a seed gives the same result however the run is cut), counted into a histogram of scores per
 * year and, when ranks are asked, P(rank <= k) with every other country of the base edition moving
 * (each under the score-level form, sharing the path's historical years) and the distribution of the
 * score each rank needs (the k-th highest score of the others).
 */
import { BINS, CHUNK_PATHS } from '../kernel.js';
import { Stream } from '../random.js';
import { runCountry, type CountryStart } from './paths.js';
import { runScoreLevel, type ScoreStart } from './scoreLevel.js';
import type { FittedWorld } from './start.js';

/** What a run needs. */
export interface WorldRunInput {
  readonly world: FittedWorld;
  readonly start: CountryStart;
  /** `uplifts[h * NS + s]`, cumulative planned uplift (null: none). */
  readonly uplifts: Float64Array | null;
  readonly paths: number;
  readonly horizon: number;
  readonly seed: number;
  /** Ranks k asked (empty: no rank simulation). */
  readonly ranks: readonly number[];
  /** The other countries of the base edition. */
  readonly others: readonly ScoreStart[];
  /** Multiplies every other country's changes (1: the model; 0: each keeps its base score). */
  readonly spread: number;
  /** Called between chunks (abort, progress). */
  readonly between: (done: number) => Promise<void>;
}

/** The counts of a run: `hist[h * BINS + score]`; `rankHits[h * K + i]`: paths with rank <= ranks[i]; `needed[(h * K + i) * BINS + score]`. */
export interface WorldRunCounts {
  readonly hist: Float64Array;
  readonly rankHits: Float64Array;
  readonly needed: Float64Array;
}

/** Historical years for P paths x H years: one of the fit's change years each, uniformly. */
function drawYears(rng: Stream, years: number, n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i += 1) out[i] = rng.index(years);
  return out;
}

/** Count one chunk's ranks: for each path-year, the others' score histogram gives rank and needed score. */
function countRanks(input: WorldRunInput, focus: Uint8Array, others: readonly Uint8Array[], P: number, counts: WorldRunCounts): void {
  const K = input.ranks.length;
  const h101 = new Int32Array(BINS);
  for (let h = 0; h < input.horizon; h += 1) {
    for (let p = 0; p < P; p += 1) {
      h101.fill(0);
      for (const o of others) h101[o[h * P + p] as number] = (h101[o[h * P + p] as number] as number) + 1;
      const mine = focus[h * P + p] as number;
      let above = 0;
      for (let s = mine + 1; s < BINS; s += 1) above += h101[s] as number;
      // The score each rank needs: the k-th highest of the others (0 when fewer than k others).
      let cum = 0;
      let s = BINS - 1;
      for (let i = 0; i < K; i += 1) {
        const k = input.ranks[i] as number;
        while (s >= 0 && cum + (h101[s] as number) < k) {
          cum += h101[s] as number;
          s -= 1;
        }
        const need = s < 0 ? 0 : s;
        const slot = (h * K + i) * BINS + need;
        counts.needed[slot] = (counts.needed[slot] as number) + 1;
        if (above + 1 <= k) counts.rankHits[h * K + i] = (counts.rankHits[h * K + i] as number) + 1;
      }
    }
  }
}

/** Run every chunk; returns the counts. */
export async function runWorld(input: WorldRunInput): Promise<WorldRunCounts> {
  const { paths, horizon: H, seed } = input;
  const K = input.ranks.length;
  const counts: WorldRunCounts = { hist: new Float64Array(H * BINS), rankHits: new Float64Array(H * K), needed: new Float64Array(H * K * BINS) };
  const chunks = Math.ceil(paths / CHUNK_PATHS);
  for (let chunk = 0; chunk < chunks; chunk += 1) {
    const P = Math.min(CHUNK_PATHS, paths - chunk * CHUNK_PATHS);
    const rng = new Stream(seed, chunk);
    const years = drawYears(rng, input.world.fit.years, P * H);
    const scores = new Uint8Array(P * H);
    runCountry(input.world.fit, input.start, rng, { P, H }, years, input.uplifts, { scores, sources: null });
    for (let i = 0; i < scores.length; i += 1) {
      const bin = Math.floor(i / P) * BINS + (scores[i] as number);
      counts.hist[bin] = (counts.hist[bin] as number) + 1;
    }
    if (K > 0) {
      const others = input.others.map((o, j) => {
        const out = new Uint8Array(P * H);
        runScoreLevel(input.world.scoreLevel, o, new Stream(seed, chunks * (j + 1) + chunk), { P, H }, years, input.spread, out);
        return out;
      });
      countRanks(input, scores, others, P, counts);
    }
    await input.between(Math.min(paths, (chunk + 1) * CHUNK_PATHS));
  }
  return counts;
}
