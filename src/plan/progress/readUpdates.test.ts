import { describe, expect, it } from 'vitest';
import projectsJson from '../../../data/plan/projects.json';
import { caught } from './fixture.test-data.js';
import { parseCsv } from '../../util/csv.js';
import { readProgressCsv, readProgressJson } from './readUpdates.js';
import { progressTemplate } from './template.js';

const TH_HEADER = 'รหัสโครงการ,ชื่อโครงการ,งบประมาณตามแผน (บาท),หน่วยงานที่รายงาน,วันที่รายงาน,สถานะ,ร้อยละความก้าวหน้า,งบประมาณที่ใช้จ่ายแล้ว (บาท),ผลการดำเนินงานตามตัวชี้วัด,ปัญหาและอุปสรรค';

describe('progressTemplate', () => {
  it('writes every project with Thai headers by default, pre-filled with id, name, budget and agency', () => {
    const rows = parseCsv(progressTemplate());
    expect(rows[0]?.join(',')).toBe(TH_HEADER);
    expect(rows).toHaveLength(1 + projectsJson.length);
    projectsJson.forEach((p, i) => {
      const row = rows[i + 1];
      expect(row?.slice(0, 4)).toEqual([p.id, p.name, p.budget === null ? '' : String(p.budget), p.agencies.map((a) => a.name).join('; ')]);
      expect(row?.slice(4).every((c) => c === '')).toBe(true);
    });
  });

  it('writes English headers and JSON', () => {
    expect(progressTemplate({ locale: 'en' }).split('\n')[0]).toBe('Project ID,Project name,Budget planned (baht),Reporting agency,Reporting date,Status,Percent complete,Budget spent (baht),KPI result,Problems and obstacles');
    const json = JSON.parse(progressTemplate({ locale: 'en', format: 'json' })) as { fiscalYear: number; updates: Record<string, unknown>[] };
    expect(json.fiscalYear).toBe(2023);
    expect(json.updates).toHaveLength(95);
    expect(json.updates[0]).toMatchObject({ 'Project ID': 'ws1-m1.1-p1', 'Budget planned (baht)': 50000, Status: '' });
  });

  it('an unfilled template reads back as no updates, in both languages and formats', () => {
    for (const locale of ['th', 'en'] as const) {
      expect(readProgressCsv(progressTemplate({ locale }))).toEqual([]);
      expect(readProgressJson(progressTemplate({ locale, format: 'json' }))).toEqual([]);
    }
  });

  it('a filled-in template reads back', () => {
    const lines = progressTemplate({ locale: 'th' }).split('\n');
    lines[1] = lines[1]?.replace(/,,,,,,$/, ',15/01/2566,อยู่ระหว่างดำเนินการ,๔๕%,"๒๐,๐๐๐ บาท",๑ ฉบับ,"ขาดแคลนบุคลากร, งบประมาณล่าช้า"') ?? '';
    expect(readProgressCsv(lines.join('\n'))).toEqual([
      {
        projectId: 'ws1-m1.1-p1',
        reporter: 'สำนักงาน ป.ป.ท.',
        date: '2023-01-15',
        status: 'in-progress',
        percentComplete: 45,
        budgetSpent: 20000,
        kpiResult: '๑ ฉบับ',
        problems: 'ขาดแคลนบุคลากร, งบประมาณล่าช้า',
      },
    ]);
  });

  it('rejects unknown options', () => { expect(() => progressTemplate({ locale: 'fr' } as never)).toThrow(/progressTemplate: options.locale/); });
});

describe('readProgressCsv', () => {
  it('reads English headers in any order, field names, CRLF and a BOM; a numeric KPI result is a number', () => {
    const csv = '\ufeffStatus,projectId,Reporting date,Percent complete,KPI result\r\nDone,ws1-m2.3-p1,2023-05-20,100,12\r\n';
    expect(readProgressCsv(csv)).toEqual([{ projectId: 'ws1-m2.3-p1', date: '2023-05-20', status: 'done', percentComplete: 100, kpiResult: 12 }]);
  });

  it('reports all bad rows with their spreadsheet row and column header', () => {
    const csv = [
      'รหัสโครงการ,วันที่รายงาน,สถานะ,งบประมาณที่ใช้จ่ายแล้ว (บาท),ร้อยละความก้าวหน้า',
      'ws9-m1.1-p1,15/01/2566,ล่าช้า,,',
      'ws1-m1.1-p1,15/01/2567,อยู่ระหว่างดำเนินการ,-5000,',
      'ws1-m1.1-p1,2023-01-15,ดำเนินการแล้วเสร็จ,,เกือบเสร็จ',
      'ws1-m1.1-p1,,ล่าช้า,,',
    ].join('\n');
    const e = caught(() => readProgressCsv(csv));
    expect(e.fn).toBe('readProgressCsv');
    expect(e.issues.map((i) => [i.path.join(' / '), i.value])).toEqual([
      ['row 2 / รหัสโครงการ', 'ws9-m1.1-p1'],
      ['row 3 / วันที่รายงาน', '15/01/2567'],
      ['row 3 / งบประมาณที่ใช้จ่ายแล้ว (บาท)', -5000],
      ['row 4 / ร้อยละความก้าวหน้า', 'เกือบเสร็จ'],
      ['row 5 / วันที่รายงาน', ''],
    ]);
    expect(e.message).toMatch(/^readProgressCsv: row 2\.รหัสโครงการ: expected a project id of the plan/);
    expect(e.message.split('\n')).toHaveLength(1);
  });

  it('rejects unknown and missing columns and cells without a header', () => {
    expect(() => readProgressCsv('Project ID,Colour,Status\nws1-m1.1-p1,red,done\n')).toThrow(/row 1\[2\]: unknown column.*\(got "Colour"\); row 1: missing the column "Reporting date"/);
    expect(() => readProgressCsv('Project ID,Reporting date,Status\nws1-m1.1-p1,2023-01-01,done,extra\nws1-m1.1-p1,2023-13-01,done\n')).toThrow(
      /row 2\[4\]: a value in a column without a header \(got "extra"\); row 3.Reporting date: expected a date/,
    );
    expect(() => readProgressCsv('')).toThrow(/text: expected a header row/);
    expect(() => readProgressCsv('Project ID,"Status\n')).toThrow(/readProgressCsv: text: a quoted field opened on line 1 is never closed/);
  });
});

describe('readProgressJson', () => {
  it('reads an array with field names or an object with updates and Thai keys', () => {
    expect(readProgressJson('[{"projectId":"ws1-m1.1-p1","date":"15/01/2566","status":"ล่าช้า","budgetSpent":"1,000"}]')).toEqual([
      { projectId: 'ws1-m1.1-p1', date: '2023-01-15', status: 'delayed', budgetSpent: 1000 },
    ]);
    expect(readProgressJson(JSON.stringify({ updates: [{ รหัสโครงการ: 'ws1-m1.1-p1', วันที่รายงาน: '2023-01-15', สถานะ: 'ยกเลิก', ปัญหาและอุปสรรค: 'ไม่ได้รับงบประมาณ' }] }))).toEqual([
      { projectId: 'ws1-m1.1-p1', date: '2023-01-15', status: 'cancelled', problems: 'ไม่ได้รับงบประมาณ' },
    ]);
  });

  it('names the JSON path of each bad row', () => {
    const e = caught(() =>
      readProgressJson(JSON.stringify({ updates: [{ projectId: 'ws1-m1.1-p1', date: '2023-01-15', status: 'done' }, { projectId: 'nope', date: '2023-01-15', status: 'done', budgetSpent: -1 }, 7, { projectId: 'ws1-m1.1-p1', date: '2023-01-15', status: 'done', colour: 1 }] })),
    );
    expect(e.issues.map((i) => i.path.join('.'))).toEqual(['updates.1.projectId', 'updates.1.budgetSpent', 'updates.2', 'updates.3.colour']);
    const f = caught(() => readProgressJson(JSON.stringify([{ projectId: 'nope', date: '2023-01-15', status: 'done', budgetSpent: -1 }])));
    expect(f.issues.map((i) => [i.path.join('.'), i.value])).toEqual([
      ['0.projectId', 'nope'],
      ['0.budgetSpent', -1],
    ]);
  });

  it('drops a byte order mark, as the CSV and YAML readers do, and refuses a key given twice', () => {
    expect(readProgressJson('\uFEFF[{"projectId":"ws1-m1.1-p1","date":"2023-01-15","status":"done"}]')).toEqual([{ projectId: 'ws1-m1.1-p1', date: '2023-01-15', status: 'done' }]);
    const twice = caught(() => readProgressJson('{"updates": [{"projectId":"ws1-m1.1-p1","date":"2023-01-15","status":"done","status":"delayed"}]}'));
    expect(twice.message).toBe('readProgressJson: text.updates[0]: the key "status" appears twice in one object (got "status")');
    // The same key written with an escape is the same key.
    expect(caught(() => readProgressJson('[{"status":"done","st\\u0061tus":"x"}]')).issues[0]?.path).toEqual(['text', 0]);
    // Strings that hold braces, brackets, commas and escaped quotes do not confuse the scan.
    expect(readProgressJson('[{"projectId":"ws1-m1.1-p1","date":"2023-01-15","status":"done","problems":"a \\"{,}[\\" b"},{"projectId":"ws1-m1.1-p1","date":"2023-01-16","status":"done"}]')).toHaveLength(2);
  });

  it('reports the bad rows of a large file in row order, stops checking at 1,000 issues and says so, the message bounded', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `nope-${i},2023-01-15,done,50`);
    const e = caught(() => readProgressCsv(['Project ID,Reporting date,Status,Percent complete,Colour', ...rows].join('\n')));
    // One header issue (an unknown column) first, then two issues per row, in row order: 500 rows
    // give 1,000 issues, and the other 4,500 rows are not checked.
    expect(e.issueCount).toBe(1 + 1000);
    expect(e.issues.slice(0, 5).map((i) => i.path[0])).toEqual(['row 1', 'row 2', 'row 2', 'row 3', 'row 3']);
    // The header's issue and the first 999 of the rows' (rows 2 to 500, and the first of row 501) are kept.
    expect(e.issues.at(-1)?.path[0]).toBe('row 501');
    expect(e.message.length).toBeLessThan(20 * 400);
    expect(e.message.endsWith(`; and ${1001 - 20} more; checking stopped after 1000 issues: the last 4500 rows were not checked`)).toBe(true);
  });

  it('rejects text that is not JSON or has the wrong shape', () => {
    expect(() => readProgressJson('{')).toThrow(/readProgressJson: text: not valid JSON/);
    expect(() => readProgressJson('{"rows": []}')).toThrow(/updates: expected an array of updates/);
    expect(() => readProgressJson('42')).toThrow(/text: expected an array of updates/);
  });
});

describe('progress readers: less common layouts', () => {
  it('CSV: a blank header cell with nothing under it is ignored; a second column for the same field is named', () => {
    const ok = readProgressCsv('รหัสโครงการ,,วันที่รายงาน,สถานะ\nws1-m1.1-p1,,15/01/2566,ล่าช้า\n');
    expect(ok).toEqual([{ projectId: 'ws1-m1.1-p1', date: '2023-01-15', status: 'delayed' }]);
    const e = caught(() => readProgressCsv('Project ID,Reporting date,Status,Status\nws1-m1.1-p1,2023-01-15,done,done\n'));
    expect(e.issues).toEqual([expect.objectContaining({ path: ['row 1', 4], message: 'a second column for status', code: 'duplicate_column' })]);
  });
  it('JSON: a byte-order mark is skipped; an English and a Thai key for the same field are named', () => {
    expect(readProgressJson('\uFEFF[{"projectId":"ws1-m1.1-p1","date":"2023-01-15","status":"done"}]')).toEqual([{ projectId: 'ws1-m1.1-p1', date: '2023-01-15', status: 'done' }]);
    const e = caught(() => readProgressJson('[{"projectId":"ws1-m1.1-p1","รหัสโครงการ":"ws1-m1.1-p1","date":"2023-01-15","status":"done"}]'));
    expect(e.issues[0]).toEqual(expect.objectContaining({ code: 'duplicate_key', message: 'a second key for projectId' }));
  });
});
