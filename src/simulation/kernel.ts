/**
 * The Monte Carlo inner loop (internal): one chunk of paths, from the base-year scores through
 * `horizon` simulated years, counted into a histogram of integer CPI scores per year. Plain data in,
 * typed arrays only, no imports but the generator: the worker thread runs this same code.
 */
import { Stream } from './random.js';

/**
 * Paths per chunk. Each chunk draws from its own stream, so results never depend on the threads.
 *
 * @example
 * CHUNK_PATHS; // => 16384
 * // 100,000 paths run as 7 chunks, each with its own random stream
 * Math.ceil(100_000 / CHUNK_PATHS); // => 7
 */
export const CHUNK_PATHS = 16_384;

/** Bins of a year's histogram: integer scores 0..100. */
export const BINS = 101;

/** A model's innovations: 0 random walk, 1 bootstrap, 2 correlated normal. */
export type KernelModel = 0 | 1 | 2;

/** Everything a chunk needs, as plain data (structured-cloneable for a worker). */
export interface KernelParams {
  readonly seed: number;
  readonly paths: number;
  readonly horizon: number;
  /** Number of sources. */
  readonly n: number;
  readonly model: KernelModel;
  /** Base-year score per source. */
  readonly base: Float64Array;
  /**
   * Deterministic move per year and source, `drift[y * n + s]`: the model's mu (with any extra
   * drift; 0 for the bootstrap, whose changes carry their own mean).
   */
  readonly drift: Float64Array;
  /**
   * Planned uplift per year and source, `uplift[y * n + s]` (cumulative, over the no-change path;
   * empty or absent: none). The one clipping rule: the source shows clip(path + uplift, 0, 100)
   * while the path itself moves on unaffected, so a clip never eats into a later year's plan.
   */
  readonly uplift?: Float64Array;
  /** Random walk: SD per source (0 means no draw). */
  readonly sigma: Float64Array;
  /** Correlated: the lower Cholesky factor, `chol[i * n + j]`, of the innovations' covariance. */
  readonly chol: Float64Array;
  /** Bootstrap: the observed changes of all sources, back to back. */
  readonly changes: Float64Array;
  /** Bootstrap: where each source's changes start in `changes`, and how many (n + 1 offsets). */
  readonly offsets: Int32Array;
  /** Bootstrap: 1 draws one year index for all sources (joint), 0 one per source. */
  readonly joint: number;
}

/** The number of chunks `paths` splits into. */
export function chunkCount(paths: number): number {
  return Math.ceil(paths / CHUNK_PATHS);
}

/** Rounding as TI rounds: half up, with roundScore's tolerance. */
const HALF = 0.5 + 1e-9;

/**
 * Add chunk `chunk`'s paths to `hist` (`hist[y * BINS + score]`, horizon x 101 counts). Per path
 * and year: the model's innovations into `e` ({@link Innovations}), then each source moves by its
 * drift plus its innovation and is clipped to 0..100; it shows that value plus its planned uplift,
 * clipped to 0..100; the rounded mean of what the sources show is counted.
 */
export function runChunk(p: KernelParams, chunk: number, hist: Float64Array): void {
  const { n, horizon, base, drift } = p;
  const start = chunk * CHUNK_PATHS;
  const end = Math.min(p.paths, start + CHUNK_PATHS);
  const innovations = new Innovations(p, new Stream(p.seed, chunk));
  const e = innovations.e;
  const x = new Float64Array(n);
  const inv = 1 / n;
  const up = p.uplift !== undefined && p.uplift.length > 0 ? p.uplift : null;
  for (let path = start; path < end; path += 1) {
    for (let s = 0; s < n; s += 1) x[s] = base[s] as number;
    for (let y = 0, row = 0; y < horizon; y += 1, row += n) {
      innovations.draw();
      let sum = 0;
      for (let s = 0; s < n; s += 1) {
        let v = (x[s] as number) + (drift[row + s] as number) + (e[s] as number);
        v = v < 0 ? 0 : v > 100 ? 100 : v;
        x[s] = v;
        if (up !== null) {
          v += up[row + s] as number;
          v = v < 0 ? 0 : v > 100 ? 100 : v;
        }
        sum += v;
      }
      const bin = y * BINS + Math.floor(sum * inv + HALF);
      hist[bin] = (hist[bin] as number) + 1;
    }
  }
}

/**
 * One year's random moves of every source, `e[s]`, drawn from a chunk's stream in a fixed order:
 * - random walk: a normal per source with sigma > 0, in source order, times sigma;
 * - bootstrap: an observed change per source (or one year index shared by all, `joint`);
 * - correlated: a normal per non-zero column of the Cholesky factor, then e = L z.
 */
class Innovations {
  readonly e: Float64Array;
  private readonly z: Float64Array;
  /** Random walk: the moving sources and their sigma; correlated: the factor's non-zero columns. */
  private readonly index: Int32Array;
  private readonly scale: Float64Array;
  private readonly k: number;

  constructor(
    private readonly p: KernelParams,
    private readonly rng: Stream,
  ) {
    const { n, model, sigma, chol } = p;
    this.e = new Float64Array(n);
    this.index = new Int32Array(n);
    this.scale = new Float64Array(n);
    let k = 0;
    for (let s = 0; s < n; s += 1) {
      const moves = model === 0 ? (sigma[s] as number) !== 0 : model === 2 && (chol[s * n + s] as number) > 0;
      if (moves) {
        this.index[k] = s;
        this.scale[k] = model === 0 ? (sigma[s] as number) : 1;
        k += 1;
      }
    }
    this.k = k;
    this.z = new Float64Array(Math.max(1, k));
  }

  draw(): void {
    const { e, z, index, scale, k, rng, p } = this;
    if (p.model === 0) {
      rng.fillNormal(z, k);
      for (let j = 0; j < k; j += 1) e[index[j] as number] = (scale[j] as number) * (z[j] as number);
    } else if (p.model === 1) {
      const { n, changes, offsets } = p;
      const shared = p.joint === 1 ? rng.index((offsets[1] as number) - (offsets[0] as number)) : 0;
      for (let s = 0; s < n; s += 1) {
        const from = offsets[s] as number;
        e[s] = changes[from + (p.joint === 1 ? shared : rng.index((offsets[s + 1] as number) - from))] as number;
      }
    } else {
      const { n, chol } = p;
      rng.fillNormal(z, k);
      for (let s = 0, r = 0; s < n; s += 1, r += n) {
        let sum = 0;
        for (let c = 0; c < k; c += 1) {
          const j = index[c] as number;
          if (j > s) break;
          sum += (chol[r + j] as number) * (z[c] as number);
        }
        e[s] = sum;
      }
    }
  }
}
