import * as z from 'zod/mini';
import { assertDataset, type Dataset } from '../dataset/createDataset.js';
import { SOURCE_CATALOG, type SourceId } from '../dataset/sourceCatalog.js';
import { fail } from '../errors.js';
import { toBuddhistEra } from './buddhistEra.js';
import { frozen } from '../util/freeze.js';

/**
 * The locales cpi-gap speaks: Thai and English. Every option that takes a language reads this list
 * (through {@link Locale}); the command line's `--lang` too.
 *
 * @example
 * LOCALES; // => ['th', 'en']
 * LOCALES.map((l) => sourceLabel(thailand, 'VDEM', l));
 */
export const LOCALES = frozen(['th', 'en'] as const);

/**
 * Output language, Thai or English: the zod schema every option that takes a language uses, and its
 * type.
 *
 * @example
 * const locale: Locale = 'th';
 * workstreamLabel(thailand, 1, locale); // => the Thai label of workstream 1
 * Locale.safeParse('fr').success; // => false
 */
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;

/**
 * The ways years are written: Common Era and Buddhist Era (B.E. = CE + 543).
 *
 * @example
 * ERAS; // => ['ce', 'be']
 */
export const ERAS = frozen(['ce', 'be'] as const);

/**
 * How years are written, Common Era (2023) or Buddhist Era (2566): the zod schema every `era` option
 * uses, and its type.
 *
 * @example
 * const era: Era = 'be';
 * yearLabel(2025, era); // => '2568'
 * Era.safeParse('ad').success; // => false
 */
export const Era = z.enum(ERAS);
export type Era = z.infer<typeof Era>;

/**
 * The digits numbers are written in: Arabic (0-9) or Thai (๐-๙). Every option that chooses them
 * reads this list (through {@link Digits}); the command line's `chart --digits` too.
 *
 * @example
 * DIGITS; // => ['arabic', 'thai']
 */
export const DIGITS = frozen(['arabic', 'thai'] as const);

/**
 * Arabic (0-9) or Thai (๐-๙) digits: the zod schema every `digits` option uses, and its type.
 *
 * @example
 * const digits: Digits = 'thai';
 * Digits.safeParse('roman').success; // => false
 */
export const Digits = z.enum(DIGITS);
export type Digits = z.infer<typeof Digits>;

/**
 * The language of reports, charts and the command line when none is given: English (the plan's
 * follow-up, written for the secretariat, defaults to Thai). Years then follow {@link defaultEra}.
 *
 * @example
 * DEFAULT_LOCALE; // => 'en'
 * defaultEra(DEFAULT_LOCALE); // => 'ce'
 */
export const DEFAULT_LOCALE: Locale = 'en';

/**
 * The title of the seed document, Thailand's FY2023 action plan to raise the CPI score, as it is
 * written (Thai digits), and a short English name: the plan's roll-ups, reports and provenance lines
 * name it from here.
 *
 * @example
 * PLAN_TITLE.en; // => 'FY2023 action plan'
 * PLAN_TITLE.th.endsWith('พ.ศ. ๒๕๖๖'); // => true
 */
export const PLAN_TITLE = Object.freeze({
  th: 'แผนปฏิบัติการยกระดับค่าคะแนนดัชนีการรับรู้การทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๖',
  en: 'FY2023 action plan',
} as const);

/**
 * The era years are written in when none is asked for: the Buddhist Era in Thai (as Thai readers
 * write years), the Common Era in English. Reports, charts and the command line all default so.
 *
 * @example
 * defaultEra('th'); // => 'be'
 * defaultEra('en'); // => 'ce'
 */
export function defaultEra(locale: Locale): Era {
  return locale === 'th' ? 'be' : 'ce';
}

function checkChoice(fn: string, field: string, value: unknown, choices: readonly string[]): void {
  if (!choices.some((c) => c === value)) fail(fn, [field], `expected ${choices.map((c) => `'${c}'`).join(' or ')}`, value);
}

/**
 * A source's label: its abbreviation as the seed writes it in Thai (`BF (TI)`, `V-DEM`), and its
 * short English name in English. No internal id appears in either.
 *
 * @example
 * sourceLabel(thailand, 'BTI', 'th'); // => 'BF (TI)'
 * sourceLabel(thailand, 'VDEM', 'th'); // => 'V-DEM'
 * sourceLabel(thailand, 'BTI', 'en'); // => 'Bertelsmann Transformation Index'
 */
export function sourceLabel(dataset: Dataset | null, id: SourceId, locale: Locale): string {
  checkSource('sourceLabel', dataset, id);
  checkChoice('sourceLabel', 'locale', locale, LOCALES);
  return locale === 'th' ? abbreviationOf(dataset, id) : SHORT_EN[id];
}

function checkSource(fn: string, dataset: Dataset | null, id: SourceId): void {
  if (dataset !== null) assertDataset(fn, dataset);
  if (typeof id !== 'string' || !Object.hasOwn(SOURCE_CATALOG, id)) fail(fn, ['id'], 'expected a source id of the catalogue', id, 'unknown_source');
}

function abbreviationOf(dataset: Dataset | null, id: SourceId): string {
  return dataset?.sources.find((s) => s.id === id)?.abbreviation ?? SOURCE_CATALOG[id].abbreviation;
}

/**
 * A source's abbreviation as the seed writes it (`BF (TI)`, `V-DEM`, `IMD`), the same in Thai and
 * English: for compact columns and lists, where the full English name would not fit.
 *
 * @example
 * sourceAbbreviation(thailand, 'BTI'); // => 'BF (TI)'
 * sourceAbbreviation(null, 'VDEM'); // => 'V-DEM'
 */
export function sourceAbbreviation(dataset: Dataset | null, id: SourceId): string {
  checkSource('sourceAbbreviation', dataset, id);
  return abbreviationOf(dataset, id);
}

const SHORT_EN: Record<SourceId, string> = {
  AFDB: 'African Development Bank CPIA',
  BF_SGI: 'Bertelsmann Sustainable Governance Indicators',
  BTI: 'Bertelsmann Transformation Index',
  EIU: 'Economist Intelligence Unit',
  FH_NIT: 'Freedom House Nations in Transit',
  GI: 'Global Insight',
  IMD: 'IMD World Competitiveness Yearbook',
  PERC: 'PERC Asian Intelligence',
  PRS: 'PRS International Country Risk Guide',
  VDEM: 'Varieties of Democracy',
  WB_CPIA: 'World Bank CPIA',
  WEF: 'World Economic Forum EOS',
  WJP: 'World Justice Project Rule of Law Index',
  TI_BPS: 'TI Bribe Payers Survey',
};

/**
 * A workstream's label, numbered: `WS1 Bribery prevention` or `แผนงานเรื่องที่ 1 การป้องกันการติดสินบน`.
 *
 * @example
 * workstreamLabel(thailand, 1, 'en'); // => 'WS1 Bribery prevention'
 */
export function workstreamLabel(dataset: Dataset, number: number, locale: Locale): string {
  assertDataset('workstreamLabel', dataset);
  if (!Number.isSafeInteger(number)) fail('workstreamLabel', ['number'], 'expected an integer workstream number', number);
  checkChoice('workstreamLabel', 'locale', locale, LOCALES);
  const w = dataset.workstreams.find((x) => x.number === number);
  if (locale === 'th') return `แผนงานเรื่องที่ ${number}${w?.name.th ? ` ${w.name.th}` : ''}`;
  return `WS${number}${w ? ` ${w.name.en}` : ''}`;
}

/**
 * A year as a label, in the Common or the Buddhist Era.
 *
 * @example
 * yearLabel(2023, 'be'); // => '2566'
 */
export function yearLabel(year: number, era: Era = defaultEra(DEFAULT_LOCALE)): string {
  if (!Number.isSafeInteger(year)) fail('yearLabel', ['year'], 'expected an integer year', year);
  checkChoice('yearLabel', 'era', era, ERAS);
  return String(era === 'be' ? toBuddhistEra(year) : year);
}

/**
 * Every fixed phrase cpi-gap prints, in Thai and English.
 *
 * @example
 * console.log(MESSAGES.en.roundingNote(51, 50.5)); // A score of 51 is reached when the unrounded mean of the sources reaches 50.5.
 * console.log(MESSAGES.th.roundingNote(51, 50.5));
 */
export const MESSAGES = frozen({
  en: {
    source: 'Source',
    score: 'Score',
    target: 'Target',
    gap: 'Gap',
    gapRank: 'Gap rank',
    workstream: 'Workstream',
    workstreams: 'Workstreams',
    sources: 'Sources',
    gapSum: 'Gap sum',
    gapMean: 'Mean gap',
    shared: 'Shared sources',
    cpi: 'CPI',
    year: 'Year',
    published: 'Published score',
    rank: 'Rank',
    mean: 'Mean of sources (unrounded)',
    neededMean: 'Mean the target needs',
    totalUplift: 'Total uplift needed across sources',
    evenUplift: 'Even uplift per source',
    reached: 'Target already reached',
    gapReportTitle: (country: string, year: string, target: number) => `${country}: CPI ${year}, gaps to a score of ${target}`,
    sharedNote: 'Sources marked * feed more than one workstream and count in each: do not add the workstream sums.',
    roundingNote: (target: number, needed: number) => `A score of ${target} is reached when the unrounded mean of the sources reaches ${needed}.`,
    provenance: 'Sources: FY2023 CPI action plan (Thailand), five-year table; Transparency International, Corruption Perceptions Index (CC BY-ND 4.0).',
  },
  th: {
    source: 'แหล่งข้อมูล',
    score: 'คะแนน',
    target: 'ค่าเป้าหมาย',
    gap: 'ช่องว่าง',
    gapRank: 'อันดับช่องว่าง',
    workstream: 'แผนงาน',
    workstreams: 'แผนงาน',
    sources: 'แหล่งข้อมูล',
    gapSum: 'ผลรวมช่องว่าง',
    gapMean: 'ช่องว่างเฉลี่ย',
    shared: 'แหล่งข้อมูลร่วม',
    cpi: 'ดัชนีการรับรู้การทุจริต (CPI)',
    year: 'ปี',
    published: 'คะแนนที่ประกาศ',
    rank: 'อันดับ',
    mean: 'ค่าเฉลี่ยของแหล่งข้อมูล (ไม่ปัดเศษ)',
    neededMean: 'ค่าเฉลี่ยที่ต้องการเพื่อถึงค่าเป้าหมาย',
    totalUplift: 'คะแนนรวมที่แหล่งข้อมูลต้องเพิ่มขึ้น',
    evenUplift: 'คะแนนที่ต้องเพิ่มต่อแหล่งข้อมูล (เท่ากันทุกแหล่ง)',
    reached: 'ถึงค่าเป้าหมายแล้ว',
    gapReportTitle: (country: string, year: string, target: number) => `${country}: ดัชนีการรับรู้การทุจริต ปี ${year} ช่องว่างถึงค่าเป้าหมาย ${target} คะแนน`,
    sharedNote: 'แหล่งข้อมูลที่มีเครื่องหมาย * อยู่ในมากกว่าหนึ่งแผนงานและนับในทุกแผนงาน: ไม่ควรนำผลรวมของแต่ละแผนงานมาบวกกัน',
    roundingNote: (target: number, needed: number) => `คะแนน ${target} จะได้เมื่อค่าเฉลี่ยที่ไม่ปัดเศษของแหล่งข้อมูลถึง ${needed}`,
    provenance: `ที่มา: ${PLAN_TITLE.th} (ตารางภาพรวมคะแนนย้อนหลัง ๕ ปี); Transparency International, Corruption Perceptions Index (CC BY-ND 4.0)`,
  },
} as const);
