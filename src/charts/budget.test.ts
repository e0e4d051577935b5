import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { thailand } from '../dataset/thailand.js';
import { budgetByAgency, budgetByMeasure, budgetByWorkstream } from '../plan/budgetBy.js';
import { budgetSpec, PLAN_BUDGET_ORIGIN } from './budget.js';
import { chartContext } from './records.js';
import { checkSpec, expectRejections, rows, snapshotable } from './specChecks.test-data.js';

interface Row {
  key: string;
  row: string;
  workstream: string;
  amount: number;
  printed: number;
  deduplicated: number;
  label: string;
}

// Independent of cpi-gap/plan's roll-ups: the plan's projects as shipped, summed here.
const PROJECTS = JSON.parse(readFileSync(new URL('../../data/plan/projects.json', import.meta.url), 'utf8')) as {
  measureId: string;
  budget: number | null;
  sameAs?: string;
}[];
const sum = (ps: typeof PROJECTS) => ps.reduce((s, p) => s + (p.budget ?? 0), 0);
const workstreams = chartContext(thailand).workstreams;

describe('budgetSpec', () => {
  it.each(['en', 'th'] as const)('validates, compiles and draws without warnings, with Thai or English labels (%s)', async (locale) => {
    const spec = budgetSpec(budgetByMeasure(), { workstreams, locale });
    const { svg, schemaErrors, warnings } = await checkSpec(spec);
    expect(schemaErrors).toEqual([]);
    expect(warnings).toEqual([]);
    if (locale === 'th') {
      expect(svg).toContain('งบประมาณของแผนปฏิบัติการจำแนกตามมาตรการและแผนงาน');
      expect(svg).toContain('แผนงานเรื่องที่ 1 การป้องกันการติดสินบน');
      expect(svg).toContain('งบประมาณ (ล้านบาท)');
    } else {
      expect(svg).toContain('Budget by measure and workstream of the action plan (million baht, deduplicated)');
      expect(svg).toContain('WS1 measure 1.1');
      // What the English chart prints is English; the measures' Thai names (the plan has no English
      // ones) are only in the tooltips, and so in the marks' aria-labels.
      const printed = [...svg.matchAll(/<text[^>]*>(.*?)<\/text>/g)].map((t) => t[1]).join('\n');
      expect(printed).toContain(`${PROJECTS.filter((p) => p.budget === null).length} of ${PROJECTS.length} projects print no budget`);
      expect(printed).not.toMatch(/[\u0E00-\u0E7F]{4}/);
    }
    expect(snapshotable(spec)).toMatchSnapshot();
  });

  it('draws each measure at its budget summed from the plan JSON, repeats counted once, and gives the totals', () => {
    const spec = budgetSpec(budgetByMeasure(), { workstreams });
    const data = rows<Row>(spec);
    const measures = [...new Set(PROJECTS.map((p) => p.measureId))];
    for (const id of measures) {
      const mine = PROJECTS.filter((p) => p.measureId === id);
      const row = data.find((r) => r.key === id);
      expect(row?.printed, id).toBe(sum(mine));
      expect(row?.amount, id).toBeCloseTo(sum(mine.filter((p) => p.sameAs === undefined)) / 1e6, 9);
    }
    const meta = (spec.usermeta as { cpiGap: Record<string, unknown> }).cpiGap;
    expect(meta['totalPrinted']).toBe(sum(PROJECTS));
    expect(meta['totalDeduplicated']).toBe(sum(PROJECTS.filter((p) => p.sameAs === undefined)));
    expect(meta['withoutBudget']).toBe(PROJECTS.filter((p) => p.budget === null).length);
    expect(meta['projects']).toBe(PROJECTS.length);
    expect(meta['provenance']).toMatchObject({ seedSections: [PLAN_BUDGET_ORIGIN.section] });
    // The grey "as printed" bars: only where a repeat listing makes the printed sum larger.
    const repeated = new Set(PROJECTS.filter((p) => p.sameAs !== undefined && (p.budget ?? 0) > 0).map((p) => p.measureId));
    expect(new Set(data.filter((r) => r.printed > r.deduplicated).map((r) => r.key))).toEqual(repeated);
    expect(JSON.stringify(spec)).toContain('"filter":"datum.printed > datum.deduplicated"');
    // Measures with no project, with no budget at all, and only repeat listings say so.
    const MEASURES = JSON.parse(readFileSync(new URL('../../data/plan/measures.json', import.meta.url), 'utf8')) as { id: string }[];
    const of = (id: string) => PROJECTS.filter((p) => p.measureId === id);
    const empty = MEASURES.find((m) => of(m.id).length === 0)?.id;
    const unbudgeted = measures.find((id) => of(id).length > 1 && of(id).every((p) => p.budget === null));
    const repeats = measures.find((id) => of(id).every((p) => p.sameAs !== undefined));
    expect([empty, unbudgeted, repeats].every((id) => id !== undefined)).toBe(true);
    expect(data.find((r) => r.key === empty)?.label).toBe('no project');
    expect(data.find((r) => r.key === unbudgeted)?.label).toBe(`no budget given (${of(unbudgeted ?? '').length} projects)`);
    expect(data.find((r) => r.key === repeats)?.label).toBe(`${of(repeats ?? '').length} repeat listing counted under its first measure`);
  });

  it('draws workstream roll-ups as printed, labelled with their names, with no grey bars', async () => {
    const spec = budgetSpec(budgetByWorkstream(), { amount: 'printed', height: 120 });
    const data = rows<Row>(spec);
    expect(data.map((r) => r.row)).toEqual(['WS1 Bribery prevention', "WS2 Scrutiny of state officials' use of power and position", 'WS3 Value for money in public spending and resources', 'WS4 Effectiveness in solving corruption']);
    expect(data.reduce((s, r) => s + r.amount, 0)).toBeCloseTo(sum(PROJECTS) / 1e6, 9);
    expect(JSON.stringify(spec)).not.toContain('datum.printed > datum.deduplicated');
    expect((spec as { height?: unknown }).height).toBe(120);
    expect(JSON.stringify(spec.title)).toContain('Budget by workstream of the action plan (million baht, as printed)');
    const { schemaErrors, warnings } = await checkSpec(spec);
    expect([...schemaErrors, ...warnings]).toEqual([]);
  });

  it('draws agency roll-ups (no workstream) in one colour, and user origins replace the plan origin', async () => {
    const spec = budgetSpec(budgetByAgency().slice(0, 5), { locale: 'th', origins: [{ kind: 'user', note: 'agency roll-up' }] });
    const data = rows<Row>(spec);
    expect(new Set(data.map((r) => r.workstream))).toEqual(new Set(['ไม่อยู่ในแผนงานใด']));
    expect((spec.usermeta as { cpiGap: { provenance: { seedSections: string[]; user: string[] } } }).cpiGap.provenance).toMatchObject({ seedSections: [], user: ['agency roll-up'] });
    const { schemaErrors, warnings } = await checkSpec(spec);
    expect([...schemaErrors, ...warnings]).toEqual([]);
  });

  it('makes row labels unique when two rows would read the same', () => {
    const base = { name: 'กลุ่ม', projects: 1, projectsDeduplicated: 1, withoutBudget: 0, printed: 1e6, deduplicated: 1e6 };
    const data = rows<Row>(budgetSpec([{ ...base, key: 'a' }, { ...base, key: 'b' }], { locale: 'th' }));
    expect(data.map((r) => r.row)).toEqual(['กลุ่ม (a)', 'กลุ่ม (b)']);
  });

  it('rejects an empty list, a row that is not a roll-up, a repeated key and a bad option, naming the field', () => {
    const good = budgetByMeasure();
    const cases: [() => unknown, RegExp][] = [
      [() => budgetSpec([]), /budgetSpec: rollups: .*at least one/],
      [() => budgetSpec([{ key: 'x' }] as never), /budgetSpec: rollups\[0\]\.name/],
      [() => budgetSpec([{ ...good[0]!, printed: -1 }]), /budgetSpec: rollups\[0\]\.printed/],
      [() => budgetSpec([good[0]!, good[0]!]), /budgetSpec: rollups\[1\]\.key: expected a key no other row has/],
      [() => budgetSpec(good, { amount: 'both' as never }), /budgetSpec: options\.amount/],
    ];
    expectRejections(cases);
  });

  it('does not mutate its input', () => {
    const input = budgetByMeasure();
    const copy = structuredClone(input);
    budgetSpec(input, { locale: 'th' });
    expect(input).toEqual(copy);
  });
});
