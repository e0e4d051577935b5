import * as z from 'zod/mini';
import { Provenance } from '../dataset/schema.js';
import { frozen } from '../util/freeze.js';

/**
 * What a flag on a project says about how the seed prints it. Every flagged project also carries a
 * `note` in plain words.
 *
 * - `split-across-pages`: the project's name was cut by a page break and joined again.
 * - `split-row`: the name continues on a second row of the same page.
 * - `sub-activity-rows`: numbered sub-activities of the project (`๑)`, `๒.)` …) are printed in the
 *   project column as rows of their own; they are in `subActivities` (never empty with this flag),
 *   not counted as projects.
 * - `method-step-rows`: numbered steps of the method are printed as rows of their own with their
 *   own period and budget; they are the `budgetLines` that carry a `label`.
 * - `cells-shifted`: text of one column was printed in another one; moved back.
 * - `budget-digit-missing`: the printed amount lacks a digit; the reading used is in the note.
 * - `budget-summed`: several amounts are printed on the project's rows; `budget` is their sum.
 * - `includes-prior-year`: part of the printed budget is dated fiscal year 2022 (B.E. 2565), the
 *   year before the plan's; `budget` keeps the printed sum, the note gives the FY2023 part.
 * - `amount-per-meeting`: the amount is per meeting (ครั้ง), the number of meetings is not stated.
 * - `identical-budget`: another project of the same agency and measure prints the same amount.
 * - `listed-under-several-measures`: the same project is printed under several measures
 *   (see `sameAs`).
 * - `possible-duplicate`: looks like the same activity as other records, but they are not printed
 *   identically; kept apart and counted (the note names the others).
 * - `same-name-in-measure`: two rows of one measure print the same name with different methods.
 * - `kpi-repeats-method`: the KPI cell repeats the method's text; no KPI of its own is printed.
 *
 * @example
 * PLAN_FLAGS.length; // => 14
 * findProjects({ flag: 'includes-prior-year' }).map((p) => p.id); // => ['ws1-m2.2-p7']
 */
export const PLAN_FLAGS = frozen([
  'split-across-pages',
  'split-row',
  'sub-activity-rows',
  'method-step-rows',
  'cells-shifted',
  'budget-digit-missing',
  'budget-summed',
  'includes-prior-year',
  'amount-per-meeting',
  'identical-budget',
  'listed-under-several-measures',
  'possible-duplicate',
  'same-name-in-measure',
  'kpi-repeats-method',
] as const);
/**
 * A flag of {@link PLAN_FLAGS} (zod enum), e.g. to validate a filter read from a command line.
 *
 * @example
 * PlanFlag.safeParse('possible-duplicate').success; // => true
 * PlanFlag.safeParse('sub-activity').success; // => false
 */
export const PlanFlag = z.enum(PLAN_FLAGS);
export type PlanFlag = z.infer<typeof PlanFlag>;

/**
 * The plan's four workstreams (แผนงาน).
 *
 * @example
 * WorkstreamNumber.safeParse(4).success; // => true
 * WorkstreamNumber.safeParse(5).success; // => false
 */
export const WorkstreamNumber = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);

/**
 * A responsible agency: the normalised name and the spelling as printed.
 *
 * @example
 * plan.projects.find((p) => p.id === 'ws3-m1.1-p5')?.agencies[0]; // => { name: 'สำนักงบประมาณ', printed: 'สำนักงานงบประมาณ' }
 * AgencyRef.safeParse({ name: 'สำนักงบประมาณ' }).success; // => false (printed is required)
 */
export const AgencyRef = z.strictObject({ name: z.string().check(z.minLength(1)), printed: z.string().check(z.minLength(1)) });
export type AgencyRef = z.infer<typeof AgencyRef>;

/**
 * A development approach (แนวทางการพัฒนา) of a workstream.
 *
 * @example
 * PlanApproach.parse(plan.approaches[0]).measuresStated; // => 9 (ws1-a1 "ประกอบด้วย ๙ มาตรการ")
 */
export const PlanApproach = z.strictObject({
  id: z.string().check(z.regex(/^ws[1-4]-a\d+$/)),
  workstream: WorkstreamNumber,
  number: z.int().check(z.minimum(1)),
  name: z.string().check(z.minLength(1)),
  /** The number of measures the approach's heading states ("ประกอบด้วย ๙ มาตรการ"). */
  measuresStated: z.int().check(z.minimum(1)),
  origin: Provenance,
});
export type PlanApproach = z.infer<typeof PlanApproach>;

/**
 * A measure (มาตรการ) with its goal (เป้าหมาย) and responsible agencies, from Part 1's tables.
 *
 * @example
 * PlanMeasure.parse(plan.measures.find((m) => m.id === 'ws3-m1.3')).note?.includes('รัฐสภา'); // => true
 * PlanMeasure.safeParse({ ...plan.measures[0], agencies: [] }).success; // => false (at least one agency)
 */
export const PlanMeasure = z.strictObject({
  id: z.string().check(z.regex(/^ws[1-4]-m\d+\.\d+$/)),
  workstream: WorkstreamNumber,
  approach: z.int().check(z.minimum(1)),
  /** "approach.measure", e.g. "1.3". */
  number: z.string().check(z.regex(/^\d+\.\d+$/)),
  /** False where Part 1 prints the measure without a number (the approach has one measure). */
  numberPrinted: z.boolean(),
  name: z.string().check(z.minLength(1)),
  goal: z.string().check(z.minLength(1)),
  agencies: z.array(AgencyRef).check(z.minLength(1)),
  /** What a reader should know about how the seed prints the measure (a typo kept, a page break). */
  note: z.optional(z.string().check(z.minLength(1))),
  origin: Provenance,
});
export type PlanMeasure = z.infer<typeof PlanMeasure>;

/**
 * One amount printed in a project's budget column.
 *
 * @example
 * const lines = plan.projects.find((p) => p.id === 'ws1-m2.2-p7')?.budgetLines ?? [];
 * lines.filter((b) => b.amount !== null).map((b) => [b.amount, b.period]);
 * // => [[200000, 'ปีงบประมาณ พ.ศ. ๒๕๖๕'], [200000, 'ปีงบประมาณ พ.ศ. ๒๕๖๖']]
 * BudgetLine.safeParse({ line: 1, period: null, printed: '-', amount: -5 }).success; // => false
 */
export const BudgetLine = z.strictObject({
  /** Line of the seed text where it is printed. */
  line: z.int().check(z.minimum(1)),
  period: z.nullable(z.string()),
  printed: z.string().check(z.minLength(1)),
  /** Baht; null for "-". */
  amount: z.nullable(z.number().check(z.int(), z.minimum(0))),
  label: z.optional(z.string()),
});

/**
 * A sub-activity printed as a row of its own inside a project.
 *
 * @example
 * const subs = plan.projects.find((p) => p.id === 'ws1-m1.3-p1')?.subActivities ?? [];
 * subs.map((s) => [s.label.slice(0, 3), s.budget]); // => [['๑.)', 300000], ['๒.)', null]]
 * SubActivity.safeParse({ label: '', line: 1, period: null, budget: null, budgetPrinted: null }).success; // => false
 */
export const SubActivity = z.strictObject({
  label: z.string().check(z.minLength(1)),
  line: z.int().check(z.minimum(1)),
  period: z.nullable(z.string()),
  budget: z.nullable(z.number()),
  budgetPrinted: z.nullable(z.string()),
});

/**
 * A project or activity (กิจกรรม/โครงการ/การดำเนินการ) of Part 2.
 *
 * @example
 * const p = PlanProject.parse(plan.projects.find((x) => x.id === 'ws4-m2.1-p3'));
 * [p.budget, p.budgetPrinted]; // => [22800000, ['๒๒,๘๐๐,๐๐']] (a digit missing, flagged)
 * PlanProject.safeParse({ ...p, budget: -1 }).success; // => false
 */
export const PlanProject = z.strictObject({
  id: z.string().check(z.regex(/^ws[1-4]-m\d+\.\d+-p\d+$/)),
  workstream: WorkstreamNumber,
  approach: z.int().check(z.minimum(1)),
  /** Measure number within the workstream, e.g. "3.1". */
  measure: z.string().check(z.regex(/^\d+\.\d+$/)),
  measureId: z.string().check(z.minLength(1)),
  /** Number within the measure, as printed. */
  number: z.int().check(z.minimum(1)),
  name: z.string().check(z.minLength(1)),
  /** The method (วิธีการ), shortened to about 200 characters. */
  method: z.string(),
  period: z.nullable(z.string()),
  /** Baht, as printed (the sum where several amounts are printed); null where "-" or blank. */
  budget: z.nullable(z.number().check(z.int(), z.minimum(0))),
  /** The budget cells as printed, one per row that has one; empty where the cell is blank. */
  budgetPrinted: z.array(z.string().check(z.minLength(1))),
  budgetLines: z.optional(z.array(BudgetLine)),
  kpi: z.string(),
  agencies: z.array(AgencyRef).check(z.minLength(1)),
  subActivities: z.optional(z.array(SubActivity)),
  /** The first listing of the same project under another measure. */
  sameAs: z.optional(z.string()),
  flags: z.array(PlanFlag),
  note: z.optional(z.string()),
  origin: Provenance,
});
export type PlanProject = z.infer<typeof PlanProject>;

/**
 * A responsible agency: normalised Thai name, English name where known, spellings as printed.
 *
 * @example
 * const pacc = PlanAgency.parse(plan.agencies.find((a) => a.abbreviation === 'PACC'));
 * pacc.printed; // => ['สำนักงาน ป.ป.ท.', 'สำนักงาน ปปท.'] (every spelling the seed prints)
 */
export const PlanAgency = z.strictObject({
  name: z.string().check(z.minLength(1)),
  en: z.optional(z.string().check(z.minLength(1))),
  abbreviation: z.optional(z.string().check(z.minLength(1))),
  printed: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
  note: z.optional(z.string()),
  origin: Provenance,
});
export type PlanAgency = z.infer<typeof PlanAgency>;

/**
 * A quick win (ประเด็นสำคัญเร่งด่วน) and its lead agencies.
 *
 * @example
 * QuickWin.parse(plan.quickWins[0]).leadsPrinted; // => 'สำนักงานคณะกรรมการนโยบายเขตพัฒนาพิเศษภาคตะวันออก (สกพอ.) และสำนักงาน ก.พ.ร.'
 * QuickWin.safeParse({ ...plan.quickWins[0], number: 6 }).success; // => false
 */
export const QuickWin = z.strictObject({
  number: z.int().check(z.minimum(1), z.maximum(5)),
  title: z.string().check(z.minLength(1)),
  text: z.string().check(z.minLength(1)),
  leadsPrinted: z.nullable(z.string()),
  leads: z.array(AgencyRef),
  origin: Provenance,
});
export type QuickWin = z.infer<typeof QuickWin>;

/**
 * A law listed under quick win 5, with the agency responsible for it.
 *
 * @example
 * QuickWinLaw.parse(plan.laws[5]).agency.name; // => 'สำนักงานปลัดสำนักนายกรัฐมนตรี' (Official Information Act)
 * QuickWinLaw.safeParse({ ...plan.laws[0], quickWin: 4 }).success; // => false
 */
export const QuickWinLaw = z.strictObject({
  quickWin: z.literal(5),
  name: z.string().check(z.minLength(1)),
  agency: AgencyRef,
  origin: Provenance,
});
export type QuickWinLaw = z.infer<typeof QuickWinLaw>;

const SwotCell = z.strictObject({ items: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)), origin: Provenance });
/**
 * The appendix's SWOT table.
 *
 * @example
 * Swot.parse(plan.swot).strengths.items.length; // => 4
 */
export const Swot = z.strictObject({ strengths: SwotCell, weaknesses: SwotCell, opportunities: SwotCell, threats: SwotCell });
export type Swot = z.infer<typeof Swot>;

/**
 * The counts the seed states about itself, with the workstream names of the lines that state them.
 *
 * @example
 * StatedCounts.parse(plan.stated).byWorkstream.map((w) => w.measures); // => [16, 5, 11, 4]
 */
export const StatedCounts = z.strictObject({
  workstreams: z.int(),
  approaches: z.int(),
  measures: z.int(),
  projects: z.int(),
  byWorkstream: z.array(
    z.strictObject({ workstream: WorkstreamNumber, name: z.string().check(z.minLength(1)), projects: z.int(), approaches: z.int(), measures: z.int() }),
  ),
  quickWins: z.int(),
  origin: Provenance,
});
export type StatedCounts = z.infer<typeof StatedCounts>;

/**
 * Everything under data/plan/.
 *
 * @example
 * PlanData.safeParse(plan).success; // => true
 * PlanData.safeParse({ ...plan, swot: undefined }).success; // => false
 */
export const PlanData = z.strictObject({
  approaches: z.array(PlanApproach),
  measures: z.array(PlanMeasure),
  projects: z.array(PlanProject),
  agencies: z.array(PlanAgency),
  quickWins: z.array(QuickWin),
  laws: z.array(QuickWinLaw),
  swot: Swot,
  stated: StatedCounts,
});
export type PlanData = z.infer<typeof PlanData>;
