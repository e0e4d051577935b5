import { z } from 'zod';
import { thailand } from '../dataset/thailand.js';
import { parseInput } from '../errors.js';
import { plan } from './plan.js';
import type { PlanProject } from './schema.js';

type Project = (typeof plan.projects)[number];
type Source = (typeof thailand.sources)[number];
type SeedNamedSource = Source & { readonly seed: NonNullable<Source['seed']> };

/**
 * A budget roll-up row. Amounts are baht. `printed` adds every project as the seed prints it;
 * `deduplicated` counts the project printed under three measures once (under its first listing,
 * `ws3-m1.1-p3`) and leaves out its repeats (the records with `sameAs`).
 *
 * Projects whose budget cell is "-" or blank add nothing and are counted in `withoutBudget`.
 * Flagged amounts are used as documented in docs/plan.md: the amount with a missing digit is read
 * as 22,800,000; the amount per meeting counts once; a project with several amounts counts their
 * sum (for `ws1-m2.2-p7` that includes 200,000 dated FY2022). The three possible duplicates
 * (Budget Bill drafting, flag `possible-duplicate`, all without a budget) are not repeat listings:
 * they count in both columns, as the seed counts them among its 95.
 *
 * @example
 * import type { BudgetRollup } from 'cpi-gap/plan';
 * const ws3: BudgetRollup | undefined = budgetByWorkstream({ workstream: 3 })[0];
 * ws3?.printed; // => 49795400
 * ws3?.deduplicated; // => 17421800 (two repeat listings of 16,186,800 left out)
 * ws3?.projectsDeduplicated; // => 17 of 19
 */
export interface BudgetRollup {
  /** Workstream number, approach id, measure id, agency name or source id, as text. */
  readonly key: string;
  /** Thai name of the group. */
  readonly name: string;
  /** English name where known. */
  readonly nameEn?: string;
  readonly workstream?: number;
  /** Projects as printed (a repeat listing counts again). */
  readonly projects: number;
  /** Projects with repeat listings left out. */
  readonly projectsDeduplicated: number;
  /** Projects (as printed) whose budget is "-" or blank. */
  readonly withoutBudget: number;
  /** Sum of the budgets as printed. */
  readonly printed: number;
  /** Sum with repeat listings left out. */
  readonly deduplicated: number;
}

/**
 * Options of the budget roll-ups.
 *
 * @example
 * BudgetOptions.parse({ workstream: 2 }); // => { workstream: 2 }
 * BudgetOptions.safeParse({ workstream: 5 }).success; // => false
 * budgetByApproach({ workstream: 2 }).length; // => 4
 */
export const BudgetOptions = z
  .strictObject({
    /** Keep only this workstream (1-4). Default: all. */
    workstream: z.int().min(1).max(4).optional(),
  })
  .optional();
export type BudgetOptions = z.input<typeof BudgetOptions>;

const WS_EN: Record<number, string> = {
  1: 'Bribery prevention',
  2: "Scrutiny of state officials' use of power and position",
  3: 'Value for money in public spending and resources',
  4: 'Effectiveness in solving corruption',
};

function rollup(key: string, name: string, rows: readonly Project[], extra: { nameEn?: string | undefined; workstream?: number | undefined } = {}): BudgetRollup {
  const unique = rows.filter((p) => p.sameAs === undefined);
  const sum = (ps: readonly Project[]): number => ps.reduce((s, p) => s + (p.budget ?? 0), 0);
  return {
    key,
    name,
    ...(extra.nameEn !== undefined ? { nameEn: extra.nameEn } : {}),
    ...(extra.workstream !== undefined ? { workstream: extra.workstream } : {}),
    projects: rows.length,
    projectsDeduplicated: unique.length,
    withoutBudget: rows.filter((p) => p.budget === null).length,
    printed: sum(rows),
    deduplicated: sum(unique),
  };
}

function selected(fn: string, options: unknown): readonly Project[] {
  const { workstream } = parseInput(fn, BudgetOptions, options, ['options']) ?? {};
  return workstream === undefined ? plan.projects : plan.projects.filter((p) => p.workstream === workstream);
}

/**
 * Budget per workstream (แผนงาน), 1 to 4.
 *
 * @throws {CpiGapError} on an unknown option or a workstream outside 1..4.
 * @example
 * budgetByWorkstream().map((r) => r.projects); // => [47, 12, 19, 17]
 */
export function budgetByWorkstream(options?: BudgetOptions): BudgetRollup[] {
  const rows = selected('budgetByWorkstream', options);
  // the four workstreams in order, named as the seed names them where it states its counts
  return plan.stated.byWorkstream
    .filter((w) => rows.some((p) => p.workstream === w.workstream))
    .map((w) => rollup(String(w.workstream), w.name, rows.filter((p) => p.workstream === w.workstream), { nameEn: WS_EN[w.workstream], workstream: w.workstream }));
}

/**
 * Budget per approach (แนวทางการพัฒนา), all 13 in the seed's order (an approach without a
 * project has a row of zeros).
 *
 * @example
 * budgetByApproach({ workstream: 2 }).length; // => 4
 */
export function budgetByApproach(options?: BudgetOptions): BudgetRollup[] {
  const rows = selected('budgetByApproach', options);
  const ws = new Set(rows.map((p) => p.workstream));
  return plan.approaches
    .filter((a) => ws.has(a.workstream) || rows.length === 0)
    .map((a) => rollup(a.id, a.name, rows.filter((p) => p.workstream === a.workstream && p.approach === a.number), { workstream: a.workstream }));
}

/**
 * Budget per measure (มาตรการ), all 36 in the seed's order; measures without a project have
 * `projects: 0`.
 *
 * @example
 * budgetByMeasure().filter((r) => r.projects === 0).map((r) => r.key);
 * // => ['ws1-m1.9', 'ws1-m3.4', 'ws2-m3.1', 'ws3-m3.1']
 */
export function budgetByMeasure(options?: BudgetOptions): BudgetRollup[] {
  const rows = selected('budgetByMeasure', options);
  const parsed = parseInput('budgetByMeasure', BudgetOptions, options, ['options']) ?? {};
  return plan.measures
    .filter((m) => parsed.workstream === undefined || m.workstream === parsed.workstream)
    .map((m) => rollup(m.id, m.name, rows.filter((p) => p.measureId === m.id), { workstream: m.workstream }));
}

/**
 * Budget per responsible agency (normalised name), largest printed budget first, then by name.
 * A project with several agencies would count fully for each (in the seed every project names
 * one agency).
 *
 * @example
 * budgetByAgency()[0]?.nameEn; // => 'Community Organizations Development Institute'
 */
export function budgetByAgency(options?: BudgetOptions): BudgetRollup[] {
  const rows = selected('budgetByAgency', options);
  const names = [...new Set(rows.flatMap((p) => p.agencies.map((a) => a.name)))];
  return names
    .map((name) => {
      const def = plan.agencies.find((a) => a.name === name);
      return rollup(name, name, rows.filter((p) => p.agencies.some((a) => a.name === name)), { nameEn: def?.en });
    })
    .sort((a, b) => b.printed - a.printed || b.projects - a.projects || a.name.localeCompare(b.name, 'th'));
}

/**
 * Budget aimed at each of Thailand's nine sources, through the workstreams that answer it (the
 * bundled `thailand` dataset's workstreams). A project counts for every source of its workstream,
 * so the rows add up to more than the plan's total.
 *
 * @example
 * budgetBySource().find((r) => r.key === 'WEF')?.projects; // => 66 (workstreams 1 and 3)
 */
export function budgetBySource(options?: BudgetOptions): BudgetRollup[] {
  const rows = selected('budgetBySource', options);
  // the nine sources in the dataset's order (IMD … BTI), each named as the seed's table names it
  return thailand.sources
    .filter((s): s is SeedNamedSource => s.seed !== undefined)
    .map((source) => {
      const ws = thailand.workstreams.filter((w) => w.sources.includes(source.id)).map((w) => w.number);
      return rollup(source.id, source.seed.name, rows.filter((p) => ws.includes(p.workstream)), { nameEn: source.name.en });
    });
}

/**
 * The whole plan's budget, as printed and deduplicated, and the flagged budgets.
 *
 * @example
 * import type { BudgetSummary } from 'cpi-gap/plan';
 * const s: BudgetSummary = budgetSummary();
 * [s.withBudget, s.withoutBudget]; // => [43, 52]
 * s.flaggedBudgets.find((f) => f.id === 'ws1-m2.2-p7')?.flags; // => ['budget-summed', 'includes-prior-year']
 */
export interface BudgetSummary extends BudgetRollup {
  /** Projects with a budget (as printed). */
  readonly withBudget: number;
  /** Ids and flags of the projects whose amount needed a reading (see docs/plan.md). */
  readonly flaggedBudgets: readonly { readonly id: string; readonly budget: number | null; readonly flags: readonly PlanProject['flags'][number][] }[];
}

const BUDGET_FLAGS = new Set(['budget-digit-missing', 'budget-summed', 'includes-prior-year', 'amount-per-meeting', 'identical-budget', 'listed-under-several-measures']);

/**
 * Totals of the plan: projects, projects without a budget, budget as printed and deduplicated,
 * and the projects whose budget carries a flag.
 *
 * @example
 * budgetSummary().projects; // => 95
 */
export function budgetSummary(options?: BudgetOptions): BudgetSummary {
  const rows = selected('budgetSummary', options);
  const base = rollup('all', 'แผนปฏิบัติการยกระดับค่าคะแนนดัชนีการรับรู้การทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๖', rows, { nameEn: 'FY2023 action plan' });
  return {
    ...base,
    withBudget: base.projects - base.withoutBudget,
    flaggedBudgets: rows
      .filter((p) => p.flags.some((f) => BUDGET_FLAGS.has(f)))
      .map((p) => ({ id: p.id, budget: p.budget, flags: p.flags.filter((f) => BUDGET_FLAGS.has(f)) })),
  };
}
