import { describe, expect, it } from 'vitest';
import scores from '../../data/thailand/scores.json';
import { thailand } from '../dataset/thailand.js';
import { scenario } from './scenario.js';
import { solveTarget } from './solveTarget.js';

const of = (year: number) => scores.filter((s) => s.year === year);
const sum2025 = of(2025).reduce((a, s) => a + s.value, 0);

describe('solveTarget', () => {
  it('even, 2022 and 51: 14.5 points per source (9 x 50.5 - 324 = 130.5)', () => {
    const s = solveTarget(thailand, { target: 51, year: 2022, strategy: 'even' });
    expect(s.allocation.map((a) => a.uplift)).toEqual(Array(9).fill(14.5));
    expect(s).toMatchObject({ feasible: true, reached: false, neededMean: 50.5, neededTotal: 130.5, totalUplift: 130.5, newMean: 50.5, newScore: 51 });
  });

  it('2025 and 51: mean 33.11, total uplift 156.49', () => {
    const s = solveTarget(thailand, { target: 51, year: 2025 });
    expect(s.mean).toBeCloseTo(33.11, 2);
    expect(s.mean).toBeCloseTo(sum2025 / 9, 12);
    expect(s.neededTotal).toBeCloseTo(156.49, 2);
    expect(s.neededTotal).toBeCloseTo(9 * 50.5 - sum2025, 10);
    expect(s.totalUplift).toBeCloseTo(9 * 50.5 - sum2025, 10);
    expect(s.shortfall).toEqual({ points: 0, mean: 0, score: 0 });
  });

  it('bounded at 10 points per source in 2025 is infeasible, and says by how much', () => {
    const s = solveTarget(thailand, { target: 51, year: 2025, strategy: 'bounded', bounds: 10 });
    // Best: every source +10, mean 33.112 + 10 = 43.112, rounds to 43.
    const best = sum2025 / 9 + 10;
    expect(s.feasible).toBe(false);
    expect(s.allocation.every((a) => a.uplift === 10 && a.atCap)).toBe(true);
    expect(s.newMean).toBeCloseTo(best, 10);
    expect(s.shortfall.mean).toBeCloseTo(50.5 - best, 10);
    expect(s.shortfall.points).toBeCloseTo(9 * 50.5 - sum2025 - 90, 10);
    expect(s.shortfall.score).toBe(51 - 43);
    expect(s.newScore).toBe(43);
  });

  it('bounded per source: capped sources stop, the others share the rest evenly', () => {
    // 2022: 130.5 needed; IMD and WEF capped at 2 -> 126.5 over 7 sources.
    const s = solveTarget(thailand, { target: 51, year: 2022, strategy: 'bounded', bounds: { IMD: 2, WEF: 2 } });
    const u = Object.fromEntries(s.allocation.map((a) => [a.source, a.uplift]));
    expect(u.IMD).toBe(2);
    expect(u.WEF).toBe(2);
    expect(u.GI).toBeCloseTo(126.5 / 7, 12);
    expect(s.feasible).toBe(true);
  });

  it('proportional: uplift in proportion to each source\'s gap to the target', () => {
    const s = solveTarget(thailand, { target: 51, year: 2022, strategy: 'proportional' });
    // 2022 gaps to 51 sum to 51 x 9 - 324 = 135; each source gets gap x 130.5 / 135.
    for (const a of s.allocation) expect(a.uplift).toBeCloseTo(((51 - a.score) * 130.5) / 135, 12);
  });

  it('cheapest with costs fills the cheapest points first', () => {
    const costs = { IMD: 1, WEF: 1, PERC: 2, WJP: 3, GI: 3, PRS: 3, EIU: 3, VDEM: 3, BTI: 3 } as const;
    const s = solveTarget(thailand, { target: 51, year: 2022, strategy: 'cheapest', costs });
    const u = Object.fromEntries(s.allocation.map((a) => [a.source, a.uplift]));
    // IMD 43 -> 100 (57), WEF 45 -> 100 (55), then PERC takes the remaining 18.5.
    expect(u).toMatchObject({ IMD: 57, WEF: 55, PERC: 18.5, WJP: 0 });
    expect(s.totalCost).toBeCloseTo(57 + 55 + 2 * 18.5, 12);
  });

  it('cheapest without costs: each source closes the same share of its distance to 100', () => {
    const s = solveTarget(thailand, { target: 51, year: 2022, strategy: 'cheapest' });
    // Room to 100 sums to 900 - 324 = 576; the share is 130.5 / 576.
    for (const a of s.allocation) expect(a.uplift / (100 - a.score)).toBeCloseTo(130.5 / 576, 12);
    expect(s.totalCost).toBeNull();
  });

  it('already reached: no uplift', () => {
    const s = solveTarget(thailand, { target: 30, year: 2025 });
    expect(s).toMatchObject({ reached: true, feasible: true, neededTotal: 0, totalUplift: 0 });
  });

  it('returns the allocation as a scenario spec that reaches the target by the year', () => {
    const s = solveTarget(thailand, { target: 51, year: 2025, by: 2027, strategy: 'proportional' });
    expect(s.spec).toMatchObject({ baseYear: 2025, until: 2027 });
    expect(s.allocation[0]?.perYear).toBeCloseTo((s.allocation[0]?.uplift ?? 0) / 2, 12);
    expect(scenario(thailand, s.spec).years.at(-1)?.score).toBe(51);
  });

  it('names the function, the field and the value on bad options', () => {
    expect(() => solveTarget(thailand, { target: 51.5 })).toThrow(/solveTarget: options.target: .*\(got 51.5\)/);
    expect(() => solveTarget(thailand, { target: 51, strategy: 'bounded' })).toThrow(/solveTarget: options.bounds/);
    expect(() => solveTarget(thailand, { target: 51, strategy: 'cheapest', costs: { IMD: 1 } })).toThrow(/solveTarget: options.costs: .*missing WEF/);
    expect(() => solveTarget(thailand, { target: 51, strategy: 'bounded', bounds: { AFDB: 3 } })).toThrow(/solveTarget: options.bounds.AFDB: .*\(got "AFDB"\)/);
    expect(() => solveTarget(thailand, { target: 51, year: 2025, by: 2025 })).toThrow(/solveTarget: options.by: .*\(got 2025\)/);
    expect(() => solveTarget(thailand, { target: 51, strategy: 'fastest' } as never)).toThrow(/solveTarget: options.strategy/);
  });
});
