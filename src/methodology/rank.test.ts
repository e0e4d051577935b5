import { describe, expect, it } from 'vitest';
import { CpiGapError } from '../errors.js';
import { rank, scoreForRank } from './rank.js';

describe('rank', () => {
  it('rank(score, scores) is 1 + the number of scores strictly higher; ties share the best rank', () => {
    const xs = Object.freeze([90, 50, 36, 36, 20]);
    expect(rank(90, xs)).toBe(1);
    expect(rank(36, xs)).toBe(3);
    expect(rank(20, xs)).toBe(5);
    expect(rank(95, xs)).toBe(1);
    expect(rank(0, xs)).toBe(6);
    expect(rank(37, xs)).toBe(3);
  });

  it('rejects a score outside 0..100 and an empty distribution', () => {
    expect(() => rank(101, [1])).toThrow(/rank: score/);
    expect(() => rank(50, [])).toThrow(CpiGapError);
  });
});

describe('scoreForRank', () => {
  const xs = Object.freeze([90, 56, 56, 55, 50.2, 36]);
  it('returns the lowest integer score whose rank is the target or better', () => {
    // Independent check: scan every integer score for the first that reaches the rank.
    for (let target = 1; target <= 8; target += 1) {
      let expected = 0;
      while (1 + xs.filter((x) => x > expected).length > target) expected += 1;
      expect(scoreForRank(target, xs)).toBe(expected);
    }
  });

  it('rounds an unrounded k-th score up (rank 5 behind 50.2 needs 51)', () => {
    expect(scoreForRank(5, xs)).toBe(51);
  });

  it('rejects a rank that is not a positive integer', () => {
    expect(() => scoreForRank(0, xs)).toThrow(/scoreForRank: rank/);
    expect(() => scoreForRank(1.5, xs)).toThrow(CpiGapError);
  });
});
