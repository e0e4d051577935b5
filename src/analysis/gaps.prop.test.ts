import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataset, datasetInput } from '../../tests/arbitraries/dataset.js';
import { createDataset } from '../dataset/createDataset.js';
import { cpiGap, sourceGaps, workstreamGaps } from './gaps.js';

const target = fc.integer({ min: 0, max: 100 });

describe('gap properties', () => {
  it('each source gap equals target minus score', () => {
    fc.assert(
      fc.property(dataset, target, (ds, t) => {
        for (const year of ds.years) {
          for (const g of sourceGaps(ds, { year, target: t })) {
            const score = ds.scores.find((s) => s.source === g.source && s.year === year)?.value;
            expect(g.gap).toBe(t - (score ?? Number.NaN));
          }
        }
      }),
    );
  });

  it('raising any source\'s score never lowers the CPI mean nor raises the uplift needed', () => {
    fc.assert(
      fc.property(datasetInput, fc.nat(), fc.double({ min: 0, max: 100, noNaN: true }), target, (input, pick, raise, t) => {
        const i = pick % input.scores.length;
        const old = input.scores[i]!;
        const raised = { ...input, scores: input.scores.map((s, j) => (j === i ? { ...s, value: Math.min(100, s.value + raise) } : s)) };
        const before = cpiGap(createDataset(input), { year: old.year, target: t });
        const after = cpiGap(createDataset(raised), { year: old.year, target: t });
        expect(after.mean).toBeGreaterThanOrEqual(before.mean - 1e-12);
        expect(after.score).toBeGreaterThanOrEqual(before.score);
        expect(after.totalUplift).toBeLessThanOrEqual(before.totalUplift + 1e-9);
      }),
    );
  });

  it('the even uplift brings the mean exactly to the needed mean', () => {
    fc.assert(
      fc.property(dataset, target, (ds, t) => {
        const g = cpiGap(ds, { target: t });
        expect(g.mean + g.evenUplift).toBeCloseTo(t - 0.5, 9);
      }),
    );
  });

  it('workstream sums equal the sum of their sources\' gaps', () => {
    fc.assert(
      fc.property(dataset, target, (ds, t) => {
        const gaps = new Map(sourceGaps(ds, { target: t }).map((g) => [g.source, g.gap]));
        for (const w of workstreamGaps(ds, { target: t })) {
          expect(w.gapSum).toBeCloseTo(w.sources.reduce((a, s) => a + (gaps.get(s.source) ?? Number.NaN), 0), 9);
        }
      }),
    );
  });

  it('no function mutates its input', () => {
    fc.assert(
      fc.property(datasetInput, target, (input, t) => {
        const before = JSON.stringify(input);
        const ds = createDataset(input);
        const options = { target: t };
        sourceGaps(ds, options);
        cpiGap(ds, options);
        workstreamGaps(ds, options);
        expect(JSON.stringify(input)).toBe(before);
        expect(options).toEqual({ target: t });
      }),
    );
  });
});
