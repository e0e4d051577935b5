// The page's side of the simulation worker: one worker, the latest request wins (a slider that moves
// again before a run ends drops the older answer).
import type { SimulationResult } from '../../src/simulation/index.js';
import SimWorker from './sim.worker.ts?worker&inline';
import type { SimRequest, SimResponse } from './sim.worker.js';

let worker: Worker | null = null;
let last = 0;
const waiting = new Map<number, (r: SimulationResult | Error | null) => void>();

function start(): Worker {
  const w = new SimWorker();
  w.addEventListener('message', (event: MessageEvent<SimResponse>) => {
    const r = event.data;
    const done = waiting.get(r.id);
    waiting.delete(r.id);
    // An older run's answer: its caller was already told it was superseded.
    if (done === undefined) return;
    done('error' in r ? new Error(r.error) : r.result);
  });
  return w;
}

/** Run a simulation in the worker; resolves null when a newer request superseded it. */
export function simulateInWorker(request: Omit<SimRequest, 'id'>): Promise<SimulationResult | Error | null> {
  worker ??= start();
  last += 1;
  const id = last;
  for (const [older, resolve] of waiting) {
    waiting.delete(older);
    resolve(null);
  }
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    worker?.postMessage({ ...request, id });
  });
}
