import * as z from 'zod/mini';
import { parseInput } from '../../errors.js';
import type { Locale } from '../../i18n/labels.js';
import { frozen } from '../../util/freeze.js';

/**
 * The statuses an agency reports, in the order reports list them.
 *
 * @example
 * PROGRESS_STATUSES.length; // => 5
 * PROGRESS_STATUSES.map((s) => STATUS_LABELS.th[s]);
 */
export const PROGRESS_STATUSES = frozen(['not-started', 'in-progress', 'delayed', 'done', 'cancelled'] as const);
/**
 * A project's status in a progress update.
 *
 * @example
 * ProgressStatus.parse('done'); // => 'done'
 * ProgressStatus.safeParse('finished').success; // => false (statusFromLabel reads labels and variants)
 */
export const ProgressStatus = z.enum(PROGRESS_STATUSES);
export type ProgressStatus = z.infer<typeof ProgressStatus>;

/**
 * The Thai label of each status, as a report form writes it. The readers accept these, the English
 * ids, and the variants in {@link STATUS_ALIASES}.
 * @example
 * STATUS_LABELS.th.done; // => 'ดำเนินการแล้วเสร็จ'
 * STATUS_LABELS.en.delayed; // => 'Delayed'
 */
export const STATUS_LABELS = Object.freeze({
  th: Object.freeze({
    'not-started': 'ยังไม่ดำเนินการ',
    'in-progress': 'อยู่ระหว่างดำเนินการ',
    delayed: 'ล่าช้า',
    done: 'ดำเนินการแล้วเสร็จ',
    cancelled: 'ยกเลิก',
  }),
  en: Object.freeze({
    'not-started': 'Not started',
    'in-progress': 'In progress',
    delayed: 'Delayed',
    done: 'Done',
    cancelled: 'Cancelled',
  }),
} as const satisfies Record<Locale, Record<ProgressStatus, string>>);

/**
 * Every spelling of a status the readers accept, after lower-casing and removing spaces,
 * underscores and hyphens: the English ids and labels, a few English synonyms, the Thai labels
 * and a few Thai variants.
 * @example
 * Object.keys(STATUS_ALIASES).length > 0; // => true
 * statusFromLabel('Completed'); // => 'done'
 */
export const STATUS_ALIASES: Readonly<Record<string, ProgressStatus>> = Object.freeze({
  notstarted: 'not-started',
  inprogress: 'in-progress',
  ongoing: 'in-progress',
  delayed: 'delayed',
  late: 'delayed',
  done: 'done',
  complete: 'done',
  completed: 'done',
  cancelled: 'cancelled',
  canceled: 'cancelled',
  ยังไม่ดำเนินการ: 'not-started',
  ยังไม่เริ่มดำเนินการ: 'not-started',
  อยู่ระหว่างดำเนินการ: 'in-progress',
  กำลังดำเนินการ: 'in-progress',
  ล่าช้า: 'delayed',
  ดำเนินการล่าช้า: 'delayed',
  ดำเนินการแล้วเสร็จ: 'done',
  แล้วเสร็จ: 'done',
  เสร็จสิ้น: 'done',
  ดำเนินการเสร็จสิ้น: 'done',
  ยกเลิก: 'cancelled',
  ยกเลิกโครงการ: 'cancelled',
});

/**
 * The status a label stands for (English id or label, Thai label, or a variant in
 * {@link STATUS_ALIASES}; case, spaces, `_` and `-` ignored), or undefined.
 *
 * @throws {CpiGapError} when `label` is not a string.
 * @example
 * statusFromLabel('ดำเนินการแล้วเสร็จ'); // => 'done'
 * statusFromLabel('In progress'); // => 'in-progress'
 */
export function statusFromLabel(label: string): ProgressStatus | undefined {
  return statusOf(parseInput('statusFromLabel', z.string(), label, ['label']));
}

/** {@link statusFromLabel} without input validation. */
export function statusOf(label: string): ProgressStatus | undefined {
  const key = label.normalize('NFC').toLowerCase().replace(/[\s_-]+/g, '');
  return Object.prototype.hasOwnProperty.call(STATUS_ALIASES, key) ? STATUS_ALIASES[key] : undefined;
}

/**
 * Every state a project can be in as of a date, in report order: a reported status, or
 * `'no-update'`.
 *
 * @example
 * PROGRESS_STATES; // => ['not-started', 'in-progress', 'delayed', 'done', 'cancelled', 'no-update']
 */
export const PROGRESS_STATES = frozen([...PROGRESS_STATUSES, 'no-update'] as const);

/**
 * A project's state as of a date (one of {@link PROGRESS_STATES}): the zod schema, and its type.
 *
 * @example
 * const s: ProgressState = 'no-update';
 * STATE_LABELS.en[s]; // => 'No update'
 * ProgressState.safeParse('late').success; // => false
 */
export const ProgressState = z.enum(PROGRESS_STATES);
export type ProgressState = z.infer<typeof ProgressState>;

/**
 * Labels of the states, with `'no-update'`, in Thai and English.
 *
 * @example
 * STATE_LABELS.th['no-update']; // => 'ไม่มีรายงาน'
 */
export const STATE_LABELS: Readonly<Record<Locale, Readonly<Record<ProgressState, string>>>> = Object.freeze({
  th: Object.freeze({ ...STATUS_LABELS.th, 'no-update': 'ไม่มีรายงาน' }),
  en: Object.freeze({ ...STATUS_LABELS.en, 'no-update': 'No update' }),
});
