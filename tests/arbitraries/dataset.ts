import fc from 'fast-check';
import { createDataset, type Dataset } from '../../src/dataset/createDataset.js';
import type { DatasetInput } from '../../src/dataset/schema.js';
import { CURRENT_SOURCE_IDS } from '../../src/dataset/sourceCatalog.js';

const origin = { kind: 'user', note: 'generated' } as const;

/** Any valid dataset input: 3-13 sources, 1-6 consecutive years, every source scored every year, 0-4 workstreams. */
export const datasetInput: fc.Arbitrary<DatasetInput> = fc
  .record({
    ids: fc.shuffledSubarray([...CURRENT_SOURCE_IDS], { minLength: 3 }),
    firstYear: fc.integer({ min: 2012, max: 2030 }),
    years: fc.integer({ min: 1, max: 6 }),
    seed: fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 13 * 6, maxLength: 13 * 6 }),
    ws: fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), { maxLength: 4 }),
  })
  .map(({ ids, firstYear, years, seed, ws }) => ({
    country: { iso3: 'XYZ', name: { en: 'Example' } },
    sources: ids.map((id) => ({ id, name: { en: id } })),
    scores: ids.flatMap((source, i) =>
      Array.from({ length: years }, (_, y) => ({ source, year: firstYear + y, value: seed[i * 6 + y] ?? 0, origin })),
    ),
    workstreams: ws.map((picks, w) => ({
      number: w + 1,
      name: { en: `WS${w + 1}` },
      sources: [...new Set(picks.map((p) => ids[p % ids.length]!))],
      origin,
    })),
  }));

/** Any valid dataset. */
export const dataset: fc.Arbitrary<Dataset> = datasetInput.map((input) => createDataset(input));
