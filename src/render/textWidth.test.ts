import { describe, expect, it } from 'vitest';
import * as vega from 'vega';
import opentype from 'opentype.js';
import { renderFaces, resolveFace, familyList } from './fonts.js';
import { embedFonts } from './embedFonts.js';
import { measure, measureContext, truncated, withMeasuredText } from './textWidth.js';

const faces = renderFaces(opentype, 'test', []);
const width = (text: unknown, item: Record<string, unknown> = {}) => measure(measureContext(faces), { font: 'Sarabun', fontSize: 10, ...item }, text);

describe('measure (text widths for vega, from the shipped font)', () => {
  it('gives Thai marks no width and SARA AM the width of SARA AA, as the font draws them', () => {
    expect(width('ก')).toBeGreaterThan(4);
    // Above and below vowels and tone marks stack on their consonant.
    expect(width('กี่')).toBe(width('ก'));
    expect(width('ปู่')).toBe(width('ป'));
    // SARA AM is NIKHAHIT (no advance) and SARA AA.
    expect(width('อำ')).toBe(width('อา'));
    expect(width('น้ำ')).toBe(width('นา'));
  });

  it('scales with the font size, adds up over words, and ignores leading and trailing spaces', () => {
    expect(width('ตำแหน่ง', { fontSize: 20 })).toBeCloseTo(2 * width('ตำแหน่ง'), 10);
    expect(width(' อำนาจ ')).toBe(width('อำนาจ'));
    expect(width('กกกก')).toBeCloseTo(4 * width('ก'), 10);
    expect(width('')).toBe(0);
    expect(width(null)).toBe(0);
    expect(width('ก', { fontSize: 0 })).toBe(0);
    // vega's default size is 11.
    expect(width('ก', { fontSize: undefined })).toBeCloseTo(1.1 * width('ก'), 10);
  });

  it('measures bold text with the bold face, which is wider', () => {
    expect(width('ตำแหน่งหน้าที่', { fontWeight: 'bold' })).toBeGreaterThan(width('ตำแหน่งหน้าที่'));
    expect(width('ตำแหน่งหน้าที่', { fontWeight: 700 })).toBe(width('ตำแหน่งหน้าที่', { fontWeight: 'bold' }));
  });
});

describe('resolveFace (the face resvg draws a font list with)', () => {
  it('takes the first family a face has, generic families meaning the shipped font', () => {
    expect(resolveFace(faces, 'Loma, Sarabun', 'bold', undefined)).toMatchObject({ face: { family: 'Sarabun', weight: 700 }, unknown: ['Loma'] });
    expect(resolveFace(faces, '"Sarabun", serif', 400, undefined).face.weight).toBe(400);
    expect(resolveFace(faces, 'sans-serif', 'normal', 'italic')).toMatchObject({ face: { family: 'Sarabun', weight: 400 }, unknown: [] });
    expect(resolveFace(faces, 'Nothing', 300, undefined)).toMatchObject({ face: { family: 'Sarabun', weight: 400 }, unknown: ['Nothing'] });
    expect(resolveFace(faces, undefined, 600, undefined).face.weight).toBe(700);
  });

  it('reads a CSS font list', () => {
    expect(familyList(`Sarabun, "Noto Sans Thai", 'Loma',  sans-serif`)).toEqual(['Sarabun', 'Noto Sans Thai', 'Loma', 'sans-serif']);
    expect(familyList(undefined)).toEqual(['sans-serif']);
  });
});

describe('withMeasuredText', () => {
  it('measures by the context inside the call only; elsewhere vega keeps its own estimate', async () => {
    const metrics = (vega as unknown as { textMetrics: { width: (item: object, text: string) => number } }).textMetrics;
    const item = { font: 'Sarabun', fontSize: 10 };
    const inside = await withMeasuredText(vega, measureContext(faces), () => Promise.resolve(metrics.width(item, 'อำนาจ')));
    expect(inside).toBe(width('อำนาจ'));
    // vega's estimate without a canvas: 0.8 x characters x font size, rounded down (5 code points).
    expect(metrics.width(item, 'อำนาจ')).toBe(Math.floor(0.8 * 5 * 10));
  });

  it('leaves vega able to cut a text past its limit outside the call (it recursed without end once a render had run)', async () => {
    const metrics = (vega as unknown as { textMetrics: { width: (item: object, text: string) => number } }).textMetrics;
    await withMeasuredText(vega, measureContext(faces), () => Promise.resolve(0));
    // vega's estimate of "abcdefghij" (8 px a character at 10 px) cut to 40 px: "abcd…" minus room for "…"
    // (8 px) leaves 32 px, and vega keeps the longest start narrower than that, "abc" (24 px), then adds "…".
    expect(metrics.width({ fontSize: 10, limit: 40 }, 'abcdefghij')).toBe(Math.floor(0.8 * 'abc…'.length * 10));
  });
});

describe('truncated (what vega draws for a text past its limit)', () => {
  // A width of 10 px a character, so the cut can be worked out by hand.
  const tenEach = (t: string) => 10 * t.length;

  it('keeps a text that fits, and no limit means no cut', () => {
    expect(truncated({ limit: 100 }, 'abcd', tenEach)).toBe('abcd');
    expect(truncated({}, 'abcdefghijklmnop', tenEach)).toBe('abcdefghijklmnop');
    expect(truncated({ limit: 0 }, 'abcdefghijklmnop', tenEach)).toBe('abcdefghijklmnop');
  });

  it('cuts the end (or the start, right to left) as vega does: 50 px - 10 for "…" leaves 40 px', () => {
    // vega keeps a start strictly narrower than the room (3 characters), an end at most as wide (4).
    expect(truncated({ limit: 50 }, 'abcdefgh', tenEach)).toBe('abc…');
    expect(truncated({ limit: 50, dir: 'rtl' }, 'abcdefgh', tenEach)).toBe('…efgh');
    expect(truncated({ limit: 50, ellipsis: '..' }, 'abcdefgh', tenEach)).toBe('ab..');
  });

  it('gives vega, while it bounds a text mark, the width of the cut text', async () => {
    const metrics = (vega as unknown as { textMetrics: { width: (item: object, text: string) => number } }).textMetrics;
    const context = measureContext(faces);
    const item = { font: 'Sarabun', fontSize: 10, limit: 30 };
    const full = width('อำนาจตำแหน่งประจำปี');
    expect(full).toBeGreaterThan(30);
    context.bounding = true;
    const bounded = await withMeasuredText(vega, context, () => Promise.resolve(metrics.width(item, 'อำนาจตำแหน่งประจำปี')));
    expect(bounded).toBeLessThan(30);
    expect(bounded).toBeGreaterThan(0);
  });
});

describe('embedFonts', () => {
  it('puts one @font-face per face right after the <svg> tag, and leaves other text alone', () => {
    const svg = '<svg width="1"><rect/></svg>';
    const out = embedFonts(svg, [faces[0]!, faces[0]!]);
    expect(out.startsWith('<svg width="1"><defs><style>@font-face{font-family:"Sarabun";font-weight:400;font-style:normal;src:url(data:font/ttf;base64,')).toBe(true);
    expect(out.match(/@font-face/g)).toHaveLength(1);
    expect(out.endsWith('</style></defs><rect/></svg>')).toBe(true);
    expect(embedFonts(svg, [])).toBe(svg);
    expect(embedFonts('not an svg', faces)).toBe('not an svg');
  });
});
