import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../util/csv.js';
import { AS_OF, UPDATES } from './fixture.test-data.js';
import { formatStatusReport, statusReport } from './statusReport.js';

describe('statusReport', () => {
  const report = statusReport(UPDATES, { asOf: AS_OF, locale: 'en' });

  it('lists the latest problems and obstacles by workstream, each project once', () => {
    expect(report.obstacles.map((o) => [o.workstream, o.projectId, o.state, o.problems])).toEqual([
      [1, 'ws1-m1.1-p1', 'delayed', 'ขาดแคลนบุคลากร'],
      [2, 'ws2-m1.1-p1', 'not-started', 'Awaiting budget approval'],
      [4, 'ws4-m1.1-p1', 'cancelled', 'ยกเลิกเนื่องจากไม่ได้รับงบประมาณ'],
      [4, 'ws4-m2.1-p2', 'in-progress', 'Community network meetings postponed'],
    ]);
  });

  it('lists overdue projects with their deadline and the overrun with budget and spend', () => {
    expect(report.overdue.map((o) => [o.projectId, o.deadline, o.state])).toEqual([
      ['ws1-m3.1-p4', '2023-05-31', 'no-update'],
      ['ws1-m3.3-p5', '2023-03-31', 'no-update'],
      ['ws1-m3.3-p6', '2023-02-28', 'no-update'],
    ]);
    expect(report.overBudget.map((o) => [o.projectId, o.budget, o.spent])).toEqual([['ws1-m1.1-p1', 50000, 65000]]);
    expect(report.later).toBe(1);
    expect(report.workstreams.map((w) => w.projects)).toEqual([47, 12, 17, 17]);
    expect(report.total.projects).toBe(93);
  });

  it('formats as English text with every section', () => {
    const text = formatStatusReport(report);
    expect(text.split('\n')[0]).toBe('FY2023 CPI action plan: progress as of 2023-06-30');
    expect(text).toContain('Problems and obstacles by workstream');
    expect(text).toMatch(/^WS4 Effectiveness in solving corruption$/m);
    expect(text).toContain('- ws4-m2.1-p2 ');
    expect(text).toContain('Overdue projects (3)');
    expect(text).toContain('Spending above budget (1)');
    expect(text).toMatch(/^Whole plan\s+93\s+1\s+1\s+1\s+4\s+1\s+85\s+4\.3%/m);
  });

  it('formats in Thai', () => {
    const text = formatStatusReport(report, { locale: 'th' });
    expect(text).toContain('ปัญหาและอุปสรรค จำแนกตามแผนงาน');
    expect(text).toContain('แผนงานเรื่องที่ 1 การป้องกันการติดสินบน');
    expect(text).toContain('ทั้งแผน');
    expect(text).toContain('โครงการที่เกินกำหนด (3)');
    // Dates as Thai readers write them, in the Buddhist Era; no ISO date is left in the Thai text.
    expect(text.split('\n')[0]).toMatch(/ณ วันที่ \d{1,2} \S+ 25\d\d$/);
    expect(text).not.toMatch(/\b20\d\d-\d\d-\d\d\b/);
  });

  it('formats each table as CSV with raw numbers, and JSON as the record', () => {
    const summary = parseCsv(formatStatusReport(report, { format: 'csv' }));
    expect(summary[0]?.slice(0, 9)).toEqual(['Workstream', 'Projects', 'Not started', 'In progress', 'Delayed', 'Done', 'Cancelled', 'No update', 'Complete']);
    expect(summary[5]?.slice(0, 9)).toEqual(['Whole plan', '93', '1', '1', '1', '4', '1', '85', String(4 / 93)]);
    expect(summary[5]?.[10]).toBe('546886700');
    const obstacles = parseCsv(formatStatusReport(report, { format: 'csv', table: 'obstacles', locale: 'th' }));
    expect(obstacles[0]).toEqual(['แผนงาน', 'รหัสโครงการ', 'ชื่อโครงการ', 'หน่วยงาน', 'สถานะ', 'วันที่รายงาน', 'ปัญหาและอุปสรรค']);
    expect(obstacles).toHaveLength(5);
    expect(parseCsv(formatStatusReport(report, { format: 'csv', table: 'overBudget' }))[1]?.slice(-2)).toEqual(['50000', '65000']);
    expect(JSON.parse(formatStatusReport(report, { format: 'json' }))).toEqual(JSON.parse(JSON.stringify(report)));
  });

  it('a report with no updates says so and has no NaN', () => {
    const empty = statusReport([], { asOf: '2022-12-31' });
    const text = formatStatusReport(empty, { locale: 'en' });
    expect(text).toContain('No problems reported.');
    expect(text).not.toMatch(/NaN|Infinity/);
    expect(JSON.stringify(empty)).not.toMatch(/NaN|Infinity/);
  });

  it('rejects bad input with CpiGapError', () => {
    expect(() => statusReport(UPDATES, { locale: 'fr' } as never)).toThrow(/statusReport: options.locale/);
    expect(() => formatStatusReport({} as never)).toThrow(/formatStatusReport: report/);
    expect(() => formatStatusReport(report, { format: 'xml' } as never)).toThrow(/formatStatusReport: options.format/);
  });

  it('formatStatusReport refuses a report whose numbers are not finite instead of printing NaN% (found by the fuzz suite)', () => {
    const report = statusReport(UPDATES, { asOf: AS_OF });
    const ws = report.workstreams[0]!;
    const broken = { ...report, workstreams: [{ ...ws, shareComplete: Number.NaN }, ...report.workstreams.slice(1)] };
    expect(() => formatStatusReport(broken)).toThrow(/formatStatusReport: report\.workstreams\[0\]\.shareComplete/);
    expect(() => formatStatusReport({ ...report, total: { ...report.total, spent: Number.POSITIVE_INFINITY } })).toThrow(/report\.total\.spent/);
    expect(() => formatStatusReport({ ...report, later: '2' } as never)).toThrow(/report\.later/);
    // The report itself, and one that went through JSON, still print.
    expect(formatStatusReport(JSON.parse(JSON.stringify(report)) as typeof report)).toBe(formatStatusReport(report));
  });

  it('prints a missing share as a dash (empty in CSV), and an obstacle with a short name, no date and no problem text', () => {
    const report = statusReport(UPDATES, { asOf: AS_OF, locale: 'en' });
    const ws = report.workstreams[0]!;
    const edited = {
      ...report,
      workstreams: [{ ...ws, shareComplete: null, spentShare: null }, ...report.workstreams.slice(1)],
      obstacles: [{ workstream: 1, projectId: 'ws1-m1.1-p1', name: 'Short name', agency: 'PACC', state: 'delayed' as const, budget: null, deadline: '2023-09-30' }],
    };
    const text = formatStatusReport(edited, { locale: 'en' });
    expect(text).toContain('- ws1-m1.1-p1 Short name (PACC; Delayed, ): ');
    const firstRow = formatStatusReport(edited, { format: 'csv' }).split('\n')[1]!;
    // The workstream's complete share and spent share are empty cells, not 0 and not NaN.
    expect(firstRow.split(',').filter((c) => c === '').length).toBeGreaterThanOrEqual(2);
    expect(text.split('\n').find((l) => l.startsWith('WS1'))).toContain('–');
  });

  it('writes a project with no report date, no problem text, no budget and no spend as empty CSV cells (e.g. a report edited as JSON)', () => {
    const report = statusReport(UPDATES, { asOf: AS_OF, locale: 'en' });
    const bare = { workstream: 1, projectId: 'ws1-m1.1-p1', name: 'Short name', agency: 'PACC', state: 'delayed' as const, budget: null, deadline: '2023-09-30' };
    const edited = { ...report, obstacles: [bare], overBudget: [bare] };
    const obstacles = parseCsv(formatStatusReport(edited, { format: 'csv', table: 'obstacles' }));
    expect(obstacles[1]).toEqual(['WS1 Bribery prevention', 'ws1-m1.1-p1', 'Short name', 'PACC', 'Delayed', '', '']);
    const overBudget = parseCsv(formatStatusReport(edited, { format: 'csv', table: 'overBudget' }));
    expect(overBudget[1]).toEqual(['WS1 Bribery prevention', 'ws1-m1.1-p1', 'Short name', 'PACC', '', '']);
  });
});
