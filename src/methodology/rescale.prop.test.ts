import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rescale, unrescale } from './rescale.js';

const baseline = fc.record({
  mean: fc.double({ min: -100, max: 100, noNaN: true }),
  sd: fc.double({ min: 0.01, max: 50, noNaN: true }),
  reversed: fc.boolean(),
});

describe('rescale properties', () => {
  it('unrescale(rescale(x)) = x inside the unclipped range', () => {
    fc.assert(
      fc.property(baseline, fc.double({ min: -2.2, max: 2.7, noNaN: true }), (b, z) => {
        // z in (-2.25, 2.75) keeps 45 + 20z inside 0..100.
        const raw = b.mean + (b.reversed ? -z : z) * b.sd;
        const back = unrescale(rescale(raw, b), b);
        expect(Math.abs(back - raw)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(raw), b.sd));
      }),
    );
  });
  it('rescale(unrescale(s)) = s for every score 0..100', () => {
    fc.assert(
      fc.property(baseline, fc.double({ min: 0, max: 100, noNaN: true }), (b, s) => {
        expect(rescale(unrescale(s, b), b)).toBeCloseTo(s, 9);
      }),
    );
  });
  it('is monotone: non-decreasing in the raw score, non-increasing when reversed, always within 0..100', () => {
    fc.assert(
      fc.property(baseline, fc.double({ min: -1e4, max: 1e4, noNaN: true }), fc.double({ min: -1e4, max: 1e4, noNaN: true }), (b, x, y) => {
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        const a = rescale(lo, b);
        const c = rescale(hi, b);
        if (b.reversed) expect(a).toBeGreaterThanOrEqual(c);
        else expect(a).toBeLessThanOrEqual(c);
        for (const v of [a, c]) expect(v >= 0 && v <= 100).toBe(true);
      }),
    );
  });
});
