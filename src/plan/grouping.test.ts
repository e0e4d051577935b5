import { describe, expect, it } from 'vitest';
import { budgetByAgency, budgetByApproach, budgetByMeasure, budgetBySource, budgetByWorkstream } from './budgetBy.js';
import { countOnce, PLAN_GROUPINGS, projectOf } from './grouping.js';
import { FIRST_LISTINGS, planGroups } from './groups.js';
import { plan } from './plan.js';
import { progressRollup } from './progress/rollup.js';

// The seed: 4 workstreams, 13 approaches, 36 measures (คำนำ; บทนำ ๑.), Thailand's nine sources; the
// open-data project is printed three times (ws3-m1.1-p3, repeated as ws3-m2.1-p1 and ws3-m2.2-p2).
const SEED_GROUPS = { workstream: 4, approach: 13, measure: 36, source: 9 };
const REPEATS = ['ws3-m2.1-p1', 'ws3-m2.2-p2'];

describe('the plan groupings and the count-once rule', () => {
  it('countOnce keeps the first listing of each project, in order', () => {
    const listings = [{ id: 'a' }, { id: 'b', sameAs: 'a' }, { id: 'c' }, { id: 'd', sameAs: 'a' }];
    expect(countOnce(listings, projectOf).map((l) => l.id)).toEqual(['a', 'c']);
    expect(countOnce([], projectOf)).toEqual([]);
  });

  it('FIRST_LISTINGS is every listing but the two repeats of the open-data project', () => {
    expect(plan.projects.filter((p) => !FIRST_LISTINGS.has(p.id)).map((p) => p.id)).toEqual(REPEATS);
    expect(FIRST_LISTINGS.size).toBe(93);
  });

  it('has as many groups as the seed states, and every listing in one workstream, approach and measure', () => {
    for (const by of ['workstream', 'approach', 'measure', 'source'] as const) expect(planGroups(by)).toHaveLength(SEED_GROUPS[by]);
    for (const by of ['workstream', 'approach', 'measure'] as const) {
      const held = planGroups(by).flatMap((g) => [...g.listings]);
      expect(held.sort()).toEqual(plan.projects.map((p) => p.id).sort());
    }
    // An agency group exists only for an agency some project names.
    const named = new Set(plan.projects.flatMap((p) => p.agencies.map((a) => a.name)));
    expect(planGroups('agency').map((g) => g.names.key).sort()).toEqual([...named].sort());
  });

  it('gives the budget roll-ups and the progress roll-up the same groups', () => {
    const budget = { workstream: budgetByWorkstream(), approach: budgetByApproach(), measure: budgetByMeasure(), agency: budgetByAgency(), source: budgetBySource() };
    for (const by of PLAN_GROUPINGS) {
      const progress = progressRollup([], { asOf: '2023-03-31', by }).groups;
      const strip = (g: { key: string; name: string; nameEn?: string | undefined; workstream?: number | undefined }) => ({ key: g.key, name: g.name, nameEn: g.nameEn, workstream: g.workstream });
      // Budget by agency sorts by budget; the others keep the seed's order.
      const order = (rows: { key: string }[]) => (by === 'agency' ? [...rows].sort((a, b) => a.key.localeCompare(b.key)) : rows);
      expect(order(budget[by].map(strip)), by).toEqual(order(progress.map(strip)));
    }
  });

  it('counts a project once in the plan for budgets and once per group for progress', () => {
    // The open-data project's three measures: each shows it in progress, only its first listing's measure in the budget.
    const measures = ['ws3-m1.1', 'ws3-m2.1', 'ws3-m2.2'];
    const budget = budgetByMeasure({ workstream: 3 }).filter((r) => measures.includes(r.key));
    const progress = progressRollup([], { asOf: '2023-03-31', by: 'measure' }).groups.filter((g) => measures.includes(g.key));
    const listed = (id: string) => plan.projects.filter((p) => p.measureId === id).length;
    expect(budget.map((r) => r.projects)).toEqual(measures.map(listed));
    expect(budget.map((r) => r.projects - r.projectsDeduplicated)).toEqual([0, 1, 1]);
    expect(progress.map((g) => g.projects)).toEqual(measures.map(listed));
  });
});
