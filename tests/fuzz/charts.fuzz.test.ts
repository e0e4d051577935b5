/** Fuzz every function exported by `cpi-gap/charts` (spec builders and their records). */
import * as charts from '../../src/charts/index.js';
import { chartContext, gapWaterfall, rankPosition } from '../../src/charts/index.js';
import { scenario, thailand } from '../../src/index.js';
import { budgetByMeasure, progressRollup } from '../../src/plan/index.js';
import { simulate } from '../../src/simulation/index.js';
import { peerComparison } from '../../src/world/index.js';
import { cpiGap2022, FIELD, gaps2022, workstreamGaps2022 } from './fixtures.js';
import { fuzzEntry } from './harness.js';

const ctx = () => ({ ...chartContext(thailand, { year: 2022 }), locale: 'th' as const });

fuzzEntry('cpi-gap/charts', charts, {
  chartContext: { args: () => [thailand, { year: 2022 }] },
  chartSet: { args: () => [thailand, { year: 2022, locale: 'th' }], runs: 40 },
  chartSpec: { args: () => [thailand, 'gap-waterfall', { year: 2022, locale: 'th' }], runs: 60 },
  gapBarsSpec: { args: () => [gaps2022(), ctx()] },
  gapWaterfall: { args: () => [gaps2022(), cpiGap2022()] },
  gapWaterfallSpec: { args: () => [gapWaterfall(gaps2022(), cpiGap2022()), ctx()] },
  rankPosition: { args: () => [FIELD, { year: 2022, score: 36, targetRanks: [2] }] },
  rankPositionSpec: { args: () => [rankPosition(FIELD, { year: 2022, score: 36, targetRanks: [2] }), { country: thailand.country, locale: 'th' }] },
  sourceHeatmapSpec: { args: () => [thailand.scores, { ...chartContext(thailand), era: 'be' }] },
  sourceTrendsSpec: { args: () => [thailand, { ...chartContext(thailand), locale: 'th', era: 'be' }] },
  workstreamMatrixSpec: { args: () => [workstreamGaps2022(), chartContext(thailand, { year: 2022 })] },
  monteCarloFanSpec: { args: async () => [(await simulate(thailand, { paths: 2000, horizon: 3 })).years, { locale: 'en' }], runs: 80 },
  planStatusSpec: { args: () => [progressRollup([{ projectId: 'ws3-m2.1-p1', date: '2023-03-01', status: 'done' }], { asOf: '2023-06-30' }), { locale: 'en' }] },
  statusByWorkstreamChart: { args: () => [progressRollup([{ projectId: 'ws3-m2.1-p1', date: '2023-03-01', status: 'done' }], { asOf: '2023-06-30' }), { locale: 'en', normalize: true }], runs: 40 },
  peerComparisonSpec: { args: () => [peerComparison(thailand, { group: 'asean', year: 2025 }), { locale: 'th', era: 'be' }] },
  budgetSpec: { args: () => [budgetByMeasure({ workstream: 1 }), { locale: 'en', amount: 'printed' }] },
  scenarioPathsSpec: {
    args: () => [
      [scenario(thailand, { name: 'No change', baseYear: 2025, until: 2027, changes: [] }), scenario(thailand, { name: 'V-Dem +3 a year', baseYear: 2025, until: 2027, changes: [{ kind: 'gain', source: 'VDEM', from: 2026, gain: 3 }] })],
      { locale: 'th', era: 'be', target: 51, targetYear: 2027 },
    ],
  },
});
