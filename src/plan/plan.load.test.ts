// The checks the plan runs on its own data when it loads: each fed a copy of the committed JSON
// with one defect (the JSON modules are mocked, the plan module loaded afresh).
import { afterEach, describe, expect, it, vi } from 'vitest';
import agenciesJson from '../../data/plan/agencies.json';
import projectsJson from '../../data/plan/projects.json';

type RawProject = Omit<(typeof projectsJson)[number], 'flags' | 'note' | 'sameAs'> & { flags: string[]; note?: string; sameAs?: string };
type RawAgency = Omit<(typeof agenciesJson)[number], 'en'> & { en?: string };

const PROJECTS = '../../data/plan/projects.json';
const AGENCIES = '../../data/plan/agencies.json';

function projects(change: (ps: RawProject[]) => void): RawProject[] {
  const copy = structuredClone(projectsJson) as RawProject[];
  change(copy);
  return copy;
}
const byId = (ps: RawProject[], id: string): RawProject => {
  const p = ps.find((x) => x.id === id);
  if (p === undefined) throw new Error(`no project ${id}`);
  return p;
};

interface LoadError {
  name: string;
  fn: string;
  issues: { path: (string | number)[]; code?: string; value?: unknown }[];
}
/** Load the plan module on mocked data; the error it throws (fails the test when it loads). */
async function loadError(data: { projects?: unknown; agencies?: unknown }): Promise<LoadError> {
  vi.resetModules();
  if (data.projects !== undefined) vi.doMock(PROJECTS, () => ({ default: data.projects }));
  if (data.agencies !== undefined) vi.doMock(AGENCIES, () => ({ default: data.agencies }));
  try {
    await import('./plan.js');
  } catch (e) {
    return e as LoadError;
  }
  throw new Error('expected the plan to reject the data');
}

afterEach(() => {
  vi.doUnmock(PROJECTS);
  vi.doUnmock(AGENCIES);
  vi.resetModules();
});

describe('plan: the data is checked when it loads', () => {
  it('rejects a value the schema does not allow, naming the record and field', async () => {
    const e = await loadError({ projects: projects((ps) => (byId(ps, 'ws1-m1.1-p1').budget = -1)) });
    expect(e.name).toBe('CpiGapError');
    expect(e.fn).toBe('plan');
    expect(e.issues[0]?.path).toEqual(['projects', 0, 'budget']);
  });

  it('rejects a duplicate project id', async () => {
    const e = await loadError({ projects: projects((ps) => (byId(ps, 'ws1-m1.1-p2').id = 'ws1-m1.1-p1')) });
    expect(e.issues).toContainEqual(expect.objectContaining({ path: ['projects', 1, 'id'], code: 'duplicate', value: 'ws1-m1.1-p1' }));
  });

  it('rejects an unknown measure, an unknown sameAs and a flagged project without a note', async () => {
    const e = await loadError({
      projects: projects((ps) => {
        byId(ps, 'ws1-m1.1-p1').measureId = 'ws1-m9.9';
        byId(ps, 'ws3-m2.1-p1').sameAs = 'ws3-m1.1-p99';
        delete byId(ps, 'ws1-m2.2-p2').note;
      }),
    });
    expect(e.issues.map((i) => i.code)).toEqual(expect.arrayContaining(['unknown_measure', 'unknown_project', 'missing_note']));
    expect(e.issues.find((i) => i.code === 'unknown_measure')?.value).toBe('ws1-m9.9');
  });

  it('rejects a repeat listing that names a later listing, or a repeat, as its first listing (the count-once rule)', async () => {
    const e = await loadError({
      projects: projects((ps) => {
        byId(ps, 'ws1-m1.1-p1').sameAs = 'ws1-m1.1-p2';
        byId(ps, 'ws3-m2.2-p2').sameAs = 'ws3-m2.1-p1';
      }),
    });
    const repeats = e.issues.filter((i) => i.code === 'invalid_repeat');
    expect(repeats.map((i) => i.value)).toEqual(['ws1-m1.1-p2', 'ws3-m2.1-p1']);
    expect(repeats[0]?.path).toEqual(['projects', 0, 'sameAs']);
  });

  it('rejects an agency missing from agencies.json', async () => {
    const agencies = structuredClone(agenciesJson).filter((a) => a.name !== 'กรมศุลกากร');
    const e = await loadError({ agencies });
    expect(e.issues.find((i) => i.code === 'unknown_agency')?.value).toBe('กรมศุลกากร');
  });

  it('rejects a shape flag that is missing, and one that the data does not have', async () => {
    const e = await loadError({
      projects: projects((ps) => {
        const p3 = byId(ps, 'ws4-m2.1-p3');
        p3.flags = p3.flags.filter((f) => f !== 'sub-activity-rows');
        byId(ps, 'ws1-m1.1-p1').flags.push('method-step-rows');
        byId(ps, 'ws1-m1.1-p1').note = 'a note';
      }),
    });
    const inconsistent = e.issues.filter((i) => i.code === 'inconsistent_flag').map((i) => i.path);
    const at = (id: string): number => projectsJson.findIndex((p) => p.id === id);
    expect(inconsistent).toEqual([
      ['projects', at('ws1-m1.1-p1'), 'flags'],
      ['projects', at('ws4-m2.1-p3'), 'flags'],
    ]);
  });
});

describe('rankAgencies with an agency that has no English name', () => {
  it('leaves nameEn out rather than writing undefined', async () => {
    vi.resetModules();
    const agencies = (structuredClone(agenciesJson) as RawAgency[]).map((a) => {
      if (a.name !== 'กรมศุลกากร') return a;
      const copy: RawAgency = { ...a };
      delete copy.en;
      return copy;
    });
    vi.doMock(AGENCIES, () => ({ default: agencies }));
    const { rankAgencies } = await import('./rankAgencies.js');
    const customs = rankAgencies().find((r) => r.name === 'กรมศุลกากร');
    expect(customs?.projects).toBe(projectsJson.filter((p) => p.agencies.some((a) => a.name === 'กรมศุลกากร')).length);
    expect(customs !== undefined && 'nameEn' in customs).toBe(false);
  });
});
