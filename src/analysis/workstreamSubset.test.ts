import { describe, expect, it } from 'vitest';
import scores from '../../data/thailand/scores.json';
import { thailand } from '../dataset/thailand.js';
import { solveWorkstreams } from './solveWorkstreams.js';

// Independent arithmetic from the bundled 2025 source scores: a CPI of 51 needs a source mean of 50.5,
// so the nine sources must gain 9 x 50.5 - (their sum) points. WS1 feeds four sources (GI, IMD, PRS,
// WEF); pulled alone, its lever is that total over 4. WS1 and WS4 together (add mode) feed seven
// distinct sources, none shared between them, so the common lever is the total over 7.
const y2025 = (scores as { source: string; year: number; value: number }[]).filter((s) => s.year === 2025);
const needed = 9 * 50.5 - y2025.reduce((sum, s) => sum + s.value, 0);

describe('solveWorkstreams with a subset of the workstreams', () => {
  it('WS1 alone pulls a lever of (total needed) / 4 on its four sources', () => {
    const r = solveWorkstreams(thailand, { target: 51, year: 2025, by: 2027, workstreams: [1] });
    expect(y2025).toHaveLength(9);
    expect(r.workstreams.map((w) => w.workstream)).toEqual([1]);
    expect(r.lever).toBeCloseTo(needed / 4, 9);
    expect(r.lever).toBeCloseTo(39.12, 2);
  });

  it('WS1 and WS4 together pull (total needed) / 7, and the other sources do not move', () => {
    const r = solveWorkstreams(thailand, { target: 51, year: 2025, by: 2027, workstreams: [1, 4] });
    expect(r.lever).toBeCloseTo(needed / 7, 9);
    const moved = new Set(r.workstreams.flatMap((w) => w.sources.map((s) => s.source)));
    expect([...moved].sort()).toEqual(['BTI', 'GI', 'IMD', 'PERC', 'PRS', 'VDEM', 'WEF']);
  });
});
