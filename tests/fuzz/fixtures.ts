/** Valid inputs the fuzz tables start from (TI rows copied from TI's CPI 2025 results file). */
import {
  cpiGap,
  readTiResults,
  scenario,
  sourceGaps,
  thailand,
  trend,
  workstreamGaps,
  type ScenarioSpec,
} from '../../src/index.js';

/** Header and three rows of TI's CPI2025_Results.csv (Denmark, Singapore, Thailand), as published. */
export const TI_CSV = [
  'Country / Territory,ISO3,Region,CPI 2025 score,Rank,Standard error 2025,Number of sources,Lower CI,Upper CI,African Development Bank CPIA,Bertelsmann Foundation Sustainable Governance Index,Bertelsmann Foundation Transformation Index,Economist Intelligence Unit Country Ratings,Freedom House Nations In Transit,Global Insights Country Risk Ratings,IMD World Competitiveness Yearbook,PERC Asia Risk Guide,PRS International Country Risk Guide,Varieties of Democracy Project,World Bank CPIA,World Economic Forum EOS,World Justice Project Rule of Law Index,',
  'Denmark,DNK,WE/EU,89,1,1.8822840000000001,8,85.913060000000002,92.086939999999998,,97.344049999999996,,82.838610000000003,,85.229190000000003,93.082859999999997,,100,75.128910000000005,,93.586219999999997,87.027969999999996,',
  'Singapore,SGP,AP,84,3,1.5182629999999999,9,81.510050000000007,86.489949999999993,,,77.227010000000007,82.838610000000003,,85.229190000000003,90.846369999999993,88.35136,78.146100000000004,73.075159999999997,,99.166160000000005,85.290760000000006,',
  'Thailand,THA,AP,33,116,0.99738870000000002,9,31.364280000000001,34.635719999999999,,,29.942820000000001,34.494399999999999,,32.214660000000002,26.089700000000001,44.794550000000001,32.758890000000001,29.94624,,35.461919999999999,32.30574,',
  '',
].join('\r\n');

export const tiRows = (): unknown[] => [...readTiResults(TI_CSV, { file: 'CPI2025_Results.csv' }).rows];

/** A scenario over Thailand: V-Dem up 9 points in 2023 (the scenario example in the docs). */
export const SPEC: ScenarioSpec = { baseYear: 2022, until: 2024, changes: [{ kind: 'delta', source: 'VDEM', year: 2023, delta: 9 }] };

export const scenarioResult = () => scenario(thailand, SPEC);
export const gaps2022 = () => sourceGaps(thailand, { year: 2022, target: 51 });
export const cpiGap2022 = () => cpiGap(thailand, { year: 2022, target: 51 });
export const workstreamGaps2022 = () => workstreamGaps(thailand, { year: 2022 });
export const cpiTrend = () => trend(thailand, { series: 'cpi', from: 2017, to: 2025 });

/** Every country's 2022 score is not needed: a short field of scores is a valid `scores` argument. */
export const FIELD = [90, 60, 51, 37, 36, 36, 20, 12];
