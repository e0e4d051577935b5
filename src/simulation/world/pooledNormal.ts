/**
 * The peer benchmark's world model (internal; `npm run bench` runs it beside
 * ../shared/bench/mc_world_numpy.py, whose docstring defines it): every country scored in the latest
 * edition starts at its published score; each year x_c <- clip(x_c + d_c + sd Z_c, 0, 100), Z_c
 * independent standard normals, d_c the focus country's drift (0 for the others), sd the sample SD of
 * all year-on-year changes of published scores; the score is floor(x + 0.5); the focus country's
 * rank is 1 + the countries strictly higher. Paths run in chunks, each with its own stream; only
 * counts are kept (no path is stored), so memory does not grow with the paths.
 */
import { BINS, CHUNK_PATHS } from '../kernel.js';
import { Stream } from '../random.js';

/** What the benchmark asks. */
export interface PooledNormalInput {
  /** Each country's starting score; `focus` indexes the focus country. */
  readonly base: Float64Array;
  readonly focus: number;
  readonly sd: number;
  readonly focusDrift: number;
  readonly paths: number;
  readonly horizon: number;
  readonly seed: number;
  readonly ranks: readonly number[];
  readonly target: number;
}

/** Per simulated year: P(focus score >= target), P(rank <= k) and the median over paths of the k-th highest score. */
export interface PooledNormalYear {
  readonly pTarget: number;
  readonly pRank: readonly number[];
  readonly medianScoreForRank: readonly number[];
}

/** The median of integer values given their counts (the mean of the two middle values for an even total, as numpy's median). */
function medianOf(counts: Float64Array, n: number): number {
  const at = (i: number): number => {
    let cum = 0;
    for (let s = 0; s < counts.length; s += 1) {
      cum += counts[s] as number;
      if (cum > i) return s;
    }
    return counts.length - 1;
  };
  return n % 2 === 1 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
}

/** One chunk of paths, counted into hits (`[h]` target, `[h * K + i]` ranks) and k-th highest histograms. */
function runChunk(input: PooledNormalInput, chunk: number, counts: { target: Float64Array; rank: Float64Array; kth: Float64Array }): void {
  const { base, focus, sd, focusDrift, horizon, ranks } = input;
  const n = base.length;
  const K = ranks.length;
  const P = Math.min(CHUNK_PATHS, input.paths - chunk * CHUNK_PATHS);
  const rng = new Stream(input.seed, chunk);
  const x = new Float64Array(n);
  const z = new Float64Array(n);
  const hist = new Int32Array(BINS);
  for (let p = 0; p < P; p += 1) {
    x.set(base);
    for (let h = 0; h < horizon; h += 1) {
      rng.fillNormal(z, n);
      hist.fill(0);
      for (let c = 0; c < n; c += 1) {
        let v = (x[c] as number) + sd * (z[c] as number) + (c === focus ? focusDrift : 0);
        v = v < 0 ? 0 : v > 100 ? 100 : v;
        x[c] = v;
        const s = Math.floor(v + 0.5);
        hist[s] = (hist[s] as number) + 1;
      }
      const mine = Math.floor((x[focus] as number) + 0.5);
      if (mine >= input.target) counts.target[h] = (counts.target[h] as number) + 1;
      let above = 0;
      let s = BINS - 1;
      let cum = 0;
      for (let i = 0; i < K; i += 1) {
        const k = ranks[i] as number;
        while (s > 0 && cum + (hist[s] as number) < k) {
          cum += hist[s] as number;
          s -= 1;
        }
        const slot = (h * K + i) * BINS + s;
        counts.kth[slot] = (counts.kth[slot] as number) + 1;
      }
      for (let v = mine + 1; v < BINS; v += 1) above += hist[v] as number;
      for (let i = 0; i < K; i += 1) if (above + 1 <= (ranks[i] as number)) counts.rank[h * K + i] = (counts.rank[h * K + i] as number) + 1;
    }
  }
}

/** Run the benchmark's world model. */
export function pooledNormalWorld(input: PooledNormalInput): PooledNormalYear[] {
  const K = input.ranks.length;
  const H = input.horizon;
  const counts = { target: new Float64Array(H), rank: new Float64Array(H * K), kth: new Float64Array(H * K * BINS) };
  const chunks = Math.ceil(input.paths / CHUNK_PATHS);
  for (let chunk = 0; chunk < chunks; chunk += 1) runChunk(input, chunk, counts);
  return Array.from({ length: H }, (_, h) => ({
    pTarget: (counts.target[h] as number) / input.paths,
    pRank: input.ranks.map((_, i) => (counts.rank[h * K + i] as number) / input.paths),
    medianScoreForRank: input.ranks.map((_, i) => medianOf(counts.kth.subarray((h * K + i) * BINS, (h * K + i + 1) * BINS), input.paths)),
  }));
}
