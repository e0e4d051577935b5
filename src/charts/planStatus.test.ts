import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { compile } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { AS_OF, UPDATES } from '../plan/progress/fixture.test-data.js';
import { progressRollup } from '../plan/progress/rollup.js';
import { THAI_FONT_STACK } from './options.js';
import { planStatusSpec, STATE_COLOURS } from './planStatus.js';

const schema = JSON.parse(readFileSync(new URL('../../node_modules/vega-lite/build/vega-lite-schema.json', import.meta.url), 'utf8')) as object;
const validate = new Ajv({ allowUnionTypes: true, strict: false }).compile(schema);

interface Datum {
  group: string;
  key: string;
  state: string;
  status: string;
  projects: number;
}

describe('planStatusSpec', () => {
  const rollup = progressRollup(UPDATES, { asOf: AS_OF });

  it('has one segment per non-zero status of each workstream, with the roll-up counts', () => {
    const spec = planStatusSpec(rollup, { locale: 'en' });
    const values = (spec.data as { values: Datum[] }).values;
    for (const g of rollup.groups) {
      const mine = values.filter((v) => v.key === g.key);
      expect(Object.fromEntries(mine.map((v) => [v.state, v.projects]))).toEqual(Object.fromEntries(Object.entries(g.byStatus).filter(([, n]) => n > 0)));
      expect(mine.reduce((s, v) => s + v.projects, 0)).toBe(g.projects);
    }
    expect(values.find((v) => v.key === '1' && v.state === 'delayed')).toMatchObject({ group: 'WS1 Bribery prevention', status: 'Delayed', projects: 1 });
  });

  it('is valid Vega-Lite (schema and compiler) in Thai and English, normalised or not', () => {
    for (const locale of ['th', 'en'] as const) {
      for (const normalize of [false, true]) {
        const spec = planStatusSpec(rollup, { locale, normalize });
        expect(validate(spec), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
        expect(() => compile(spec)).not.toThrow();
      }
    }
  });

  it('labels in Thai, uses a Thai-capable font list and carries provenance', () => {
    const spec = planStatusSpec(rollup);
    const values = (spec.data as { values: Datum[] }).values;
    expect(values[0]?.group).toBe('แผนงานเรื่องที่ 1 การป้องกันการติดสินบน');
    expect(values.map((v) => v.status)).toContain('ล่าช้า');
    // The date as Thai readers write it: 30 June 2566 B.E.
    expect(spec.title).toMatchObject({ text: 'สถานะโครงการ จำแนกตามแผนงาน ณ วันที่ 30 มิ.ย. 2566' });
    expect(spec.config?.font).toBe(THAI_FONT_STACK);
    expect(THAI_FONT_STACK).toMatch(/^Sarabun, Noto Sans Thai, Loma/);
    expect(spec.usermeta?.provenance).toMatchObject({ library: 'cpi-gap', asOf: '2023-06-30', by: 'workstream' });
  });

  it('works for other groupings (sources by id)', () => {
    const spec = planStatusSpec(progressRollup(UPDATES, { asOf: AS_OF, by: 'source' }), { locale: 'en', title: 'By source' });
    const values = (spec.data as { values: Datum[] }).values;
    expect(new Set(values.map((v) => v.group))).toEqual(new Set(['IMD', 'WEF', 'PERC', 'WJP', 'GI', 'PRS', 'EIU', 'VDEM', 'BTI']));
    expect(spec.title).toMatchObject({ text: 'By source' });
  });

  it('labels agencies by their English name and measures (which have none) by their printed name', () => {
    const byAgency = progressRollup(UPDATES, { asOf: AS_OF, by: 'agency' });
    const agencyGroups = (planStatusSpec(byAgency, { locale: 'en' }).data as { values: Datum[] }).values;
    const named = byAgency.groups.find((g) => g.nameEn !== undefined && g.projects > g.byStatus['no-update']);
    expect(named).toBeDefined();
    expect(agencyGroups.filter((v) => v.key === named?.key).map((v) => v.group)).toContain(named?.nameEn);
    const byMeasure = progressRollup(UPDATES, { asOf: AS_OF, by: 'measure' });
    const measure = byMeasure.groups.find((g) => g.byStatus.done > 0);
    expect(measure?.nameEn).toBeUndefined();
    const measureGroups = (planStatusSpec(byMeasure, { locale: 'en' }).data as { values: Datum[] }).values;
    expect(measureGroups.find((v) => v.key === measure?.key && v.state === 'done')?.group).toBe(measure?.name);
  });

  it('does not mutate the roll-up and rejects bad input with CpiGapError', () => {
    const copy = structuredClone(rollup);
    planStatusSpec(rollup);
    expect(rollup).toEqual(copy);
    expect(() => planStatusSpec({} as never)).toThrow(/planStatusSpec: rollup/);
    expect(() => planStatusSpec(rollup, { width: 0 })).toThrow(/planStatusSpec: options.width/);
  });

  it('takes the chart options every builder takes: no title, a scheme instead of the state colours, workstream names', () => {
    const spec = planStatusSpec(rollup, { locale: 'en', title: false, scheme: 'set2', workstreams: [{ number: 1, name: { en: 'Bribes' } }] });
    expect('title' in spec).toBe(false);
    const color = (spec as unknown as { encoding: { color: { scale: Record<string, unknown> } } }).encoding.color.scale;
    expect(color).toEqual({ domain: ['Not started', 'In progress', 'Delayed', 'Done', 'Cancelled', 'No update'], scheme: 'set2' });
    const values = (spec.data as { values: Datum[] }).values;
    expect(new Set(values.map((v) => v.group))).toEqual(new Set(['WS1 Bribes', 'WS2', 'WS3', 'WS4']));
    // Without a scheme, each state keeps its own colour, in report order.
    const fixed = (planStatusSpec(rollup) as unknown as { encoding: { color: { scale: { range: string[] } } } }).encoding.color.scale.range;
    expect(fixed).toEqual(['#9e9e9e', '#4c78a8', '#f58518', '#54a24b', '#5f5f5f', '#e0e0e0']);
    expect(fixed).toEqual(Object.values(STATE_COLOURS));
  });

  it('keeps its defaults: Thai, 480 x 200', () => {
    const spec = planStatusSpec(rollup) as unknown as { width: number; height: number };
    expect([spec.width, spec.height]).toEqual([480, 200]);
  });
});
