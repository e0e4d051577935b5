/**
 * Years are given in the Common Era; a year that looks like a Buddhist-Era one gets a hint in the
 * error message (internal), and the command line reads it as one (2565 = 2022).
 */

/** The first year read as a Buddhist-Era year where a Common-Era one is expected (2400 B.E. = 1857 CE). */
export const BUDDHIST_ERA_FROM = 2400;

/**
 * A hint for a year that looks like a Buddhist-Era one (>= {@link BUDDHIST_ERA_FROM}): years are
 * given in the Common Era, B.E. - 543; '' for any other year.
 * @example
 * buddhistEraHint(2565); // => '; 2565 looks like a Buddhist-Era year: give years in the Common Era (2565 B.E. = 2022)'
 * buddhistEraHint(2022); // => ''
 */
export function buddhistEraHint(year: unknown): string {
  return typeof year === 'number' && Number.isInteger(year) && year >= BUDDHIST_ERA_FROM ? `; ${year} looks like a Buddhist-Era year: give years in the Common Era (${year} B.E. = ${year - 543})` : '';
}
