/**
 * Thai dates as Thai documents write them: month names and their abbreviations, Buddhist-Era years
 * (four digits, or two in tables: `๖๖` for 2566), and day/month/year dates, read (results are ISO
 * dates in the Common Era) and written (`thaiDate`). Years are converted with `fromBuddhistEra` and
 * `toBuddhistEra`. The plan's progress forms (`parseReportDate`) and project periods
 * (`deadlineOfPeriod`) read dates through it; reports and charts write them with `thaiDate`.
 */
import { fail } from '../errors.js';
import { fromBuddhistEra, toBuddhistEra } from './buddhistEra.js';
import { fromThaiDigits } from './thaiNumber.js';

/** The twelve months, in order: each with its abbreviation and its full name. */
const THAI_MONTHS: readonly (readonly [abbreviation: string, name: string])[] = [
  ['ม.ค.', 'มกราคม'],
  ['ก.พ.', 'กุมภาพันธ์'],
  ['มี.ค.', 'มีนาคม'],
  ['เม.ย.', 'เมษายน'],
  ['พ.ค.', 'พฤษภาคม'],
  ['มิ.ย.', 'มิถุนายน'],
  ['ก.ค.', 'กรกฎาคม'],
  ['ส.ค.', 'สิงหาคม'],
  ['ก.ย.', 'กันยายน'],
  ['ต.ค.', 'ตุลาคม'],
  ['พ.ย.', 'พฤศจิกายน'],
  ['ธ.ค.', 'ธันวาคม'],
];

const escape = (s: string): string => s.replace(/\./g, '\\.');

/**
 * A regular expression source matching a Thai month name or abbreviation (one capture group). The
 * longest spellings come first, and a bare abbreviation must not run on into another one (ก.พ.ร.).
 *
 * @example
 * new RegExp(THAI_MONTH_PATTERN).exec('๑๕ ก.ย. ๖๖')?.[1]; // => 'ก.ย.'
 */
export const THAI_MONTH_PATTERN = `(${THAI_MONTHS.flat()
  .sort((a, b) => b.length - a.length)
  .map((n) => (n.endsWith('.') ? `${escape(n)}(?![ก-ฮ]\\.)` : n))
  .join('|')})`;

/**
 * Month number (1-12) of a Thai month name or abbreviation, as written, or 0 when `name` is not one.
 *
 * @example
 * thaiMonth('ก.ย.'); // => 9
 * thaiMonth('กันยายน'); // => 9
 * thaiMonth('ก.พ.ร.'); // => 0
 */
export function thaiMonth(name: string): number {
  return THAI_MONTHS.findIndex((spellings) => spellings.includes(name)) + 1;
}

/**
 * The Common-Era year of a Buddhist-Era year as a Thai table writes it: four digits (`2566`), or the
 * last two (`66`, read as 2566).
 *
 * @example
 * yearOfBuddhistEra('66'); // => 2023
 * yearOfBuddhistEra('2565'); // => 2022
 */
export function yearOfBuddhistEra(digits: string): number {
  return fromBuddhistEra(Number(digits) + (digits.length === 2 ? 2500 : 0));
}

/** A four-digit year of 2400 or more is Buddhist Era; below that, Common Era. */
function commonEraYear(year: number): number {
  return year >= 2400 ? fromBuddhistEra(year) : year;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The ISO date (yyyy-mm-dd) of a day, or undefined when the month or the day does not exist (`31/02`). */
function isoDate(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The ISO date of the last day of a month.
 *
 * @example
 * lastDayOfMonth(2024, 2); // => '2024-02-29'
 */
export function lastDayOfMonth(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(daysIn(year, month)).padStart(2, '0')}`;
}

/**
 * Read a date as a Thai form writes it, as an ISO date (Common Era), or undefined when it is not one
 * of the accepted forms. Thai digits are read as digits. Accepted: ISO `2023-01-15`; day/month/year
 * with slashes, day first (`15/01/2566`, `15/1/2023`); day, Thai month and year (`15 ม.ค. 2566`,
 * `๑๕ มกราคม พ.ศ. ๒๕๖๖`). A four-digit year of 2400 or more is Buddhist Era; a smaller one Common
 * Era. Two-digit years, month/day order and impossible dates are not accepted.
 *
 * @example
 * parseThaiDate('๑๕ ม.ค. ๒๕๖๖'); // => '2023-01-15'
 * parseThaiDate('01/15/2023'); // => undefined
 */
export function parseThaiDate(text: string): string | undefined {
  const s = fromThaiDigits(text.normalize('NFC')).trim().replace(/\s+/g, ' ');
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return isoDate(commonEraYear(Number(m[1])), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (m) return isoDate(commonEraYear(Number(m[3])), Number(m[2]), Number(m[1]));
  m = new RegExp(`^(\\d{1,2}) ?${THAI_MONTH_PATTERN} ?(?:พ\\.ศ\\. ?)?(\\d{4})$`).exec(s);
  // Group 2 is a month name THAI_MONTH_PATTERN matched, so thaiMonth knows it.
  if (m) return isoDate(commonEraYear(Number(m[3])), thaiMonth(String(m[2])), Number(m[1]));
  return undefined;
}

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
  const month = m === null ? undefined : THAI_MONTHS[Number(m[2]) - 1]?.[0];
  if (m === null || month === undefined || Number(m[3]) < 1 || Number(m[3]) > 31) fail('thaiDate', ['iso'], 'expected an ISO date (yyyy-mm-dd)', iso);
  return `${Number(m[3])} ${month} ${toBuddhistEra(Number(m[1]))}`;
}
