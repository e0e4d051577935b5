import * as z from 'zod/mini';
import { fail, parseInput } from '../errors.js';
import type { DeepReadonly } from '../util/freeze.js';
import { listOf } from '../util/limits.js';
import { ScenarioSpec } from './scenarioSpec.js';

/**
 * Combine scenario specs into one: their changes in the order given (so a later `set` in the same
 * year wins), the latest `until`, the names joined with " + ". Specs that name different base
 * years cannot be combined. The inputs are not modified.
 *
 * @throws {CpiGapError} when no spec is given, a spec is invalid, or two specs name different base years.
 * @example
 * composeScenarios(
 *   { name: 'WS1', baseYear: 2025, changes: [{ kind: 'lever', workstream: 1, year: 2026, uplift: 5 }] },
 *   { name: 'V-Dem', until: 2027, changes: [{ kind: 'gain', source: 'VDEM', from: 2026, gain: 1 }] },
 * );
 * // => { name: 'WS1 + V-Dem', baseYear: 2025, until: 2027, changes: [ ...both ] }
 */
export function composeScenarios(...specs: DeepReadonly<ScenarioSpec>[]): ScenarioSpec {
  const parsed = parseInput('composeScenarios', listOf(ScenarioSpec, 100).check(z.minLength(1, 'expected at least one scenario spec')), specs, ['specs']);
  const baseYears = [...new Set(parsed.flatMap((s) => (s.baseYear === undefined ? [] : [s.baseYear])))];
  if (baseYears.length > 1) {
    const i = parsed.findIndex((s) => s.baseYear !== undefined && s.baseYear !== baseYears[0]);
    fail('composeScenarios', ['specs', i, 'baseYear'], `expected the same base year as the other specs (${baseYears[0]})`, baseYears[1], 'inconsistent');
  }
  const untils = parsed.flatMap((s) => (s.until === undefined ? [] : [s.until]));
  const names = parsed.flatMap((s) => (s.name === undefined ? [] : [s.name]));
  const out: ScenarioSpec = { changes: parsed.flatMap((s) => s.changes) };
  if (names.length > 0) out.name = names.join(' + ');
  if (baseYears[0] !== undefined) out.baseYear = baseYears[0];
  if (untils.length > 0) out.until = untils.reduce((a, b) => Math.max(a, b));
  return out;
}
