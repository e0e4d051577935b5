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

const THAI_MONTHS = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'] as const;

/**
 * An ISO date (yyyy-mm-dd) as Thai documents write it: day, abbreviated month, Buddhist-Era year.
 *
 * @throws {CpiGapError} when the text is not an ISO date.
 * @example
 * thaiDate('2023-09-30'); // => '30 ก.ย. 2566'
 * thaiDate('2024-01-05'); // => '5 ม.ค. 2567'
 */
export function thaiDate(iso: string): string {
  const m = typeof iso === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  const month = m === null ? undefined : THAI_MONTHS[Number(m[2]) - 1];
  if (m === null || month === undefined || Number(m[3]) < 1 || Number(m[3]) > 31) fail('thaiDate', ['iso'], 'expected an ISO date (yyyy-mm-dd)', iso);
  return `${Number(m[3])} ${month} ${toBuddhistEra(Number(m[1]))}`;
}
