/**
 * Files read and written by path: the one reading path (extension checked before reading, a byte
 * cap enforced while reading, so pipes, devices and links are bounded too) and the one writing path
 * (a temporary file in the same folder, flushed, renamed over the target only when complete).
 * File-system errors come out as one line naming the file and what went wrong.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { chmod, mkdir, open, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { CpiGapError } from '../errors.js';

/** What a file must be to be read. */
export interface FileRules {
  /** What the file is, as the issue's path says it (`scenario-file`, `--out`). */
  readonly what: string;
  /** The extensions accepted, lower case with the dot (`.csv`). */
  readonly extensions: readonly string[];
  /** The most bytes read; a longer file (or pipe, or device) is refused. */
  readonly maxBytes: number;
}

/** Extensions of formats people take for the ones cpi-gap reads, and what they are. */
const LOOKALIKES: Readonly<Record<string, string>> = {
  '.xls': 'an Excel 97-2003 workbook',
  '.xlsm': 'a macro-enabled Excel workbook',
  '.xlsb': 'a binary Excel workbook',
  '.ods': 'an OpenDocument spreadsheet',
  '.numbers': 'a Numbers spreadsheet',
};

/** The one-line reason of a file-system error (Node's errors carry a code: ENOENT, EACCES...). */
export function fsReason(error: unknown): string {
  const code = String((error as NodeJS.ErrnoException | undefined)?.code);
  const reasons: Readonly<Record<string, string>> = {
    ENOENT: 'no such file or folder',
    EISDIR: 'a folder, not a file',
    ENOTDIR: 'a file is in the way',
    EEXIST: 'a file is in the way',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    ENOSPC: 'no space left on the device',
    EDQUOT: 'the disk quota is used up',
    EFBIG: 'the file is larger than the system allows',
    EROFS: 'the file system is read-only',
    ENAMETOOLONG: 'the name is too long',
    ELOOP: 'too many symbolic links',
    EMFILE: 'too many open files',
    ENFILE: 'too many open files',
    ENXIO: 'no such device',
    EIO: 'an input/output error',
  };
  return `${reasons[code] ?? 'failed'} (${code})`;
}

function fileError(file: string, what: string, message: string, code: string, cause?: unknown, value?: unknown): CpiGapError {
  const issue = value === undefined ? { path: [what], message, code } : { path: [what], message, value, code };
  return new CpiGapError(file, [issue], cause === undefined ? undefined : { cause });
}

/** The file's extension, lower case, if the rules accept it; a clear refusal otherwise (nothing is read). */
export function checkExtension(file: string, rules: FileRules): string {
  const ext = extname(file).toLowerCase();
  if (rules.extensions.includes(ext)) return ext;
  const list = `${rules.extensions.slice(0, -1).join(', ')}${rules.extensions.length > 1 ? ' or ' : ''}${rules.extensions.at(-1) ?? ''}`;
  const lookalike = LOOKALIKES[ext];
  const message = `expected a ${list} file${lookalike === undefined ? '' : `; this is ${lookalike}: save it as ${list} first`}`;
  throw fileError(file, rules.what, message, 'unknown_format', undefined, ext === '' ? file : ext);
}

function tooLarge(file: string, rules: FileRules): CpiGapError {
  return fileError(file, rules.what, `the file is larger than ${rules.maxBytes} bytes, the most cpi-gap reads for it`, 'too_large');
}

function aborted(file: string, what: string, signal: AbortSignal): CpiGapError {
  return fileError(file, what, 'stopped before the file was read', 'aborted', signal.reason);
}

const CHUNK = 64 * 1024;

/** The chunks of a read so far, refused past the rules' byte cap. */
class Chunks {
  private readonly chunks: Buffer[] = [];
  private total = 0;
  constructor(private readonly file: string, private readonly rules: FileRules) {}

  /** Take a chunk of `bytesRead` bytes; at the end of the file (0 bytes) return everything read. */
  take(buffer: Buffer, bytesRead: number): Buffer | undefined {
    if (bytesRead === 0) return Buffer.concat(this.chunks, this.total);
    this.total += bytesRead;
    if (this.total > this.rules.maxBytes) throw tooLarge(this.file, this.rules);
    this.chunks.push(buffer.subarray(0, bytesRead));
    return undefined;
  }
}

/**
 * Read a file through a byte cap, whatever it is (a regular file, a pipe, a device, a link to one):
 * the extension is checked first, then at most `maxBytes + 1` bytes are read. `signal` stops the
 * read between chunks (and while it waits on a pipe). Errors name the file: a missing file, a folder,
 * a file too large, a refused extension.
 */
export async function readBounded(file: string, rules: FileRules, signal?: AbortSignal): Promise<Buffer> {
  checkExtension(file, rules);
  const stop = new Promise<never>((_, reject) => {
    if (signal === undefined) return;
    const onAbort = () => { reject(aborted(file, rules.what, signal)); };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  // Only a settled race is awaited: the stop promise's rejection is handled there.
  stop.catch(() => undefined);
  const opening = open(file, 'r');
  let handle: FileHandle;
  try {
    handle = await Promise.race([opening, stop]);
  } catch (error) {
    // A pipe nobody writes to blocks the open: close it if it ever opens.
    opening.then((h) => h.close(), () => undefined).catch(() => undefined);
    throw error instanceof CpiGapError ? error : fileError(file, rules.what, `cannot read the file: ${fsReason(error)}`, 'unreadable', error);
  }
  try {
    const chunks = new Chunks(file, rules);
    for (;;) {
      const buffer = Buffer.allocUnsafe(CHUNK);
      const { bytesRead } = await Promise.race([handle.read(buffer, 0, CHUNK, null), stop]);
      const all = chunks.take(buffer, bytesRead);
      if (all !== undefined) return all;
    }
  } catch (error) {
    throw error instanceof CpiGapError ? error : fileError(file, rules.what, `cannot read the file: ${fsReason(error)}`, 'unreadable', error);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** {@link readBounded} for synchronous callers (a font file named in render options). */
export function readBoundedSync(file: string, rules: FileRules): Buffer {
  checkExtension(file, rules);
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    if (fstatSync(fd).isDirectory()) throw Object.assign(new Error('a folder'), { code: 'EISDIR' });
    const chunks = new Chunks(file, rules);
    for (;;) {
      const buffer = Buffer.allocUnsafe(CHUNK);
      const all = chunks.take(buffer, readSync(fd, buffer, 0, CHUNK, null));
      if (all !== undefined) return all;
    }
  } catch (error) {
    throw error instanceof CpiGapError ? error : fileError(file, rules.what, `cannot read the file: ${fsReason(error)}`, 'unreadable', error);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Create the folder a file goes in; "a file is in the way" names the path that is a file. */
async function makeFolder(file: string, what: string): Promise<void> {
  const folder = dirname(file);
  try {
    await mkdir(folder, { recursive: true });
  } catch (error) {
    const at = (error as NodeJS.ErrnoException).path ?? folder;
    throw fileError(file, what, `cannot create folder '${at}': ${fsReason(error)}`, 'unwritable', error);
  }
}

/** Where a write goes: a regular file (or none yet) is replaced by rename; a device or pipe is written in place. */
async function targetKind(file: string): Promise<{ kind: 'new' | 'file' | 'special'; mode?: number }> {
  try {
    const s = await stat(file);
    if (s.isDirectory()) throw Object.assign(new Error('a folder'), { code: 'EISDIR' });
    return s.isFile() ? { kind: 'file', mode: s.mode & 0o7777 } : { kind: 'special' };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'new' };
    throw error;
  }
}

/**
 * Write `data` to `file` atomically: into a temporary file in the same folder (created for it if
 * needed), flushed to the disk, renamed over `file` only when complete. If anything fails (a full
 * disk, a file-size limit) or `signal` is aborted before the rename, the temporary file is removed
 * and the previous `file` is left as it was. A device or a pipe (`/dev/stdout`) is written in place,
 * as it cannot be replaced. Errors name the file and say what went wrong in one line.
 */
export async function writeAtomic(file: string, data: string | Uint8Array, what: string, signal?: AbortSignal): Promise<void> {
  await makeFolder(file, what);
  let temp: string | undefined;
  try {
    const target = await targetKind(file);
    if (target.kind === 'special') {
      const handle = await open(file, 'w');
      await handle.writeFile(data).finally(() => handle.close());
      return;
    }
    temp = join(dirname(file), `.${basename(file)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (target.mode !== undefined) await chmod(temp, target.mode);
    if (signal?.aborted === true) throw fileError(file, what, 'stopped before the file was written', 'aborted', signal.reason);
    await rename(temp, file);
    temp = undefined;
  } catch (error) {
    if (error instanceof CpiGapError) throw error;
    // A path that cannot be a file is the user's to fix (exit 2); a full disk or a size limit is a failure of the run.
    const runtime = ['ENOSPC', 'EDQUOT', 'EFBIG', 'EIO'].includes(String((error as NodeJS.ErrnoException).code));
    throw fileError(file, what, `cannot write the file: ${fsReason(error)}`, runtime ? 'write_failed' : 'unwritable', error);
  } finally {
    if (temp !== undefined) await unlink(temp).catch(() => undefined);
  }
}
