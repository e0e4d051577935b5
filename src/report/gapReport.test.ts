import { describe, expect, it } from 'vitest';
import { thailand } from '../dataset/thailand.js';
import { formatGapReport, gapReport } from './gapReport.js';
import { displayWidth } from './table.js';

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
    expect(text).toMatch(/VDEM Varieties of Democracy\s+26\s+51\s+25\s+1\s+4/);
    expect(text).toMatch(/WS2 .*BTI\* EIU\* PRS\* WJP\s+64\s+16/);
    expect(text).toMatch(/Total uplift needed across sources\s+130\.5/);
    expect(text).toMatch(/Even uplift per source\s+14\.5/);
    expect(text).toContain('do not add the workstream sums');
    expect(text).toContain('FY2023 CPI action plan');
  });

  it('prints Thai headers and Buddhist Era years with --lang th --era be', () => {
    const text = formatGapReport(thailand, report, { locale: 'th', era: 'be' });
    expect(text).toContain('ประเทศไทย: ดัชนีการรับรู้การทุจริต ปี 2565');
    expect(text).toContain('แหล่งข้อมูล');
    expect(text).toContain('แผนงานเรื่องที่ 1 การป้องกันการติดสินบน');
    expect(text).toContain('BF (TI) [BTI]');
  });

  it('names TI and its edition when the numbers come from TI', () => {
    expect(formatGapReport(thailand, gapReport(thailand))).toContain('Transparency International, Corruption Perceptions Index 2025 (CC BY-ND 4.0)');
  });

  it('writes CSV and JSON', () => {
    const csv = formatGapReport(thailand, report, { format: 'csv' }).split('\n');
    expect(csv[0]).toBe('Source,Score,Target,Gap,Gap rank,Workstreams');
    expect(csv).toContain('PRS PRS International Country Risk Guide,32,51,19,2,"1, 2"');
    expect(JSON.parse(formatGapReport(thailand, report, { format: 'json' })).cpi.evenUplift).toBe(14.5);
  });

  it('aligns Thai columns by display width (combining marks take no column)', () => {
    expect(displayWidth('ที่')).toBe(1);
    expect(displayWidth('คะแนน')).toBe(5);
    const lines = formatGapReport(thailand, report, { locale: 'th' }).split('\n');
    const header = lines.findIndex((l) => l.startsWith('แหล่งข้อมูล'));
    const widths = lines.slice(header, header + 11).map(displayWidth);
    expect(new Set(widths.slice(0, 2)).size).toBe(1);
  });
});
