import { assertDataset, type Dataset } from '../dataset/createDataset.js';
import type { DeepReadonly } from '../util/freeze.js';
import type { SourceId } from '../dataset/sourceCatalog.js';
import { plannedUplifts, planScenario, type ScenarioSpec } from './scenarioSpec.js';

/**
 * The planned uplift of one source in one year, relative to the no-change path.
 *
 * @example
 * const u: ScenarioUplift[] = scenarioUplifts(thailand, { baseYear: 2025, until: 2026, changes: [{ kind: 'lever', workstream: 1, year: 2026, uplift: 3 }] });
 * u.filter((x) => x.uplift > 0).map((x) => x.source); // => ['IMD', 'WEF', 'GI', 'PRS']
 */
export interface ScenarioUplift {
  readonly year: number;
  readonly source: SourceId;
  /** Planned value minus the base-year value, before any clipping (0 where nothing is planned). */
  readonly uplift: number;
}

/**
 * For a scenario spec, the planned uplift of every source in every year after the base year,
 * relative to the no-change path (the base-year score held constant): rows in year order, then
 * dataset source order. These are the spec's own changes, unclipped: a simulation adds them to its
 * simulated paths and clips to 0..100 itself. A `set` change appears as the difference between the
 * set value and the base-year value, so on a simulated path it shifts rather than pins the score.
 *
 * @throws {CpiGapError} for an invalid spec (as {@link scenario}).
 * @example
 * scenarioUplifts(thailand, {
 *   baseYear: 2025,
 *   changes: [{ kind: 'lever-gain', workstream: 3, from: 2026, to: 2027, gain: 2 }],
 * }).filter((u) => u.source === 'EIU');
 * // => [{ year: 2026, source: 'EIU', uplift: 2 }, { year: 2027, source: 'EIU', uplift: 4 }]
 */
export function scenarioUplifts(dataset: Dataset, spec: DeepReadonly<ScenarioSpec>): ScenarioUplift[] {
  assertDataset('scenarioUplifts', dataset);
  const plan = planScenario('scenarioUplifts', dataset, spec);
  return plannedUplifts(plan).flatMap(({ year, values }) => values.map(({ source, uplift }) => ({ year, source, uplift })));
}
