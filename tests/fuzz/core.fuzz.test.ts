/** Fuzz every function exported by the core entry (`cpi-gap`). */
import * as core from '../../src/index.js';
import { thailand } from '../../src/index.js';
import { datasetInput } from '../arbitraries/dataset.js';
import { cpiTrend, FIELD, gaps2022, scenarioResult, SPEC, TI_CSV, tiRows } from './fixtures.js';
import { fuzzEntry, type FuzzSpec } from './harness.js';

const OWN = 'supplied by cpi-gap itself (the calling function, a field path or a zod schema), never by a user';

const specs: Record<string, FuzzSpec> = {
  // errors
  describeValue: { args: () => [{ a: 1 }] },
  printable: { args: () => ['Red\u001b[31mland\n'] },
  // dataset
  createDataset: { args: () => [{ country: { iso3: 'XYZ', name: { en: 'Example' } }, sources: [{ id: 'EIU', name: { en: 'EIU' } }, { id: 'PRS', name: { en: 'PRS' } }, { id: 'WEF', name: { en: 'WEF' } }], scores: [{ source: 'EIU', year: 2024, value: 40, origin: { kind: 'user', note: 'fuzz' } }, { source: 'PRS', year: 2024, value: 50, origin: { kind: 'user', note: 'fuzz' } }, { source: 'WEF', year: 2024, value: 45, origin: { kind: 'user', note: 'fuzz' } }] }], alt: { 0: datasetInput } },
  assertDataset: { args: () => ['fuzz', thailand, ['dataset']], trusted: { 0: OWN, 2: OWN } },
  latestYear: { args: () => [thailand] },
  resolveYear: { args: () => ['fuzz', thailand, 2022, ['options', 'year']], trusted: { 0: OWN, 3: OWN } },
  scoresOfYear: { args: () => [thailand, 2022] },
  // i18n
  parseThaiNumber: { args: () => ['๑๓๔,๒๓๘,๕๐๐'] },
  formatThaiNumber: { args: () => [134238500, { thaiDigits: true }] },
  fromThaiDigits: { args: () => ['พ.ศ. ๒๕๖๖'] },
  toThaiDigits: { args: () => ['2566'] },
  toBuddhistEra: { args: () => [2023] },
  fromBuddhistEra: { args: () => [2566] },
  sourceLabel: { args: () => [thailand, 'BTI', 'th'] },
  workstreamLabel: { args: () => [thailand, 1, 'en'] },
  yearLabel: { args: () => [2023, 'be'] },
  thaiDate: { args: () => ['2023-09-30'] },
  defaultEra: { args: () => ['th'] },
  sourceAbbreviation: { args: () => [thailand, 'BTI'] },
  // methodology
  roundScore: { args: () => [50.5] },
  requiredMean: { args: () => [51] },
  aggregate: { args: () => [[43, 45, 35, 34, 35, 32, 37, 26, 37], { edition: 2022 }] },
  standardError: { args: () => [4, 9, 2019] },
  ciZ: { args: () => [2021] },
  rank: { args: () => [36, FIELD] },
  scoreForRank: { args: () => [2, FIELD] },
  targetConsistency: { args: () => [{ score: 50, rank: 2 }, [90, 60, 50, 40]] },
  rescale: { args: () => [6, { mean: 5, sd: 2, reversed: true }] },
  unrescale: { args: () => [55, { mean: 5, sd: 2 }] },
  changeSignificance: { args: () => [{ score: 38, standardError: 2.12, sources: 8 }, { score: 33, standardError: 0.997, sources: 9 }, { test: 'welch', alpha: 0.05 }] },
  significantChanges: { args: () => [[{ iso3: 'THA', year: 2015, score: 38, standardError: 2.12, sources: 8 }, { iso3: 'THA', year: 2025, score: 33, standardError: 0.997, sources: 9 }], 2025] },
  significanceAgreement: { args: () => [[{ iso3: 'THA', year: 2015, change: -5 }], [{ iso3: 'THA', year: 2015, change: -5 }], ['THA', 'IDN']] },
  studentTTwoSided: { args: () => [2.13, 10] },
  // analysis
  sourceGaps: { args: () => [thailand, { year: 2022, target: 51 }] },
  cpiGap: { args: () => [thailand, { year: 2022, target: 51 }] },
  workstreamGaps: { args: () => [thailand, { year: 2022, target: 51 }] },
  tQuantile: { args: () => [0.95, 7] },
  trend: { args: () => [thailand, { series: 'cpi', from: 2017, to: 2025 }] },
  projectTrend: { args: () => [cpiTrend(), { until: 2027 }] },
  scenario: { args: () => [thailand, SPEC] },
  composeScenarios: {
    args: () => [
      { name: 'WS1', baseYear: 2025, changes: [{ kind: 'lever', workstream: 1, year: 2026, uplift: 5 }] },
      { name: 'V-Dem', until: 2027, changes: [{ kind: 'gain', source: 'VDEM', from: 2026, gain: 1 }] },
    ],
  },
  scenarioUplifts: { args: () => [thailand, { baseYear: 2025, changes: [{ kind: 'lever-gain', workstream: 3, from: 2026, to: 2027, gain: 2 }] }] },
  solveTarget: { args: () => [thailand, { target: 51, year: 2022, strategy: 'even' }] },
  solveWorkstreams: { args: () => [thailand, { target: 51, year: 2025, by: 2027 }] },
  onTrack: { args: () => [thailand, { target: 51, by: 2027 }] },
  scenarioRank: { args: () => [scenarioResult(), FIELD] },
  // report
  gapReport: { args: () => [thailand, { year: 2022, target: 51 }] },
  formatGapReport: { args: () => [thailand, core.gapReport(thailand, { year: 2022 }), { locale: 'th', format: 'table', era: 'be' }] },
  toHTML: { args: () => [core.gapReport(thailand, { year: 2022 })], echoesInput: 'shows any value it is given, escaped, as a table or text' },
  jupyterDisplay: { args: () => [core.gapReport(thailand, { year: 2022 })], echoesInput: 'wraps any value it is given for display' },
  provenanceLine: { args: () => [gaps2022().map((g) => g.origin), 'en'] },
  // ti
  readTiResults: { args: () => [TI_CSV, { file: 'CPI2025_Results.csv' }] },
  parseCsv: { args: () => ['a,"b, c"\r\n1,"say ""hi"""\r\n'] },
  mapHeader: { args: () => ['CPI 2025 score'] },
  normaliseHeader: { args: () => ['  Country / Territory '] },
  datasetFromTi: { args: () => [tiRows(), 'THA'] },
  tiConformance: { args: () => [tiRows(), { tolerance: 0.001 }] },
};

fuzzEntry('cpi-gap', core, specs, {
  CpiGapError: 'the error class itself: the suite checks that it is the only thing thrown',
});
