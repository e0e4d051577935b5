import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../tests/helpers/shared.js';
import { budgetByApproach, budgetByMeasure, budgetByWorkstream, budgetSummary } from './budgetBy.js';
import { findProjects } from './findProjects.js';
import { plan } from './plan.js';
import { PLAN_FLAGS, PlanData, PlanProject } from './schema.js';

// Counts the seed states about itself (คำนำ; บทนำ ๑. ความเป็นมา; บทสรุปผู้บริหาร), typed from the document.
const SEED_PROJECTS = { total: 95, byWorkstream: [47, 12, 19, 17] };
const SEED_APPROACHES = { total: 13, byWorkstream: [3, 4, 3, 3] };
const SEED_MEASURES = { total: 36, byWorkstream: [16, 5, 11, 4] };

const readJson = (file: string): unknown => JSON.parse(readFileSync(join(ROOT, 'data', 'plan', file), 'utf8'));
interface RawProject {
  id: string;
  workstream: number;
  measureId: string;
  budget: number | null;
  sameAs?: string;
  budgetLines?: { amount: number | null }[];
}
const raw = readJson('projects.json') as RawProject[];
const findProject = (id: string) => {
  const p = plan.projects.find((x) => x.id === id);
  if (p === undefined) throw new Error(`no project ${id}`);
  return p;
};
const perWs = (rows: readonly { workstream: number }[]): number[] => [1, 2, 3, 4].map((w) => rows.filter((r) => r.workstream === w).length);

describe('plan data: the counts the seed states', () => {
  it('has 95 projects, 47 / 12 / 19 / 17 per workstream', () => {
    expect(plan.projects).toHaveLength(SEED_PROJECTS.total);
    expect(perWs(plan.projects)).toEqual(SEED_PROJECTS.byWorkstream);
  });

  it('has 13 approaches, 3 / 4 / 3 / 3 per workstream', () => {
    expect(plan.approaches).toHaveLength(SEED_APPROACHES.total);
    expect(perWs(plan.approaches)).toEqual(SEED_APPROACHES.byWorkstream);
  });

  it('has 36 measures, 16 / 5 / 11 / 4 per workstream, each approach with the number its heading states', () => {
    expect(plan.measures).toHaveLength(SEED_MEASURES.total);
    expect(perWs(plan.measures)).toEqual(SEED_MEASURES.byWorkstream);
    for (const a of plan.approaches) {
      expect(plan.measures.filter((m) => m.workstream === a.workstream && m.approach === a.number)).toHaveLength(a.measuresStated);
    }
  });

  it('keeps the measures that have no project', () => {
    const empty = plan.measures.filter((m) => !plan.projects.some((p) => p.measureId === m.id)).map((m) => m.id);
    // Part 2 prints these four measures with their goal but no activity row.
    expect(empty).toEqual(['ws1-m1.9', 'ws1-m3.4', 'ws2-m3.1', 'ws3-m3.1']);
  });

  it('has 4 workstreams, and the stated totals are 4 / 13 / 36 / 95 with 5 quick wins', () => {
    expect([...new Set(plan.projects.map((p) => p.workstream))]).toEqual([1, 2, 3, 4]);
    expect([...new Set(plan.measures.map((m) => m.workstream))]).toEqual([1, 2, 3, 4]);
    const { workstreams, approaches, measures, projects, quickWins } = plan.stated;
    expect({ workstreams, approaches, measures, projects, quickWins }).toEqual({ workstreams: 4, approaches: SEED_APPROACHES.total, measures: SEED_MEASURES.total, projects: SEED_PROJECTS.total, quickWins: 5 });
    expect(plan.quickWins).toHaveLength(quickWins);
  });

  it('records the stated counts beside the data, and they agree', () => {
    expect(plan.stated.projects).toBe(SEED_PROJECTS.total);
    expect(plan.stated.byWorkstream.map((w) => w.projects)).toEqual(SEED_PROJECTS.byWorkstream);
    expect(plan.stated.byWorkstream.map((w) => w.measures)).toEqual(SEED_MEASURES.byWorkstream);
    expect(plan.stated.byWorkstream.map((w) => w.approaches)).toEqual(SEED_APPROACHES.byWorkstream);
  });

  it('numbers the projects of each measure 1, 2, 3 … as printed', () => {
    for (const m of plan.measures) {
      const numbers = plan.projects.filter((p) => p.measureId === m.id).map((p) => p.number);
      expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    }
  });

  it('has five quick wins, six laws under quick win 5, and a four-part SWOT', () => {
    expect(plan.quickWins.map((q) => q.number)).toEqual([1, 2, 3, 4, 5]);
    expect(plan.laws).toHaveLength(6);
    for (const part of [plan.swot.strengths, plan.swot.weaknesses, plan.swot.opportunities, plan.swot.threats]) expect(part.items.length).toBeGreaterThan(0);
  });
});

describe('plan data: schema, provenance, freezing', () => {
  it('validates against the zod schemas as committed', () => {
    const q = readJson('quickWins.json') as { quickWins: unknown; laws: unknown };
    const result = PlanData.safeParse({
      approaches: readJson('approaches.json'),
      measures: readJson('measures.json'),
      projects: raw,
      agencies: readJson('agencies.json'),
      quickWins: q.quickWins,
      laws: q.laws,
      swot: readJson('swot.json'),
      stated: readJson('stated.json'),
    });
    expect(result.success, result.success ? '' : JSON.stringify(result.error.issues.slice(0, 3))).toBe(true);
  });

  it('gives every record a seed origin and every flagged project a note', () => {
    for (const r of [...plan.approaches, ...plan.measures, ...plan.projects, ...plan.agencies, ...plan.quickWins, ...plan.laws]) expect(r.origin.kind).toBe('seed');
    for (const p of plan.projects) if (p.flags.length > 0) expect(p.note, p.id).toBeTruthy();
  });

  it('is deeply frozen', () => {
    expect(Object.isFrozen(plan)).toBe(true);
    expect(Object.isFrozen(plan.projects)).toBe(true);
    const p = plan.projects[0]!;
    expect(Object.isFrozen(p) && Object.isFrozen(p.agencies) && Object.isFrozen(p.agencies[0]) && Object.isFrozen(p.origin)).toBe(true);
    expect(() => {
      (plan.projects as PlanProject[]).push(p as PlanProject);
    }).toThrow(TypeError);
  });

  it('names every normalised agency of the projects in agencies.json, with the printed spellings', () => {
    for (const p of plan.projects) {
      for (const a of p.agencies) {
        const def = plan.agencies.find((x) => x.name === a.name);
        expect(def, a.name).toBeDefined();
        expect(def!.printed).toContain(a.printed);
      }
    }
  });
});

describe('plan data: the oddities of the PDF are flagged, not guessed silently', () => {
  const withFlag = (f: string): string[] => plan.projects.filter((p) => (p.flags as readonly string[]).includes(f)).map((p) => p.id);

  it('marks the one budget with a digit missing and keeps the printed text', () => {
    expect(withFlag('budget-digit-missing')).toEqual(['ws4-m2.1-p3']);
    expect(plan.projects.find((p) => p.id === 'ws4-m2.1-p3')?.budgetPrinted).toEqual(['๒๒,๘๐๐,๐๐']);
  });

  it('marks the one amount per meeting', () => {
    expect(withFlag('amount-per-meeting')).toEqual(['ws1-m2.2-p2']);
  });

  it('marks the project printed under three measures, the repeats pointing to the first listing', () => {
    expect(withFlag('listed-under-several-measures')).toEqual(['ws3-m1.1-p3', 'ws3-m2.1-p1', 'ws3-m2.2-p2']);
    expect(plan.projects.filter((p) => p.sameAs !== undefined).map((p) => [p.id, p.sameAs])).toEqual([
      ['ws3-m2.1-p1', 'ws3-m1.1-p3'],
      ['ws3-m2.2-p2', 'ws3-m1.1-p3'],
    ]);
  });

  it('marks the two projects with identical budgets', () => {
    expect(withFlag('identical-budget')).toEqual(['ws1-m2.2-p4', 'ws1-m2.2-p5']);
  });

  it('marks rows split across pages', () => {
    expect(withFlag('split-across-pages').length).toBeGreaterThanOrEqual(10);
  });

  it('keeps sub-activities (project column) apart from method steps (method column)', () => {
    // ws1-m1.3-p1 prints ๑.) and ๒.) in the project column, ws4-m2.1-p3 prints ๑) … ๕);
    // ws4-m2.1-p2 prints steps ๒. … ๖. of its method as rows with their own budget
    expect(withFlag('sub-activity-rows')).toEqual(['ws1-m1.3-p1', 'ws4-m2.1-p3']);
    expect(withFlag('method-step-rows')).toEqual(['ws4-m2.1-p2']);
  });

  it('each shape flag holds exactly where the raw JSON has that shape (counted here)', () => {
    const rawFlags = readJson('projects.json') as (Omit<RawProject, 'budgetLines'> & { flags: string[]; subActivities?: unknown[]; budgetLines?: { amount: number | null; label?: string }[] })[];
    for (const p of rawFlags) {
      expect(p.flags.includes('sub-activity-rows'), p.id).toBe((p.subActivities ?? []).length > 0);
      expect(p.flags.includes('method-step-rows'), p.id).toBe((p.budgetLines ?? []).some((b) => typeof b.label === 'string'));
      expect(p.flags.includes('budget-summed'), p.id).toBe((p.budgetLines ?? []).filter((b) => b.amount !== null).length >= 2);
      expect(p.flags.includes('listed-under-several-measures'), p.id).toBe(p.sameAs !== undefined || rawFlags.some((q) => q.sameAs === p.id));
      expect(new Set(p.flags).size, p.id).toBe(p.flags.length);
    }
  });

  it('marks the FY2022 amount inside a budget, the possible Budget Bill duplicates and the KPI that repeats the method', () => {
    expect(withFlag('includes-prior-year')).toEqual(['ws1-m2.2-p7']);
    expect(withFlag('possible-duplicate')).toEqual(['ws3-m1.1-p2', 'ws3-m1.1-p5', 'ws3-m2.2-p1']);
    expect(withFlag('kpi-repeats-method')).toEqual(['ws4-m3.1-p5']);
    // the possible duplicates stay separate projects: no sameAs, each counted in the deduplicated roll-up
    for (const id of withFlag('possible-duplicate')) expect(findProject(id).sameAs, id).toBeUndefined();
    expect(findProjects({ workstream: 3, deduplicate: true }).map((p) => p.id)).toEqual(expect.arrayContaining(withFlag('possible-duplicate')));
  });

  it('lists 27 flagged records, each flag from the documented vocabulary', () => {
    const flagged = plan.projects.filter((p) => p.flags.length > 0);
    expect(flagged).toHaveLength(27);
    for (const p of flagged) for (const f of p.flags) expect(PLAN_FLAGS).toContain(f);
  });

  it('notes the measure whose name is kept with รัฐบาล for รัฐสภา, and the agency whose English name is uncertain', () => {
    expect(plan.measures.find((m) => m.id === 'ws3-m1.3')?.note).toMatch(/รัฐสภา.*kept as printed/);
    const nsc = plan.agencies.find((a) => a.name === 'สำนักงานคณะกรรมการมาตรฐานแห่งชาติ');
    expect(nsc?.en).toBe('Office of the National Standardization Council');
    expect(nsc?.note).toMatch(/not checked against an official source/);
  });
});

describe('budget roll-ups against sums computed here from the committed JSON', () => {
  const sum = (rows: RawProject[]): number => rows.reduce((s, p) => s + (p.budget ?? 0), 0);

  it('a project with several printed amounts has their sum as its budget', () => {
    for (const p of raw) {
      const amounts = (p.budgetLines ?? []).map((b) => b.amount).filter((a): a is number => a !== null);
      if (amounts.length > 0) expect(p.budget, p.id).toBe(amounts.reduce((s, a) => s + a, 0));
    }
  });

  it('budgetByWorkstream: as printed and deduplicated', () => {
    const rows = budgetByWorkstream();
    for (const w of [1, 2, 3, 4]) {
      const all = raw.filter((p) => p.workstream === w);
      const row = rows.find((r) => r.workstream === w)!;
      expect(row.printed).toBe(sum(all));
      expect(row.deduplicated).toBe(sum(all.filter((p) => p.sameAs === undefined)));
      expect(row.withoutBudget).toBe(all.filter((p) => p.budget === null).length);
    }
    // only workstream 3 holds repeats: two extra listings of 16,186,800
    expect(rows.map((r) => r.printed - r.deduplicated)).toEqual([0, 0, 2 * 16_186_800, 0]);
  });

  it('budgetByMeasure and budgetByApproach add up to the workstream totals', () => {
    const ws = budgetByWorkstream();
    for (const w of [1, 2, 3, 4]) {
      const byMeasure = budgetByMeasure({ workstream: w });
      const byApproach = budgetByApproach({ workstream: w });
      const total = ws.find((r) => r.workstream === w)!;
      expect(byMeasure.reduce((s, r) => s + r.printed, 0)).toBe(total.printed);
      expect(byApproach.reduce((s, r) => s + r.deduplicated, 0)).toBe(total.deduplicated);
      expect(byMeasure.reduce((s, r) => s + r.projects, 0)).toBe(total.projects);
    }
  });

  it('budgetSummary: totals and the number of projects without a budget', () => {
    const s = budgetSummary();
    expect(s.printed).toBe(sum(raw));
    expect(s.deduplicated).toBe(sum(raw.filter((p) => p.sameAs === undefined)));
    expect(s.withoutBudget).toBe(raw.filter((p) => p.budget === null).length);
    expect(s.withBudget + s.withoutBudget).toBe(95);
    expect(s.projectsDeduplicated).toBe(93);
  });
});
