import { toBuddhistEra } from '../i18n/buddhistEra.js';

/**
 * Fiscal year 2023 (ปีงบประมาณ พ.ศ. ๒๕๖๖), the plan's year: 1 October 2022 to 30 September 2023,
 * ISO dates. Progress updates must fall within it, and a project whose period names no month of it
 * is due on its last day.
 *
 * @example
 * FISCAL_YEAR_2023.start; // => '2022-10-01'
 * FISCAL_YEAR_2023.yearBE; // => 2566
 */
export const FISCAL_YEAR_2023 = Object.freeze({ year: 2023, yearBE: toBuddhistEra(2023), start: '2022-10-01', end: '2023-09-30' } as const);
