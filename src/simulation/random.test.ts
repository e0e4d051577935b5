import { describe, expect, it } from 'vitest';
import { mix32, Stream } from './random.js';

/** xoshiro128** written independently with BigInt (the reference C code, 32-bit words). */
function referenceXoshiro(state: readonly number[], count: number): number[] {
  const mask = 0xffffffffn;
  let [s0, s1, s2, s3] = state.map((v) => BigInt(v >>> 0)) as [bigint, bigint, bigint, bigint];
  const rotl = (x: bigint, k: bigint): bigint => ((x << k) | (x >> (32n - k))) & mask;
  const out: number[] = [];
  for (let i = 0; i < count; i += 1) {
    out.push(Number(rotl((s1 * 5n) & mask, 7n) * 9n & mask));
    const t = (s1 << 9n) & mask;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11n);
  }
  return out;
}

const M32 = 0xffffffffn;

/** lowbias32 (C. Wellons' published 32-bit hash), with BigInt: x ^= x >> 16; x *= 0x7feb352d; x ^= x >> 15; x *= 0x846ca68b; x ^= x >> 16. */
function lowbias32(v: bigint): bigint {
  let x = v & M32;
  x ^= x >> 16n;
  x = (x * 0x7feb352dn) & M32;
  x ^= x >> 15n;
  x = (x * 0x846ca68bn) & M32;
  x ^= x >> 16n;
  return x;
}

/**
 * The documented seeding, with BigInt: the seed's low and high 32-bit halves, each hashed (low ^
 * 0x5bd1e995, high + 0x27d4eb2f), xor (chunk + 1) times the golden-ratio constant 0x9e3779b9, hashed
 * again; state word k (1..4) is lowbias32 of that plus k times the golden-ratio constant.
 */
function referenceState(seed: number, chunk: number): number[] {
  const golden = 0x9e3779b9n;
  const s = BigInt(seed);
  const x0 = lowbias32((s & M32) ^ 0x5bd1e995n) ^ lowbias32(((s >> 32n) & M32) + 0x27d4eb2fn) ^ (((BigInt(chunk) + 1n) * golden) & M32);
  const x = lowbias32(x0);
  return [1n, 2n, 3n, 4n].map((k) => Number(lowbias32(x + k * golden)));
}

/** Standard normal CDF, Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7), written for the tests. */
function phi(x: number): number {
  const t = 1 / (1 + 0.3275911 * (Math.abs(x) / Math.SQRT2));
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(x * x) / 2);
  return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

describe('mix32', () => {
  it('is lowbias32, for signed and unsigned inputs', () => {
    for (const v of [0, 1, 2, 0x5bd1e995, 0x7fffffff, 0x80000000, 0xffffffff, -1, -123456789, 987654321]) {
      expect(mix32(v)).toBe(Number(lowbias32(BigInt(v >>> 0))));
    }
  });

  it('is a bijection with mix32(0) = 0, so a stream never starts all-zero (its four words mix four different inputs)', () => {
    // The inverse, step by step: odd multipliers have inverses mod 2^32 (Newton: x <- x (2 - c x)).
    const inverse = (c: number): number => {
      let x = c;
      for (let i = 0; i < 5; i += 1) x = Math.imul(x, 2 - Math.imul(c, x));
      return x;
    };
    const unmix = (y: number): number => {
      let h = y | 0;
      h ^= h >>> 16;
      h = Math.imul(h, inverse(0x846ca68b));
      h ^= (h >>> 15) ^ (h >>> 30);
      h = Math.imul(h, inverse(0x7feb352d));
      h ^= h >>> 16;
      return h >>> 0;
    };
    expect(mix32(0)).toBe(0);
    for (let v = 1; v < 2 ** 32; v += 0x01010101 + 7919) expect(unmix(mix32(v))).toBe(v >>> 0);
    // The offsets added before mixing the four state words are distinct mod 2^32.
    expect(new Set([0x9e3779b9, 0x3c6ef372, 0xdaa66d2b, 0x78dde6e4].map((c) => c >>> 0)).size).toBe(4);
  });
});

describe('Stream', () => {
  it('seeds its four words from the seed halves and the chunk as documented', () => {
    for (const [seed, chunk] of [[0, 0], [12345, 0], [12345, 7], [99, 1], [2 ** 32 + 5, 2], [Number.MAX_SAFE_INTEGER, 300]] as const) {
      const r = new Stream(seed, chunk);
      expect([r.s0, r.s1, r.s2, r.s3].map((w) => w >>> 0)).toEqual(referenceState(seed, chunk));
    }
  });

  it('derives uniforms in (0, 1) and indices in 0..n-1 from the 32-bit output: (u + 0.5) / 2^32 and floor(u n / 2^32)', () => {
    const a = new Stream(5, 2);
    const b = new Stream(5, 2);
    for (let i = 0; i < 200; i += 1) {
      const u = b.nextU32();
      expect(a.uniform()).toBe((u + 0.5) / 2 ** 32);
      const v = b.nextU32();
      expect(a.index(7)).toBe(Math.floor((v * 7) / 2 ** 32));
    }
  });

  it('is xoshiro128** (checked against a BigInt implementation of the reference code)', () => {
    const rng = new Stream(12345, 3);
    const state = [rng.s0, rng.s1, rng.s2, rng.s3];
    const expected = referenceXoshiro(state, 1000);
    const got = Array.from({ length: 1000 }, () => rng.nextU32());
    expect(got).toEqual(expected);
  });

  it('gives each (seed, chunk) its own stream, the same every time', () => {
    const first = (seed: number, chunk: number): number[] => {
      const r = new Stream(seed, chunk);
      return Array.from({ length: 4 }, () => r.nextU32());
    };
    expect(first(1, 0)).toEqual(first(1, 0));
    expect(first(1, 0)).not.toEqual(first(1, 1));
    expect(first(1, 0)).not.toEqual(first(2, 0));
    // Seeds above 2^32 use their high half too.
    expect(first(2 ** 32 + 1, 0)).not.toEqual(first(1, 0));
  });

  it('draws standard normals: fillNormal equals repeated normal(), and moments and tail shares match N(0, 1)', () => {
    const a = new Stream(7, 0);
    const b = new Stream(7, 0);
    const n = 200_000;
    const filled = new Float64Array(n);
    a.fillNormal(filled, n);
    const single = Float64Array.from({ length: n }, () => b.normal());
    expect(filled).toEqual(single);
    let sum = 0;
    let sq = 0;
    let beyond196 = 0;
    let beyond3 = 0;
    let below3 = 0;
    const cuts = [-2.5, -1.5, -0.8, -0.3, 0, 0.3, 0.8, 1.5, 2.5];
    const under = cuts.map(() => 0);
    for (const z of filled) {
      sum += z;
      sq += z * z;
      if (Math.abs(z) > 1.959964) beyond196 += 1;
      if (z > 3) beyond3 += 1;
      if (z < -3) below3 += 1;
      for (let k = 0; k < cuts.length; k += 1) if (z < cuts[k]!) under[k]! += 1;
    }
    const mean = sum / n;
    // Tolerances: 5 standard errors of each statistic.
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(sq / n - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
    expect(Math.abs(beyond196 / n - 0.05)).toBeLessThan(5 * Math.sqrt((0.05 * 0.95) / n));
    // P(Z > 3) = 0.0013499 (the tail past the ziggurat's r = 3.44 is drawn too).
    expect(Math.abs(beyond3 / n - 0.0013499)).toBeLessThan(5 * Math.sqrt((0.0013499 * 0.9987) / n));
    expect(Math.abs(below3 / n - 0.0013499)).toBeLessThan(5 * Math.sqrt((0.0013499 * 0.9987) / n));
    // The CDF at points inside the ziggurat's layers, each within 5 standard errors of Phi.
    cuts.forEach((c, k) => {
      const p = phi(c);
      expect(Math.abs(under[k]! / n - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / n));
    });
  });

  it('draws uniform indices within range', () => {
    const r = new Stream(1, 1);
    const counts = [0, 0, 0];
    for (let i = 0; i < 30_000; i += 1) counts[r.index(3)]! += 1;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(5 * Math.sqrt(30_000 * (1 / 3) * (2 / 3)));
  });
});
