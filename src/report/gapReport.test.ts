import { describe, expect, it } from 'vitest';
import { createDataset } from '../dataset/createDataset.js';
import { thailand } from '../dataset/thailand.js';
import { formatGapReport, gapReport, provenanceLine } from './gapReport.js';

describe('gap report', () => {
  const report = gapReport(thailand, { year: 2022 });

  it('gathers source, workstream and CPI gaps of one year', () => {
    expect(report.sources).toHaveLength(9);
    expect(report.workstreams).toHaveLength(4);
    expect(report.cpi.totalUplift).toBe(130.5);
  });

  it('prints an English table with every source, workstream and the uplift', () => {
    const text = formatGapReport(thailand, report);
    expect(text).toContain('Thailand: CPI 2022, gaps to a score of 51');
    expect(text).toMatch(/\nVarieties of Democracy\s+26\s+51\s+25\s+1\s+4/);
    // Source names as the seed writes them: no internal id, no abbreviation repeated before a name.
    expect(text).toMatch(/\nIMD World Competitiveness Yearbook\s/);
    expect(text).not.toMatch(/IMD IMD|VDEM|BTI/);
    expect(text).toMatch(/WS2 .*BF \(TI\)\*, EIU\*, PRS\*, WJP\s+64\s+16/);
    expect(text).toMatch(/Total uplift needed across sources\s+130\.5/);
    expect(text).toMatch(/Even uplift per source\s+14\.5/);
    expect(text).toContain('do not add the workstream sums');
    expect(text).toContain('FY2023 CPI action plan');
  });

  it('prints Thai headers, Buddhist Era years by default (Common Era on request) and sources as the seed writes them', () => {
    const text = formatGapReport(thailand, report, { locale: 'th' });
    expect(text).toContain('ประเทศไทย: ดัชนีการรับรู้การทุจริต ปี 2565');
    expect(formatGapReport(thailand, report, { locale: 'th', era: 'ce' })).toContain('ประเทศไทย: ดัชนีการรับรู้การทุจริต ปี 2022');
    expect(formatGapReport(thailand, report, { locale: 'en' })).toContain('Thailand: CPI 2022,');
    expect(text).toContain('แหล่งข้อมูล');
    expect(text).toContain('แผนงานเรื่องที่ 1 การป้องกันการติดสินบน');
    expect(text).toMatch(/\nBF \(TI\)\s/);
    expect(text).toMatch(/\nV-DEM\s/);
    expect(text).toContain('BF (TI)*, EIU*, PRS*, WJP');
    expect(text).not.toMatch(/\[|BTI|VDEM/);
  });

  it('names TI and its edition when the numbers come from TI', () => {
    expect(formatGapReport(thailand, gapReport(thailand))).toContain('Transparency International, Corruption Perceptions Index 2025 (CC BY-ND 4.0)');
  });

  it('writes CSV and JSON', () => {
    const csv = formatGapReport(thailand, report, { format: 'csv' }).split('\n');
    expect(csv[0]).toBe('Source,Score,Target,Gap,Gap rank,Workstreams');
    expect(csv).toContain('PRS International Country Risk Guide,32,51,19,2,"1, 2"');
    expect(JSON.parse(formatGapReport(thailand, report, { format: 'json' })).cpi.evenUplift).toBe(14.5);
  });

  it('aligns the Thai workstream table by display width: each line of the table is as wide as its rule', () => {
    // Columns a terminal gives each line, counted independently: a column per code point but nonspacing marks.
    const columns = (line: string) => Array.from(line).filter((c) => !/\p{Mn}/u.test(c)).length;
    const lines = formatGapReport(thailand, report, { locale: 'th' }).split('\n');
    const header = lines.findIndex((l) => l.startsWith('แผนงาน '));
    const rule = lines[header + 1]!;
    // The right-aligned last column ends under the rule's end on every row (workstream names hold SARA AM: อำนาจ, ตำแหน่ง).
    for (const line of lines.slice(header + 2, header + 6)) expect(columns(line), line).toBe(rule.length);
  });
});

describe('gap report: hostile input (found by the fuzz suite)', () => {
  const report = gapReport(thailand, { year: 2022 });

  it('formatGapReport rejects a non-dataset, a malformed report and unknown options', () => {
    expect(() => formatGapReport({} as never, report)).toThrow(/formatGapReport: dataset:/);
    expect(() => formatGapReport(thailand, { ...report, cpi: { ...report.cpi, mean: Number.NaN } })).toThrow(/formatGapReport: report\.cpi\.mean/);
    expect(() => formatGapReport(thailand, { ...report, sources: 'all' as never })).toThrow(/report\.sources/);
    expect(() => formatGapReport(thailand, report, { locale: 'fr' as never })).toThrow(/options\.locale/);
    expect(() => formatGapReport(thailand, report, { format: 'xml' as never })).toThrow(/options\.format/);
    expect(() => formatGapReport(thailand, report, null as never)).toThrow(/formatGapReport: options/);
  });

  it('formatGapReport still prints a report that went through JSON', () => {
    const revived = JSON.parse(JSON.stringify(report)) as typeof report;
    expect(formatGapReport(thailand, revived)).toBe(formatGapReport(thailand, report));
  });

  it('provenanceLine names the seed, TI editions and user data, and rejects what is not a list of origins', () => {
    const line = provenanceLine([{ kind: 'seed', section: 's' }, { kind: 'ti', edition: 2024, file: 'f' }, { kind: 'ti', edition: 2023, file: 'f' }, null, { kind: 'user', note: 'n' }], 'en');
    expect(line).toBe('Sources: Thailand FY2023 CPI action plan (seed document); Transparency International, Corruption Perceptions Index 2023, 2024 (CC BY-ND 4.0); user-supplied data');
    expect(provenanceLine([{ kind: 'user', note: 'n' }], 'th')).toBe('ที่มา: ข้อมูลของผู้ใช้');
    expect(() => provenanceLine(0 as never, 'en')).toThrow(/provenanceLine: origins/);
    expect(() => provenanceLine([{ kind: 'web' }] as never, 'en')).toThrow(/origins\[0\]/);
    expect(() => provenanceLine([], 'de' as never)).toThrow(/provenanceLine: locale/);
  });
});

describe('gap report of a user dataset (no published CPI, a workstream without scores that year)', () => {
  const origin = { kind: 'user', note: 'test' } as const;
  const input = {
    country: { iso3: 'XYZ', name: { en: 'Example' } },
    sources: [{ id: 'EIU', name: { en: 'EIU' } }, { id: 'PRS', name: { en: 'PRS' } }, { id: 'WEF', name: { en: 'WEF' } }, { id: 'VDEM', name: { en: 'V-Dem' } }],
    scores: [
      { source: 'EIU', year: 2024, value: 40, origin },
      { source: 'PRS', year: 2024, value: 50, origin },
      { source: 'WEF', year: 2024, value: 45, origin },
      { source: 'EIU', year: 2023, value: 39, origin },
      { source: 'PRS', year: 2023, value: 49, origin },
      { source: 'VDEM', year: 2023, value: 30, origin },
    ],
    workstreams: [
      { number: 1, name: { en: 'One' }, sources: ['EIU', 'WEF'], origin },
      { number: 2, name: { en: 'Two' }, sources: ['VDEM'], origin },
    ],
  } satisfies Parameters<typeof createDataset>[0];
  const ds = createDataset(input);

  it("prints '-' for the published score and for the mean gap of a workstream with no score that year", () => {
    const text = formatGapReport(ds, gapReport(ds, { year: 2024, target: 51 }));
    // Mean of 40, 50 and 45 is 45; no CPI was published for this dataset.
    expect(text).toMatch(/Published score\s+-/);
    expect(text).toMatch(/WS2 Two\s+\S*\s+0(\.00)?\s+-/);
    expect(text).toContain('Sources: user-supplied data');
  });

  it('prints a published score that has no rank without one', () => {
    const withCpi = createDataset({ ...input, cpi: [{ year: 2024, score: 45, origin }] });
    const text = formatGapReport(withCpi, gapReport(withCpi, { year: 2024, target: 51 }));
    expect(text).toMatch(/Published score\s+45\n/);
    expect(text).not.toMatch(/Published score.*\(/);
  });
});
