export { parseThaiNumber, formatThaiNumber, fromThaiDigits, toThaiDigits, type FormatNumberOptions } from './thaiNumber.js';
export { toBuddhistEra, fromBuddhistEra, BUDDHIST_ERA_OFFSET } from './buddhistEra.js';
export { thaiDate } from './thaiDate.js';
export { sourceLabel, sourceAbbreviation, defaultEra, workstreamLabel, yearLabel, MESSAGES, LOCALES, Locale, ERAS, Era, DIGITS, Digits, DEFAULT_LOCALE, PLAN_TITLE } from './labels.js';
