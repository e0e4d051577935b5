import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type OpenType from 'opentype.js';
import type { Font } from 'opentype.js';
import { CpiGapError, fail } from '../errors.js';
import { readBoundedSync } from '../util/files.js';

/**
 * The family of the font cpi-gap ships and draws with when nothing else is asked for: Sarabun
 * (Cadson Demak, SIL Open Font License 1.1), which draws Thai and Latin. It is the first family of
 * the charts' font list, so PNGs and self-contained SVGs draw their Thai with it on any machine.
 * @example
 * ```ts
 * import { SHIPPED_FONT_FAMILY } from 'cpi-gap/render';
 *
 * SHIPPED_FONT_FAMILY; // => 'Sarabun'
 * ```
 */
export const SHIPPED_FONT_FAMILY = 'Sarabun';

const SHIPPED_FILES = ['Sarabun-Regular.ttf', 'Sarabun-Bold.ttf'] as const;
const FONT_FOLDER = join('fonts', 'sarabun');

/** A font file, read and parsed: its family, weight and style, its bytes and its metrics. */
export interface FontFace {
  readonly file: string;
  readonly family: string;
  readonly weight: number;
  readonly italic: boolean;
  readonly data: Buffer;
  readonly font: Font;
}

/**
 * This module's file: from `import.meta.url` (the ESM build, the sources; tsup's CommonJS build
 * rewrites it from the module's own `__filename`), else CommonJS's `__filename` (a CommonJS bundle
 * with an empty `import.meta`). `__filename` is not read first: `node -e` sets a global one,
 * `'[eval]'`, that an ES module sees too.
 */
function thisFile(): string {
  const url = (import.meta as { url?: string }).url;
  /* v8 ignore next -- the CommonJS fallback: import.meta.url is set in the sources and both builds */
  return typeof url === 'string' && url !== '' ? fileURLToPath(url) : __filename;
}

/** The folder of the shipped fonts: found above this module (src/render/ in the sources, dist/ in the package). */
function fontFolder(): string {
  let dir = dirname(thisFile());
  for (let up = 0; up < 4; up += 1) {
    if (existsSync(join(dir, FONT_FOLDER, SHIPPED_FILES[0]))) return join(dir, FONT_FOLDER);
    dir = dirname(dir);
  }
  /* v8 ignore next 2 -- the package ships fonts/ beside dist/ */
  throw new Error(`cpi-gap: the shipped fonts (${FONT_FOLDER}) are missing from the package`);
}

/**
 * The font files cpi-gap ships: Sarabun regular and bold (TTF, SIL Open Font License 1.1, the licence
 * beside them as `OFL.txt`). Pass them to another renderer, or embed them in a page.
 * @example
 * ```ts
 * import { shippedFontFiles } from 'cpi-gap/render';
 *
 * shippedFontFiles().map((f) => f.split(/[\\/]/).at(-1)); // => ['Sarabun-Regular.ttf', 'Sarabun-Bold.ttf']
 * ```
 */
export function shippedFontFiles(): readonly string[] {
  const folder = fontFolder();
  return SHIPPED_FILES.map((f) => join(folder, f));
}

const faces = new Map<string, FontFace>();

/**
 * Font files as the renderers read them: TrueType or OpenType, at most 32 MB (Sarabun is 90 KB; a
 * large CJK font about 20 MB), read through a byte cap whatever the path is (a pipe, a device).
 */
const FONT_FILES = { what: 'font-file', extensions: ['.ttf', '.otf'], maxBytes: 32 * 1024 * 1024 } as const;

/** Read and parse a font file once (cached by path). */
export function loadFace(opentype: typeof OpenType, fn: string, path: readonly (string | number)[], file: string): FontFace {
  const known = faces.get(file);
  if (known !== undefined) return known;
  let face: FontFace;
  try {
    const data = readBoundedSync(file, FONT_FILES);
    const font = opentype.parse(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer);
    const family = font.getEnglishName('fontFamily');
    if (family === undefined) throw new Error('the font names no family');
    const os2 = font.tables.os2;
    face = { file, family, weight: os2?.usWeightClass ?? 400, italic: ((os2?.fsSelection ?? 0) & 1) === 1, data, font };
  } catch (error) {
    const reason = error instanceof CpiGapError ? (error.issues[0]?.message ?? error.message) : (error as Error).message;
    fail(fn, path, `cannot read the font file: ${reason}`, file, 'invalid_font');
  }
  faces.set(file, face);
  return face;
}

/** The shipped faces, then the caller's, in the order resvg is given them. */
export function renderFaces(opentype: typeof OpenType, fn: string, fontFiles: readonly string[]): FontFace[] {
  const shipped = shippedFontFiles().map((f) => loadFace(opentype, fn, ['fonts'], f));
  return [...shipped, ...fontFiles.map((f, i) => loadFace(opentype, fn, ['options', 'fontFiles', i], f))];
}

const GENERIC = new Set(['serif', 'sans-serif', 'monospace', 'cursive', 'fantasy', 'system-ui', 'ui-sans-serif', 'ui-serif']);

/** The families of a CSS font list, unquoted; generic families as they are. */
export function familyList(font: string | undefined): string[] {
  return (font ?? 'sans-serif')
    .split(',')
    .map((f) => f.trim().replace(/^(["'])(.*)\1$/, '$2').trim())
    .filter((f) => f !== '');
}

/** The weight of a CSS font-weight value. */
function weightOf(weight: string | number | undefined): number {
  if (weight === undefined || weight === 'normal') return 400;
  if (weight === 'bold' || weight === 'bolder') return 700;
  if (weight === 'lighter') return 300;
  const n = Number(weight);
  return Number.isFinite(n) ? n : 400;
}

/** CSS font matching by weight among one family's faces: heavier first above 500, lighter first below. */
function byWeight(candidates: readonly FontFace[], weight: number): FontFace | undefined {
  const distance = (f: FontFace) => {
    const d = f.weight - weight;
    const wrongSide = weight > 500 ? d < 0 : d > 0;
    return Math.abs(d) + (wrongSide ? 1000 : 0);
  };
  return [...candidates].sort((a, b) => distance(a) - distance(b))[0];
}

/** What a font list resolves to: the face that draws, and the named families none of the faces has. */
export interface Resolved {
  readonly face: FontFace;
  readonly unknown: readonly string[];
}

/**
 * The face resvg draws a text with, given the faces it holds: the first family of the list that one
 * of them has (by weight and style), a generic family meaning the shipped font (resvg is set up so),
 * and the shipped font when no family matches (resvg's default family).
 */
export function resolveFace(all: readonly FontFace[], font: string | undefined, weight: string | number | undefined, style: string | undefined): Resolved {
  const unknown: string[] = [];
  const italic = style === 'italic' || style === 'oblique';
  const pick = (family: string) => {
    const same = all.filter((f) => f.family.toLowerCase() === family.toLowerCase());
    const styled = same.filter((f) => f.italic === italic);
    return byWeight(styled.length > 0 ? styled : same, weightOf(weight));
  };
  for (const family of familyList(font)) {
    const face = pick(GENERIC.has(family.toLowerCase()) ? SHIPPED_FONT_FAMILY : family);
    if (face !== undefined) return { face, unknown };
    unknown.push(family);
  }
  const shipped = pick(SHIPPED_FONT_FAMILY);
  /* v8 ignore next -- renderFaces always loads the shipped faces */
  if (shipped === undefined) throw new Error('cpi-gap: the shipped font is not loaded');
  return { face: shipped, unknown };
}
