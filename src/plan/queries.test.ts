import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../tests/helpers/shared.js';
import { CpiGapError } from '../errors.js';
import { budgetByAgency, budgetByMeasure, budgetBySource, budgetByWorkstream } from './budgetBy.js';
import { findProjects } from './findProjects.js';
import * as entry from './index.js';
import { plan } from './plan.js';
import { measuresForSource, projectsForSource } from './projectsForSource.js';
import { quickWins } from './quickWins.js';
import { rankAgencies } from './rankAgencies.js';

// The seed's mapping of sources to workstreams (บทนำ ๑. ความเป็นมา, กลุ่มที่ ๑-๔).
const MAPPING: Record<string, number[]> = { GI: [1], IMD: [1], PRS: [1, 2], WEF: [1, 3], BTI: [2, 4], EIU: [2, 3], WJP: [2], PERC: [4], VDEM: [4] };
// Projects and measures per workstream as the seed states them.
const PROJECTS = [47, 12, 19, 17];
const MEASURES = [16, 5, 11, 4];

interface RawProject {
  id: string;
  workstream: number;
  budget: number | null;
  agencies: { name: string }[];
  sameAs?: string;
}
const raw = JSON.parse(readFileSync(join(ROOT, 'data', 'plan', 'projects.json'), 'utf8')) as RawProject[];

function caught(fn: () => unknown): CpiGapError {
  try {
    fn();
  } catch (e) {
    if (e instanceof CpiGapError) return e;
    throw e;
  }
  throw new Error('expected a CpiGapError');
}

describe('projectsForSource / measuresForSource', () => {
  it('follow the workstream mapping for each of the nine sources', () => {
    for (const [source, ws] of Object.entries(MAPPING)) {
      const projects = projectsForSource(source as 'IMD');
      expect(projects.length, source).toBe(ws.reduce((s, w) => s + PROJECTS[w - 1]!, 0));
      expect(new Set(projects.map((p) => p.workstream))).toEqual(new Set(ws));
      expect(measuresForSource(source as 'IMD').length, source).toBe(ws.reduce((s, w) => s + MEASURES[w - 1]!, 0));
    }
  });

  it('reject an unknown source, naming the function, the field and the value', () => {
    const e = caught(() => projectsForSource('XYZ' as 'IMD'));
    expect(e.fn).toBe('projectsForSource');
    expect(e.issues[0]?.path).toEqual(['source']);
    expect(e.issues[0]?.value).toBe('XYZ');
    expect(e.message).toMatch(/^projectsForSource: source: .*\(got "XYZ"\)/);
    expect(caught(() => measuresForSource('BF_SGI')).fn).toBe('measuresForSource');
  });
});

describe('budgetBySource', () => {
  it('adds the budgets of the workstreams that answer each source', () => {
    const ws = budgetByWorkstream();
    for (const row of budgetBySource()) {
      const expected = MAPPING[row.key]!.reduce((s, w) => s + ws[w - 1]!.printed, 0);
      expect(row.printed, row.key).toBe(expected);
    }
  });
});

describe('budgetByMeasure', () => {
  it('lists all 36 measures in the seed\'s order, adding up to the plan as printed', () => {
    const rows = budgetByMeasure();
    expect(rows).toHaveLength(MEASURES.reduce((s, n) => s + n, 0));
    expect(rows.reduce((s, r) => s + r.printed, 0)).toBe(raw.reduce((s, p) => s + (p.budget ?? 0), 0));
    expect(rows.reduce((s, r) => s + r.projects, 0)).toBe(raw.length);
  });
});

describe('budget queries validate their options', () => {
  it('reject a workstream outside 1..4 and unknown keys', () => {
    const e = caught(() => budgetByWorkstream({ workstream: 5 }));
    expect(e.fn).toBe('budgetByWorkstream');
    expect(e.issues[0]?.path).toEqual(['options', 'workstream']);
    expect(e.issues[0]?.value).toBe(5);
    expect(caught(() => budgetByAgency({ ws: 1 } as never)).issues[0]?.code).toBe('unrecognized_keys');
  });
});

describe('rankAgencies', () => {
  it('counts projects and budget per agency as an independent count of the JSON does', () => {
    const counts = new Map<string, { n: number; b: number }>();
    for (const p of raw) for (const a of p.agencies) {
      const c = counts.get(a.name) ?? { n: 0, b: 0 };
      counts.set(a.name, { n: c.n + 1, b: c.b + (p.budget ?? 0) });
    }
    const ranked = rankAgencies();
    expect(ranked).toHaveLength(counts.size);
    for (const r of ranked) expect([r.projects, r.printed]).toEqual([counts.get(r.name)!.n, counts.get(r.name)!.b]);
    const maxN = Math.max(...[...counts.values()].map((c) => c.n));
    expect(ranked[0]?.projects).toBe(maxN);
    expect(ranked[0]?.rank).toBe(1);
  });

  it('ranks by budget when asked, ties sharing the best rank', () => {
    const byBudget = rankAgencies({ by: 'budget' });
    for (let i = 1; i < byBudget.length; i++) {
      expect(byBudget[i]!.printed).toBeLessThanOrEqual(byBudget[i - 1]!.printed);
      if (byBudget[i]!.printed === byBudget[i - 1]!.printed) expect(byBudget[i]!.rank).toBe(byBudget[i - 1]!.rank);
    }
    expect(rankAgencies({ by: 'budget', limit: 3 })).toHaveLength(3);
    expect(caught(() => rankAgencies({ by: 'name' as 'budget' })).issues[0]?.path).toEqual(['options', 'by']);
    expect(caught(() => rankAgencies({ limit: 0 })).issues[0]?.path).toEqual(['options', 'limit']);
  });
});

describe('findProjects', () => {
  it('filters by workstream, budget, agency and flag', () => {
    expect(findProjects({ workstream: 2 })).toHaveLength(12);
    expect(findProjects({ hasBudget: false })).toHaveLength(raw.filter((p) => p.budget === null).length);
    expect(findProjects({ deduplicate: true })).toHaveLength(93);
    expect(findProjects({ agency: 'PACC' })).toEqual(findProjects({ agency: 'สำนักงาน ป.ป.ท.' }));
    expect(findProjects({ flag: 'budget-digit-missing' }).map((p) => p.id)).toEqual(['ws4-m2.1-p3']);
    expect(caught(() => findProjects({ measure: '3.1' })).issues[0]?.path).toEqual(['filter', 'measure']);
  });

  it('without a filter returns all 95; an agency is found by English name, abbreviation or a printed spelling', () => {
    expect(findProjects()).toHaveLength(95);
    const customs = raw.filter((p) => p.agencies.some((a) => a.name === 'กรมศุลกากร')).length;
    expect(findProjects({ agency: 'Customs Department' })).toHaveLength(customs);
    // CODI by its abbreviation; ONEP by the variant Part 2 prints (สำนักนโยบาย… for สำนักงานนโยบาย…)
    expect(findProjects({ agency: 'CODI' }).map((p) => p.id)).toEqual(raw.filter((p) => p.agencies.some((a) => a.name === 'สถาบันพัฒนาองค์กรชุมชน (องค์การมหาชน)')).map((p) => p.id));
    expect(findProjects({ agency: 'สำนักนโยบายและแผนทรัพยากรธรรมชาติและสิ่งแวดล้อม' }).map((p) => p.id)).toEqual(['ws1-m2.2-p7']);
    expect(findProjects({ agency: 'no such agency' })).toEqual([]);
  });

  it('filters by approach and by measure, as an independent count of the JSON does', () => {
    const rawAll = raw as (RawProject & { approach: number; measureId: string })[];
    expect(findProjects({ approach: 'ws2-a2' }).map((p) => p.id)).toEqual(rawAll.filter((p) => p.workstream === 2 && p.approach === 2).map((p) => p.id));
    expect(findProjects({ measure: 'ws3-m2.1' }).map((p) => p.id)).toEqual(rawAll.filter((p) => p.measureId === 'ws3-m2.1').map((p) => p.id));
    expect(findProjects({ measure: 'ws1-m1.9' })).toEqual([]);
  });
});

describe('quickWins', () => {
  it('returns the five quick wins, the laws under number 5', () => {
    const all = quickWins();
    expect(all.map((q) => q.number)).toEqual([1, 2, 3, 4, 5]);
    expect(all.map((q) => q.laws.length)).toEqual([0, 0, 0, 0, 6]);
    expect(all[1]?.leads.map((a) => a.name)).toEqual(['สำนักงาน ก.พ.ร.']);
    expect(quickWins({ number: 3 })).toHaveLength(1);
    expect(caught(() => quickWins({ number: 6 })).issues[0]?.path).toEqual(['options', 'number']);
  });

  it('returns plain records that are not the frozen data', () => {
    const q = quickWins()[0]!;
    expect(Object.isFrozen(q)).toBe(false);
  });
});

describe('cpi-gap/plan entry', () => {
  it('exports the data, the queries and the schemas', () => {
    expect(entry.plan).toBe(plan);
    expect(entry.findProjects).toBe(findProjects);
    expect(entry.budgetByMeasure).toBe(budgetByMeasure);
    expect(entry.PLAN_FLAGS).toContain('possible-duplicate');
    expect(entry.PlanData.safeParse(plan).success).toBe(true);
  });
});
