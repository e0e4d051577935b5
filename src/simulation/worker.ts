/**
 * The worker thread of `simulate` (internal; built as dist/simulation-worker.{js,cjs}). It takes
 * chunk numbers from a shared counter until none are left and posts each chunk's histogram.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { BINS, runChunk, type KernelParams } from './kernel.js';

/** What `simulate` passes to each worker. */
export interface WorkerInput {
  readonly params: KernelParams;
  /** An Int32Array's buffer: element 0 is the next chunk to take. */
  readonly counter: SharedArrayBuffer;
  readonly chunks: number;
}

/** What a worker posts per chunk. */
export interface WorkerOutput {
  readonly chunk: number;
  readonly hist: Float64Array;
}

const input = workerData as WorkerInput;
const counter = new Int32Array(input.counter);
for (;;) {
  const chunk = Atomics.add(counter, 0, 1);
  if (chunk >= input.chunks) break;
  const hist = new Float64Array(input.params.horizon * BINS);
  runChunk(input.params, chunk, hist);
  const out: WorkerOutput = { chunk, hist };
  parentPort?.postMessage(out, [hist.buffer]);
}
