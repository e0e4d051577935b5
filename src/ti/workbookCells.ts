/**
 * Internal helpers of `cpi-gap/xlsx`: open a workbook (its zip archive, its sheet list, its shared
 * strings) and turn a worksheet into rows of cell values, visiting only the cells the sheet's XML
 * holds. Bounded throughout: the archive by {@link ZIP_LIMITS}, the sheet by `TABLE_LIMITS` (rows,
 * columns, and cells spanned), the shared strings by {@link SHARED_STRINGS_LIMIT}. Imported only by
 * `xlsx.ts` (and tests), never by the core entry.
 */
import { fail } from '../errors.js';
import { TABLE_LIMITS } from '../util/csv.js';
import type { TiCell } from './readTiTable.js';
import { decodeXml, scanXml } from './xml.js';
import { openArchive, readEntry, xlsxError, type Archive } from './zip.js';

/**
 * The most shared strings a workbook may hold (TI's hold a few hundred); a workbook with more is
 * refused before they fill the memory.
 *
 * @example
 * import { SHARED_STRINGS_LIMIT } from 'cpi-gap/xlsx';
 * SHARED_STRINGS_LIMIT; // => 1000000
 */
export const SHARED_STRINGS_LIMIT = 1_000_000;

/** A sheet of the workbook: its name and the archive entry of its XML. */
export interface SheetRef {
  readonly name: string;
  readonly part: string;
}

/** An opened workbook: its archive and its sheets in workbook order; the shared strings read when first needed. */
export interface Workbook {
  readonly fn: string;
  readonly archive: Archive;
  readonly sheets: readonly SheetRef[];
  readonly sharedPart: string | undefined;
  shared?: readonly string[];
}

const decoder = new TextDecoder('utf-8');

function partText(archive: Archive, name: string): string | undefined {
  const bytes = readEntry(archive, name);
  return bytes === undefined ? undefined : decoder.decode(bytes);
}

const missing = xlsxError;

/** `target` (a relationship's Target) as an archive path, relative to the folder of `from`. */
function resolvePart(from: string, target: string): string {
  const parts = target.startsWith('/') ? [] : from.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

/** The relationships of `part` (its `_rels/<name>.rels`): each Id with its Type and the archive path of its Target. */
function relationships(fn: string, archive: Archive, part: string): Map<string, { type: string; part: string }> {
  const slash = part.lastIndexOf('/');
  const relsName = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
  const rels = new Map<string, { type: string; part: string }>();
  const text = partText(archive, relsName);
  if (text === undefined) return rels;
  scanXml(fn, relsName, text, {
    open: (name, attrs) => {
      const id = attrs.get('Id');
      const target = attrs.get('Target');
      if (name === 'Relationship' && id !== undefined && target !== undefined && attrs.get('TargetMode') !== 'External') {
        rels.set(id, { type: attrs.get('Type') ?? '', part: resolvePart(part, decodeXml(fn, relsName, target)) });
      }
    },
    close: () => undefined,
    text: () => undefined,
  });
  return rels;
}

/** Open a workbook from bytes: its archive checked, its sheets listed. A file that is not .xlsx fails naming `fn`. */
export function loadWorkbook(fn: string, bytes: Uint8Array): Workbook {
  const archive = openArchive(fn, bytes);
  const root = [...relationships(fn, archive, '').values()].find((r) => r.type.endsWith('/officeDocument'));
  const main = root?.part ?? 'xl/workbook.xml';
  const text = partText(archive, main);
  if (text === undefined) throw missing(fn, `the archive has no workbook part (${main})`);
  const rels = relationships(fn, archive, main);
  const sheets: SheetRef[] = [];
  scanXml(fn, main, text, {
    open: (name, attrs) => {
      if (name !== 'sheet') return;
      const target = rels.get(attrs.get('id') ?? '');
      const sheetName = decodeXml(fn, main, attrs.get('name') ?? '');
      if (target === undefined) throw missing(fn, `sheet ${JSON.stringify(sheetName)} names no part of the archive`);
      sheets.push({ name: sheetName, part: target.part });
    },
    close: () => undefined,
    text: () => undefined,
  });
  const shared = [...rels.values()].find((r) => r.type.endsWith('/sharedStrings'))?.part;
  return { fn, archive, sheets, sharedPart: shared };
}

/** The workbook's shared strings (rich text joined, phonetic runs left out), read once. */
function sharedStrings(book: Workbook): readonly string[] {
  if (book.shared !== undefined) return book.shared;
  const { fn, sharedPart } = book;
  const text = sharedPart === undefined ? undefined : partText(book.archive, sharedPart);
  const strings: string[] = [];
  if (text !== undefined && sharedPart !== undefined) {
    let parts: string[] = [];
    let inText = false;
    let phonetic = 0;
    scanXml(fn, sharedPart, text, {
      open: (name, _, selfClosing) => {
        if (name === 'si') parts = [];
        else if (name === 'rPh') phonetic += 1;
        else if (name === 't' && !selfClosing) inText = phonetic === 0;
      },
      close: (name) => {
        if (name === 't') inText = false;
        else if (name === 'rPh') phonetic -= 1;
        else if (name === 'si') {
          strings.push(decodeXml(fn, sharedPart, parts.join(''), true));
          if (strings.length > SHARED_STRINGS_LIMIT) throw xlsxError(fn, `the workbook has more than ${SHARED_STRINGS_LIMIT} shared strings`, 'too_large');
        }
      },
      text: (raw, cdata) => {
        if (inText) parts.push(cdata ? raw.replace(/&/g, '&amp;') : raw);
      },
    });
  }
  book.shared = strings;
  return strings;
}

/** The 1-based column of a cell reference such as `B12` (`XFD` is 16384); undefined when it is not one. */
function columnOf(ref: string): number | undefined {
  const m = /^([A-Z]{1,3})[0-9]{1,7}$/.exec(ref);
  if (m?.[1] === undefined) return undefined;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col;
}

/** The cell being read: where it is, its type, and the text of its value or inline string. */
interface CellState {
  ref: string;
  col: number;
  type: string;
  parts: string[];
  /** The element whose text is being collected. */
  capture: 'v' | 'is' | null;
  /** Whether the cell has a value or inline string element at all. */
  hasValue: boolean;
}

/** The value a cell shows: a formula's cached result, a shared or inline string, a number; an error shows nothing. */
function cellValue(book: Workbook, part: string, cell: CellState): TiCell {
  const raw = cell.parts.join('');
  if (!cell.hasValue) return null;
  switch (cell.type) {
    case 's': {
      const strings = sharedStrings(book);
      const index = Number(raw);
      const value = Number.isInteger(index) ? strings[index] : undefined;
      if (value === undefined) throw xlsxError(book.fn, `${part}: cell ${cell.ref} names shared string ${describe(raw)} of ${strings.length}`);
      return value;
    }
    case 'str':
    case 'inlineStr':
    case 'd':
      return decodeXml(book.fn, part, raw, true);
    case 'b':
      return raw.trim() === '1' ? 'true' : 'false';
    case 'e':
      return null;
    default: {
      const text = raw.trim();
      if (text === '') return null;
      if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) throw xlsxError(book.fn, `${part}: cell ${cell.ref} holds ${describe(text)} where a number belongs`);
      return Number(text);
    }
  }
}

const describe = (text: string): string => JSON.stringify(text.length > 40 ? `${text.slice(0, 37)}...` : text);

/** Rows of a sheet as they fill, with the checks of `TABLE_LIMITS`. */
class SheetRows {
  readonly rows: TiCell[][] = [];
  private row: TiCell[] = [];
  private rowNumber = 0;
  private lastColumn = 0;
  private spanned = 0;
  constructor(private readonly fn: string, private readonly part: string) {}

  startRow(r: string | undefined): void {
    this.rowNumber = r === undefined ? this.rowNumber + 1 : Number(r);
    if (!Number.isInteger(this.rowNumber) || this.rowNumber < 1) this.refuse(`row number ${describe(r ?? '')} is not a row number`);
    if (this.rowNumber > TABLE_LIMITS.rows) this.refuse(`row ${this.rowNumber} is past the ${TABLE_LIMITS.rows} rows cpi-gap reads`, 'too_many_rows');
    this.row = this.rows[this.rowNumber - 1] ?? [];
    this.rows[this.rowNumber - 1] = this.row;
    this.lastColumn = this.row.length;
  }

  /** The column of the next cell: its reference's, or the one after the last. */
  column(ref: string | undefined): number {
    const col = ref === undefined ? this.lastColumn + 1 : columnOf(ref);
    if (col === undefined) return this.refuse(`${describe(ref ?? '')} is not a cell reference`);
    this.lastColumn = col;
    return col;
  }

  put(cell: CellState, value: TiCell): void {
    if (value === null) return;
    if (cell.col > TABLE_LIMITS.columns) this.refuse(`cell ${cell.ref || `${cell.col}`} is past the ${TABLE_LIMITS.columns} columns cpi-gap reads`, 'too_many_columns');
    const before = this.row.length;
    this.row[cell.col - 1] = value;
    this.spanned += this.row.length - before;
    if (this.spanned > TABLE_LIMITS.cells) this.refuse(`the rows span more than ${TABLE_LIMITS.cells} cells`, 'too_many_cells');
  }

  /** Every row up to the last, a row the sheet skips as an empty one. */
  done(): TiCell[][] {
    for (let i = 0; i < this.rows.length; i += 1) this.rows[i] ??= [];
    return this.rows;
  }

  private refuse(message: string, code = 'invalid_workbook'): never {
    throw xlsxError(this.fn, `${this.part}: ${message}`, code);
  }
}

/**
 * The cells of a sheet as rows of values (column A first; a column with no cell is a hole, read as
 * empty), visiting only the cells its XML holds.
 */
export function worksheetCells(book: Workbook, sheet: SheetRef): TiCell[][] {
  const xml = partText(book.archive, sheet.part);
  if (xml === undefined) throw missing(book.fn, `sheet ${JSON.stringify(sheet.name)} has no part ${sheet.part} in the archive`);
  const rows = new SheetRows(book.fn, sheet.part);
  let cell: CellState | null = null;
  let inlineText = false;
  scanXml(book.fn, sheet.part, xml, {
    open: (name, attrs, selfClosing) => {
      if (name === 'row') rows.startRow(attrs.get('r'));
      else if (name === 'c') {
        const ref = attrs.get('r');
        cell = { ref: ref ?? '', col: rows.column(ref), type: attrs.get('t') ?? 'n', parts: [], capture: null, hasValue: false };
      } else if (cell !== null && !selfClosing && (name === 'v' || name === 'is')) {
        cell.capture = name;
        cell.hasValue = true;
      }
      else if (cell?.capture === 'is' && name === 't') inlineText = !selfClosing;
    },
    close: (name) => {
      if (name === 'c' && cell !== null) {
        rows.put(cell, cellValue(book, sheet.part, cell));
        cell = null;
      } else if (name === 't') inlineText = false;
      else if (cell !== null && (name === 'v' || name === 'is')) cell.capture = null;
    },
    text: (raw, cdata) => {
      if (cell === null) return;
      const text = cdata ? raw.replace(/&/g, '&amp;') : raw;
      if (cell.capture === 'v' || (cell.capture === 'is' && inlineText)) cell.parts.push(text);
    },
  });
  return rows.done();
}

/** Find a sheet by name (trimmed, case-insensitive) or 1-based position. */
export function findSheet(fn: string, book: Workbook, sheet: string | number): SheetRef {
  const sheets = book.sheets;
  const found = typeof sheet === 'number' ? sheets[sheet - 1] : sheets.find((s) => s.name.trim().toLowerCase() === sheet.trim().toLowerCase());
  if (found === undefined) fail(fn, ['options', 'sheet'], `no such sheet; the workbook has ${sheets.map((s) => JSON.stringify(s.name)).join(', ')}`, sheet, 'unknown_sheet');
  return found;
}
