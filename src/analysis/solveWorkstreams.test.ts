import { describe, expect, it } from 'vitest';
import scores from '../../data/thailand/scores.json';
import { thailand } from '../dataset/thailand.js';
import { scenario } from './scenario.js';
import { solveWorkstreams } from './solveWorkstreams.js';

const v2025 = Object.fromEntries(scores.filter((s) => s.year === 2025).map((s) => [s.source, s.value]));
const needed2025 = 9 * 50.5 - Object.values(v2025).reduce((a, b) => a + b, 0); // 156.49108

describe('solveWorkstreams', () => {
  it('joint, shared sources adding: one lever over the 13 source-workstream links', () => {
    const s = solveWorkstreams(thailand, { target: 51, year: 2025, by: 2027 });
    // WS1 4 sources + WS2 4 + WS3 2 + WS4 3 = 13 links; PRS, WEF, EIU, BTI gain twice.
    expect(s.lever).toBeCloseTo(needed2025 / 13, 10);
    expect(s.workstreams.map((w) => w.perYear)).toEqual(Array(4).fill((s.lever ?? 0) / 2));
    expect(s.sources.find((x) => x.source === 'PRS')?.uplift).toBeCloseTo((2 * needed2025) / 13, 10);
    // Contributions split shared sources between their workstreams and add up to the mean's rise.
    expect(s.workstreams.reduce((a, w) => a + w.contribution, 0)).toBeCloseTo(needed2025 / 9, 10);
    // WS3: EIU and WEF gain 2L each, half of it credited to WS3: 2L / 9.
    expect(s.workstreams[2]?.contribution).toBeCloseTo((2 * needed2025) / 13 / 9, 10);
    expect(s.feasible).toBe(true);
    const r = scenario(thailand, s.spec ?? { changes: [] });
    expect(r.years.at(-1)?.score).toBe(51);
  });

  it('joint, shared sources split: every source gains the lever once', () => {
    const s = solveWorkstreams(thailand, { target: 51, year: 2025, shared: 'split' });
    expect(s.lever).toBeCloseTo(needed2025 / 9, 10);
    expect(s.workstreams[0]?.sources.find((x) => x.source === 'PRS')?.weight).toBe(0.5);
    expect(scenario(thailand, s.spec ?? { changes: [] }).years.at(-1)?.score).toBe(51);
  });

  it('alone: each workstream as the only lever; WS3 cannot get there even at 100', () => {
    const s = solveWorkstreams(thailand, { target: 51, year: 2025, mode: 'alone' });
    expect(s.lever).toBeNull();
    expect(s.workstreams[0]?.lever).toBeCloseTo(needed2025 / 4, 10);
    const ws3 = s.workstreams[2];
    // EIU and WEF both to 100: 65.5056 + 64.53808 points.
    const room = 100 - (v2025.EIU ?? 0) + 100 - (v2025.WEF ?? 0);
    expect(ws3?.feasible).toBe(false);
    expect(ws3?.shortfall.points).toBeCloseTo(needed2025 - room, 10);
    expect(ws3?.shortfall.score).toBe(51 - Math.round((9 * 50.5 - needed2025 + room) / 9));
    expect(s.feasible).toBe(false);
    expect(scenario(thailand, s.workstreams[0]?.spec ?? { changes: [] }).years.at(-1)?.score).toBe(51);
  });

  it('names the function, the field and the value on bad options', () => {
    expect(() => solveWorkstreams(thailand, { target: 51, workstreams: [1, 7] })).toThrow(/solveWorkstreams: options.workstreams\[1\]: .*\(got 7\)/);
    expect(() => solveWorkstreams(thailand, { target: 51, mode: 'both' } as never)).toThrow(/solveWorkstreams: options.mode/);
  });
});
