import { describe, expect, it } from 'vitest';
import { CpiGapError } from '../errors.js';
import { targetConsistency } from './targetConsistency.js';

describe('targetConsistency', () => {
  const xs = Object.freeze([90, 60, 52, 51, 51, 40]);
  it('a score target below what the rank target needs is inconsistent (rank binds)', () => {
    const c = targetConsistency({ score: 51, rank: 3 }, xs);
    expect(c).toEqual({ score: 51, rank: 3, rankAtScore: 4, scoreForRank: 52, consistent: false, binding: 'rank' });
  });
  it('a score target at or above what the rank needs is consistent', () => {
    expect(targetConsistency({ score: 52, rank: 3 }, xs)).toMatchObject({ consistent: true, binding: 'both' });
    expect(targetConsistency({ score: 57, rank: 3 }, xs)).toMatchObject({ consistent: true, binding: 'score', rankAtScore: 3 });
  });
  it('rejects a non-integer score target and an empty distribution', () => {
    expect(() => targetConsistency({ score: 51.5, rank: 3 }, xs)).toThrow(/targetConsistency: targets\.score/);
    expect(() => targetConsistency({ score: 51, rank: 3 }, [])).toThrow(CpiGapError);
  });
});
