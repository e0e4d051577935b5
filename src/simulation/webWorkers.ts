/**
 * Web Workers for `simulate` in a browser (internal). Browsers share memory between threads only on
 * cross-origin-isolated pages, so these workers share none: the calling thread hands out chunk
 * numbers by message, one at a time, from its own plain counter, and adds the histograms the
 * workers post back. Each chunk has its own random stream, so the result is the same as Node's.
 */
import type { KernelParams } from './kernel.js';
import type { WorkerOutput } from './worker.js';

/** What a browser worker is sent: the kernel's parameters (with the first chunk only) and a chunk to run. */
export interface BrowserWorkerInput {
  readonly params?: KernelParams;
  readonly chunk: number;
}

/** A browser's Worker, as much of it as this module uses (the library is typed without the DOM). */
interface WebWorker {
  postMessage(message: BrowserWorkerInput): void;
  terminate(): void;
  addEventListener(type: 'message' | 'error', listener: (event: { readonly data?: unknown }) => void): void;
}

type WebWorkerConstructor = new (script: URL | string, options: { readonly type: 'module' }) => WebWorker;

/** The browser's Worker constructor, or undefined in Node (which has worker_threads) and where there is none. */
export function webWorkerConstructor(): WebWorkerConstructor | undefined {
  const node = typeof process !== 'undefined' && typeof process.versions.node === 'string';
  const constructor = (globalThis as { Worker?: unknown }).Worker;
  return !node && typeof constructor === 'function' ? (constructor as WebWorkerConstructor) : undefined;
}

/** The browser worker's script: dist/simulation-browser-worker.js beside the module that starts it. */
export function browserWorkerScript(): URL {
  return new URL('./simulation-browser-worker.js', import.meta.url);
}

/** One started worker: how to stop it and the promise that it is done (no chunk left for it, or it failed). */
export interface StartedWorker {
  readonly stop: () => Promise<unknown>;
  readonly exited: Promise<void>;
}

/** What the workers need from the run: the parameters, the next chunk (>= chunks: none left), and where results go. */
export interface WebWorkerRun {
  readonly params: KernelParams;
  readonly chunks: number;
  readonly next: () => number;
  readonly onChunk: (out: WorkerOutput) => void;
}

/** Start one Web Worker on `script`; it takes chunks from `run.next` until none is left. A worker that fails ends, and its chunk is left unfinished. */
export function startWebWorker(Worker: WebWorkerConstructor, script: URL | string, run: WebWorkerRun): StartedWorker | null {
  const first = run.next();
  if (first >= run.chunks) return null;
  const thread = new Worker(script, { type: 'module' });
  let end: () => void = () => undefined;
  const exited = new Promise<void>((resolve) => {
    end = () => {
      thread.terminate();
      resolve();
    };
  });
  thread.addEventListener('message', ({ data }) => {
    run.onChunk(data as WorkerOutput);
    const chunk = run.next();
    if (chunk < run.chunks) thread.postMessage({ chunk });
    else end();
  });
  thread.addEventListener('error', () => {
    end();
  });
  thread.postMessage({ params: run.params, chunk: first });
  return {
    stop: () => {
      end();
      return exited;
    },
    exited,
  };
}
