import { describe, expect, it } from 'vitest';
import { scenario } from '../analysis/scenario.js';
import { solveTarget } from '../analysis/solveTarget.js';
import { solveWorkstreams } from '../analysis/solveWorkstreams.js';
import { thailand } from '../dataset/thailand.js';
import { changeRecord } from './changeRecord.js';
import { feasibility } from './feasibility.js';
import { worldRows } from './worldPanel.js';

const rows = worldRows();
/** TI's editions that store integer source scores. */
const ints = new Set([2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2022]);
/** A source's k-year changes across every country, computed here: both rounded half up (scores are not negative) when either edition stores integers. */
function changes(source: 'IMD' | 'PRS' | 'EIU' | 'VDEM' | 'WEF', k = 1): number[] {
  const at = new Map(rows.map((r) => [`${r.iso3}@${r.year}`, r.sourceScores[source]]));
  return rows.flatMap((r) => {
    const a = at.get(`${r.iso3}@${r.year - k}`);
    const b = r.sourceScores[source];
    if (a === undefined || b === undefined) return [];
    return [ints.has(r.year) || ints.has(r.year - k) ? Math.round(b) - Math.round(a) : b - a];
  });
}
/** EIU's values in an edition, to two decimals, computed here. */
const eiuLevels = (year: number): number[] => [...new Set(rows.filter((r) => r.year === year && r.sourceScores.EIU !== undefined).map((r) => Math.round((r.sourceScores.EIU ?? 0) * 100) / 100))].sort((a, b) => a - b);

describe('feasibility against the record', () => {

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
    const levels = eiuLevels(2025);
    expect(f.sources[0]?.levels).toEqual(levels);
    // 34.49 + 14.5 = 48.99: the next level up is the third (50.61); +60 is above the top level.
    expect(f.sources[0]?.nextLevel).toBe(levels[2]);
    expect(f.sources[1]?.nextLevel).toBeNull();
    expect(() => feasibility({ gains: [] })).toThrow(/^feasibility: options\.gains: /);
  });
});

describe("the solvers' and scenario's feasibility against TI's record (record: changeRecord())", () => {
  const shareAtLeast = (xs: readonly number[], x: number): number => xs.filter((d) => d >= x - 1e-9).length / xs.length;
  const record = changeRecord();

  it('solveTarget --year 2022: each uplift of 14.5 against the one-year record; EIU gets its next level on the 2022 scale (55), not 51.5', () => {
    const s = solveTarget(thailand, { target: 51, year: 2022, record });
    if (!s.feasibility.assessed) throw new Error('expected an assessment');
    expect(s.feasibility.years).toBe(1);
    expect(s.feasibility.record).toBe("TI's CPI 2012-2025 (cpi_historical_2012_2025.csv), every country");
    const eiu = s.feasibility.sources.find((f) => f.source === 'EIU');
    const wef = s.feasibility.sources.find((f) => f.source === 'WEF');
    expect(eiu?.gain).toBe(14.5);
    expect(eiu?.shareOneYear).toBeCloseTo(shareAtLeast(changes('EIU', 1), 14.5), 12);
    expect(wef?.shareOneYear).toBeCloseTo(shareAtLeast(changes('WEF', 1), 14.5), 12);
    expect(wef?.largestOneYear).toBe(Math.max(...changes('WEF', 1)));
    // Thailand's EIU in 2022: 37; 37 + 14.5 = 51.5 lies between 2022's levels 37 and 55.
    expect(eiu?.levels).toEqual(eiuLevels(2022));
    expect(eiu?.nextLevel).toBe(eiuLevels(2022)[2]);
    expect(eiuLevels(2022)[2]).toBe(55);
    expect(s.feasibility.largestCpiGains.oneYear[0]).toEqual({ iso3: 'MDV', from: 2019, to: 2020, points: 14 });
    // The same object every time, frozen.
    expect(changeRecord()).toBe(record);
    expect(Object.isFrozen(record) && Object.isFrozen(record.changes('EIU', 1))).toBe(true);
  });

  it('without a record the result says it was not assessed (no silent value)', () => {
    const s = solveTarget(thailand, { target: 51 });
    expect(s.feasibility).toEqual({ assessed: false, note: expect.stringMatching(/^not assessed: no change record was given/) as unknown });
    expect(solveWorkstreams(thailand, { target: 51 }).feasibility.assessed).toBe(false);
    expect(scenario(thailand, { baseYear: 2025, until: 2026, changes: [] }).feasibility.assessed).toBe(false);
    expect(() => solveTarget(thailand, { target: 51, record: {} as never })).toThrow(/^solveTarget: options\.record: expected a change record/);
  });

  it('solveWorkstreams over two years: each source total gain against the two-year record, and beyond every change is unprecedented', () => {
    const s = solveWorkstreams(thailand, { target: 51, year: 2025, by: 2027, record });
    if (!s.feasibility.assessed) throw new Error('expected an assessment');
    expect(s.feasibility.years).toBe(2);
    const vdem = s.sources.find((x) => x.source === 'VDEM');
    const f = s.feasibility.sources.find((x) => x.source === 'VDEM');
    expect(f?.gain).toBe(vdem?.uplift);
    expect(f?.shareKYear).toBeCloseTo(shareAtLeast(changes('VDEM', 2), vdem?.uplift ?? 0), 12);
    expect(f?.shareOneYear).toBeCloseTo(shareAtLeast(changes('VDEM', 1), (vdem?.uplift ?? 0) / 2), 12);
    const huge = solveTarget(thailand, { target: 95, record });
    const wef = huge.feasibility.assessed ? huge.feasibility.sources.find((x) => x.source === 'WEF') : undefined;
    expect((wef?.gain ?? 0) > Math.max(...changes('WEF', 1))).toBe(true);
    expect(wef?.unprecedented).toBe(true);
  });

  it("scenario: each source's planned gain to `until`; EIU +10 from 34.49 gets 2025's third level", () => {
    const r = scenario(thailand, { baseYear: 2025, until: 2027, changes: [{ kind: 'gain', source: 'VDEM', from: 2026, gain: 3 }, { kind: 'delta', source: 'EIU', year: 2026, delta: 10 }] }, { record });
    if (!r.feasibility.assessed) throw new Error('expected an assessment');
    expect(r.feasibility.sources.map((x) => x.source)).toEqual(['EIU', 'VDEM']);
    expect(r.feasibility.sources.map((x) => x.gain)).toEqual([expect.closeTo(10, 9), expect.closeTo(6, 9)]);
    const eiu = r.feasibility.sources[0];
    expect(eiu?.shareKYear).toBeCloseTo(shareAtLeast(changes('EIU', 2), 10), 12);
    expect(eiu?.nextLevel).toBe(eiuLevels(2025)[2]);
    expect(r.feasibility.sources[1]?.perYear).toBeCloseTo(3, 9);
  });
});
