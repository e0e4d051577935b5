/**
 * The Web Worker of `simulate` in a browser (internal; built as dist/simulation-browser-worker.js, an
 * ES module beside the bundle that starts it). No shared memory: the page sends the kernel's
 * parameters with the first chunk, then one chunk number at a time; the worker posts each chunk's
 * histogram back. It imports nothing of Node.
 */
import { BINS, runChunk, type KernelParams } from './kernel.js';
import type { BrowserWorkerInput } from './webWorkers.js';
import type { WorkerOutput } from './worker.js';

/** The worker's global scope, as much of it as this script uses (the library is typed without the DOM). */
interface WorkerScope {
  onmessage: ((event: { readonly data: BrowserWorkerInput }) => void) | null;
  postMessage(message: WorkerOutput, transfer: ArrayBuffer[]): void;
}

const scope = globalThis as unknown as WorkerScope;
let params: KernelParams | undefined;
scope.onmessage = ({ data }) => {
  params = data.params ?? params;
  if (params === undefined) return;
  const hist = new Float64Array(params.horizon * BINS);
  runChunk(params, data.chunk, hist);
  scope.postMessage({ chunk: data.chunk, hist }, [hist.buffer]);
};
