/**
 * Running every chunk of a simulation (internal), on the calling thread or on it plus worker
 * threads: Node's worker_threads (taking chunks from a shared counter), or in a browser Web Workers
 * (handed chunks by message, no shared memory: see webWorkers.ts). One thread uses plain memory.
 * Node's modules load by `import()` in Node only, out of bundlers' sight. Each chunk has its own random stream and its own histogram, and histograms are added as
 * integer counts, so the total is the same whichever thread ran which chunk, in whatever order.
 */
import { BINS, CHUNK_PATHS, chunkCount, runChunk, type KernelParams } from './kernel.js';
import { browserWorkerScript, startWebWorker, webWorkerConstructor, type StartedWorker } from './webWorkers.js';
import type { WorkerInput, WorkerOutput } from './worker.js';

/** How the caller follows and stops a run. */
export interface RunControl {
  /** Threads to use: 1 runs on the calling thread; n > 1 adds n - 1 worker threads (Web Workers in a browser). */
  readonly threads: number;
  /** Called after each chunk with the paths done so far; may throw to stop the run. */
  readonly progress: (done: number) => void;
  /** Called at every pause between chunks; throws to stop the run (abort). */
  readonly check: () => void;
  /** Whether the calling thread takes chunks too (default true; false lets tests watch the workers). */
  readonly callerWorks?: boolean;
  /** Aborting it wakes a run that waits for its workers (`check` then throws). */
  readonly signal?: AbortSignal | undefined;
  /** Finds the workers' script (default: {@link workerScript} of this module, in a browser dist/simulation-browser-worker.js; tests give others). */
  readonly workerStart?: () => Promise<WorkerStart>;
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

/**
 * Import one of Node's built-in modules (internal). The name is built at run time so that bundlers
 * for the browser neither follow nor reject it; only Node paths call this.
 */
export function nodeBuiltin<T>(name: 'url' | 'module' | 'os' | 'worker_threads'): Promise<T> {
  const specifier = `node:${name}`;
  return import(/* webpackIgnore: true */ /* @vite-ignore */ specifier) as Promise<T>;
}

/** How to start a worker: the `Worker` constructor's script and options (without `workerData`). */
export interface WorkerStart {
  readonly script: URL | string;
  readonly options: { readonly eval?: true; readonly execArgv?: string[] };
}

/**
 * The worker script for a module at `url` (internal; exported for tests). Built: dist/simulation-worker.js
 * (ESM) or .cjs (CJS), beside the bundle that starts it. From source (vitest, tsx): worker.ts, required
 * through tsx's CommonJS hook (`tsxApi`: the resolved path of `tsx/cjs/api`) in a small eval'd script,
 * since loader flags in a worker's execArgv do not reach the worker on Node 20.
 */
export async function workerScript(url: URL, tsxApi: () => string): Promise<WorkerStart> {
  if (url.pathname.endsWith('.ts')) {
    const { fileURLToPath } = await nodeBuiltin<typeof import('node:url')>('url');
    const worker = fileURLToPath(new URL('./worker.ts', url));
    return { script: `require(${JSON.stringify(tsxApi())}).register(); require(${JSON.stringify(worker)});`, options: { eval: true, execArgv: [] } };
  }
  return { script: new URL(url.pathname.endsWith('.cjs') ? './simulation-worker.cjs' : './simulation-worker.js', url), options: {} };
}

/** The worker script of this module. */
async function workerStart(): Promise<WorkerStart> {
  const { pathToFileURL } = await nodeBuiltin<typeof import('node:url')>('url');
  // import.meta.url in the sources and both builds (tsup's CommonJS build rewrites it from the module's
  // own __filename); CommonJS's __filename where a bundler left import.meta empty. Not __filename first:
  // `node -e` sets a global one, '[eval]', that an ES module sees too (the workers then did not start).
  const meta = (import.meta as { url?: string }).url;
  /* v8 ignore next -- the CommonJS fallback */
  const url = typeof meta === 'string' && meta !== '' ? new URL(meta) : pathToFileURL(__filename);
  const { createRequire } = await nodeBuiltin<typeof import('node:module')>('module');
  return workerScript(url, () => createRequire(url).resolve('tsx/cjs/api'));
}

/** The state of one run: the total histogram, the chunks finished, the workers, a failure seen in a worker's message. */
interface Run {
  readonly params: KernelParams;
  readonly control: RunControl;
  readonly chunks: number;
  readonly total: Float64Array;
  readonly finished: Uint8Array;
  /** The counter that hands out chunks to the calling thread and the workers: shared memory only for Node's worker threads. */
  readonly counter: Int32Array;
  /** Each worker: how to stop it and the promise of its exit. */
  readonly workers: StartedWorker[];
  done: number;
  failure: Error | null;
}

/** Count a finished chunk's histogram into the total and report progress. */
function add(run: Run, chunk: number, hist: Float64Array): void {
  // Each chunk comes once: the shared counter hands it out once, and the chunks left unfinished are
  // redone only after every worker has stopped.
  run.finished[chunk] = 1;
  for (let i = 0; i < run.total.length; i += 1) run.total[i] = (run.total[i] as number) + (hist[i] as number);
  run.done += Math.min(run.params.paths, (chunk + 1) * CHUNK_PATHS) - chunk * CHUNK_PATHS;
  run.control.progress(run.done);
}

/** A failure seen in a worker's message handler, rethrown on the calling thread's next turn. */
function rethrow(run: Run): void {
  if (run.failure !== null) throw run.failure;
}

/** Count a worker's chunk; a failure (the progress callback threw) is kept for the calling thread to rethrow. */
function fromWorker(run: Run, out: WorkerOutput): void {
  try {
    lastRun.workerChunks += 1;
    add(run, out.chunk, out.hist);
  } catch (e) {
    run.failure ??= e instanceof Error ? e : new Error(String(e));
  }
}

/** Start threads - 1 Web Workers in a browser (none if the page cannot start them: the calling thread then does it all). */
async function startWebWorkers(run: Run, Worker: NonNullable<ReturnType<typeof webWorkerConstructor>>): Promise<void> {
  const start = run.control.workerStart === undefined ? browserWorkerScript() : (await run.control.workerStart()).script;
  const next = (): number => Atomics.add(run.counter, 0, 1);
  for (let i = 1; i < run.control.threads; i += 1) {
    try {
      const worker = startWebWorker(Worker, start, { params: run.params, chunks: run.chunks, next, onChunk: (out) => { fromWorker(run, out); } });
      if (worker !== null) run.workers.push(worker);
    } catch {
      // A page that may not start workers (a content security policy): the calling thread does it all.
      return;
    }
  }
}

/** Start threads - 1 workers on the shared counter (none without a worker script: the calling thread then does it all). */
async function startWorkers(run: Run): Promise<void> {
  const web = webWorkerConstructor();
  if (web !== undefined) {
    await startWebWorkers(run, web);
    return;
  }
  const { Worker } = await nodeBuiltin<typeof import('node:worker_threads')>('worker_threads');
  const start = await (run.control.workerStart ?? workerStart)().catch(() => null);
  for (let i = 1; start !== null && i < run.control.threads; i += 1) {
    const workerData: WorkerInput = { params: run.params, counter: run.counter.buffer as SharedArrayBuffer, chunks: run.chunks };
    const thread = new Worker(start.script, { ...start.options, workerData });
    thread.on('message', (out: WorkerOutput) => {
      fromWorker(run, out);
    });
    // A worker that cannot start or crashes emits 'error', then 'exit'; the calling thread redoes
    // what it left. (Listening to 'error' keeps the error from being thrown on the calling thread.)
    thread.on('error', () => undefined);
    run.workers.push({ stop: () => thread.terminate(), exited: new Promise((resolve) => thread.on('exit', () => { resolve(); })) });
  }
}

/** The calling thread takes chunks from the shared counter until none is left. */
async function workOnCallingThread(run: Run, hist: Float64Array): Promise<void> {
  for (;;) {
    run.control.check();
    rethrow(run);
    if (run.control.callerWorks === false && run.workers.length > 0) return;
    const chunk = Atomics.add(run.counter, 0, 1);
    if (chunk >= run.chunks) return;
    hist.fill(0);
    runChunk(run.params, chunk, hist);
    add(run, chunk, hist);
    if (run.workers.length > 0 || chunk + 1 < run.chunks) await pause();
  }
}

/** Wait for the workers' last chunks (none on one thread), waking early on abort. */
async function waitForWorkers(run: Run): Promise<void> {
  let wake: () => void = () => undefined;
  const woken = new Promise<void>((resolve) => { wake = resolve; });
  run.control.signal?.addEventListener('abort', wake);
  try {
    await Promise.race([Promise.all(run.workers.map((w) => w.exited)), woken]);
  } finally {
    run.control.signal?.removeEventListener('abort', wake);
  }
}

/**
 * Run chunks [0, chunkCount(paths)) and return the horizon x 101 histogram. With threads > 1 the
 * calling thread works too and takes chunks from the same shared counter as the workers; a worker
 * that fails to start or dies leaves its unfinished chunks to the calling thread.
 */
export async function runChunks(params: KernelParams, control: RunControl): Promise<Float64Array> {
  const chunks = chunkCount(params.paths);
  const threaded = control.threads > 1 && chunks > 1;
  // Shared memory only where Node's worker threads read the counter; a browser page needs none (and
  // has none unless cross-origin isolated).
  const shared = threaded && webWorkerConstructor() === undefined;
  const run: Run = {
    params,
    control,
    chunks,
    total: new Float64Array(params.horizon * BINS),
    finished: new Uint8Array(chunks),
    counter: new Int32Array(shared ? new SharedArrayBuffer(4) : new ArrayBuffer(4)),
    workers: [],
    done: 0,
    failure: null,
  };
  lastRun.workerChunks = 0;
  const stop = (): Promise<unknown[]> => Promise.all(run.workers.map((w) => w.stop()));
  try {
    if (threaded) await startWorkers(run);
    const hist = new Float64Array(params.horizon * BINS);
    await workOnCallingThread(run, hist);
    await waitForWorkers(run);
    control.check();
    rethrow(run);
    // A worker's last messages arrive before its exit: after this, no chunk comes from a worker.
    await stop();
    rethrow(run);
    // Chunks a failed worker took but never finished.
    for (let chunk = 0; chunk < chunks; chunk += 1) {
      if (run.finished[chunk] === 1) continue;
      control.check();
      hist.fill(0);
      runChunk(params, chunk, hist);
      add(run, chunk, hist);
    }
    return run.total;
  } finally {
    await stop();
  }
}
