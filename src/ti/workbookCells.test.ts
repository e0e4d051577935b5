import { describe, expect, it } from 'vitest';
import { deflatedRepeat, workbookBytes, workbookParts, zipBytes, type ZipEntry } from '../../tests/helpers/xlsx.js';
import { caught } from '../../tests/helpers/caught.js';
import { CpiGapError } from '../errors.js';
import { TABLE_LIMITS } from '../util/csv.js';
import { findSheet, loadWorkbook, SHARED_STRINGS_LIMIT, worksheetCells } from './workbookCells.js';
import { ZIP_LIMITS } from './zip.js';

/** The cells of the first sheet of a workbook given as parts. */
function cellsOf(parts: readonly ZipEntry[]) {
  const book = loadWorkbook('test', zipBytes(parts));
  return worksheetCells(book, findSheet('test', book, 1));
}

/** A workbook whose one sheet's XML is `sheetData` inside the worksheet element. */
const sheet = (sheetData: string) => workbookParts([{ name: 'S', xml: `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetData}</sheetData></worksheet>` }]);

/** The error a workbook's cells give. */
function refusal(parts: readonly ZipEntry[]): CpiGapError {
  return caught(() => cellsOf(parts));
}

describe('worksheetCells', () => {
  it('reads each kind of cell as the cell shows it', () => {
    const parts = sheet(
      [
        '<row r="1">',
        '<c r="A1"><v>33</v></c>',
        '<c r="B1" t="s"><v>0</v></c>',
        '<c r="C1" t="b"><v>1</v></c>',
        '<c r="D1" t="inlineStr"><is><r><t>Country / </t></r><r><rPr><b/></rPr><t>Territory</t></r></is></c>',
        '<c r="E1"><f>30+3</f><v>33</v></c>',
        '<c r="F1" t="str"><f>"A"&amp;"P"</f><v>AP</v></c>',
        '<c r="G1" t="e"><v>#N/A</v></c>',
        '<c r="H1" s="2"/>',
        '<c r="I1" t="inlineStr"><is><t>a &lt;b&gt; &amp; &#x0E01;&#3585; _x000D_ <![CDATA[&x<]]></t></is></c>',
        '<c r="J1" t="b"><v>0</v></c>',
        '<c r="K1"><v>-1.5E+2</v></c>',
        '</row>',
      ].join(''),
    );
    parts[parts.length - 1] = { name: 'xl/sharedStrings.xml', data: '<sst><si><r><t>Thai</t></r><r><t>land</t></r><rPh><t>ignored</t></rPh></si></sst>' };
    expect(cellsOf(parts)).toEqual([[33, 'Thailand', 'true', 'Country / Territory', 33, 'AP', undefined, undefined, 'a <b> & กก \r &x<', 'false', -150]].map((row) => {
      // Error and empty cells are holes: read as empty, never visited.
      const out: unknown[] = [];
      row.forEach((v, i) => { if (v !== undefined) out[i] = v; });
      return out;
    }));
  });

  it('places cells by their reference, or after the last one, and rows by number (a skipped row is empty)', () => {
    const rows = cellsOf(sheet('<row r="2"><c r="C2"><v>3</v></c><c><v>4</v></c></row><row><c><v>1</v></c></row>'));
    expect(rows.length).toBe(3);
    expect(rows[0]).toEqual([]);
    expect(rows[1]?.[2]).toBe(3);
    expect(rows[1]?.[3]).toBe(4);
    expect(rows[2]).toEqual([1]);
  });

  it('reads element names with a namespace prefix (x:row, x:c)', () => {
    const parts = workbookParts([{ name: 'S', xml: '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>7</x:v></x:c></x:row></x:sheetData></x:worksheet>' }]);
    expect(cellsOf(parts)).toEqual([[7]]);
  });

  it('visits only the cells that exist: a cell far right is refused at once, an empty styled one is skipped', () => {
    const far = Array.from({ length: 3000 }, (_, i) => `<row r="${i + 2}"><c r="XFD${i + 2}"><v>1</v></c></row>`).join('');
    const e = refusal(sheet(`<row r="1"><c r="A1"><v>1</v></c></row>${far}`));
    expect(e.message).toBe(`test: buffer: xl/worksheets/sheet1.xml: cell XFD2 is past the ${TABLE_LIMITS.columns} columns cpi-gap reads`);
    expect(e.issues[0]?.code).toBe('too_many_columns');
    const styled = Array.from({ length: 3000 }, (_, i) => `<row r="${i + 1}"><c r="XFD${i + 1}" s="3"/></row>`).join('');
    expect(cellsOf(sheet(styled)).every((r) => r.length === 0)).toBe(true);
  });

  it('refuses rows past the limit, and rows that together span too many cells', () => {
    expect(refusal(sheet(`<row r="${TABLE_LIMITS.rows + 1}"><c r="A1"><v>1</v></c></row>`)).issues[0]?.code).toBe('too_many_rows');
    const wide = Math.floor(TABLE_LIMITS.cells / TABLE_LIMITS.columns) + 1;
    const rows = Array.from({ length: wide }, (_, i) => `<row r="${i + 1}"><c r="AMJ${i + 1}"><v>1</v></c></row>`).join('');
    expect(refusal(sheet(rows)).issues[0]?.code).toBe('too_many_cells');
  });

  it('refuses malformed cells: a bad reference, a missing shared string, text where a number belongs', () => {
    expect(refusal(sheet('<row r="1"><c r="1A"><v>1</v></c></row>')).message).toMatch(/"1A" is not a cell reference/);
    expect(refusal(sheet('<row r="x"><c><v>1</v></c></row>')).message).toMatch(/row number "x" is not a row number/);
    expect(refusal(sheet('<row r="1"><c r="A1" t="s"><v>5</v></c></row>')).message).toMatch(/cell A1 names shared string "5" of 0/);
    expect(refusal(sheet('<row r="1"><c r="A1"><v>0x10</v></c></row>')).message).toMatch(/cell A1 holds "0x10" where a number belongs/);
  });

  it('refuses XML entity tricks: a DTD, an unknown entity, a reference to no character, a bare &', () => {
    const dtd = workbookParts([{ name: 'S', xml: '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>' }]);
    expect(refusal(dtd).message).toMatch(/xl\/worksheets\/sheet1\.xml declares a document type \(<!DOCTYPE>\), which a workbook never has/);
    expect(refusal(sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>&lol;</t></is></c></row>')).message).toMatch(/unknown entity &lol;/);
    expect(refusal(sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>&#x110000;</t></is></c></row>')).message).toMatch(/&#x110000; is not a character/);
    expect(refusal(sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>a & b</t></is></c></row>')).message).toMatch(/a bare & in the text/);
  });

  it('refuses malformed markup with the part and the place', () => {
    for (const bad of ['<row r="1"><c r="A1"', '<row r="1"><c r=A1><v>1</v></c></row>', '<row r="1"><c r="A1><v>1</v></c></row>', '<row r="1"><c ="A1"/></row>', '<row r="1"><!-- never closed', '<row r="1"></row', '<  r="1">']) {
      const e = refusal(sheet(bad));
      expect(e.message, bad).toMatch(/^test: buffer: not a readable \.xlsx workbook: xl\/worksheets\/sheet1\.xml: malformed XML at character \d+/);
    }
  });

  it('refuses more shared strings than the limit', () => {
    const parts = sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>');
    parts[parts.length - 1] = { name: 'xl/sharedStrings.xml', data: `<sst>${'<si><t>a</t></si>'.repeat(SHARED_STRINGS_LIMIT + 1)}</sst>` };
    expect(refusal(parts).message).toBe(`test: buffer: the workbook has more than ${SHARED_STRINGS_LIMIT} shared strings`);
  });
});

describe('loadWorkbook', () => {
  it('lists the sheets in workbook order, with names decoded', () => {
    const book = loadWorkbook('test', workbookBytes([{ name: 'CPI & more', rows: [[1]] }, { name: 'Two', rows: [] }]));
    expect(book.sheets.map((s) => s.name)).toEqual(['CPI & more', 'Two']);
    expect(worksheetCells(book, findSheet('test', book, ' two '))).toEqual([]);
  });

  it('names the function when the bytes are not a workbook', () => {
    expect(caught(() => loadWorkbook('myReader', new Uint8Array([1, 2, 3]))).message).toBe('myReader: buffer: not a readable .xlsx workbook: not a zip archive');
    const parts = workbookParts([{ name: 'S', rows: [[1]] }]);
    expect(caught(() => loadWorkbook('r', zipBytes(parts.filter((p) => p.name !== 'xl/workbook.xml')))).message).toBe('r: buffer: not a readable .xlsx workbook: the archive has no workbook part (xl/workbook.xml)');
    const noSheetPart = zipBytes(parts.filter((p) => !p.name.startsWith('xl/worksheets/')));
    const book = loadWorkbook('r', noSheetPart);
    expect(caught(() => worksheetCells(book, findSheet('r', book, 1))).message).toMatch(/sheet "S" has no part xl\/worksheets\/sheet1\.xml in the archive/);
    const badRel = parts.map((p) => (p.name === 'xl/_rels/workbook.xml.rels' ? { ...p, data: '<Relationships/>' } : p));
    expect(caught(() => loadWorkbook('r', zipBytes(badRel))).message).toMatch(/sheet "S" names no part of the archive/);
  });

  it('finds the workbook through the package relationships, and resolves ../ and absolute targets', () => {
    const parts = workbookParts([{ name: 'S', rows: [[5]] }]).map((p) => {
      if (p.name === '_rels/.rels') return { ...p, data: '<Relationships><Relationship Id="rId1" Type="x/officeDocument" Target="/book/main.xml"/></Relationships>' };
      if (p.name === 'xl/workbook.xml') return { ...p, name: 'book/main.xml' };
      if (p.name === 'xl/_rels/workbook.xml.rels') return { ...p, name: 'book/_rels/main.xml.rels', data: '<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="../xl/./worksheets/sheet1.xml"/><Relationship Id="rId9" Type="x/hyperlink" Target="https://example.org" TargetMode="External"/></Relationships>' };
      return p;
    });
    expect(cellsOf(parts)).toEqual([[5]]);
  });
});

describe('the zip archive', () => {
  const good = workbookParts([{ name: 'S', rows: [[1]] }]);

  it('stops a zip bomb while inflating: a part that inflates past its cap, whatever the directory says', () => {
    const bomb = good.map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { ...p, raw: deflatedRepeat(80), declaredSize: 1000 } : p));
    const e = refusal(bomb);
    expect(e.message).toBe(`test: buffer: "xl/worksheets/sheet1.xml" inflates to more than ${ZIP_LIMITS.entryBytes} bytes`);
    expect(e.issues[0]?.code).toBe('too_large');
    const declared = good.map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { ...p, declaredSize: ZIP_LIMITS.entryBytes + 1 } : p));
    expect(refusal(declared).message).toMatch(/inflates to 67108865 bytes, more than the 67108864 left to read/);
  });

  it('bounds all the parts of one workbook together', () => {
    // Two sheets of 40 MB of spaces each (inside the per-part cap), 80 MB with the rest: past 128 MB? No: the third part read breaks it.
    const sheets = [1, 2, 3, 4].map((i) => ({ name: `xl/worksheets/sheet${i}.xml`, data: '', raw: deflatedRepeat(40), declaredSize: 40 * 1024 * 1024 }));
    const parts = workbookParts([{ name: 'a' }, { name: 'b' }, { name: 'c' }, { name: 'd' }]).map((p) => sheets.find((s) => s.name === p.name) ?? p);
    const book = loadWorkbook('test', zipBytes(parts));
    const reads = book.sheets.map((s) => {
      try {
        worksheetCells(book, s);
        return 'read';
      } catch (error) {
        return (error as CpiGapError).issues[0]?.code;
      }
    });
    expect(reads).toEqual(['read', 'read', 'read', 'too_large']);
  });

  it('refuses duplicate entries, too many entries, truncated and encrypted archives, and unknown compression', () => {
    expect(refusal([...good, ...good.filter((p) => p.name === 'xl/workbook.xml')]).message).toMatch(/the archive lists "xl\/workbook\.xml" twice/);
    const many = Array.from({ length: ZIP_LIMITS.entries + 1 }, (_, i) => ({ name: `f${i}`, data: '', method: 0 as const }));
    expect(refusal(many).issues[0]?.code).toBe('too_large');
    const bytes = zipBytes(good);
    for (const cut of [bytes.length - 10, 200, 30]) {
      expect(caught(() => loadWorkbook('t', bytes.subarray(0, cut))).message, String(cut)).toMatch(/not a readable \.xlsx workbook: (the archive is truncated|the central directory is damaged)/);
    }
    expect(refusal(good.map((p) => (p.name === 'xl/workbook.xml' ? { ...p, flags: 1 } : p))).message).toMatch(/"xl\/workbook\.xml" is encrypted/);
    expect(refusal(good.map((p) => (p.name === 'xl/workbook.xml' ? { ...p, method: 0, declaredSize: 5 } : p))).message).toMatch(/holds \d+ bytes where the directory says 5/);
    const deflate64 = good.map((p) => (p.name === 'xl/workbook.xml' ? { ...p, method: 9 as unknown as 8 } : p));
    expect(refusal(deflate64).message).toMatch(/uses compression method 9/);
    const cutStream = good.map((p) => (p.name === 'xl/workbook.xml' ? { ...p, raw: deflatedRepeat(1).subarray(0, 500) } : p));
    expect(refusal(cutStream).message).toMatch(/"xl\/workbook\.xml" (ends early|cannot be inflated)/);
  });
});
