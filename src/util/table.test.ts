import { describe, expect, it } from 'vitest';
import { displayWidth, fmt, shortenToWidth, textTable } from './table.js';

/**
 * Columns a terminal gives a string of Thai and ASCII text, computed independently of the code: one
 * per code point, none for a nonspacing mark (Thai vowels above and below, tone marks: category Mn).
 * SARA AM (U+0E33) is a letter (Lo) and takes a column, as tmux, xterm and VTE draw it.
 */
function columns(text: string): number {
  return Array.from(text).filter((c) => !/\p{Mn}/u.test(c)).length;
}

describe('fmt', () => {
  it('rounds to the decimals asked and never prints -0', () => {
    expect(fmt(14.5)).toBe('14.5');
    expect(fmt(18.333333333333332)).toBe('18.33');
    expect(fmt(-0.001)).toBe('0');
    expect(fmt(-0)).toBe('0');
    expect(fmt(-0.4, 0)).toBe('0');
  });
});

describe('displayWidth', () => {
  it('counts the columns a terminal draws: marks none, SARA AM one, wide characters two', () => {
    expect(displayWidth('ที่')).toBe(1);
    expect(displayWidth('น้ำ')).toBe(2);
    expect(displayWidth('อำนาจ')).toBe(5);
    expect(displayWidth('ตำแหน่ง')).toBe(6);
    expect(displayWidth('ประจำปี')).toBe(6);
    expect(displayWidth('BF (TI)')).toBe(7);
    expect(displayWidth('中文')).toBe(4);
    for (const word of ['อำนาจ', 'ตำแหน่ง', 'ประจำปี', 'น้ำ', 'ที่', 'กำลัง', 'ผู้ตรวจประเมิน']) expect(displayWidth(word), word).toBe(columns(word));
  });
});

describe('textTable', () => {
  it('lines up the columns of a Thai table by display width, whatever the marks and SARA AMs of each cell', () => {
    const rows = [
      ['อำนาจ', 'ตำแหน่ง', '1'],
      ['น้ำ', 'ที่', '22'],
      ['ประจำปี', 'กำลังดำเนินการ', '333'],
      ['IMD', 'V-DEM', '4'],
    ] as const;
    const table = textTable(
      [
        { header: 'คำ', value: (r: (typeof rows)[number]) => r[0] },
        { header: 'ตำแหน่งหน้าที่', value: (r) => r[1] },
        { header: 'จำนวน', value: (r) => r[2], align: 'right' },
      ],
      rows,
    );
    const lines = table.split('\n');
    // Where each cell starts, in terminal columns: the same on every line.
    const cells = [['คำ', 'ตำแหน่งหน้าที่', 'จำนวน'], ...rows];
    const starts = cells.map((cellsOfLine, i) => cellsOfLine.map((cell) => columns(lines[i === 0 ? 0 : i + 1]!.slice(0, lines[i === 0 ? 0 : i + 1]!.indexOf(cell)))));
    for (const s of starts.slice(1)) expect(s.slice(0, 2)).toEqual(starts[0]?.slice(0, 2));
    // The right-aligned column ends at the same column on every line.
    const ends = lines.filter((_, i) => i !== 1).map(columns);
    expect(new Set(ends).size).toBe(1);
    // Each column as wide as its widest cell: ประจำปี 6 columns, กำลังดำเนินการ 12, จำนวน 5.
    expect(lines[1]).toBe(`${'-'.repeat(6)}  ${'-'.repeat(12)}  ${'-'.repeat(5)}`);
  });
});

describe('shortenToWidth', () => {
  it('cuts to the columns asked between grapheme clusters, so no Thai mark is left without its consonant', () => {
    expect(shortenToWidth('ที่ปรึกษา', 20)).toBe('ที่ปรึกษา');
    // ที่ป (2 columns) + … : the cut keeps ที่ whole and the next consonant's marks with it.
    expect(shortenToWidth('ที่ปรึกษาการทุจริต', 3)).toBe('ที่ป…');
    expect(columns(shortenToWidth('การตรวจสอบการใช้อำนาจและตำแหน่งหน้าที่ของเจ้าหน้าที่รัฐ', 10))).toBe(10);
    // น้ำ is one cluster of two columns (SARA AM takes one): it goes whole or not at all.
    expect(shortenToWidth('น้ำท่วม', 3)).toBe('น้ำ…');
    expect(shortenToWidth('น้ำท่วม', 2)).toBe('…');
  });
});
