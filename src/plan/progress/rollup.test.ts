import { describe, expect, it } from 'vitest';
import projectsJson from '../../../data/plan/projects.json';
import workstreamsJson from '../../../data/thailand/workstreams.json';
import { CpiGapError } from '../../errors.js';
import { AS_OF, DUE_BEFORE_AS_OF, EXPECTED_SPENT, EXPECTED_STATES, UPDATES } from './fixture.test-data.js';
import { latestUpdates, progressRollup } from './rollup.js';

// Independent arithmetic over the raw plan JSON (not the library's plan module or queries).
interface RawProject {
  id: string;
  workstream: number;
  approach: number;
  measureId: string;
  budget: number | null;
  sameAs?: string;
  period: string | null;
  agencies: { name: string }[];
}
const raw = projectsJson as RawProject[];
const unique = raw.filter((p) => p.sameAs === undefined);
const stateOf = (id: string): string => EXPECTED_STATES[id] ?? 'no-update';

function expectedGroup(members: RawProject[]) {
  const ids = [...new Set(members.map((p) => p.sameAs ?? p.id))];
  const projects = ids.map((id) => raw.find((p) => p.id === id)!);
  const budgeted = projects.filter((p) => p.budget !== null);
  const planned = budgeted.reduce((s, p) => s + (p.budget!), 0);
  const done = projects.filter((p) => stateOf(p.id) === 'done');
  const doneBudget = done.reduce((s, p) => s + (p.budget ?? 0), 0);
  const spentBudgeted = budgeted.reduce((s, p) => s + (EXPECTED_SPENT[p.id] ?? 0), 0);
  const spentAll = projects.reduce((s, p) => s + (EXPECTED_SPENT[p.id] ?? 0), 0);
  const overdue = projects.filter((p) => {
    const due = DUE_BEFORE_AS_OF[p.id];
    return due !== undefined && !['done', 'cancelled'].includes(stateOf(p.id));
  });
  return {
    projects: ids.length,
    listings: members.length,
    done: done.length,
    noUpdate: projects.filter((p) => stateOf(p.id) === 'no-update').length,
    shareComplete: ids.length === 0 ? null : done.length / ids.length,
    shareCompleteByBudget: planned === 0 ? null : doneBudget / planned,
    planned,
    withoutBudget: projects.length - budgeted.length,
    spent: spentAll,
    spentWithoutBudget: spentAll - spentBudgeted,
    spentShare: planned === 0 ? null : spentBudgeted / planned,
    overdue: overdue.map((p) => p.id),
  };
}

function pick(g: ReturnType<typeof progressRollup>['total']) {
  return {
    projects: g.projects,
    listings: g.listings,
    done: g.byStatus.done,
    noUpdate: g.byStatus['no-update'],
    shareComplete: g.shareComplete,
    shareCompleteByBudget: g.shareCompleteByBudget,
    planned: g.planned,
    withoutBudget: g.withoutBudget,
    spent: g.spent,
    spentWithoutBudget: g.spentWithoutBudget,
    spentShare: g.spentShare,
    overdue: g.overdue,
  };
}

describe('progressRollup', () => {
  const r = progressRollup(UPDATES, { asOf: AS_OF, by: 'workstream' });

  it('the hand-written deadlines match the periods printed in the seed', () => {
    for (const [id, [, month]] of Object.entries(DUE_BEFORE_AS_OF)) {
      expect(raw.find((p) => p.id === id)?.period).toContain(month);
      expect(r.projects.find((p) => p.id === id)?.deadline).toBe(DUE_BEFORE_AS_OF[id]?.[0]);
    }
  });

  it('per workstream matches an independent count over data/plan/projects.json', () => {
    expect(r.groups.map((g) => g.key)).toEqual(['1', '2', '3', '4']);
    for (const g of r.groups) {
      expect(pick(g)).toEqual(expectedGroup(raw.filter((p) => String(p.workstream) === g.key)));
    }
  });

  it('the whole plan counts each project once (93 of 95 listings) and every status appears', () => {
    expect(pick(r.total)).toEqual(expectedGroup(raw));
    expect(r.total.projects).toBe(unique.length);
    expect(r.total.byStatus).toEqual({ 'not-started': 1, 'in-progress': 1, delayed: 1, done: 4, cancelled: 1, 'no-update': 85 });
    expect(r.total.planned).toBe(546886700);
    expect(r.total.withoutBudget).toBe(52);
  });

  it('the open-data project reported under a repeat listing counts once in workstream 3 and in each of its measures', () => {
    const ws3 = r.groups.find((g) => g.key === '3');
    expect(ws3?.projects).toBe(17);
    expect(ws3?.listings).toBe(19);
    expect(ws3?.byStatus.done).toBe(1);
    expect(ws3?.shareCompleteByBudget).toBe(16186800 / 17421800);
    const byMeasure = progressRollup(UPDATES, { asOf: AS_OF, by: 'measure' });
    for (const m of ['ws3-m1.1', 'ws3-m2.1', 'ws3-m2.2']) expect(byMeasure.groups.find((g) => g.key === m)?.byStatus.done).toBe(1);
    const listings = r.projects.filter((p) => p.projectId === 'ws3-m1.1-p3');
    expect(listings.map((p) => [p.id, p.state])).toEqual([
      ['ws3-m1.1-p3', 'done'],
      ['ws3-m2.1-p1', 'done'],
      ['ws3-m2.2-p2', 'done'],
    ]);
  });

  it('the latest update by date counts, a tie goes to the later input, later updates are left out', () => {
    expect(r.projects.find((p) => p.id === 'ws1-m1.1-p1')?.state).toBe('delayed');
    expect(r.projects.find((p) => p.id === 'ws1-m1.1-p2')?.state).toBe('done');
    expect(r.projects.find((p) => p.id === 'ws4-m2.1-p2')?.state).toBe('in-progress');
    expect(r.later).toBe(1);
    const reversed = progressRollup([UPDATES[3], UPDATES[2]].filter((u) => u !== undefined), { asOf: AS_OF });
    expect(reversed.projects.find((p) => p.id === 'ws1-m1.1-p2')?.state).toBe('in-progress');
  });

  it('lists the budget overrun and overdue projects', () => {
    expect(r.total.overBudget).toEqual(['ws1-m1.1-p1']);
    expect(r.total.overdue).toEqual(['ws1-m3.1-p4', 'ws1-m3.3-p5', 'ws1-m3.3-p6']);
  });

  it('after the fiscal year every project not done or cancelled is overdue, and the July update counts', () => {
    const after = progressRollup(UPDATES, { asOf: '2023-10-31' });
    expect(after.later).toBe(0);
    expect(after.total.byStatus.done).toBe(5);
    expect(after.total.overdue).toHaveLength(unique.length - 5 - 1);
  });

  it('by source: a project counts for every source its workstream feeds', () => {
    const bySource = progressRollup(UPDATES, { asOf: AS_OF, by: 'source' });
    for (const g of bySource.groups) {
      const ws = workstreamsJson.filter((w) => w.sources.includes(g.key)).map((w) => w.number);
      expect(pick(g)).toEqual(expectedGroup(raw.filter((p) => ws.includes(p.workstream))));
    }
    expect(bySource.groups.find((g) => g.key === 'WEF')?.projects).toBe(47 + 17);
  });

  it('by approach and by agency match independent counts; a measure without projects has null shares', () => {
    const byApproach = progressRollup(UPDATES, { asOf: AS_OF, by: 'approach' });
    expect(byApproach.groups).toHaveLength(13);
    for (const g of byApproach.groups) expect(pick(g)).toEqual(expectedGroup(raw.filter((p) => `ws${p.workstream}-a${p.approach}` === g.key)));
    const byAgency = progressRollup(UPDATES, { asOf: AS_OF, by: 'agency' });
    for (const g of byAgency.groups) expect(pick(g)).toEqual(expectedGroup(raw.filter((p) => p.agencies.some((a) => a.name === g.key))));
    const pacc = byAgency.groups.find((g) => g.key === 'สำนักงาน ป.ป.ท.');
    expect(pacc?.projects).toBe(16);
    const empty = progressRollup(UPDATES, { asOf: AS_OF, by: 'measure' }).groups.find((g) => g.key === 'ws1-m1.9');
    expect(empty).toMatchObject({ projects: 0, shareComplete: null, shareCompleteByBudget: null, spentShare: null });
  });

  it('without updates every project has no update and no share is NaN', () => {
    const none = progressRollup([], { asOf: '2022-10-01', by: 'measure' });
    expect(none.total.byStatus['no-update']).toBe(93);
    const numbers = /NaN|Infinity/.exec(JSON.stringify(none));
    expect(numbers).toBeNull();
    for (const g of none.groups) for (const v of [g.shareComplete, g.shareCompleteByBudget, g.spentShare]) expect(v === null || Number.isFinite(v)).toBe(true);
  });

  it('does not mutate its input and returns frozen records', () => {
    const input = structuredClone(UPDATES);
    const copy = structuredClone(input);
    progressRollup(input, { asOf: AS_OF });
    expect(input).toEqual(copy);
    expect(Object.isFrozen(r.total)).toBe(true);
    expect(Object.isFrozen(r.projects[0])).toBe(true);
  });

  it('rejects bad options and bad updates with CpiGapError', () => {
    expect(() => progressRollup([], { asOf: '30/06/2023' })).toThrow(/progressRollup: options.asOf: expected an ISO date/);
    expect(() => progressRollup([], { by: 'ministry' } as never)).toThrow(CpiGapError);
    expect(() => progressRollup([{ projectId: 'ws9-m1.1-p1', date: '2023-01-01', status: 'done' }])).toThrow(/\[0\]\.projectId: expected a project id of the plan/);
  });
});

describe('latestUpdates', () => {
  it('keeps the latest update per project as of a date, keyed by the first listing', () => {
    const latest = latestUpdates(UPDATES, { asOf: AS_OF });
    expect(Object.keys(latest).sort()).toEqual(Object.keys(EXPECTED_STATES).sort());
    for (const [id, state] of Object.entries(EXPECTED_STATES)) expect(latest[id]?.status).toBe(state);
    expect(latest['ws1-m1.1-p1']?.date).toBe('2023-03-15');
    expect(latestUpdates(UPDATES, { asOf: '2023-01-31' })).toEqual({ 'ws1-m1.1-p1': expect.objectContaining({ status: 'in-progress' }) });
  });

  it('keeps the latest date whatever the order given; of two updates of the same date, the one given last', () => {
    const later = { projectId: 'ws1-m1.1-p1', date: '2023-03-01', status: 'done' } as const;
    const earlier = { projectId: 'ws1-m1.1-p1', date: '2023-01-15', status: 'in-progress' } as const;
    expect(latestUpdates([later, earlier])['ws1-m1.1-p1']?.status).toBe('done');
    const sameDay = { ...earlier, date: later.date, status: 'delayed' } as const;
    expect(latestUpdates([later, sameDay])['ws1-m1.1-p1']?.status).toBe('delayed');
    // A repeat listing's update counts for its first listing, whichever listing it names.
    expect(latestUpdates([{ projectId: 'ws3-m2.2-p2', date: '2023-02-01', status: 'delayed' }, { projectId: 'ws3-m1.1-p3', date: '2023-01-01', status: 'done' }])).toEqual({
      'ws3-m1.1-p3': expect.objectContaining({ projectId: 'ws3-m2.2-p2', status: 'delayed' }),
    });
  });
});

describe('progress roll-up without options', () => {
  it('takes the end of fiscal year 2566 (30 September 2023) as the date and rolls up by workstream', () => {
    const updates = [
      { projectId: 'ws1-m1.1-p1', date: '2023-01-15', status: 'in-progress' },
      { projectId: 'ws1-m1.1-p1', date: '2023-09-30', status: 'done' },
    ] as const;
    expect(latestUpdates(updates)['ws1-m1.1-p1']?.status).toBe('done');
    const r = progressRollup(updates);
    expect([r.asOf, r.by]).toEqual(['2023-09-30', 'workstream']);
    // Workstream 1 has 47 projects (the plan's own count); one of them is done.
    expect(r.groups.find((g) => g.key === '1')?.byStatus.done).toBe(1);
  });
});
