/**
 * .xlsx workbooks built byte by byte for tests: a zip writer that can also lie (duplicate names,
 * wrong sizes, truncation) and a workbook writer whose cells are given as values or as raw XML. No
 * xlsx library is involved, so the reader is tested against the format, not against a writer.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';

/** One entry of a zip archive. */
export interface ZipEntry {
  readonly name: string;
  readonly data: Uint8Array | string;
  /** 0 stored, 8 deflate (default). */
  readonly method?: 0 | 8;
  /** The uncompressed size the directory states (default: the true one). */
  readonly declaredSize?: number;
  /** Deflated bytes to store instead of deflating `data` (a crafted stream). */
  readonly raw?: Uint8Array;
  /** General-purpose flags (bit 0: encrypted). */
  readonly flags?: number;
}

const u16 = (n: number) => [n & 0xff, (n >>> 8) & 0xff];
const u32 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];

/** A zip archive of `entries`, in order (names may repeat: the writer does what it is told). */
export function zipBytes(entries: readonly ZipEntry[]): Uint8Array {
  const locals: number[][] = [];
  const central: number[][] = [];
  const blobs: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const data = typeof e.data === 'string' ? Buffer.from(e.data, 'utf8') : e.data;
    const method = e.method ?? 8;
    const body = e.raw ?? (method === 8 ? deflateRawSync(data) : data);
    const name = Buffer.from(e.name, 'utf8');
    const crc = crc32(data);
    const size = e.declaredSize ?? data.length;
    const head = [...u32(0x04034b50), ...u16(20), ...u16(e.flags ?? 0), ...u16(method), ...u16(0), ...u16(0x21), ...u32(crc), ...u32(body.length), ...u32(size), ...u16(name.length), ...u16(0), ...name];
    central.push([...u32(0x02014b50), ...u16(20), ...u16(20), ...u16(e.flags ?? 0), ...u16(method), ...u16(0), ...u16(0x21), ...u32(crc), ...u32(body.length), ...u32(size), ...u16(name.length), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(offset), ...name]);
    locals.push(head);
    blobs.push(body);
    offset += head.length + body.length;
  }
  const cd = central.flat();
  const end = [...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(entries.length), ...u16(entries.length), ...u32(cd.length), ...u32(offset), ...u16(0)];
  return Buffer.concat([...locals.flatMap((l, i) => [Buffer.from(l), blobs[i] ?? new Uint8Array()]), Buffer.from(cd), Buffer.from(end)]);
}

/** A raw deflate stream of `megabytes` MB of `byte`, built from one compressed megabyte repeated (fast at any size). */
export function deflatedRepeat(megabytes: number, byte = 0x20): Uint8Array {
  // A sync flush ends the block on a byte boundary; the repeated blocks only refer back within themselves.
  const block = deflateRawSync(Buffer.alloc(1024 * 1024, byte), { finishFlush: constants.Z_SYNC_FLUSH });
  const pieces: Uint8Array[] = Array.from({ length: megabytes }, () => block);
  // A final, empty fixed-Huffman block.
  pieces.push(Uint8Array.from([0x03, 0x00]));
  return Buffer.concat(pieces);
}

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A cell of {@link sheetXml}: a number, shared text, or raw `<c>` XML. */
export type CellSpec = number | string | null | { readonly xml: string };

/** The column letters of a 1-based column. */
export function columnName(col: number): string {
  let name = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) name = String.fromCharCode(65 + ((c - 1) % 26)) + name;
  return name;
}

/** A sheet's XML and its shared strings: strings become shared strings, numbers numbers, `{ xml }` is written as given. */
export function sheetXml(rows: readonly (readonly CellSpec[])[], shared: string[]): string {
  const cells = rows.map((row, r) => {
    const body = row.map((cell, c) => {
      const ref = `${columnName(c + 1)}${r + 1}`;
      if (cell === null) return '';
      if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`;
      if (typeof cell === 'string') {
        shared.push(cell);
        return `<c r="${ref}" t="s"><v>${shared.length - 1}</v></c>`;
      }
      return cell.xml;
    });
    return `<row r="${r + 1}">${body.join('')}</row>`;
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${cells.join('')}</sheetData></worksheet>`;
}

/** One sheet of {@link workbookBytes}: rows of cells, or the sheet's whole XML. */
export interface SheetSpec {
  readonly name: string;
  readonly rows?: readonly (readonly CellSpec[])[];
  readonly xml?: string;
}

/** The parts of a workbook (entries before zipping), so that a test can change one. */
export function workbookParts(sheets: readonly SheetSpec[], sharedXml?: string): ZipEntry[] {
  const shared: string[] = [];
  const sheetParts = sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: s.xml ?? sheetXml(s.rows ?? [], shared) }));
  const ns = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="${ns}/${type}" Target="${target}"/>`;
  const sst = sharedXml ?? `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${shared.length}" uniqueCount="${shared.length}">${shared.map((t) => `<si><t xml:space="preserve">${xmlText(t)}</t></si>`).join('')}</sst>`;
  return [
    { name: '[Content_Types].xml', data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>' },
    { name: '_rels/.rels', data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', 'officeDocument', 'xl/workbook.xml')}</Relationships>` },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${ns}"><sheets>${sheets.map((s, i) => `<sheet name="${xmlText(s.name).replace(/"/g, '&quot;')}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => rel(`rId${i + 1}`, 'worksheet', `worksheets/sheet${i + 1}.xml`)).join('')}${rel(`rId${sheets.length + 1}`, 'sharedStrings', 'sharedStrings.xml')}</Relationships>`,
    },
    ...sheetParts,
    { name: 'xl/sharedStrings.xml', data: sst },
  ];
}

/** An .xlsx workbook of `sheets`. */
export function workbookBytes(sheets: readonly SheetSpec[]): Uint8Array {
  return zipBytes(workbookParts(sheets));
}
