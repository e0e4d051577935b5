import { z } from 'zod';
import type { Locale } from '../../i18n/labels.js';

/**
 * The statuses an agency reports, in the order reports list them.
 *
 * @example
 * PROGRESS_STATUSES.length; // => 5
 * PROGRESS_STATUSES.map((s) => STATUS_LABELS.th[s]);
 */
export const PROGRESS_STATUSES = ['not-started', 'in-progress', 'delayed', 'done', 'cancelled'] as const;
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
} as const satisfies Record<'th' | 'en', Record<ProgressStatus, string>>);

/**
 * A project's status as of a date: a reported status, or `'no-update'`.
 *
 * @example
 * const s: ProgressState = 'no-update';
 * STATE_LABELS.en[s]; // => 'No update'
 */
export type ProgressState = ProgressStatus | 'no-update';
/**
 * Every state, in report order.
 *
 * @example
 * PROGRESS_STATES; // => ['not-started', 'in-progress', 'delayed', 'done', 'cancelled', 'no-update']
 */
export const PROGRESS_STATES = [...PROGRESS_STATUSES, 'no-update'] as const satisfies readonly ProgressState[];

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
