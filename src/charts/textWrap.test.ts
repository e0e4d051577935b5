import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import opentype from 'opentype.js';
import { describe, expect, it } from 'vitest';
import { ADVANCE_RANGES, SARABUN_ADVANCES } from './sarabunAdvances.js';
import { lineHeightFor, maxLines, textWidth, wrapLabelExpr, wrappedLabels, wrapText } from './textWrap.js';

const font = (file: string) => {
  const data = readFileSync(join(process.cwd(), 'fonts', 'sarabun', file));
  return opentype.parse(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
};

describe('the Sarabun advance table', () => {
  it('holds the shipped fonts` advances (rerun scripts/font-widths.ts when the fonts change)', () => {
    for (const [face, table] of [
      [font('Sarabun-Regular.ttf'), SARABUN_ADVANCES.regular],
      [font('Sarabun-Bold.ttf'), SARABUN_ADVANCES.bold],
    ] as const) {
      let i = 0;
      for (const [from, to] of ADVANCE_RANGES) {
        for (let code = from; code <= to; code += 1, i += 1) {
          const c = String.fromCodePoint(code);
          const expected = face.hasChar(c) ? Math.round((1000 * (face.charToGlyph(c).advanceWidth ?? 0)) / face.unitsPerEm) : 0;
          expect(table[i], `U+${code.toString(16)}`).toBe(expected);
        }
      }
      expect(table).toHaveLength(i);
    }
  });
});

describe('textWidth', () => {
  it('adds the advances: Thai marks none, SARA AM as SARA AA, bold wider, CJK one em', () => {
    expect(textWidth('กี่', 10)).toBe(textWidth('ก', 10));
    expect(textWidth('อำ', 10)).toBe(textWidth('อา', 10));
    expect(textWidth('ตำแหน่ง', 20)).toBeCloseTo(2 * textWidth('ตำแหน่ง', 10), 10);
    expect(textWidth('ตำแหน่ง', 10, true)).toBeGreaterThan(textWidth('ตำแหน่ง', 10));
    expect(textWidth('中', 10)).toBe(10);
    expect(textWidth('Ж', 10)).toBe(5.6);
    expect(textWidth('', 10)).toBe(0);
  });
});

describe('wrapText', () => {
  const ws2 = 'แผนงานเรื่องที่ 2 การตรวจสอบการใช้อำนาจและตำแหน่งหน้าที่ของเจ้าหน้าที่รัฐ';

  it('breaks Thai between words (Intl.Segmenter), each line within the width, nothing lost or cut', () => {
    const lines = wrapText(ws2, 150, 11);
    expect(lines.length).toBeGreaterThan(1);
    // The lines hold the whole text: only spaces at a break are dropped.
    expect(lines.join('').replace(/\s+/g, '')).toBe(ws2.replace(/\s+/g, ''));
    for (const line of lines) expect(textWidth(line, 11)).toBeLessThanOrEqual(150);
    // Every break falls on a word boundary of the segmenter, never inside a word (อำนาจ, ตำแหน่ง stay whole).
    const words = [...new Intl.Segmenter('th', { granularity: 'word' }).segment(ws2)].map((s) => s.segment);
    for (const line of lines) expect(words.some((w) => line.startsWith(w.trim()) && w.trim() !== '')).toBe(true);
    expect(lines.join('|')).toMatch(/อำนาจ/);
    expect(lines.join('|')).toMatch(/ตำแหน่ง/);
  });

  it('breaks English after spaces, not before punctuation, and keeps a word wider than the width whole', () => {
    expect(wrapText('World Justice Project Rule of Law Index', 120, 11)).toEqual(['World Justice Project', 'Rule of Law Index']);
    expect(wrapText('Index, and more.', 30, 11)).toEqual(['Index,', 'and', 'more.']);
    expect(wrapText('Supercalifragilistic', 20, 11)).toEqual(['Supercalifragilistic']);
    expect(wrapText('short', 300, 11)).toEqual(['short']);
    expect(wrapText('', 300, 11)).toEqual(['']);
    expect(wrapText('  two  spaces ', 300, 11)).toEqual(['two  spaces']);
  });
});

describe('label expressions', () => {
  it('map only the labels that wrap to their lines; none when nothing wraps', () => {
    expect(wrapLabelExpr(['short', 'also short'], 300, 11)).toBeUndefined();
    expect(wrappedLabels(['short'], 300)).toEqual({});
    const expr = wrapLabelExpr(['short', 'World Justice Project Rule of Law Index'], 120, 11);
    expect(expr).toBe('{"World Justice Project Rule of Law Index":["World Justice Project","Rule of Law Index"]}[datum.label] || datum.label');
    expect(wrappedLabels(['World Justice Project Rule of Law Index'], 120)).toEqual({ labelExpr: expr });
  });

  it('count lines and space them for Thai marks', () => {
    expect(maxLines(['short', 'World Justice Project Rule of Law Index'], 120, 11)).toBe(2);
    expect(maxLines([], 120, 11)).toBe(1);
    expect(lineHeightFor(11)).toBe(15);
    expect(lineHeightFor(15)).toBe(20);
  });
});
