import { describe, expect, it } from 'vitest';
import { createDataset, type Dataset } from '../dataset/createDataset.js';
import { sourceGaps } from './gaps.js';
import { scenario } from './scenario.js';
import { scenarioUplifts } from './scenarioUplifts.js';
import { workstreamSeries } from './series.js';
import { solveWorkstreams } from './solveWorkstreams.js';

const origin = { kind: 'user', note: 'test' } as const;

/**
 * Four sources; WEF has a score in 2018 only, GI feeds no workstream. Workstream 1 feeds all three, workstream 2 feeds PRS
 * and WEF, so in 2019 workstream 2 feeds one scored source and one without a score.
 */
const ds: Dataset = createDataset({
  country: { iso3: 'XYZ', name: { en: 'Example' } },
  sources: (['EIU', 'PRS', 'WEF', 'GI'] as const).map((id) => ({ id, name: { en: id } })),
  scores: [
    { source: 'EIU', year: 2018, value: 38, origin },
    { source: 'PRS', year: 2018, value: 28, origin },
    { source: 'WEF', year: 2018, value: 50, origin },
    { source: 'GI', year: 2018, value: 48, origin },
    { source: 'EIU', year: 2019, value: 40, origin },
    { source: 'PRS', year: 2019, value: 30, origin },
    { source: 'GI', year: 2019, value: 50, origin },
  ],
  workstreams: [
    { number: 1, name: { en: 'One' }, sources: ['EIU', 'PRS', 'WEF'], origin },
    { number: 2, name: { en: 'Two' }, sources: ['PRS', 'WEF'], origin },
  ],
});

describe('a workstream that feeds a source without a score in the year', () => {
  it('solveWorkstreams (joint, split) solves over the scored sources only, and weighs only the shared scored one', () => {
    // 2019: EIU 40, PRS 30, GI 50, n = 3. Target 45 needs a mean of 44.5, so 3 x 44.5 - 120 = 13.5 points.
    // Split: EIU and PRS gain L once each (GI feeds no workstream), so 2L = 13.5 and L = 6.75.
    const r = solveWorkstreams(ds, { target: 45, year: 2019, by: 2020, shared: 'split' });
    expect(r.neededTotal).toBe(13.5);
    expect(r.lever).toBe(6.75);
    expect(r.sources).toEqual([
      { source: 'EIU', score: 40, workstreams: [1], uplift: 6.75, newScore: 46.75 },
      { source: 'PRS', score: 30, workstreams: [1, 2], uplift: 6.75, newScore: 36.75 },
      { source: 'GI', score: 50, workstreams: [], uplift: 0, newScore: 50 },
    ]);
    // PRS is fed by both workstreams: 1/2 each. WEF has no 2019 score: no weight, no member.
    const changes = r.spec?.changes ?? [];
    expect(changes).toEqual([
      { kind: 'lever-gain', workstream: 1, from: 2020, to: 2020, gain: 6.75, weights: { PRS: 0.5 } },
      { kind: 'lever-gain', workstream: 2, from: 2020, to: 2020, gain: 6.75, weights: { PRS: 0.5 } },
    ]);
    const two = r.workstreams.find((w) => w.workstream === 2);
    expect(two?.sources.map((m) => m.source)).toEqual(['PRS']);
    // Workstream 1: EIU 6.75 + half of PRS's 6.75 = 10.125 over 3 sources; workstream 2: 3.375 / 3.
    expect(r.workstreams.map((w) => w.contribution)).toEqual([3.375, 1.125]);
  });

  it('scenario and scenarioUplifts: a lever on that workstream moves only its scored source', () => {
    const spec = { baseYear: 2019, changes: [{ kind: 'lever', workstream: 2, year: 2020, uplift: 4 }] } as const;
    const r = scenario(ds, spec);
    expect(r.paths.map((p) => [p.source, p.workstreams])).toEqual([['EIU', [1]], ['PRS', [1, 2]], ['GI', []]]);
    expect(r.paths.map((p) => p.points.map((pt) => pt.value))).toEqual([[40, 40], [30, 34], [50, 50]]);
    // Means: 120 / 3 = 40 in 2019, 124 / 3 = 41.33 (41) in 2020.
    expect(r.years.map((y) => [y.year, y.score, y.change])).toEqual([[2019, 40, 0], [2020, 41, 1]]);
    expect(scenarioUplifts(ds, spec)).toEqual([
      { year: 2020, source: 'EIU', uplift: 0 },
      { year: 2020, source: 'PRS', uplift: 4 },
      { year: 2020, source: 'GI', uplift: 0 },
    ]);
  });

  it('sourceGaps lists only the sources scored that year, with their workstreams', () => {
    expect(sourceGaps(ds, { year: 2019, target: 41 }).map((g) => [g.source, g.gap, g.gapRank, g.workstreams])).toEqual([
      ['EIU', 1, 2, [1]],
      ['PRS', 11, 1, [1, 2]],
      ['GI', -9, 3, []],
    ]);
  });

  it('workstreamSeries keeps only the years in which every source of the workstream has a score', () => {
    // 2018: (28 + 50) / 2 = 39; 2019 has no WEF score.
    expect(workstreamSeries(ds, ['PRS', 'WEF']).points).toEqual([{ year: 2018, value: 39 }]);
    // Both years for a workstream of scored sources: (38 + 28) / 2 = 33, (40 + 30) / 2 = 35.
    expect(workstreamSeries(ds, ['EIU', 'PRS']).points).toEqual([{ year: 2018, value: 33 }, { year: 2019, value: 35 }]);
  });
});
