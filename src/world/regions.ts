/**
 * TI's six regions, by the codes TI's tables use, with their names in English (as TI writes them)
 * and Thai (cpi-gap's translation).
 *
 * @example
 * TI_REGIONS.AP.en; // => 'Asia Pacific'
 * TI_REGIONS.AP.th; // => 'เอเชียแปซิฟิก'
 * Object.keys(TI_REGIONS); // => ['AME', 'AP', 'ECA', 'MENA', 'SSA', 'WE/EU']
 */
export const TI_REGIONS = Object.freeze({
  AME: Object.freeze({ en: 'Americas', th: 'อเมริกา' }),
  AP: Object.freeze({ en: 'Asia Pacific', th: 'เอเชียแปซิฟิก' }),
  ECA: Object.freeze({ en: 'Eastern Europe & Central Asia', th: 'ยุโรปตะวันออกและเอเชียกลาง' }),
  MENA: Object.freeze({ en: 'Middle East & North Africa', th: 'ตะวันออกกลางและแอฟริกาเหนือ' }),
  SSA: Object.freeze({ en: 'Sub-Saharan Africa', th: 'แอฟริกาใต้สะฮารา' }),
  'WE/EU': Object.freeze({ en: 'Western Europe & European Union', th: 'ยุโรปตะวันตกและสหภาพยุโรป' }),
});

/**
 * A TI region code.
 *
 * @example
 * const region: RegionCode = 'AP';
 * TI_REGIONS[region].en; // => 'Asia Pacific'
 */
export type RegionCode = keyof typeof TI_REGIONS;

/** Whether a text is a TI region code. Internal. */
export function isRegionCode(value: unknown): value is RegionCode {
  return typeof value === 'string' && Object.hasOwn(TI_REGIONS, value);
}
