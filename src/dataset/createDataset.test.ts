import { describe, expect, it } from 'vitest';
import { CpiGapError } from '../errors.js';
import { assertDataset, createDataset } from './createDataset.js';
import type { DatasetInput } from './schema.js';
import { thailand } from './thailand.js';

const origin = { kind: 'user', note: 'test' } as const;

function base(): DatasetInput {
  return {
    country: { iso3: 'XYZ', name: { en: 'Example' } },
    sources: [
      { id: 'EIU', name: { en: 'EIU' } },
      { id: 'PRS', name: { en: 'PRS' } },
      { id: 'WEF', name: { en: 'WEF' } },
    ],
    scores: [
      { source: 'WEF', year: 2024, value: 45, origin },
      { source: 'EIU', year: 2024, value: 40, origin },
      { source: 'PRS', year: 2024, value: 50, origin },
    ],
    workstreams: [{ number: 1, name: { en: 'One' }, sources: ['EIU', 'WEF'], origin }],
  };
}

function issuesOf(input: unknown): { path: string; value: unknown; message: string }[] {
  try {
    createDataset(input as DatasetInput);
  } catch (e) {
    expect(e).toBeInstanceOf(CpiGapError);
    const err = e as CpiGapError;
    expect(err.fn).toBe('createDataset');
    expect(err.message.startsWith('createDataset: ')).toBe(true);
    return err.issues.map((i) => ({ path: i.path.join('.'), value: i.value, message: i.message }));
  }
  throw new Error('expected createDataset to throw');
}

describe('createDataset', () => {
  it('validates, sorts scores by year and source order, derives workstreams and freezes', () => {
    const ds = createDataset(base());
    expect(ds.years).toEqual([2024]);
    expect(ds.scores.map((s) => s.source)).toEqual(['EIU', 'PRS', 'WEF']);
    expect(ds.sources.map((s) => [s.id, s.workstreams])).toEqual([
      ['EIU', [1]],
      ['PRS', []],
      ['WEF', [1]],
    ]);
    expect(Object.isFrozen(ds.scores[0])).toBe(true);
  });

  it('does not touch its input', () => {
    const input = base();
    const before = JSON.stringify(input);
    createDataset(input);
    expect(JSON.stringify(input)).toBe(before);
    expect(Object.isFrozen(input.scores)).toBe(false);
  });

  it('rejects an unknown source id, naming the path and value', () => {
    const input = base();
    (input.scores[0] as { source: string }).source = 'XXX';
    expect(issuesOf(input)[0]).toMatchObject({ path: 'scores.0.source', value: 'XXX' });
  });

  it('rejects a score from a source the dataset does not list', () => {
    const input = base();
    input.scores.push({ source: 'IMD', year: 2024, value: 40, origin });
    expect(issuesOf(input)).toContainEqual(expect.objectContaining({ path: 'scores.3.source', value: 'IMD' }));
  });

  it('rejects a duplicate year for a source', () => {
    const input = base();
    input.scores.push({ source: 'EIU', year: 2024, value: 41, origin });
    expect(issuesOf(input)).toContainEqual(expect.objectContaining({ path: 'scores.3.year', value: 2024, message: 'duplicate year for source EIU' }));
  });

  it('rejects a duplicate CPI year', () => {
    const input = { ...base(), cpi: [{ year: 2024, score: 45, origin }, { year: 2024, score: 46, origin }] };
    expect(issuesOf(input)).toContainEqual(expect.objectContaining({ path: 'cpi.1.year', value: 2024 }));
  });

  it.each([
    [101, 'scores.0.value'],
    [-1, 'scores.0.value'],
    [Number.NaN, 'scores.0.value'],
    [Infinity, 'scores.0.value'],
    ['45', 'scores.0.value'],
  ])('rejects the score %s', (value, path) => {
    const input = base();
    (input.scores[0] as { value: unknown }).value = value;
    const issue = issuesOf(input)[0];
    expect(issue?.path).toBe(path);
    expect(Object.is(issue?.value, value)).toBe(true);
  });

  it('rejects a year with fewer than 3 sources', () => {
    const input = base();
    input.scores.push({ source: 'EIU', year: 2025, value: 41, origin });
    expect(issuesOf(input)).toContainEqual(expect.objectContaining({ path: 'scores', value: 2025 }));
  });

  it('rejects a workstream naming an unknown source', () => {
    const input = base();
    input.workstreams = [{ number: 1, name: { en: 'One' }, sources: ['EIU', 'VDEM'], origin }];
    expect(issuesOf(input)).toContainEqual(expect.objectContaining({ path: 'workstreams.0.sources.1', value: 'VDEM' }));
  });

  it('rejects source workstreams that disagree with the workstreams table', () => {
    const input = base();
    input.sources[0] = { id: 'EIU', name: { en: 'EIU' }, workstreams: [2] };
    expect(issuesOf(input)).toContainEqual(expect.objectContaining({ path: 'sources.0.workstreams' }));
  });

  it('rejects unknown keys, including __proto__ and constructor', () => {
    expect(issuesOf({ ...base(), extra: 1 })[0]).toMatchObject({ path: '', value: ['extra'] });
    const hostile = JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(base()).slice(1)}`) as unknown;
    expect(() => createDataset(hostile as DatasetInput)).toThrow(CpiGapError);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('rejects non-objects', () => {
    for (const bad of [null, undefined, 42, 'dataset', []]) expect(() => createDataset(bad as unknown as DatasetInput)).toThrow(CpiGapError);
  });
});

describe('assertDataset', () => {
  it('accepts datasets made by createDataset and rejects look-alikes', () => {
    expect(() => {
      assertDataset('f', thailand);
    }).not.toThrow();
    expect(() => {
      assertDataset('f', { ...thailand });
    }).toThrow('f: dataset: expected a dataset made by createDataset');
  });
});

describe('createDataset: duplicates and declared workstreams', () => {
  it('names a duplicate source id, target id and workstream number', () => {
    const input = base();
    // A target as the bundled dataset has it, twice: the second repeats the id.
    const target = thailand.targets[0]!;
    const issues = issuesOf({
      ...input,
      sources: [...input.sources, { id: 'EIU', name: { en: 'EIU again' } }],
      targets: [target, { ...target }],
      workstreams: [...(input.workstreams ?? []), { number: 1, name: { en: 'One again' }, sources: ['PRS'], origin }],
    });
    expect(issues.map((i) => [i.path, i.message])).toEqual(
      expect.arrayContaining([
        ['sources.3.id', 'duplicate source id'],
        ['targets.1.id', 'duplicate target id'],
        ['workstreams.1.number', 'duplicate workstream number'],
      ]),
    );
  });

  it("says 'none' when a source declares workstreams that no workstream names it in", () => {
    const input = base();
    const issues = issuesOf({ ...input, sources: input.sources.map((s) => (s.id === 'PRS' ? { ...s, workstreams: [1] } : s)) });
    expect(issues).toEqual([expect.objectContaining({ path: 'sources.1.workstreams', message: 'does not match the workstreams that name PRS (none)' })]);
  });
});
