import { describe, expect, it } from 'vitest';
import { CpiGapError } from '../errors.js';
import { rescale, unrescale } from './rescale.js';

describe('rescale', () => {
  it('maps the 2012 mean to 45 and one SD to 20 points', () => {
    expect(rescale(5, { mean: 5, sd: 2 })).toBe(45);
    expect(rescale(7, { mean: 5, sd: 2 })).toBe(65);
    expect(rescale(3, { mean: 5, sd: 2 })).toBe(25);
  });
  it('negates a reversed source (higher raw = more corrupt)', () => {
    expect(rescale(7, { mean: 5, sd: 2, reversed: true })).toBe(25);
  });
  it('clips to 0..100', () => {
    expect(rescale(20, { mean: 5, sd: 2 })).toBe(100);
    expect(rescale(-20, { mean: 5, sd: 2 })).toBe(0);
    expect(Object.is(rescale(-20, { mean: 5, sd: 2 }), -0)).toBe(false);
  });
  it('rejects a non-positive SD and a non-finite raw score, naming the field', () => {
    expect(() => rescale(1, { mean: 0, sd: 0 })).toThrow(/rescale: baseline\.sd/);
    expect(() => rescale(Number.POSITIVE_INFINITY, { mean: 0, sd: 1 })).toThrow(CpiGapError);
  });
});

describe('unrescale', () => {
  it('inverts 45 + 20z', () => {
    expect(unrescale(65, { mean: 5, sd: 2 })).toBe(7);
    expect(unrescale(25, { mean: 5, sd: 2, reversed: true })).toBe(7);
  });
  it('returns the clip point for 0 and 100 (clipped values cannot be inverted exactly)', () => {
    expect(unrescale(100, { mean: 5, sd: 2 })).toBe(5 + (55 / 20) * 2);
    expect(rescale(20, { mean: 5, sd: 2 })).toBe(100);
    expect(unrescale(rescale(20, { mean: 5, sd: 2 }), { mean: 5, sd: 2 })).not.toBe(20);
  });
  it('rejects a score outside 0..100', () => {
    expect(() => unrescale(101, { mean: 0, sd: 1 })).toThrow(/unrescale: score/);
  });
});
