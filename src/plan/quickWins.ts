import * as z from 'zod/mini';
import { parseInput } from '../errors.js';
import { plan } from './plan.js';
import type { Provenance } from '../dataset/schema.js';
import type { AgencyRef } from './schema.js';

/**
 * A quick win with its lead agencies and, for quick win 5, the laws it lists.
 *
 * @example
 * import type { QuickWinRecord } from 'cpi-gap/plan';
 * const eec: QuickWinRecord | undefined = quickWins({ number: 1 })[0];
 * eec?.title; // => 'การดำเนินการเสริมสร้างความโปร่งใสในพื้นที่เศรษฐกิจพิเศษภาคตะวันออก (EEC)'
 * eec?.leads.map((a) => a.name); // => ['สำนักงานคณะกรรมการนโยบายเขตพัฒนาพิเศษภาคตะวันออก', 'สำนักงาน ก.พ.ร.']
 */
export interface QuickWinRecord {
  readonly number: number;
  readonly title: string;
  readonly text: string;
  readonly leads: readonly AgencyRef[];
  readonly laws: readonly { readonly name: string; readonly agency: AgencyRef; readonly origin: Provenance }[];
  readonly origin: Provenance;
}

/**
 * Options of {@link quickWins}.
 *
 * @example
 * QuickWinsOptions.safeParse({ number: 6 }).success; // => false (there are five)
 * quickWins(QuickWinsOptions.parse({ number: 2 }))[0]?.title.endsWith('(Open Government Partnership : OGP)'); // => true
 */
export const QuickWinsOptions = z.optional(z.strictObject({
  /** Only this quick win (1-5). Default: all five. */
  number: z.optional(z.int().check(z.minimum(1), z.maximum(5))),
}));
export type QuickWinsOptions = z.input<typeof QuickWinsOptions>;

/**
 * The five quick wins (ประเด็นสำคัญเร่งด่วน) of FY2023 with their lead agencies; quick win 5
 * carries the six laws it lists, each with the agency in charge of it. Quick win 5 names no lead
 * agency of its own.
 *
 * @throws {CpiGapError} on an unknown option or a number outside 1..5.
 * @example
 * quickWins({ number: 5 })[0]?.laws.length; // => 6
 */
export function quickWins(options?: QuickWinsOptions): QuickWinRecord[] {
  const { number } = parseInput('quickWins', QuickWinsOptions, options, ['options']) ?? {};
  return plan.quickWins
    .filter((q) => number === undefined || q.number === number)
    .map((q) => ({
      number: q.number,
      title: q.title,
      text: q.text,
      leads: q.leads,
      laws: plan.laws.filter((l) => l.quickWin === q.number).map((l) => ({ name: l.name, agency: l.agency, origin: l.origin })),
      origin: q.origin,
    }));
}
