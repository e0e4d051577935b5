import { fail } from '../errors.js';

/**
 * Years between the Common Era and the Buddhist Era as Thailand counts it (B.E. = CE + 543).
 *
 * @example
 * 2023 + BUDDHIST_ERA_OFFSET; // => 2566
 */
export const BUDDHIST_ERA_OFFSET = 543;

/**
 * Convert a Common Era year to the Buddhist Era used in Thai documents.
 *
 * @throws {CpiGapError} when the year is not an integer.
 * @example
 * toBuddhistEra(2023); // => 2566
 */
export function toBuddhistEra(year: number): number {
  if (!Number.isInteger(year)) fail('toBuddhistEra', ['year'], 'expected an integer year', year);
  return year + BUDDHIST_ERA_OFFSET;
}

/**
 * Convert a Buddhist Era year back to the Common Era.
 *
 * @throws {CpiGapError} when the year is not an integer.
 * @example
 * fromBuddhistEra(2566); // => 2023
 */
export function fromBuddhistEra(year: number): number {
  if (!Number.isInteger(year)) fail('fromBuddhistEra', ['year'], 'expected an integer year', year);
  return year - BUDDHIST_ERA_OFFSET;
}
