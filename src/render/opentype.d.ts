// The part of opentype.js (which ships no type declarations) that cpi-gap/render uses.
declare module 'opentype.js' {
  export interface Glyph {
    readonly index: number;
    readonly advanceWidth?: number;
  }
  export interface Font {
    readonly unitsPerEm: number;
    readonly tables: { readonly os2?: { readonly usWeightClass?: number; readonly fsSelection?: number } };
    getEnglishName(name: 'fontFamily' | 'fontSubfamily' | 'fullName'): string | undefined;
    hasChar(c: string): boolean;
    charToGlyph(c: string): Glyph;
    getKerningValue(left: Glyph, right: Glyph): number;
  }
  const opentype: { parse(buffer: ArrayBuffer): Font };
  export default opentype;
}
