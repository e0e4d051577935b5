import { Ajv } from 'ajv';
import schema from 'vega-lite/vega-lite-schema.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { toSvg } from '../render/toSvg.js';
import type { SimulationYear } from '../simulation/records.js';
import { monteCarloFanSpec } from './monteCarloFan.js';

const ajv = new Ajv({ strict: false, allErrors: true });
for (const format of ['uri', 'uri-reference', 'color-hex']) ajv.addFormat(format, true);
const validate = ajv.compile(schema);

// Hand-written records (not a simulation's output): quantiles widen with the years.
const YEARS: SimulationYear[] = [2026, 2027, 2028].map((year, i) => ({
  year,
  histogram: [],
  mean: 34 + i,
  sd: 2 + i,
  quantiles: { q05: 31 - i, q25: 33, q50: 34 + i, q75: 36 + i, q95: 38 + 2 * i },
  median: 34 + i,
  pTarget: 0.01 * i,
  pTargetSe: 0.001,
  ranks: [],
}));

describe('monteCarloFanSpec', () => {
  it.each(['en', 'th'] as const)('validates, renders without warnings and writes P(score >= target) (%s)', async (locale) => {
    const spec = monteCarloFanSpec(YEARS, { locale, era: locale === 'th' ? 'be' : 'ce', target: 51 });
    expect(validate(spec)).toBe(true);
    const warnings: string[] = [];
    const svg = await toSvg(spec, { onWarning: (m) => warnings.push(m) });
    expect(warnings).toEqual([]);
    // The chance above each year, explained in the subtitle in the chart's language.
    expect(svg).toMatch(/>2%<\/text>/);
    expect(svg).toContain(locale === 'th' ? 'ตัวเลขสีแดง: โอกาสที่จะได้คะแนน 51 ขึ้นไป' : 'Red figures: the chance of a score of 51 or more.');
    if (locale === 'th') expect(svg).toContain('ค่าเป้าหมาย');
  });

  it('rejects an empty list', () => {
    expect(() => monteCarloFanSpec([])).toThrow(/monteCarloFanSpec: years/);
  });
});
