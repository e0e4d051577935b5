import { describe, expect, it } from 'vitest';
import * as vega from 'vega';
import { renderFaces, resolveFace, familyList } from './fonts.js';
import { measure, measureContext, withMeasuredText } from './textWidth.js';

const faces = renderFaces('test', []);
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
    const inside = await withMeasuredText(measureContext(faces), () => Promise.resolve(metrics.width(item, 'อำนาจ')));
    expect(inside).toBe(width('อำนาจ'));
    // vega's estimate without a canvas: 0.8 x characters x font size, rounded down (5 code points).
    expect(metrics.width(item, 'อำนาจ')).toBe(Math.floor(0.8 * 5 * 10));
  });
});
