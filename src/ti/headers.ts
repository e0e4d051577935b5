import * as z from 'zod/mini';
import { parseInput } from '../errors.js';
import { SOURCE_CATALOG, SOURCE_IDS, type SourceId } from '../dataset/sourceCatalog.js';
import { frozen } from '../util/freeze.js';

/**
 * A column of a TI result file that cpi-gap understands, other than a source column.
 *
 * @example
 * const f: TiField = 'standardError';
 * console.log(TI_FIELD_ALIASES[f]);
 */
export type TiField = 'country' | 'iso3' | 'region' | 'year' | 'score' | 'rank' | 'standardError' | 'sources' | 'lower' | 'upper';

/**
 * What a header means: one of the row fields, or a source's rescaled score.
 *
 * @example
 * const m: TiColumnMeaning | undefined = mapHeader('Varieties of Democracy Project')?.meaning;
 * if (m?.kind === 'source') console.log(m.source); // VDEM
 */
export type TiColumnMeaning = { readonly kind: 'field'; readonly field: TiField } | { readonly kind: 'source'; readonly source: SourceId };

/**
 * The header texts TI has used for each field, with `YYYY` standing for the edition's year. Headers
 * are compared after {@link normaliseHeader} (case, spacing and punctuation do not matter), so
 * `Nations in Transit` and `Nations In Transit` are one alias.
 * @example
 * TI_FIELD_ALIASES.score.includes('CPI score YYYY'); // => true (YYYY: any year)
 * mapHeader('CPI score 2022')?.meaning.kind; // => 'field'
 */
export const TI_FIELD_ALIASES: Readonly<Record<TiField, readonly string[]>> = frozen({
  country: ['Country / Territory', 'Country/Territory', 'Country', 'Country or territory'],
  iso3: ['ISO3', 'ISO 3', 'ISO code', 'ISO'],
  region: ['Region'],
  year: ['Year', 'Edition'],
  score: ['CPI score YYYY', 'CPI YYYY score', 'CPI score', 'CPI YYYY', 'CPIYYYY', 'Score', 'CPI Score YYYY'],
  rank: ['Rank', 'Rank YYYY', 'CPI rank', 'CPI YYYY rank'],
  standardError: ['Standard error', 'Standard error YYYY', 'Standard Error', 'SE'],
  sources: ['Number of sources', 'Sources', 'Sources YYYY', 'Number of sources YYYY'],
  lower: ['Lower CI', 'Lower CI YYYY', 'Lower confidence interval'],
  upper: ['Upper CI', 'Upper CI YYYY', 'Upper confidence interval'],
});

/**
 * Source headers seen in TI's files besides each source's `tiName` in {@link SOURCE_CATALOG}
 * (which is always an alias) and its abbreviation.
 * @example
 * TI_SOURCE_ALIASES.FH_NIT.length > 0; // => true
 * mapHeader('Nations in Transit')?.meaning; // => { kind: 'source', source: 'FH_NIT' }
 */
export const TI_SOURCE_ALIASES: Readonly<Record<SourceId, readonly string[]>> = frozen({
  AFDB: ['African Development Bank Country Policy and Institutional Assessment'],
  BF_SGI: ['Bertelsmann Stiftung Sustainable Governance Indicators', 'Bertelsmann Foundation Sustainable Governance Indicators'],
  BTI: ['Bertelsmann Stiftung Transformation Index', 'Bertelsmann Transformation Index'],
  EIU: ['Economist Intelligence Unit Country Risk Service', 'Economist Intelligence Unit'],
  FH_NIT: ['Freedom House Nations in Transit', 'Freedom House Nations in Transit Ratings'],
  GI: ['Global Insight Country Risk Ratings', 'IHS Global Insight Country Risk Ratings', 'Global Insight Business Conditions and Risk Indicators'],
  IMD: ['IMD World Competitiveness Center World Competitiveness Yearbook', 'IMD World Competitiveness Yearbook Executive Opinion Survey'],
  PERC: ['Political and Economic Risk Consultancy Asian Intelligence', 'PERC Asian Intelligence'],
  PRS: ['PRS Group International Country Risk Guide', 'Political Risk Services International Country Risk Guide'],
  VDEM: ['Varieties of Democracy', 'V-Dem', 'Varieties of Democracy Project V-Dem'],
  WB_CPIA: ['World Bank Country Policy and Institutional Assessment'],
  WEF: ['World Economic Forum Executive Opinion Survey', 'World Economic Forum Executive Opinion Survey EOS'],
  WJP: ['World Justice Project Rule of Law Index Expert Survey', 'World Justice Project'],
  TI_BPS: ['Transparency International Bribe Payers Survey', 'Bribe Payers Survey', 'TI Bribe Payers Survey'],
});

/**
 * Reduce a header to the form the alias table is keyed by: lower case, every run of characters
 * other than letters and digits turned into one space, trimmed.
 *
 * @example
 * normaliseHeader('  Country / Territory '); // => 'country territory'
 */
export function normaliseHeader(header: string): string {
  return normal(parseInput('normaliseHeader', z.string(), header, ['header']));
}

function normal(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const YEAR_TOKEN = /(?<![\p{N}])((?:19|20)\d{2})(?![\p{N}])/u;

function key(alias: string): string {
  return normal(alias.replace('YYYY', ' YYYY '));
}

const LOOKUP: ReadonlyMap<string, TiColumnMeaning> = (() => {
  const map = new Map<string, TiColumnMeaning>();
  for (const [field, aliases] of Object.entries(TI_FIELD_ALIASES) as [TiField, readonly string[]][]) {
    for (const alias of aliases) map.set(key(alias), { kind: 'field', field });
  }
  for (const id of SOURCE_IDS) {
    const entry = SOURCE_CATALOG[id];
    for (const alias of [entry.tiName, entry.abbreviation, ...TI_SOURCE_ALIASES[id]]) map.set(key(alias), { kind: 'source', source: id });
  }
  return map;
})();

/**
 * A header recognised by {@link mapHeader}: its meaning, and the year it names if any.
 *
 * @example
 * const m: MappedHeader | undefined = mapHeader('Standard error 2025');
 * m?.meaning; // => { kind: 'field', field: 'standardError' }
 * m?.year; // => 2025
 */
export interface MappedHeader {
  readonly meaning: TiColumnMeaning;
  /** The four-digit year written in the header (`CPI score 2022` => 2022). */
  readonly year?: number;
}

/**
 * What a header of a TI result file means, by the alias tables {@link TI_FIELD_ALIASES} and
 * {@link TI_SOURCE_ALIASES}; `undefined` when it is not recognised. A year written in the header is
 * returned beside the meaning.
 *
 * @example
 * mapHeader('CPI 2025 score'); // => { meaning: { kind: 'field', field: 'score' }, year: 2025 }
 * mapHeader('Freedom House Nations in Transit'); // => { meaning: { kind: 'source', source: 'FH_NIT' } }
 */
export function mapHeader(header: string): MappedHeader | undefined {
  return mapNormalHeader(normal(parseInput('mapHeader', z.string(), header, ['header'])));
}

/** {@link mapHeader} without input validation (for the readers' inner loop). */
export function mapHeaderUnchecked(header: string): MappedHeader | undefined {
  return mapNormalHeader(normal(header));
}

function mapNormalHeader(text: string): MappedHeader | undefined {
  if (text === '') return undefined;
  const direct = LOOKUP.get(text);
  if (direct !== undefined) return { meaning: direct };
  const match = YEAR_TOKEN.exec(text);
  if (match?.[1] === undefined) return undefined;
  const withoutYear = normal(`${text.slice(0, match.index)} yyyy ${text.slice(match.index + match[1].length)}`);
  const meaning = LOOKUP.get(withoutYear);
  return meaning === undefined ? undefined : { meaning, year: Number(match[1]) };
}
