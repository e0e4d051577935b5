import { getEventListeners } from 'node:events';
import { createRequire } from 'node:module';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { thailand } from '../dataset/thailand.js';
import { BINS, CHUNK_PATHS, type KernelParams } from './kernel.js';
import { modelParameters, type ModelParameters } from './modelParameters.js';
import { lastRun, runChunks, workerScript, type RunControl, type WorkerStart } from './runChunks.js';
import { kernelParams } from './simulate.js';

const noop = (): void => undefined;
const PATHS = 40_000; // three chunks: 16,384 + 16,384 + 7,232
/** The kernel of the runs, built inside each test (built at load, it would count as every test's code). */
let built: KernelParams | undefined;
let params: ModelParameters | undefined;
beforeAll(async () => {
  params = await modelParameters(thailand, { extraDrift: 1 });
});
const kernel = (): KernelParams => {
  if (params === undefined) throw new Error('modelParameters has not resolved');
  return (built ??= kernelParams(params, null, PATHS, 2, 7));
};

/** The histogram of a plain single-thread run, to compare the other runs with. */
async function alone(): Promise<number[]> {
  return Array.from(await runChunks(kernel(), { threads: 1, progress: noop, check: noop }));
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('workerScript', () => {
  it('starts dist/simulation-worker.js beside the ESM bundle and .cjs beside the CJS one', async () => {
    const esm = await workerScript(new URL('file:///app/node_modules/cpi-gap/dist/simulation.js'), () => 'unused');
    expect(esm).toEqual({ script: new URL('file:///app/node_modules/cpi-gap/dist/simulation-worker.js'), options: {} });
    const cjs = await workerScript(new URL('file:///app/node_modules/cpi-gap/dist/chunk-AB12.cjs'), () => 'unused');
    expect(cjs).toEqual({ script: new URL('file:///app/node_modules/cpi-gap/dist/simulation-worker.cjs'), options: {} });
  });

  it("from source, evals a script that registers tsx's hook and requires worker.ts beside the module", async () => {
    const start = await workerScript(new URL('file:///repo/src/simulation/runChunks.ts'), () => '/repo/node_modules/tsx/dist/cjs/api/index.cjs');
    expect(start).toEqual({
      script: 'require("/repo/node_modules/tsx/dist/cjs/api/index.cjs").register(); require("/repo/src/simulation/worker.ts");',
      options: { eval: true, execArgv: [] },
    });
  });

  it('rejects when tsx cannot be resolved (runChunks then runs every chunk itself)', async () => {
    const missing = (): string => createRequire(import.meta.url).resolve('no-such-package-cpi-gap');
    await expect(workerScript(new URL(import.meta.url), missing)).rejects.toThrow(/no-such-package-cpi-gap/);
  });
});

describe('runChunks: the calling thread', () => {
  it('yields through setTimeout where setImmediate is missing (a browser), with the same histogram', async () => {
    const expected = await alone();
    vi.stubGlobal('setImmediate', undefined);
    const timeout = vi.spyOn(globalThis, 'setTimeout');
    const done: number[] = [];
    const hist = await runChunks(kernel(), { threads: 1, progress: (d) => done.push(d), check: noop });
    // A pause between chunks, none after the last: 3 chunks, 2 pauses.
    expect(timeout.mock.calls.filter((c) => c[1] === 0)).toHaveLength(2);
    expect(Array.from(hist)).toEqual(expected);
    expect(done).toEqual([CHUNK_PATHS, 2 * CHUNK_PATHS, PATHS]);
  });
});

describe('runChunks: worker threads', () => {
  it('yields through setImmediate where there is one (no 0 ms timers)', async () => {
    const timeout = vi.spyOn(globalThis, 'setTimeout');
    const immediate = vi.spyOn(globalThis, 'setImmediate');
    await runChunks(kernel(), { threads: 1, progress: noop, check: noop });
    expect(immediate).toHaveBeenCalledTimes(2);
    expect(timeout.mock.calls.filter((c) => c[1] === 0)).toHaveLength(0);
  });

  it('starts no worker for a single chunk, whatever the threads', async () => {
    const one = kernelParams(await modelParameters(thailand), null, CHUNK_PATHS, 1, 3);
    const done: number[] = [];
    await runChunks(one, { threads: 4, progress: (d) => done.push(d), check: noop, callerWorks: false });
    // With a worker and callerWorks false, the worker would have run it.
    expect(lastRun.workerChunks).toBe(0);
    expect(done).toEqual([CHUNK_PATHS]);
  });

  it('keeps the calling thread working beside its workers: it takes chunk 0 before any worker has started', async () => {
    const ten = kernelParams(await modelParameters(thailand), null, 10 * CHUNK_PATHS, 1, 3);
    const hist = await runChunks(ten, { threads: 2, progress: noop, check: noop });
    expect(lastRun.workerChunks).toBeLessThan(10);
    expect(hist.reduce((a, b) => a + b, 0)).toBe(10 * CHUNK_PATHS);
  });

  it('runs every chunk itself when the worker script cannot be found (tsx missing from a checkout)', async () => {
    const expected = await alone();
    const missing = (): Promise<WorkerStart> => Promise.reject(new Error('Cannot find module tsx/cjs/api'));
    const hist = await runChunks(kernel(), { threads: 2, progress: noop, check: noop, callerWorks: false, workerStart: missing });
    expect(lastRun.workerChunks).toBe(0);
    expect(Array.from(hist)).toEqual(expected);
  });
});

describe('runChunks: failing workers', () => {
  /** Start workers from eval'd CommonJS code. */
  const evalWorker = (code: string): (() => Promise<WorkerStart>) => () => Promise.resolve({ script: code, options: { eval: true, execArgv: [] } });

  it('redoes the chunk a worker took but never finished, counting every path once', async () => {
    const expected = await alone();
    // Takes chunk 0 from the shared counter, then stops without posting it.
    const quitter = evalWorker("const { workerData } = require('node:worker_threads'); Atomics.add(new Int32Array(workerData.counter), 0, 1); process.exit(3);");
    const done: number[] = [];
    const signal = new AbortController().signal;
    const hist = await runChunks(kernel(), { threads: 2, progress: (d) => done.push(d), check: noop, callerWorks: false, workerStart: quitter, signal });
    // The wait for the workers listened to the signal, and stopped listening after.
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
    expect(lastRun.workerChunks).toBe(0);
    expect(Array.from(hist)).toEqual(expected);
    // Every chunk was added once, in order, by the calling thread.
    expect(done).toEqual([CHUNK_PATHS, 2 * CHUNK_PATHS, PATHS]);
    for (let y = 0; y < 2; y += 1) expect(hist.subarray(y * BINS, (y + 1) * BINS).reduce((a, b) => a + b, 0)).toBe(PATHS);
  });

  it('runs every chunk on the calling thread when a worker throws as it starts', async () => {
    const expected = await alone();
    const hist = await runChunks(kernel(), { threads: 3, progress: noop, check: noop, workerStart: evalWorker("throw new Error('cannot start');") });
    expect(lastRun.workerChunks).toBe(0);
    expect(Array.from(hist)).toEqual(expected);
  });

  // Takes chunk 0 from the shared counter, then spins until terminated.
  const stuck = evalWorker("const { workerData } = require('node:worker_threads'); Atomics.add(new Int32Array(workerData.counter), 0, 1); for (;;) {}");

  it('wakes on abort while waiting for a stuck worker, rejects with what check throws, and lets go of the signal', async () => {
    const controller = new AbortController();
    const reason = new Error('stopped by the caller');
    const check = (): void => {
      if (controller.signal.aborted) throw reason;
    };
    setTimeout(() => { controller.abort(); }, 50);
    await expect(runChunks(kernel(), { threads: 2, progress: noop, check, callerWorks: false, workerStart: stuck, signal: controller.signal })).rejects.toBe(reason);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('after a wake that check lets pass, stops the workers and redoes their chunks itself', async () => {
    const expected = await alone();
    const controller = new AbortController();
    setTimeout(() => { controller.abort(); }, 50);
    const done: number[] = [];
    const hist = await runChunks(kernel(), { threads: 2, progress: (d) => done.push(d), check: noop, callerWorks: false, workerStart: stuck, signal: controller.signal });
    expect(Array.from(hist)).toEqual(expected);
    expect(done).toEqual([CHUNK_PATHS, 2 * CHUNK_PATHS, PATHS]);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('rethrows on the calling thread what the progress callback threw for a worker’s chunk', async () => {
    // A worker that posts one empty chunk (chunk 0), then stops.
    const poster = evalWorker(
      "const { parentPort, workerData } = require('node:worker_threads'); const chunk = Atomics.add(new Int32Array(workerData.counter), 0, 1); parentPort.postMessage({ chunk, hist: new Float64Array(workerData.params.horizon * 101) });",
    );
    const boom = new Error('progress failed');
    const control = (thrown: unknown): RunControl => ({ threads: 2, check: noop, callerWorks: false, workerStart: poster, progress: () => { throw thrown; } });
    await expect(runChunks(kernel(), control(boom))).rejects.toBe(boom);
    expect(lastRun.workerChunks).toBe(1);
    // Something thrown that is not an Error comes back as one, with its text.
    await expect(runChunks(kernel(), control('plain text'))).rejects.toThrow(new Error('plain text'));
  });
});
