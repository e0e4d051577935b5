import { describe, expect, it } from 'vitest';
import { CpiGapError } from '../errors.js';
import { tQuantile } from './tQuantile.js';

describe('tQuantile', () => {
  it('matches published t tables (R qt, 6 decimals)', () => {
    const table: [number, number, number][] = [
      [0.95, 1, 6.313752],
      [0.95, 2, 2.919986],
      [0.95, 3, 2.353363],
      [0.95, 4, 2.131847],
      [0.95, 7, 1.894579],
      [0.975, 7, 2.364624],
      [0.975, 1, 12.706205],
      [0.975, 30, 2.042272],
      [0.995, 5, 4.032143],
      [0.95, 1000, 1.646379],
    ];
    for (const [p, df, t] of table) expect(tQuantile(p, df)).toBeCloseTo(t, 5);
  });

  it('agrees with the closed forms for 1 and 2 degrees of freedom', () => {
    for (const p of [0.01, 0.1, 0.3, 0.6, 0.9, 0.999]) {
      expect(tQuantile(p, 1)).toBeCloseTo(Math.tan(Math.PI * (p - 0.5)), 9);
      expect(tQuantile(p, 2)).toBeCloseTo((2 * p - 1) / Math.sqrt(2 * p * (1 - p)), 9);
    }
  });

  it('is symmetric around 0 and 0 at the median', () => {
    expect(tQuantile(0.5, 4)).toBe(0);
    expect(tQuantile(0.05, 6)).toBeCloseTo(-tQuantile(0.95, 6), 12);
  });

  it('names the function, the field and the value on bad input', () => {
    expect(() => tQuantile(1, 3)).toThrow(CpiGapError);
    expect(() => tQuantile(1, 3)).toThrow(/tQuantile: p: .*\(got 1\)/);
    expect(() => tQuantile(0.9, 2.5)).toThrow(/tQuantile: df: .*\(got 2.5\)/);
  });
});
