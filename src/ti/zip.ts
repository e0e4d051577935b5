/**
 * The zip archive of an .xlsx workbook, read with bounds (internal to `cpi-gap/xlsx`): the central
 * directory is read first and checked (entry count, duplicate names, entries inside the file,
 * encryption), and an entry is inflated only when asked for, by fflate's streaming inflate, fed in
 * small pieces so that a zip bomb is stopped as soon as it passes its cap.
 */
import { Inflate } from 'fflate';
import { CpiGapError } from '../errors.js';

/**
 * The limits of the .xlsx reader: the entries an archive may list, the bytes one part (a sheet, the
 * shared strings) may inflate to, and the bytes all the parts read from one workbook may inflate
 * to. TI's largest sheet (CPI Historical) is 2.2 MB of XML.
 *
 * @example
 * import { ZIP_LIMITS } from 'cpi-gap/xlsx';
 * ZIP_LIMITS.entryBytes / (1024 * 1024); // => 64
 * ZIP_LIMITS.totalBytes / (1024 * 1024); // => 128
 */
export const ZIP_LIMITS = Object.freeze({ entries: 10_000, entryBytes: 64 * 1024 * 1024, totalBytes: 128 * 1024 * 1024 });

/** One file listed in the archive's central directory. */
interface Entry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly offset: number;
}

/** A workbook's archive: its entries by name, and the bytes inflated so far. */
export interface Archive {
  readonly fn: string;
  readonly bytes: Uint8Array;
  readonly entries: ReadonlyMap<string, Entry>;
  inflated: number;
}

/** An error about the workbook's bytes; one that is not a limit reads "not a readable .xlsx workbook: ...". */
export function xlsxError(fn: string, message: string, code = 'invalid_workbook'): CpiGapError {
  return new CpiGapError(fn, [{ path: ['buffer'], message: code === 'invalid_workbook' ? `not a readable .xlsx workbook: ${message}` : message, code }]);
}

const broken = xlsxError;

const u16 = (b: Uint8Array, at: number): number => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number): number => (u16(b, at) + u16(b, at + 2) * 65536);

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Where the end-of-central-directory record is (searched back from the end, past a comment of up to 64 KB). */
function endRecord(fn: string, b: Uint8Array): number {
  for (let at = b.length - 22; at >= Math.max(0, b.length - 22 - 65535); at -= 1) {
    if (u32(b, at) === EOCD) return at;
  }
  throw broken(fn, b.length >= 4 && u32(b, 0) === LOCAL ? 'the archive is truncated (no central directory at its end)' : 'not a zip archive');
}

/** One central-directory record at `at`: its entry and where the next record starts. */
function centralRecord(fn: string, b: Uint8Array, at: number, names: { decode: (bytes: Uint8Array) => string }): { entry: Entry; next: number } {
  if (at + 46 > b.length || u32(b, at) !== CENTRAL) throw broken(fn, 'the central directory is damaged');
  const nameLength = u16(b, at + 28);
  const end = at + 46 + nameLength;
  if (end > b.length) throw broken(fn, 'the central directory is damaged');
  const entry = { name: names.decode(b.subarray(at + 46, end)), flags: u16(b, at + 8), method: u16(b, at + 10), compressedSize: u32(b, at + 20), size: u32(b, at + 24), offset: u32(b, at + 42) };
  return { entry, next: end + u16(b, at + 30) + u16(b, at + 32) };
}

/**
 * Read the archive's central directory. Refuses a file that is not a zip archive, a truncated one, a
 * ZIP64 archive (Excel writes one only past 4 GB), more than {@link ZIP_LIMITS}`.entries` entries
 * and a name listed twice (which of the two would a reader take?).
 */
export function openArchive(fn: string, bytes: Uint8Array): Archive {
  const eocd = endRecord(fn, bytes);
  const count = u16(bytes, eocd + 10);
  const start = u32(bytes, eocd + 16);
  if (count === 0xffff || start === 0xffffffff) throw broken(fn, 'a ZIP64 archive (over 4 GB or 65,535 entries)', 'too_large');
  if (count > ZIP_LIMITS.entries) throw broken(fn, `${count} entries, more than the ${ZIP_LIMITS.entries} a workbook may hold`, 'too_large');
  const entries = new Map<string, Entry>();
  const names = new TextDecoder('utf-8');
  let at = start;
  for (let i = 0; i < count; i += 1) {
    const { entry, next } = centralRecord(fn, bytes, at, names);
    if (entries.has(entry.name)) throw broken(fn, `the archive lists ${JSON.stringify(entry.name)} twice`);
    entries.set(entry.name, entry);
    at = next;
  }
  return { fn, bytes, entries, inflated: 0 };
}

/** The inflated bytes of a deflated entry, fed to fflate 16 KB at a time and stopped past `cap`. */
function inflate(fn: string, name: string, data: Uint8Array, cap: number): Uint8Array {
  const parts: Uint8Array[] = [];
  let size = 0;
  const state = { ended: false };
  const inflater = new Inflate((chunk, final) => {
    size += chunk.length;
    if (size > cap) throw broken(fn, `${JSON.stringify(name)} inflates to more than ${cap} bytes`, 'too_large');
    parts.push(chunk);
    state.ended = final;
  });
  const PIECE = 16 * 1024;
  try {
    for (let at = 0; at < data.length; at += PIECE) inflater.push(data.subarray(at, at + PIECE), at + PIECE >= data.length);
    if (data.length === 0) inflater.push(data, true);
  } catch (error) {
    if (error instanceof CpiGapError) throw error;
    throw broken(fn, `${JSON.stringify(name)} cannot be inflated (${(error as Error).message})`);
  }
  if (!state.ended) throw broken(fn, `${JSON.stringify(name)} ends early`);
  const out = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 * The bytes of one entry, or undefined when the archive has none by that name. Refuses an encrypted
 * entry, one that lies outside the file, a compression other than stored or deflate, and an entry
 * that inflates past {@link ZIP_LIMITS}`.entryBytes` or takes the workbook past `totalBytes`.
 */
export function readEntry(archive: Archive, name: string): Uint8Array | undefined {
  const { fn, bytes } = archive;
  const entry = archive.entries.get(name);
  if (entry === undefined) return undefined;
  if ((entry.flags & 1) === 1) throw broken(fn, `${JSON.stringify(name)} is encrypted`);
  const at = entry.offset;
  if (at + 30 > bytes.length || u32(bytes, at) !== LOCAL) throw broken(fn, `${JSON.stringify(name)} lies outside the file (truncated?)`);
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw broken(fn, `${JSON.stringify(name)} lies outside the file (truncated?)`);
  const cap = Math.min(ZIP_LIMITS.entryBytes, ZIP_LIMITS.totalBytes - archive.inflated);
  if (entry.size > cap) throw broken(fn, `${JSON.stringify(name)} inflates to ${entry.size} bytes, more than the ${cap} left to read`, 'too_large');
  const data = bytes.subarray(start, end);
  let out: Uint8Array;
  if (entry.method === 0) out = data;
  else if (entry.method === 8) out = inflate(fn, name, data, cap);
  else throw broken(fn, `${JSON.stringify(name)} uses compression method ${entry.method} (only stored and deflate are read)`);
  if (out.length !== entry.size) throw broken(fn, `${JSON.stringify(name)} holds ${out.length} bytes where the directory says ${entry.size}`);
  archive.inflated += out.length;
  return out;
}
