import { AsyncLocalStorage } from 'node:async_hooks';
import type * as Vega from 'vega';
import { resolveFace, type FontFace } from './fonts.js';
import { decomposeSaraAm } from './saraAm.js';

/** The text item vega hands its text measurement (the fields read here). */
export interface TextItem {
  readonly font?: string;
  readonly fontSize?: number | string;
  readonly fontWeight?: string | number;
  readonly fontStyle?: string;
  /** Width in px past which vega cuts the text with an ellipsis (0 or none: never). */
  readonly limit?: number;
  readonly ellipsis?: string;
  readonly dir?: string;
}

type WidthFunction = (item: TextItem, text: unknown) => number;

type BoundFunction = (bounds: unknown, item: TextItem, mode?: unknown) => unknown;

/** vega-scenegraph's text measurement and text mark (vega-typings declares neither). */
interface Scenegraph { textMetrics: { width: WidthFunction }; Marks: { text: { bound: BoundFunction } } }

/** What one render measures with and what it found: the faces it draws with, and the text they lack. */
export interface MeasureContext {
  readonly faces: readonly FontFace[];
  /** Per face that draws some text: the characters it has no glyph for. */
  readonly missing: Map<FontFace, Set<string>>;
  /** Named families of the specs' font lists that none of the faces has. */
  readonly unknown: Set<string>;
  /** The faces that draw some text (for embedding). */
  readonly used: Set<FontFace>;
  /** Whether vega is computing a text mark's bounds (then a text past its `limit` is measured as cut). */
  bounding: boolean;
}

/** A fresh context for one render with these faces. */
export function measureContext(faces: readonly FontFace[]): MeasureContext {
  return { faces, missing: new Map(), unknown: new Set(), used: new Set(), bounding: false };
}

const storage = new AsyncLocalStorage<MeasureContext>();
let installed = false;

const widths = new Map<string, { readonly width: number; readonly lacking: readonly string[] }>();
const MAX_CACHED = 20_000;

/**
 * The advance of `text` in em in one face: the glyphs' advances (marks have none) and the font's pair
 * kerning. Glyph substitutions are left out: opentype.js cannot apply the chained contextual lookups
 * of Thai fonts' `ccmp`, and those swap marks and descender forms, which do not change advances.
 */
function advance(face: FontFace, text: string): number {
  const glyphs = Array.from(text, (c) => face.font.charToGlyph(c));
  let width = 0;
  glyphs.forEach((glyph, i) => {
    const next = glyphs[i + 1];
    width += (glyph.advanceWidth ?? 0) + (next === undefined ? 0 : face.font.getKerningValue(glyph, next));
  });
  return width / face.font.unitsPerEm;
}

/** The advance of `text` in em, each character by the first face that has it (resvg's fallback), and the characters `face` lacks. */
function emWidth(faces: readonly FontFace[], face: FontFace, text: string): { readonly width: number; readonly lacking: readonly string[] } {
  const key = `${face.file}\u0000${text}`;
  const cached = widths.get(key);
  if (cached !== undefined) return cached;
  let width = 0;
  let run = '';
  const lacking: string[] = [];
  const flush = () => {
    width += advance(face, run);
    run = '';
  };
  for (const c of text) {
    if (face.font.hasChar(c) || /\s/.test(c)) {
      run += c;
      continue;
    }
    flush();
    lacking.push(c);
    const fallback = faces.find((f) => f.font.hasChar(c)) ?? face;
    width += advance(fallback, c);
  }
  flush();
  if (widths.size >= MAX_CACHED) widths.clear();
  const result = { width, lacking };
  widths.set(key, result);
  return result;
}

/**
 * The text vega draws for a text past the item's `limit`: vega-scenegraph's `truncate` (a binary
 * search for the longest start, or end for right-to-left text, that fits with the ellipsis).
 */
export function truncated(item: TextItem, text: string, width: (t: string) => number): string {
  const limit = item.limit ?? 0;
  if (!(limit > 0) || width(text) < limit) return text;
  const ellipsis = item.ellipsis ?? '\u2026';
  const room = limit - width(ellipsis);
  let lo = 0;
  let hi = text.length;
  if (item.dir === 'rtl') {
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (width(text.slice(mid)) > room) lo = mid + 1;
      else hi = mid;
    }
    return ellipsis + text.slice(lo);
  }
  while (lo < hi) {
    const mid = 1 + ((lo + hi) >>> 1);
    if (width(text.slice(0, mid)) < room) lo = mid;
    else hi = mid - 1;
  }
  return text.slice(0, lo) + ellipsis;
}

/**
 * The width vega should lay out for `text` of `item`, measured with the face resvg draws it with.
 * vega asks for two things: the width of a text as given (when it cuts a text to its `limit`), and,
 * while bounding a text mark, the width of what it draws (the cut text).
 */
export function measure(context: MeasureContext, item: TextItem, text: unknown): number {
  if (context.bounding && typeof text === 'string') {
    const raw = (t: string) => measureRaw(context, item, t);
    return raw(truncated(item, text.trim(), raw));
  }
  return measureRaw(context, item, text);
}

function measureRaw(context: MeasureContext, item: TextItem, text: unknown): number {
  const size = item.fontSize === undefined ? 11 : Number(item.fontSize) || 0;
  // vega hands strings, numbers (a label of a number) or nothing.
  const shown = typeof text === 'string' || typeof text === 'number' ? String(text).trim() : '';
  if (size <= 0 || shown === '') return 0;
  const { face, unknown } = resolveFace(context.faces, item.font, item.fontWeight, item.fontStyle);
  for (const family of unknown) context.unknown.add(family);
  context.used.add(face);
  const { width, lacking } = emWidth(context.faces, face, decomposeSaraAm(shown));
  if (lacking.length > 0) context.missing.set(face, new Set([...(context.missing.get(face) ?? []), ...lacking]));
  return width * size;
}

/**
 * Run `render` with vega measuring text by the context's fonts. vega keeps one measuring function
 * (and one text mark) for the process; they are wrapped once, and measure by a context only inside
 * this call (any other use of vega in the process keeps vega's own measurement).
 */
export function withMeasuredText<T>(vega: typeof Vega, context: MeasureContext, render: () => Promise<T>): Promise<T> {
  if (!installed) {
    const scenegraph = vega as unknown as Scenegraph;
    const metrics = scenegraph.textMetrics;
    const previous = metrics.width;
    // Outside a render, vega's own measure: it cuts a text past its limit by asking textMetrics.width
    // (this function) the widths of the text and its cuts, which must not be cut again (that recursed
    // without end): those nested calls measure with no limit.
    let nested = false;
    metrics.width = (item, text) => {
      const current = storage.getStore();
      if (current !== undefined) return measure(current, item, text);
      if (nested) return previous({ ...item, limit: 0 }, text);
      nested = true;
      try {
        return previous(item, text);
      } finally {
        nested = false;
      }
    };
    const bound = scenegraph.Marks.text.bound;
    scenegraph.Marks.text.bound = (bounds, item, mode) => {
      const current = storage.getStore();
      if (current === undefined) return bound(bounds, item, mode);
      current.bounding = true;
      try {
        return bound(bounds, item, mode);
      } finally {
        current.bounding = false;
      }
    };
    installed = true;
  }
  return storage.run(context, render);
}
