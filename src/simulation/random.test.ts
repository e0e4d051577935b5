import { describe, expect, it } from 'vitest';
import { Stream } from './random.js';

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

describe('Stream', () => {
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
    for (const z of filled) {
      sum += z;
      sq += z * z;
      if (Math.abs(z) > 1.959964) beyond196 += 1;
      if (z > 3) beyond3 += 1;
    }
    const mean = sum / n;
    // Tolerances: 5 standard errors of each statistic.
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(sq / n - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
    expect(Math.abs(beyond196 / n - 0.05)).toBeLessThan(5 * Math.sqrt((0.05 * 0.95) / n));
    // P(Z > 3) = 0.0013499 (the tail past the ziggurat's r = 3.44 is drawn too).
    expect(Math.abs(beyond3 / n - 0.0013499)).toBeLessThan(5 * Math.sqrt((0.0013499 * 0.9987) / n));
  });

  it('draws uniform indices within range', () => {
    const r = new Stream(1, 1);
    const counts = [0, 0, 0];
    for (let i = 0; i < 30_000; i += 1) counts[r.index(3)]! += 1;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(5 * Math.sqrt(30_000 * (1 / 3) * (2 / 3)));
  });
});
