import agencies from '../../data/plan/agencies.json';
import approaches from '../../data/plan/approaches.json';
import measures from '../../data/plan/measures.json';
import projects from '../../data/plan/projects.json';
import quickWinData from '../../data/plan/quickWins.json';
import stated from '../../data/plan/stated.json';
import swot from '../../data/plan/swot.json';
import { CpiGapError, type CpiGapIssue, fromZodIssues, safeParseEn } from '../errors.js';
import { deepFreeze, type DeepReadonly } from '../util/freeze.js';
import { PlanData, type PlanFlag } from './schema.js';

/**
 * The FY2023 action plan as validated, deeply frozen data.
 *
 * @example
 * import type { Plan } from 'cpi-gap/plan';
 * const data: Plan = plan;
 * data.stated.quickWins; // => 5
 * Object.isFrozen(data.projects); // => true
 */
export type Plan = DeepReadonly<PlanData>;

function crossCheck(data: PlanData): CpiGapIssue[] {
  const issues: CpiGapIssue[] = [];
  const unique = (kind: 'approaches' | 'measures' | 'projects', ids: string[]): void => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) issues.push({ path: [kind, i, 'id'], message: 'duplicate id', value: id, code: 'duplicate' });
      seen.add(id);
    });
  };
  unique('approaches', data.approaches.map((a) => a.id));
  unique('measures', data.measures.map((m) => m.id));
  unique('projects', data.projects.map((p) => p.id));
  const measureIds = new Set(data.measures.map((m) => m.id));
  const projectIds = new Set(data.projects.map((p) => p.id));
  const agencyNames = new Set(data.agencies.map((a) => a.name));
  data.projects.forEach((p, i) => {
    if (!measureIds.has(p.measureId)) issues.push({ path: ['projects', i, 'measureId'], message: 'unknown measure', value: p.measureId, code: 'unknown_measure' });
    if (p.sameAs !== undefined && !projectIds.has(p.sameAs)) issues.push({ path: ['projects', i, 'sameAs'], message: 'unknown project', value: p.sameAs, code: 'unknown_project' });
    // A repeat names its first listing: an earlier record that is not a repeat itself (the count-once rule, grouping.ts).
    else if (p.sameAs !== undefined && !data.projects.slice(0, i).some((q) => q.id === p.sameAs && q.sameAs === undefined)) {
      issues.push({ path: ['projects', i, 'sameAs'], message: 'expected the id of an earlier listing that is not a repeat itself', value: p.sameAs, code: 'invalid_repeat' });
    }
    if (p.flags.length > 0 && p.note === undefined) issues.push({ path: ['projects', i, 'note'], message: 'a flagged project needs a note', code: 'missing_note' });
    // each flag that describes the record's shape holds exactly where the data has that shape
    const shapes: [PlanFlag, boolean][] = [
      ['sub-activity-rows', (p.subActivities?.length ?? 0) > 0],
      ['method-step-rows', p.budgetLines?.some((b) => b.label !== undefined) ?? false],
      ['budget-summed', (p.budgetLines?.filter((b) => b.amount !== null).length ?? 0) > 1],
      ['listed-under-several-measures', p.sameAs !== undefined || data.projects.some((q) => q.sameAs === p.id)],
    ];
    for (const [flag, holds] of shapes) {
      if (p.flags.includes(flag) !== holds) {
        issues.push({ path: ['projects', i, 'flags'], message: holds ? `the data has the shape that flag ${flag} names, but the flag is missing` : `flag ${flag} does not match the data`, value: p.flags, code: 'inconsistent_flag' });
      }
    }
    p.agencies.forEach((a, j) => {
      if (!agencyNames.has(a.name)) issues.push({ path: ['projects', i, 'agencies', j, 'name'], message: 'not in agencies.json', value: a.name, code: 'unknown_agency' });
    });
  });
  return issues;
}

function load(): Plan {
  const input = { approaches, measures, projects, agencies, quickWins: quickWinData.quickWins, laws: quickWinData.laws, swot, stated };
  const parsed = safeParseEn(PlanData, input);
  if (!parsed.success) throw new CpiGapError('plan', fromZodIssues(parsed.error.issues, input), { cause: parsed.error });
  const issues = crossCheck(parsed.data);
  if (issues.length > 0) throw new CpiGapError('plan', issues);
  return deepFreeze(parsed.data);
}

/**
 * Thailand's FY2023 action plan to raise the CPI score (the seed, Parts 1 and 2, the quick wins and
 * the appendix's SWOT), validated and deeply frozen: 13 approaches, 36 measures (measures without a
 * project are kept), 95 projects with budget, agencies and KPI, 49 normalised agencies, 5 quick
 * wins, the 6 laws of quick win 5, and the counts the seed states about itself. Every record carries
 * its `origin` (seed section and line numbers); records that the PDF prints oddly carry `flags` and
 * a `note`.
 *
 * @example
 * plan.projects.length; // => 95
 * plan.projects.filter((p) => p.workstream === 4).length; // => 17
 */
export const plan: Plan = load();
