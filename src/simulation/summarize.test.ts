import { describe, expect, it } from 'vitest';
import { BINS } from './kernel.js';
import { rankTable, summarizeYear } from './summarize.js';

/** A horizon x 101 histogram from per-year { score: count } maps. */
function histogram(years: Record<number, number>[]): Float64Array {
  const h = new Float64Array(years.length * BINS);
  years.forEach((counts, y) => {
    for (const [score, count] of Object.entries(counts)) h[y * BINS + Number(score)] = count;
  });
  return h;
}

describe('rankTable', () => {
  it('gives each score 0..100 the rank 1 + the number of scores strictly above it', () => {
    const t = rankTable([90, 50, 36, 36, 20]);
    expect(t.length).toBe(101);
    expect(t[100]).toBe(1);
    expect(t[90]).toBe(1);
    expect(t[89]).toBe(2);
    expect(t[50]).toBe(2);
    expect(t[37]).toBe(3);
    expect(t[36]).toBe(3);
    expect(t[35]).toBe(5);
    expect(t[20]).toBe(5);
    expect(t[19]).toBe(6);
    expect(t[0]).toBe(6);
  });
});

describe('summarizeYear', () => {
  // 20 paths: score 30 once (5%), 31 four times (25% cumulative), 35 five times (50%), 40 five
  // times (75%), 45 four times (95%), 50 once (100%): every quantile sits exactly on a boundary.
  const year0 = { 30: 1, 31: 4, 35: 5, 40: 5, 45: 4, 50: 1 };
  const hist = histogram([{ 10: 20 }, year0]);

  it('reads the year it is given out of the whole histogram', () => {
    const s = summarizeYear(hist, 1, 2027, 20, 51, [], null);
    expect(s.year).toBe(2027);
    expect(s.histogram.length).toBe(BINS);
    expect(s.histogram[35]).toBe(5);
    expect(s.histogram[10]).toBe(0);
    expect(summarizeYear(hist, 0, 2026, 20, 51, [], null).histogram[10]).toBe(20);
  });

  it('takes each quantile as the lowest score whose cumulative share reaches it (boundaries included)', () => {
    const s = summarizeYear(hist, 1, 2027, 20, 51, [], null);
    expect(s.quantiles).toEqual({ q05: 30, q25: 31, q50: 35, q75: 40, q95: 45 });
    expect(s.median).toBe(35);
  });

  it('puts every quantile at 0 or 100 when all paths are clipped there', () => {
    const top = summarizeYear(histogram([{ 100: 3 }]), 0, 2030, 3, 51, [], null);
    expect(top.quantiles).toEqual({ q05: 100, q25: 100, q50: 100, q75: 100, q95: 100 });
    expect([top.mean, top.sd, top.pTarget]).toEqual([100, 0, 1]);
    const bottom = summarizeYear(histogram([{ 0: 3 }]), 0, 2030, 3, 51, [], null);
    expect(bottom.quantiles).toEqual({ q05: 0, q25: 0, q50: 0, q75: 0, q95: 0 });
  });

  it('gives the mean and the population SD of the scores, computed here by hand', () => {
    const s = summarizeYear(hist, 1, 2027, 20, 51, [], null);
    const scores = Object.entries(year0).flatMap(([v, c]) => Array<number>(c).fill(Number(v)));
    const mean = scores.reduce((a, b) => a + b, 0) / 20; // (30 + 124 + 175 + 200 + 180 + 50) / 20 = 37.95
    expect(mean).toBeCloseTo(37.95, 12);
    expect(s.mean).toBeCloseTo(mean, 12);
    expect(s.sd).toBeCloseTo(Math.sqrt(scores.reduce((a, v) => a + (v - mean) ** 2, 0) / 20), 12);
  });

  it('counts scores at or above the target, with the binomial standard error', () => {
    const at45 = summarizeYear(hist, 1, 2027, 20, 45, [], null);
    expect(at45.pTarget).toBe(5 / 20);
    expect(at45.pTargetSe).toBeCloseTo(Math.sqrt((0.25 * 0.75) / 20), 12);
    expect(summarizeYear(hist, 1, 2027, 20, 46, [], null).pTarget).toBe(1 / 20);
    expect(summarizeYear(hist, 1, 2027, 20, 51, [], null)).toMatchObject({ pTarget: 0, pTargetSe: 0 });
    expect(summarizeYear(hist, 1, 2027, 20, 30, [], null)).toMatchObject({ pTarget: 1, pTargetSe: 0 });
  });

  it('gives, per rank, the share of paths at that rank or better and the lowest score reaching it', () => {
    // Other countries: 48, 42, 38. Rank 1 needs 48+, rank 2 needs 42+, rank 3 needs 38+.
    const table = rankTable([48, 42, 38]);
    const s = summarizeYear(hist, 1, 2027, 20, 51, [1, 2, 3, 4], table);
    expect(s.ranks.map((r) => r.rank)).toEqual([1, 2, 3, 4]);
    expect(s.ranks.map((r) => r.score)).toEqual([48, 42, 38, 0]);
    expect(s.ranks.map((r) => r.p)).toEqual([1 / 20, 5 / 20, 10 / 20, 1]);
    expect(s.ranks[1]?.se).toBeCloseTo(Math.sqrt((0.25 * 0.75) / 20), 12);
    expect(s.ranks[3]?.se).toBe(0);
    // No table: no rank rows.
    expect(summarizeYear(hist, 1, 2027, 20, 51, [1, 2], null).ranks).toEqual([]);
  });

  it('ties count as the better rank: behind a country at 100, rank 1 needs 100 and no path has it', () => {
    const s = summarizeYear(hist, 1, 2027, 20, 51, [1], rankTable([100]));
    expect(s.ranks).toEqual([{ rank: 1, score: 100, p: 0, se: 0 }]);
  });
});
