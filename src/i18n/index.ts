export { parseThaiNumber, formatThaiNumber, fromThaiDigits, toThaiDigits, type FormatNumberOptions } from './thaiNumber.js';
export { toBuddhistEra, fromBuddhistEra, thaiDate, BUDDHIST_ERA_OFFSET } from './buddhistEra.js';
export { sourceLabel, sourceAbbreviation, defaultEra, workstreamLabel, yearLabel, MESSAGES, LOCALES, type Locale, type Era } from './labels.js';
