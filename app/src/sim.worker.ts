// The simulation's Web Worker: the page never freezes while cpi-gap/simulation runs. It rebuilds the
// dataset from plain data (createDataset) and runs `simulate` on this one thread, with its default
// model (the world model) and, given a target rank, ranks with every country of the edition moving.
import { createDataset, type Dataset, type DatasetInput } from '../../src/dataset/index.js';
import { simulate, type SimulationResult } from '../../src/simulation/index.js';
import type { ScenarioSpec } from '../../src/index.js';

/** What the page asks for. */
export interface SimRequest {
  readonly id: number;
  /** The dataset without its derived `years` (a structured clone of the page's). */
  readonly dataset: Omit<Dataset, 'years'>;
  readonly baseYear: number;
  readonly horizon: number;
  readonly paths: number;
  readonly target: number;
  /** The target ranks (empty: none), counted with every country moving. */
  readonly ranks: readonly number[];
  readonly scenario: ScenarioSpec;
}

export type SimResponse = { readonly id: number; readonly result: SimulationResult } | { readonly id: number; readonly error: string };

addEventListener('message', (event: MessageEvent<SimRequest>) => {
  const r = event.data;
  const run = async (): Promise<SimResponse> => {
    try {
      // The clone is the page's own dataset's data, which createDataset checks again.
      const dataset = createDataset(r.dataset as DatasetInput);
      const result = await simulate(dataset, {
        baseYear: r.baseYear,
        horizon: r.horizon,
        paths: r.paths,
        threads: 1,
        target: r.target,
        ...(r.ranks.length > 0 ? { ranks: [...r.ranks] } : {}),
        scenario: r.scenario,
      });
      return { id: r.id, result };
    } catch (e) {
      return { id: r.id, error: e instanceof Error ? e.message : String(e) };
    }
  };
  void run().then((response) => {
    postMessage(response);
  });
});
