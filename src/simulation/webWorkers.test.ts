import { beforeAll, describe, expect, it } from 'vitest';
import { thailand } from '../dataset/thailand.js';
import { BINS, chunkCount, runChunk, type KernelParams } from './kernel.js';
import { modelParameters, type ModelParameters } from './modelParameters.js';
import { runChunks } from './runChunks.js';
import { kernelParams } from './simulate.js';
import { browserWorkerScript, startWebWorker, webWorkerConstructor, type BrowserWorkerInput } from './webWorkers.js';
import type { WorkerOutput } from './worker.js';

/**
 * The Web Worker protocol, run in Node with a stand-in for the browser's Worker that does what
 * browserWorker.ts does (runChunk on the message's chunk, post the histogram) on a later turn. The
 * real thing runs in headless Chromium in tests/browser/simulation.test.ts.
 */
type Listener = (event: { readonly data?: unknown }) => void;

function fakeWorker(failOn: number | null) {
  const started: FakeWorker[] = [];
  class FakeWorker {
    params: KernelParams | undefined;
    terminated = false;
    readonly listeners = new Map<string, Listener>();
    constructor(readonly script: URL | string, readonly options: { readonly type: 'module' }) {
      started.push(this);
    }
    addEventListener(type: 'message' | 'error', listener: Listener): void {
      this.listeners.set(type, listener);
    }
    terminate(): void {
      this.terminated = true;
    }
    postMessage(message: BrowserWorkerInput): void {
      this.params = message.params ?? this.params;
      const params = this.params;
      setTimeout(() => {
        if (this.terminated || params === undefined) return;
        if (message.chunk === failOn) {
          this.listeners.get('error')?.({});
          return;
        }
        const hist = new Float64Array(params.horizon * BINS);
        runChunk(params, message.chunk, hist);
        const out: WorkerOutput = { chunk: message.chunk, hist };
        this.listeners.get('message')?.({ data: out });
      }, 0);
    }
  }
  return { FakeWorker, started };
}

let model: ModelParameters | undefined;
beforeAll(async () => {
  model = await modelParameters(thailand, { extraDrift: 1 });
});
const params = (): KernelParams => {
  if (model === undefined) throw new Error('modelParameters has not resolved');
  return kernelParams(model, null, 50_000, 3, 11);
};

describe('Web Workers (the browser path of runChunks)', () => {
  it('is not chosen in Node, which has worker_threads; the script sits beside the module', () => {
    expect(webWorkerConstructor()).toBeUndefined();
    expect(browserWorkerScript().href).toMatch(/\/simulation-browser-worker\.js$/);
  });

  it('hands out every chunk once, by message, and ends when none is left', async () => {
    const { FakeWorker, started } = fakeWorker(null);
    const p = params();
    let counter = 0;
    const seen: number[] = [];
    const worker = startWebWorker(FakeWorker, 'w.js', { params: p, chunks: chunkCount(p.paths), next: () => counter++, onChunk: (out) => seen.push(out.chunk) });
    await worker?.exited;
    expect(seen).toEqual([0, 1, 2, 3]);
    expect(started).toHaveLength(1);
    expect(started[0]?.options).toEqual({ type: 'module' });
    expect(started[0]?.terminated).toBe(true);
  });

  it('starts no worker when no chunk is left', () => {
    const { FakeWorker, started } = fakeWorker(null);
    expect(startWebWorker(FakeWorker, 'w.js', { params: params(), chunks: 4, next: () => 4, onChunk: () => undefined })).toBeNull();
    expect(started).toHaveLength(0);
  });

  it('ends a worker that fails, leaving its chunk unfinished; stop ends one at once', async () => {
    const { FakeWorker } = fakeWorker(1);
    let counter = 0;
    const seen: number[] = [];
    const worker = startWebWorker(FakeWorker, 'w.js', { params: params(), chunks: 4, next: () => counter++, onChunk: (out) => seen.push(out.chunk) });
    await worker?.exited;
    expect(seen).toEqual([0]);
    const other = startWebWorker(FakeWorker, 'w.js', { params: params(), chunks: 4, next: () => 0, onChunk: () => undefined });
    await other?.stop();
    await expect(other?.exited).resolves.toBeUndefined();
  });

  it('runChunks with the stand-in as the page’s Worker gives the one-thread histogram', async () => {
    const { FakeWorker, started } = fakeWorker(null);
    const p = params();
    const noop = (): void => undefined;
    const alone = Array.from(await runChunks(p, { threads: 1, progress: noop, check: noop }));
    const versions = process.versions;
    Object.defineProperty(process, 'versions', { value: { ...versions, node: undefined }, configurable: true });
    (globalThis as { Worker?: unknown }).Worker = FakeWorker;
    try {
      const hist = await runChunks(p, { threads: 2, progress: noop, check: noop, callerWorks: false });
      expect(Array.from(hist)).toEqual(alone);
      expect(started.length).toBe(1);
    } finally {
      Object.defineProperty(process, 'versions', { value: versions, configurable: true });
      delete (globalThis as { Worker?: unknown }).Worker;
    }
  });
});
