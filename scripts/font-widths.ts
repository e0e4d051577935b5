/**
 * `npx tsx scripts/font-widths.ts`: write src/charts/sarabunAdvances.ts, the advance widths of the
 * shipped Sarabun (regular and bold) for the characters chart labels use (ASCII, Latin-1, Thai and a
 * few punctuation marks), in thousandths of an em. The chart builders (browser-safe: they read no font
 * file) wrap long labels with them; src/charts/textWrap.test.ts checks the table against the fonts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import opentype from 'opentype.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The code point ranges the table covers (inclusive). */
export const RANGES: readonly (readonly [number, number])[] = [
  [0x20, 0x7e],
  [0xa0, 0xff],
  [0x0e01, 0x0e5b],
  [0x2010, 0x2026],
  [0x2190, 0x2193],
  [0x2212, 0x2212],
  [0x2264, 0x2265],
];

/** Advances in thousandths of an em for every code point of RANGES, in order (0 where the font has no glyph). */
export function advances(file: string): number[] {
  const data = readFileSync(file);
  const font = opentype.parse(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
  return RANGES.flatMap(([from, to]) =>
    Array.from({ length: to - from + 1 }, (_, i) => {
      const c = String.fromCodePoint(from + i);
      return font.hasChar(c) ? Math.round((1000 * (font.charToGlyph(c).advanceWidth ?? 0)) / font.unitsPerEm) : 0;
    }),
  );
}

if (process.argv[1] !== undefined && import.meta.url === `file://${resolve(process.argv[1])}`) {
  const regular = advances(join(ROOT, 'fonts', 'sarabun', 'Sarabun-Regular.ttf'));
  const bold = advances(join(ROOT, 'fonts', 'sarabun', 'Sarabun-Bold.ttf'));
  const text = `// Written by scripts/font-widths.ts from fonts/sarabun/: do not edit by hand.

/** The code point ranges of {@link SARABUN_ADVANCES} (inclusive). */
export const ADVANCE_RANGES: readonly (readonly [number, number])[] = ${JSON.stringify(RANGES)};

/** Sarabun's advance widths (thousandths of an em) over {@link ADVANCE_RANGES}, in order; 0: no glyph. */
export const SARABUN_ADVANCES = {
  regular: ${JSON.stringify(regular)},
  bold: ${JSON.stringify(bold)},
} as const;
`;
  writeFileSync(join(ROOT, 'src', 'charts', 'sarabunAdvances.ts'), text);
  console.log(`font-widths: ${regular.length} advances per face written to src/charts/sarabunAdvances.ts`);
}
