import * as z from 'zod/mini';

/**
 * A TI region code, as TI's tables write it; `RegionCode.options` lists them (the command line's
 * `--region` and `--group` take them).
 *
 * @example
 * const region: RegionCode = 'AP';
 * TI_REGIONS[region].en; // => 'Asia Pacific'
 * RegionCode.options; // => ['AME', 'AP', 'ECA', 'MENA', 'SSA', 'WE/EU']
 * RegionCode.safeParse('EU').success; // => false
 */
export const RegionCode = z.enum(['AME', 'AP', 'ECA', 'MENA', 'SSA', 'WE/EU']);
export type RegionCode = z.output<typeof RegionCode>;

/**
 * TI's six regions, by the codes TI's tables use ({@link RegionCode}), with their names in English
 * (as TI writes them) and Thai (cpi-gap's translation).
 *
 * @example
 * TI_REGIONS.AP.en; // => 'Asia Pacific'
 * TI_REGIONS.AP.th; // => 'เอเชียแปซิฟิก'
 * Object.keys(TI_REGIONS); // => ['AME', 'AP', 'ECA', 'MENA', 'SSA', 'WE/EU']
 */
export const TI_REGIONS: Readonly<Record<RegionCode, { readonly en: string; readonly th: string }>> = Object.freeze({
  AME: Object.freeze({ en: 'Americas', th: 'อเมริกา' }),
  AP: Object.freeze({ en: 'Asia Pacific', th: 'เอเชียแปซิฟิก' }),
  ECA: Object.freeze({ en: 'Eastern Europe & Central Asia', th: 'ยุโรปตะวันออกและเอเชียกลาง' }),
  MENA: Object.freeze({ en: 'Middle East & North Africa', th: 'ตะวันออกกลางและแอฟริกาเหนือ' }),
  SSA: Object.freeze({ en: 'Sub-Saharan Africa', th: 'แอฟริกาใต้สะฮารา' }),
  'WE/EU': Object.freeze({ en: 'Western Europe & European Union', th: 'ยุโรปตะวันตกและสหภาพยุโรป' }),
});

/** The region code among {@link RegionCode}'s that `text` names, in any case; undefined for none. Internal. */
export function regionCodeOf(text: string): RegionCode | undefined {
  return RegionCode.options.find((code) => code.toLowerCase() === text.trim().toLowerCase());
}
