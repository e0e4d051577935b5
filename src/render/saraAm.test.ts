import { describe, expect, it } from 'vitest';
import { decomposeSaraAm } from './saraAm.js';

describe('decomposeSaraAm', () => {
  it('writes SARA AM as NIKHAHIT + SARA AA, the NIKHAHIT before the above-base marks (HarfBuzz`s order)', () => {
    expect(decomposeSaraAm('อำนาจ')).toBe('อ\u0E4D\u0E32นาจ');
    // <0E14, 0E4B, 0E33> -> <0E14, 0E4D, 0E4B, 0E32>: the example of HarfBuzz's Thai shaper.
    expect(decomposeSaraAm('\u0E14\u0E4B\u0E33')).toBe('\u0E14\u0E4D\u0E4B\u0E32');
    expect(decomposeSaraAm('น้ำ')).toBe('น\u0E4D\u0E49\u0E32');
    expect(decomposeSaraAm('ประจำปี กำลัง')).toBe('ประจ\u0E4D\u0E32ปี ก\u0E4D\u0E32ลัง');
  });

  it('leaves text without SARA AM as it is, the split form included', () => {
    for (const text of ['ที่ ตำแหน่ง'.replace('ำ', '\u0E4D\u0E32'), 'Gap rank 51', 'ที่มา: TI', '']) expect(decomposeSaraAm(text)).toBe(text);
  });

  it('does the same for Lao AM (U+0EB3): NIKHAHIT U+0ECD before the tone mark, then AA U+0EB2', () => {
    expect(decomposeSaraAm('\u0E99\u0EC9\u0EB3')).toBe('\u0E99\u0ECD\u0EC9\u0EB2');
  });
});
