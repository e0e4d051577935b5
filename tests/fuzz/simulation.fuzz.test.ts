/** Fuzz every function exported by `cpi-gap/simulation`. */
import { thailand } from '../../src/index.js';
import * as simulation from '../../src/simulation/index.js';
import { fuzzEntry } from './harness.js';

fuzzEntry('cpi-gap/simulation', simulation, {
  modelParameters: { args: () => [thailand, { model: 'bootstrap' }] },
  describeBacktest: { args: () => ['world', 1, 'th'] },
  // Few paths keep each run short; the fuzzer still reaches every option with hostile values.
  simulate: { args: () => [thailand, { paths: 500, horizon: 3, extraDrift: 2, model: 'correlated' }], runs: 80 },
});
