import { frozen } from '../util/freeze.js';

/**
 * The sources Transparency International has used for the CPI since 2012, with stable ids.
 * `tiName` is the column header TI uses in its result files (CPI 2025 spelling).
 * @example
 * SOURCE_CATALOG.BTI.abbreviation; // => 'BF (TI)'
 * SOURCE_CATALOG.VDEM.tiName; // => 'Varieties of Democracy Project'
 */
export const SOURCE_CATALOG = frozen({
  AFDB: { tiName: 'African Development Bank CPIA', abbreviation: 'AFDB' },
  BF_SGI: { tiName: 'Bertelsmann Foundation Sustainable Governance Index', abbreviation: 'BF (SGI)' },
  BTI: { tiName: 'Bertelsmann Foundation Transformation Index', abbreviation: 'BF (TI)' },
  EIU: { tiName: 'Economist Intelligence Unit Country Ratings', abbreviation: 'EIU' },
  FH_NIT: { tiName: 'Freedom House Nations In Transit', abbreviation: 'FH' },
  GI: { tiName: 'Global Insights Country Risk Ratings', abbreviation: 'GI' },
  IMD: { tiName: 'IMD World Competitiveness Yearbook', abbreviation: 'IMD' },
  PERC: { tiName: 'PERC Asia Risk Guide', abbreviation: 'PERC' },
  PRS: { tiName: 'PRS International Country Risk Guide', abbreviation: 'PRS' },
  VDEM: { tiName: 'Varieties of Democracy Project', abbreviation: 'V-DEM' },
  WB_CPIA: { tiName: 'World Bank CPIA', abbreviation: 'WB' },
  WEF: { tiName: 'World Economic Forum EOS', abbreviation: 'WEF' },
  WJP: { tiName: 'World Justice Project Rule of Law Index', abbreviation: 'WJP' },
  TI_BPS: { tiName: 'Transparency International Bribe Payers Survey', abbreviation: 'BPS' },
} as const);

/**
 * The 13 sources of the current CPI, in the order of TI's result files.
 *
 * @example
 * CURRENT_SOURCE_IDS.length; // => 13
 * CURRENT_SOURCE_IDS.includes('VDEM'); // => true
 */
export const CURRENT_SOURCE_IDS = frozen(['AFDB', 'BF_SGI', 'BTI', 'EIU', 'FH_NIT', 'GI', 'IMD', 'PERC', 'PRS', 'VDEM', 'WB_CPIA', 'WEF', 'WJP'] as const);

/**
 * Every source id cpi-gap knows: the 13 current sources and TI's Bribe Payers Survey (2012-2013).
 *
 * @example
 * SOURCE_IDS.length; // => 14 (13 current sources and TI_BPS)
 * SOURCE_IDS.at(-1); // => 'TI_BPS'
 */
export const SOURCE_IDS = frozen([...CURRENT_SOURCE_IDS, 'TI_BPS'] as const);

/**
 * A stable source id, e.g. `'IMD'` or `'VDEM'`.
 *
 * @example
 * const ids: SourceId[] = ['IMD', 'VDEM'];
 * ids.map((id) => SOURCE_CATALOG[id].abbreviation); // => ['IMD', 'V-DEM']
 */
export type SourceId = (typeof SOURCE_IDS)[number];

/**
 * The nine sources that assess Thailand, in the order of the seed's five-year table.
 *
 * @example
 * THAILAND_SOURCE_IDS; // => ['IMD', 'WEF', 'PERC', 'WJP', 'GI', 'PRS', 'EIU', 'VDEM', 'BTI']
 */
export const THAILAND_SOURCE_IDS = frozen(['IMD', 'WEF', 'PERC', 'WJP', 'GI', 'PRS', 'EIU', 'VDEM', 'BTI'] as const satisfies readonly SourceId[]);
