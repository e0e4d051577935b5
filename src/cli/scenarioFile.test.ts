import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDataset } from '../dataset/createDataset.js';
import { readScenarioFile } from './scenarioFile.js';

const dir = mkdtempSync(join(tmpdir(), 'cpi-gap-scenario-file-'));

// A user dataset: 2024 scores for EIU 40, PRS 50 and WEF 45, none for VDEM, and no published CPI.
const origin = { kind: 'user', note: 'test' } as const;
const dataset = createDataset({
  country: { iso3: 'XYZ', name: { en: 'Example' } },
  sources: [{ id: 'EIU', name: { en: 'EIU' } }, { id: 'PRS', name: { en: 'PRS' } }, { id: 'WEF', name: { en: 'WEF' } }, { id: 'VDEM', name: { en: 'V-Dem' } }],
  scores: [
    { source: 'EIU', year: 2024, value: 40, origin },
    { source: 'PRS', year: 2024, value: 50, origin },
    { source: 'WEF', year: 2024, value: 45, origin },
  ],
  workstreams: [{ number: 1, name: { en: 'One' }, sources: ['EIU', 'VDEM'], origin }],
});

describe('readScenarioFile with a dataset of gaps', () => {
  it('takes a workstream baseline from the sources scored that year, and cpi from the rounded mean when none was published', async () => {
    const file = join(dir, 'gaps.yaml');
    writeFileSync(file, ['baseYear: 2024', 'changes:', '  - { kind: lever, workstream: 1, year: 2025, uplift: "baseline / 8" }', '  - { kind: set, source: PRS, year: 2025, value: "cpi + 1" }'].join('\n'));
    const spec = await readScenarioFile(file, dataset, 60);
    // Workstream 1 is EIU and VDEM; only EIU (40) is scored in 2024, so baseline = 40 and 40 / 8 = 5.
    // No CPI for 2024: the mean of 40, 50 and 45 is 45, so cpi + 1 = 46.
    expect(spec.changes).toEqual([
      { kind: 'lever', workstream: 1, year: 2025, uplift: 5 },
      { kind: 'set', source: 'PRS', year: 2025, value: 46 },
    ]);
  });
});
