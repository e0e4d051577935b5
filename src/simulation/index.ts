/**
 * cpi-gap/simulation: Monte Carlo projections of a country's CPI (random walk, bootstrap,
 * correlated normal, with or without a scenario's planned uplifts). Node's worker threads load
 * only when a run uses more than one thread.
 *
 * @packageDocumentation
 * @module cpi-gap/simulation
 */
export { SimulationModel, DEFAULT_MODEL, DEFAULT_SEED, DEFAULT_PATHS, DEFAULT_HORIZON } from './defaults.js';
export {
  simulate,
  SimulateOptions,
  PlannedUplift,
  THREADS_THRESHOLD,
  GENERATOR,
  type SimulationResult,
  type SimulationProgress,
  type SimulationUplift,
} from './simulate.js';
export { modelParameters, ModelOptions, type ModelParameters, type SourceParameters } from './modelParameters.js';
export { SimulationYear, ScoreQuantiles, RankProbability } from './records.js';
export { CHUNK_PATHS } from './kernel.js';
