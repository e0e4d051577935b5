/**
 * Running every chunk of a simulation (internal), on the calling thread or on it plus worker
 * threads. Each chunk has its own random stream and its own histogram, and histograms are added as
 * integer counts, so the total is the same whichever thread ran which chunk, in whatever order.
 */
import { BINS, CHUNK_PATHS, chunkCount, runChunk, type KernelParams } from './kernel.js';
import type { WorkerInput, WorkerOutput } from './worker.js';

/** How the caller follows and stops a run. */
export interface RunControl {
  /** Threads to use: 1 runs on the calling thread; n > 1 adds n - 1 worker threads. */
  readonly threads: number;
  /** Called after each chunk with the paths done so far; may throw to stop the run. */
  readonly progress: (done: number) => void;
  /** Called at every pause between chunks; throws to stop the run (abort). */
  readonly check: () => void;
  /** Whether the calling thread takes chunks too (default true; false lets tests watch the workers). */
  readonly callerWorks?: boolean;
  /** Aborting it wakes a run that waits for its workers (`check` then throws). */
  readonly signal?: AbortSignal | undefined;
}

/** Chunks finished by worker threads in the latest run (internal: lets tests see the workers ran). */
export const lastRun = { workerChunks: 0 };

/** Give the event loop a turn: worker messages and abort events get handled. */
function pause(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof setImmediate === 'function') setImmediate(resolve);
    else setTimeout(resolve, 0);
  });
}

/** How to start a worker: a file beside the bundle, or (from source) a script that loads the .ts through tsx. */
type WorkerStart = { readonly file: URL } | { readonly code: string };

/**
 * The worker script. Built: dist/simulation-worker.js (ESM) or .cjs (CJS), beside the bundle that
 * starts it. From source (vitest, tsx): worker.ts, required through tsx's CommonJS hook in a small
 * eval'd script, since loader flags in a worker's execArgv do not reach the worker on Node 20.
 */
async function workerStart(): Promise<WorkerStart> {
  const { pathToFileURL } = await import('node:url');
  // The CJS build has __filename and an empty import.meta; ESM builds and sources have import.meta.url.
  const url = typeof __filename === 'string' ? pathToFileURL(__filename) : new URL(import.meta.url);
  if (url.pathname.endsWith('.ts')) {
    const { createRequire } = await import('node:module');
    const tsx = createRequire(url).resolve('tsx/cjs/api');
    const worker = new URL('./worker.ts', url);
    const { fileURLToPath } = await import('node:url');
    return { code: `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(fileURLToPath(worker))});` };
  }
  return { file: new URL(url.pathname.endsWith('.cjs') ? './simulation-worker.cjs' : './simulation-worker.js', url) };
}

/**
 * Run chunks [0, chunkCount(paths)) and return the horizon x 101 histogram. With threads > 1 the
 * calling thread works too and takes chunks from the same shared counter as the workers; a worker
 * that fails to start or dies leaves its unfinished chunks to the calling thread.
 */
export async function runChunks(params: KernelParams, control: RunControl): Promise<Float64Array> {
  const chunks = chunkCount(params.paths);
  const total = new Float64Array(params.horizon * BINS);
  const finished = new Uint8Array(chunks);
  let done = 0;
  lastRun.workerChunks = 0;
  const add = (chunk: number, hist: Float64Array): void => {
    if (finished[chunk] === 1) return;
    finished[chunk] = 1;
    for (let i = 0; i < total.length; i += 1) total[i] = (total[i] ?? 0) + (hist[i] ?? 0);
    done += Math.min(params.paths, (chunk + 1) * CHUNK_PATHS) - chunk * CHUNK_PATHS;
    control.progress(done);
  };
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const workers: { terminate: () => Promise<number> }[] = [];
  const exits: Promise<void>[] = [];
  // A failure seen in a worker's message handler, rethrown on the calling thread's next turn.
  const state: { failure: Error | null } = { failure: null };
  const rethrow = (): void => {
    if (state.failure !== null) throw state.failure;
  };
  try {
    if (control.threads > 1 && chunks > 1) {
      const { Worker } = await import('node:worker_threads');
      // Without a worker script (tsx missing from a source checkout), the calling thread does it all.
      const start = await workerStart().catch(() => null);
      for (let i = 1; start !== null && i < control.threads; i += 1) {
        const workerData: WorkerInput = { params, counter: counter.buffer, chunks };
        const worker = 'file' in start ? new Worker(start.file, { workerData }) : new Worker(start.code, { eval: true, execArgv: [], workerData });
        workers.push(worker);
        exits.push(
          new Promise<void>((resolve) => {
            worker.on('message', (out: WorkerOutput) => {
              try {
                if (finished[out.chunk] !== 1) lastRun.workerChunks += 1;
                add(out.chunk, out.hist);
              } catch (e) {
                state.failure ??= e instanceof Error ? e : new Error(String(e));
              }
            });
            // A worker that cannot start or crashes: the calling thread redoes what it left.
            worker.on('error', () => { resolve(); });
            worker.on('exit', () => { resolve(); });
          }),
        );
      }
    }
    const hist = new Float64Array(params.horizon * BINS);
    for (;;) {
      control.check();
      rethrow();
      if (control.callerWorks === false && workers.length > 0) break;
      const chunk = Atomics.add(counter, 0, 1);
      if (chunk >= chunks) break;
      hist.fill(0);
      runChunk(params, chunk, hist);
      add(chunk, hist);
      if (workers.length > 0 || chunk + 1 < chunks) await pause();
    }
    if (exits.length > 0) {
      // Wait for the workers' last chunks, waking early on abort.
      let wake: () => void = () => undefined;
      const woken = new Promise<void>((resolve) => { wake = resolve; });
      control.signal?.addEventListener('abort', wake, { once: true });
      try {
        await Promise.race([Promise.all(exits), woken]);
      } finally {
        control.signal?.removeEventListener('abort', wake);
      }
      control.check();
      rethrow();
    }
    // Chunks a failed worker took but never finished.
    for (let chunk = 0; chunk < chunks; chunk += 1) {
      if (finished[chunk] === 1) continue;
      control.check();
      hist.fill(0);
      runChunk(params, chunk, hist);
      add(chunk, hist);
    }
    rethrow();
    return total;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
