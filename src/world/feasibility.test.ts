import { describe, expect, it } from 'vitest';
import { feasibility } from './feasibility.js';
import { worldRows } from './worldPanel.js';

describe('feasibility against the record', () => {
  const rows = worldRows();
  /** One-year changes of a source computed here: integers rounded half up when either edition stores integers. */
  const ints = new Set([2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2022]);
  function changes(source: 'IMD' | 'PRS'): number[] {
    const at = new Map(rows.map((r) => [`${r.iso3}@${r.year}`, r.sourceScores[source]]));
    return rows.flatMap((r) => {
      const a = at.get(`${r.iso3}@${r.year - 1}`);
      const b = r.sourceScores[source];
      if (a === undefined || b === undefined) return [];
      return [ints.has(r.year) || ints.has(r.year - 1) ? Math.round(b) - Math.round(a) : b - a];
    });
  }

  it('gives the share of observed changes as large, and flags a gain beyond every one as unprecedented', () => {
    const imd = changes('IMD');
    const prs = changes('PRS');
    const maxImd = Math.max(...imd);
    const f = feasibility({ gains: [{ source: 'IMD', gain: maxImd + 1 }, { source: 'PRS', gain: 5 }] });
    expect(f.sources[0]).toMatchObject({ largestOneYear: maxImd, shareOneYear: 0, unprecedented: true });
    expect(f.sources[1]?.shareOneYear).toBeCloseTo(prs.filter((d) => d >= 5 - 1e-9).length / prs.length, 12);
    expect(f.sources[1]?.unprecedented).toBe(false);
    // Over 3 years the gain a year is a third: 5 / 3 a year is far more common.
    const g = feasibility({ gains: [{ source: 'PRS', gain: 5 }], years: 3 });
    expect(g.sources[0]?.shareOneYear).toBeGreaterThan(f.sources[1]?.shareOneYear ?? 1);
  });

  it("names the largest CPI gains in TI's record (+14 in one year, DESIGN.md), and EIU's next reachable level", () => {
    const f = feasibility({ gains: [{ source: 'EIU', gain: 14.5, from: 34.49 }, { source: 'EIU', gain: 60, from: 34.49 }] });
    expect(f.largestCpiGains.oneYear[0]?.points).toBe(14);
    const score = new Map(rows.map((r) => [`${r.iso3}@${r.year}`, r.score]));
    const best = Math.max(...rows.map((r) => r.score - (score.get(`${r.iso3}@${r.year - 1}`) ?? r.score)));
    expect(best).toBe(14);
    const levels = [...new Set(rows.filter((r) => r.year === 2025 && r.sourceScores.EIU !== undefined).map((r) => Math.round((r.sourceScores.EIU!) * 100) / 100))].sort((a, b) => a - b);
    expect(f.sources[0]?.levels).toEqual(levels);
    // 34.49 + 14.5 = 48.99: the next level up is the third (50.61); +60 is above the top level.
    expect(f.sources[0]?.nextLevel).toBe(levels[2]);
    expect(f.sources[1]?.nextLevel).toBeNull();
    expect(() => feasibility({ gains: [] })).toThrow(/^feasibility: options\.gains: /);
  });
});
