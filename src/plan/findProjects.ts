import * as z from 'zod/mini';
import { parseInput } from '../errors.js';
import { FIRST_LISTINGS } from './groups.js';
import { plan } from './plan.js';
import { PlanFlag } from './schema.js';

/**
 * Filter of {@link findProjects}; every given field must match.
 *
 * @example
 * import { ProjectFilter } from 'cpi-gap/plan';
 * const filter: ProjectFilter = { workstream: 3, flag: 'possible-duplicate' };
 * findProjects(filter).map((p) => p.id); // => ['ws3-m1.1-p2', 'ws3-m1.1-p5', 'ws3-m2.2-p1']
 * ProjectFilter.safeParse({ measure: '3.1' }).success; // => false (a measure id is 'ws3-m1.1')
 */
export const ProjectFilter = z.optional(z.strictObject({
  workstream: z.optional(z.int().check(z.minimum(1), z.maximum(4))),
  /** Approach id, e.g. `'ws1-a3'`. */
  approach: z.optional(z.string().check(z.regex(/^ws[1-4]-a\d+$/, 'expected an approach id such as "ws1-a3"'))),
  /** Measure id, e.g. `'ws3-m2.1'`. */
  measure: z.optional(z.string().check(z.regex(/^ws[1-4]-m\d+\.\d+$/, 'expected a measure id such as "ws3-m2.1"'))),
  /** Normalised agency name (Thai), its English name or abbreviation, e.g. `'PACC'`. */
  agency: z.optional(z.string().check(z.minLength(1))),
  /** Projects carrying this flag. */
  flag: z.optional(PlanFlag),
  /** `true`: only projects with a budget; `false`: only those without ("-" or blank). */
  hasBudget: z.optional(z.boolean()),
  /** Leave out repeat listings of a project printed under several measures. Default false. */
  deduplicate: z.optional(z.boolean()),
}));
export type ProjectFilter = z.input<typeof ProjectFilter>;

/**
 * Projects of the plan that match a filter, in the seed's order (the frozen records themselves).
 *
 * @throws {CpiGapError} on an unknown field or a malformed id.
 * @example
 * findProjects({ agency: 'PACC' }).length; // => 16
 * findProjects({ hasBudget: false }).length; // => 52
 */
export function findProjects(filter?: ProjectFilter): (typeof plan.projects)[number][] {
  const f = parseInput('findProjects', ProjectFilter, filter, ['filter']) ?? {};
  const agency = f.agency;
  const agencyNames =
    agency === undefined
      ? undefined
      : new Set(plan.agencies.filter((a) => a.name === agency || a.en === agency || a.abbreviation === agency || a.printed.includes(agency)).map((a) => a.name));
  return plan.projects.filter(
    (p) =>
      (f.workstream === undefined || p.workstream === f.workstream) &&
      (f.approach === undefined || `ws${p.workstream}-a${p.approach}` === f.approach) &&
      (f.measure === undefined || p.measureId === f.measure) &&
      (agencyNames === undefined || p.agencies.some((a) => agencyNames.has(a.name))) &&
      (f.flag === undefined || p.flags.includes(f.flag)) &&
      (f.hasBudget === undefined || (p.budget !== null) === f.hasBudget) &&
      (f.deduplicate !== true || FIRST_LISTINGS.has(p.id)),
  );
}
