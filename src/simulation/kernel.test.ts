import { describe, expect, it } from 'vitest';
import { BINS, CHUNK_PATHS, chunkCount, runChunk, type KernelParams } from './kernel.js';
import { Stream } from './random.js';

/** Kernel parameters with the fields a test does not care about left empty. */
function params(p: Partial<KernelParams> & Pick<KernelParams, 'n' | 'horizon' | 'paths' | 'model' | 'base' | 'drift'>): KernelParams {
  return {
    seed: 7,
    sigma: new Float64Array(p.n),
    chol: new Float64Array(0),
    changes: new Float64Array(0),
    offsets: new Int32Array(0),
    joint: 0,
    ...p,
  };
}

/** TI's rounding of a mean, written here: floor(mean + 0.5), with a hair of tolerance for x.5 sums. */
const bin = (sum: number, n: number): number => Math.floor(sum / n + 0.5 + 1e-9);

/**
 * The paths of one chunk, computed the plain way: for every path and year, draw each source's
 * innovation from the chunk's own stream (in the kernel's documented order), add drift, clip to 0..100.
 */
function reference(p: KernelParams, chunk: number, innovation: (rng: Stream) => number[]): number[] {
  const hist = new Array<number>(p.horizon * BINS).fill(0);
  const rng = new Stream(p.seed, chunk);
  const first = chunk * CHUNK_PATHS;
  const last = Math.min(p.paths, first + CHUNK_PATHS);
  for (let path = first; path < last; path += 1) {
    const x = Array.from(p.base);
    for (let y = 0; y < p.horizon; y += 1) {
      const e = innovation(rng);
      let sum = 0;
      for (let s = 0; s < p.n; s += 1) {
        const v = Math.min(100, Math.max(0, x[s]! + p.drift[y * p.n + s]! + e[s]!));
        x[s] = v;
        sum += v;
      }
      hist[y * BINS + bin(sum, p.n)]! += 1;
    }
  }
  return hist;
}

function run(p: KernelParams, chunk = 0): number[] {
  const hist = new Float64Array(p.horizon * BINS);
  runChunk(p, chunk, hist);
  return Array.from(hist);
}

describe('chunkCount', () => {
  it('splits paths into chunks of CHUNK_PATHS, the last one partial', () => {
    expect(CHUNK_PATHS).toBe(16_384);
    expect(chunkCount(1)).toBe(1);
    expect(chunkCount(CHUNK_PATHS)).toBe(1);
    expect(chunkCount(CHUNK_PATHS + 1)).toBe(2);
    expect(chunkCount(3 * CHUNK_PATHS - 1)).toBe(3);
  });
});

describe('runChunk', () => {
  it('without noise follows base + drift year by year, clipped to 0..100, one count per path and year', () => {
    // Three sources: 98 rising 3 a year (clips at 100), 4 falling 3 a year (clips at 0), 50 flat then +1.
    const drift = Float64Array.from([3, -3, 0, 3, -3, 1, 3, -3, 1]);
    const p = params({ n: 3, horizon: 3, paths: 5, model: 0, base: Float64Array.from([98, 4, 50]), drift });
    const hist = run(p);
    // By hand: year 1: 100 + 1 + 50 = 151 -> mean 50.33 -> 50; year 2: 100 + 0 + 51 = 151 -> 50;
    // year 3: 100 + 0 + 52 = 152 -> 50.67 -> 51.
    expect(hist[0 * BINS + 50]).toBe(5);
    expect(hist[1 * BINS + 50]).toBe(5);
    expect(hist[2 * BINS + 51]).toBe(5);
    expect(hist.reduce((a, b) => a + b, 0)).toBe(15);
  });

  it('rounds a mean of exactly x.5 up, as TI does (sum 101 over 2 sources -> 51)', () => {
    const p = params({ n: 2, horizon: 1, paths: 1, model: 0, base: Float64Array.from([50, 51]), drift: new Float64Array(2) });
    expect(run(p)[51]).toBe(1);
  });

  it('runs only its own chunk: chunk 1 of CHUNK_PATHS + 3 paths holds 3 paths', () => {
    const p = params({ n: 1, horizon: 2, paths: CHUNK_PATHS + 3, model: 0, base: Float64Array.from([40]), drift: Float64Array.from([1, 1]) });
    const hist = run(p, 1);
    expect(hist[41]).toBe(3);
    expect(hist[BINS + 42]).toBe(3);
    expect(hist.reduce((a, b) => a + b, 0)).toBe(6);
    expect(run(p, 0)[41]).toBe(CHUNK_PATHS);
  });

  it('random walk: each moving source gets sigma times a standard normal of the chunk stream; a source with sigma 0 stays on its drift', () => {
    const sigma = Float64Array.from([2, 0, 5]);
    const drift = Float64Array.from([0.5, 1, -0.25, 0.5, 1, -0.25, 0.5, 1, -0.25, 0.5, 1, -0.25]);
    const p = params({ n: 3, horizon: 4, paths: 300, model: 0, base: Float64Array.from([30, 95, 3]), drift, sigma });
    // The kernel draws one normal per moving source per year, in source order (here sources 0 and 2).
    const expected = reference(p, 0, (rng) => {
      const z0 = rng.normal();
      const z2 = rng.normal();
      return [2 * z0, 0, 5 * z2];
    });
    expect(run(p)).toEqual(expected);
    expect(run({ ...p, paths: CHUNK_PATHS + 40 }, 1)).toEqual(reference({ ...p, paths: CHUNK_PATHS + 40 }, 1, (rng) => {
      const z0 = rng.normal();
      const z2 = rng.normal();
      return [2 * z0, 0, 5 * z2];
    }));
  });

  it('bootstrap by source: each source draws one of its own observed changes, independently', () => {
    // Source 0 changes {-2, 0, 3}; source 1 changes {1, 4}: offsets [0, 3, 5].
    const p = params({
      n: 2,
      horizon: 3,
      paths: 400,
      model: 1,
      base: Float64Array.from([40, 60]),
      drift: Float64Array.from([0.5, 0.5, 0.5, 0.5, 0.5, 0.5]),
      changes: Float64Array.from([-2, 0, 3, 1, 4]),
      offsets: Int32Array.from([0, 3, 5]),
      joint: 0,
    });
    const a = [-2, 0, 3];
    const b = [1, 4];
    const pick = (rng: Stream, k: number): number => Math.floor(rng.nextU32() * k * 2 ** -32);
    expect(run(p)).toEqual(reference(p, 0, (rng) => {
      const ea = a[pick(rng, 3)]!;
      const eb = b[pick(rng, 2)]!;
      return [ea, eb];
    }));
  });

  it("bootstrap by year: one draw picks the same year's change for every source", () => {
    // Three years of changes: source 0 {-2, 0, 3}, source 1 {5, -1, 2}: offsets [0, 3, 6].
    const p = params({
      n: 2,
      horizon: 2,
      paths: 300,
      model: 1,
      base: Float64Array.from([40, 60]),
      drift: new Float64Array(4),
      changes: Float64Array.from([-2, 0, 3, 5, -1, 2]),
      offsets: Int32Array.from([0, 3, 6]),
      joint: 1,
    });
    const a = [-2, 0, 3];
    const b = [5, -1, 2];
    expect(run(p)).toEqual(reference(p, 0, (rng) => {
      const k = Math.floor(rng.nextU32() * 3 * 2 ** -32);
      return [a[k]!, b[k]!];
    }));
  });

  it('correlated: innovations are L z, z drawn only for the sources with a positive diagonal (lower triangle only)', () => {
    // L (row-major, 3 x 3): source 1 has a zero diagonal (no variance of its own), so only
    // sources 0 and 2 draw normals; source 1 still moves through its loading on z0. The entries
    // above the diagonal (9 and 7) are not part of L: the kernel must not read them.
    const chol = Float64Array.from([2, 7, 9, 1.5, 0, 7, -1, 0.5, 3]);
    const p = params({ n: 3, horizon: 3, paths: 250, model: 2, base: Float64Array.from([20, 50, 80]), drift: new Float64Array(9).fill(0.25), chol });
    expect(run(p)).toEqual(reference(p, 0, (rng) => {
      const z0 = rng.normal();
      const z2 = rng.normal();
      return [2 * z0, 1.5 * z0, -1 * z0 + 3 * z2];
    }));
  });

  it('correlated with every diagonal zero draws nothing and follows the drift', () => {
    const p = params({ n: 2, horizon: 2, paths: 10, model: 2, base: Float64Array.from([10, 20]), drift: Float64Array.from([1, 1, 1, 1]), chol: new Float64Array(4) });
    const hist = run(p);
    expect(hist[16]).toBe(10); // (11 + 21) / 2
    expect(hist[BINS + 17]).toBe(10); // (12 + 22) / 2
  });

  it('adds into the histogram it is given (counts from earlier chunks stay)', () => {
    const p = params({ n: 1, horizon: 1, paths: 4, model: 0, base: Float64Array.from([10]), drift: new Float64Array(1) });
    const hist = new Float64Array(BINS);
    hist[10] = 6;
    runChunk(p, 0, hist);
    expect(hist[10]).toBe(10);
  });
});
