import { describe, expect, it } from 'vitest';
import { caught } from '../../tests/helpers/caught.js';
import { aggregate, standardError } from './aggregate.js';
import { changeSignificance } from './changeSignificance.js';
import { rank, scoreForRank } from './rank.js';
import { rescale, unrescale } from './rescale.js';
import { requiredMean, roundScore } from './roundScore.js';
import { targetConsistency } from './targetConsistency.js';
import { studentTTwoSided } from './studentT.js';

// Expected messages are written out by hand: they are what a user reads.
const msg = (f: () => unknown): string => caught(f).message;

describe('aggregate: how many sources', () => {
  const of = (n: number): number[] => Array.from({ length: n }, (_, i) => 30 + i);

  it('takes up to 14 sources before 2020 and 13 from 2020, saying which limit applies', () => {
    expect(aggregate(of(14), { edition: 2019 }).n).toBe(14);
    expect(msg(() => aggregate(of(15), { edition: 2012 }))).toBe('aggregate: scores: expected at most 14 sources (got an array of 15)');
    expect(msg(() => aggregate(of(14), { edition: 2020 }))).toBe('aggregate: scores: expected at most 13 sources from edition 2020 (got 14)');
    expect(aggregate(of(13), { edition: 2020 }).n).toBe(13);
    expect(msg(() => aggregate([40, 50], { edition: 2022 }))).toBe('aggregate: scores: TI scores a country only from 3 sources or more (got an array of 2)');
  });

  it('takes editions 2012..2100', () => {
    expect(aggregate([30, 40, 50], { edition: 2100 }).edition).toBe(2100);
    expect(msg(() => aggregate([30, 40, 50], { edition: 2101 }))).toMatch(/^aggregate: options\.edition: .*\(got 2101\)$/);
    expect(msg(() => aggregate([30, 40, 50], { edition: 2022.5 }))).toMatch(/^aggregate: options\.edition: .*\(got 2022.5\)$/);
  });
});

describe('standardError: its own checks', () => {
  it('sd / sqrt(n), with the 2020 correction sqrt((13 - n) / 12) from 2020 on', () => {
    expect(standardError(6, 9, 2019)).toBe(2);
    expect(standardError(6, 9, 2020)).toBeCloseTo(2 * Math.sqrt(4 / 12), 14);
    expect(standardError(6, 14, 2013)).toBeCloseTo(6 / Math.sqrt(14), 14);
    expect(standardError(0, 1, 2025)).toBe(0);
  });

  it('rejects a negative or non-finite sd, n outside 1..13 (1..14 before 2020), a fractional edition', () => {
    expect(msg(() => standardError(-1, 9, 2022))).toBe('standardError: sd: expected a finite number >= 0 (got -1)');
    expect(msg(() => standardError(Number.POSITIVE_INFINITY, 9, 2022))).toBe('standardError: sd: expected a finite number >= 0 (got Infinity)');
    expect(msg(() => standardError('1' as never, 9, 2022))).toBe('standardError: sd: expected a finite number >= 0 (got "1")');
    expect(msg(() => standardError(1, 0, 2022))).toBe('standardError: n: expected an integer from 1 to 13 (got 0)');
    expect(msg(() => standardError(1, 14, 2020))).toBe('standardError: n: expected an integer from 1 to 13 (got 14)');
    expect(msg(() => standardError(1, 15, 2019))).toBe('standardError: n: expected an integer from 1 to 14 (got 15)');
    expect(msg(() => standardError(1, 2.5, 2019))).toBe('standardError: n: expected an integer from 1 to 14 (got 2.5)');
    expect(msg(() => standardError(1, 9, 2020.5))).toBe('standardError: edition: expected an integer edition year (got 2020.5)');
  });
});

describe('roundScore and requiredMean', () => {
  it('rounds halves up, forgiving float error up to 1e-9 below the half and no more', () => {
    expect(roundScore(50.5)).toBe(51);
    expect(roundScore(50.5 - 1e-10)).toBe(51);
    expect(roundScore(50.5 - 1e-8)).toBe(50);
    expect(roundScore(50.49)).toBe(50);
    expect(roundScore(0)).toBe(0);
    expect(requiredMean(51)).toBe(50.5);
  });

  it('rejects non-finite numbers', () => {
    expect(msg(() => roundScore(Number.NaN))).toBe('roundScore: mean: expected a finite number (got NaN)');
    expect(msg(() => roundScore('5' as never))).toBe('roundScore: mean: expected a finite number (got "5")');
    expect(msg(() => requiredMean(Number.NEGATIVE_INFINITY))).toBe('requiredMean: target: expected a finite number (got -Infinity)');
    expect(msg(() => requiredMean('5' as never))).toBe('requiredMean: target: expected a finite number (got "5")');
  });
});

describe('rank, scoreForRank, targetConsistency: messages', () => {
  it('names the empty distribution', () => {
    expect(msg(() => rank(50, []))).toBe('rank: scores: expected at least one score (got an array of 0)');
    expect(msg(() => scoreForRank(1, []))).toBe('scoreForRank: scores: expected at least one score (got an array of 0)');
    expect(msg(() => targetConsistency({ score: 51, rank: 3 }, []))).toBe('targetConsistency: scores: expected at least one score (got an array of 0)');
  });

  it('rank: ties share the better rank, a score equal to the highest is rank 1', () => {
    expect(rank(50, [50, 50, 40])).toBe(1);
    expect(rank(40, [50, 50, 40])).toBe(3);
  });
});

describe('changeSignificance: every field', () => {
  it('Welch: the p-value is the two-sided t tail at the Welch df; alpha and test are reported', () => {
    // a: 40, SE 1, 5 sources; b: 43, SE 2, 9 sources. By hand: se = sqrt 5; t = 3 / sqrt 5;
    // df = 25 / (1 / 4 + 16 / 8) = 11.111...
    const r = changeSignificance({ score: 40, standardError: 1, sources: 5 }, { score: 43, standardError: 2, sources: 9 }, { alpha: 0.25, test: 'welch' });
    expect(r.direction).toBe('improved');
    expect(r.change).toBe(3);
    expect(r.t).toBeCloseTo(3 / Math.sqrt(5), 14);
    expect(r.df).toBeCloseTo(25 / (1 / 4 + 16 / 8), 12);
    expect(r.pValue).toBeCloseTo(studentTTwoSided(3 / Math.sqrt(5), 25 / 2.25), 14);
    expect(r).toMatchObject({ alpha: 0.25, test: 'welch', significant: true });
    // p is about 0.21 (t = 1.34 with 11 df): significant at 0.25, not at the default 0.05.
    expect(r.pValue).toBeGreaterThan(0.15);
    expect(r.pValue).toBeLessThan(0.25);
    const d = changeSignificance({ score: 40, standardError: 1, sources: 5 }, { score: 43, standardError: 2, sources: 9 }, { test: 'welch' });
    expect(d).toMatchObject({ alpha: 0.05, significant: false });
  });

  it('normal: the p-value is 2 (1 - Phi(|t|)); no change is unchanged with p = 1 when both SEs are 0', () => {
    const r = changeSignificance({ score: 40, standardError: 1 }, { score: 40, standardError: 1 }, { test: 'normal' });
    expect(r).toMatchObject({ direction: 'unchanged', change: 0, t: 0, test: 'normal', significant: false });
    expect(Math.abs(r.pValue - 1)).toBeLessThan(2e-7);
    const z = changeSignificance({ score: 40, standardError: 0 }, { score: 40, standardError: 0 }, { test: 'normal' });
    expect(z).toStrictEqual({ change: 0, direction: 'unchanged', standardError: 0, pValue: 1, alpha: 0.05, significant: false, test: 'normal' });
  });

  it('names the side without a source count, with code missing_sources', () => {
    const e = caught(() => changeSignificance({ score: 40, standardError: 1, sources: 5 }, { score: 43, standardError: 1 }, { test: 'welch' }));
    expect(e.message).toBe('changeSignificance: b.sources: the Welch test needs the number of sources (or use options.test "normal") (got undefined)');
    expect(e.issues[0]?.code).toBe('missing_sources');
    expect(msg(() => changeSignificance({ score: 40, standardError: 1 }, { score: 43, standardError: 1, sources: 5 }, { test: 'welch' }))).toBe(
      'changeSignificance: a.sources: the Welch test needs the number of sources (or use options.test "normal") (got undefined)',
    );
  });
});

describe('changeSignificance and rescale: which argument is bad', () => {
  it('names a, b or options', () => {
    expect(msg(() => changeSignificance({ score: 40, standardError: 1, sources: 3 }, { score: 140, standardError: 1, sources: 3 }))).toMatch(/^changeSignificance: b\.score: .*\(got 140\)$/);
    expect(msg(() => changeSignificance({ score: 40, standardError: 1, sources: 3 }, { score: 40, standardError: 1, sources: 3 }, { test: 'z' as never }))).toMatch(/^changeSignificance: options\.test: /);
    // a's own check comes first: with a missing source count on both sides, a is named.
    expect(msg(() => changeSignificance({ score: 40, standardError: 1 }, { score: 43, standardError: 1 }))).toMatch(/^changeSignificance: a\.year: /);
  });

  it('names raw, score or baseline', () => {
    expect(msg(() => rescale('5' as never, { mean: 5, sd: 2 }))).toMatch(/^rescale: raw: .*\(got "5"\)$/);
    expect(msg(() => rescale(5, { mean: 5, sd: -2 }))).toMatch(/^rescale: baseline\.sd: .*\(got -2\)$/);
    expect(msg(() => unrescale(50, { mean: 5, sd: 2, reversed: 'yes' } as never))).toMatch(/^unrescale: baseline\.reversed: .*\(got "yes"\)$/);
  });
});

describe('changeSignificance: extreme standard errors', () => {
  it('keeps SE, t and the Welch df finite for tiny and for large standard errors (squares would under- or overflow)', () => {
    // Independent: SE = hypot(a, b); with a = b the Welch df is (2v)^2 / (v^2/(na-1) + v^2/(nb-1)) = 4 / (1/7 + 1/8).
    const tiny = changeSignificance({ score: 38, standardError: 1e-200, sources: 8 }, { score: 33, standardError: 1e-200, sources: 9 }, { test: 'welch' });
    expect(tiny.standardError).toBeCloseTo(Math.SQRT2 * 1e-200, 214);
    expect(tiny.df).toBeCloseTo(4 / (1 / 7 + 1 / 8), 12);
    expect(tiny.significant).toBe(true);
    const large = changeSignificance({ score: 38, standardError: 100, sources: 8 }, { score: 33, standardError: 1e-160, sources: 9 }, { test: 'welch' });
    expect(large.standardError).toBe(100);
    expect(large.t).toBeCloseTo(-0.05, 14);
    // df -> (va^2) / (va^2 / 7) = 7 when vb is negligible.
    expect(large.df).toBeCloseTo(7, 12);
  });

  it('refuses a standard error above 100, naming the field', () => {
    expect(() => changeSignificance({ score: 38, standardError: 1.16e77, sources: 8 }, { score: 33, standardError: 0.997, sources: 9 })).toThrow(/changeSignificance: a\.standardError: .*1\.16e\+77/);
  });
});

describe('studentTTwoSided against scipy', () => {
  // Reference values: python3 -c "from scipy import stats; print(2*stats.t.sf(20,30), 2*stats.t.sf(0.1,1000))"
  it('matches scipy far in the tail and near the centre with many degrees of freedom', () => {
    expect(studentTTwoSided(20, 30) / 6.7490836657712895e-19).toBeCloseTo(1, 6);
    expect(studentTTwoSided(0.1, 1000)).toBeCloseTo(0.9203643690236041, 9);
  });
});

describe('aggregate: a huge list fails at once, its length checked before its scores', () => {
  it('ten million holes or a million NaN: one issue, a short message', () => {
    for (const scores of [new Array<number>(1e7), new Array<number>(1e6).fill(Number.NaN)]) {
      const e = caught(() => aggregate(scores, { edition: 2025 }));
      expect(e.issueCount).toBe(1);
      expect(e.message).toBe(`aggregate: scores: expected at most 14 sources (got an array of ${scores.length})`);
    }
  });
});
