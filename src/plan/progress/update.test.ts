import { describe, expect, it } from 'vitest';
import { caught } from './fixture.test-data.js';
import { deadlineOfPeriod, projectDeadline } from './deadlines.js';
import { statusFromLabel } from './states.js';
import { parseReportDate, progressUpdates } from './update.js';

describe('parseReportDate', () => {
  it.each([
    ['2023-01-15', '2023-01-15'],
    ['15/01/2566', '2023-01-15'],
    ['5/1/2566', '2023-01-05'],
    ['15/01/2023', '2023-01-15'],
    ['๑๕/๐๑/๒๕๖๖', '2023-01-15'],
    ['15 ม.ค. 2566', '2023-01-15'],
    ['๑๕ มกราคม พ.ศ. ๒๕๖๖', '2023-01-15'],
    ['29/02/2567', '2024-02-29'],
    ['2566-01-15', '2023-01-15'],
  ])('reads %s as %s', (text, iso) => { expect(parseReportDate(text)).toBe(iso); });

  it.each(['01/15/2023', '31/02/2566', '15/01/66', '2023-1-5', 'soon', '', '15 Jan 2023'])('does not read %j', (text) => {
    expect(parseReportDate(text)).toBeUndefined();
  });

  it('rejects a non-string', () => { expect(() => parseReportDate(20230115 as never)).toThrow(/parseReportDate: text/); });
});

describe('statusFromLabel', () => {
  it.each([
    ['ยังไม่ดำเนินการ', 'not-started'],
    ['อยู่ระหว่างดำเนินการ', 'in-progress'],
    ['ดำเนินการแล้วเสร็จ', 'done'],
    ['ยกเลิก', 'cancelled'],
    ['ล่าช้า', 'delayed'],
    ['Not started', 'not-started'],
    ['IN_PROGRESS', 'in-progress'],
    ['completed', 'done'],
  ])('%s -> %s', (label, status) => { expect(statusFromLabel(label)).toBe(status); });
  it('unknown labels give undefined', () => { expect(statusFromLabel('maybe')).toBeUndefined(); });
});

describe('progressUpdates', () => {
  it('returns canonical, frozen updates in input order', () => {
    const input = [
      { projectId: ' ws1-m1.1-p1 ', date: '15/01/2566', status: 'ล่าช้า', percentComplete: 20, problems: '  ', kpiResult: 'ok' },
      { projectId: 'ws4-m2.1-p2', date: '2023-09-30', status: 'done', percentComplete: 100, budgetSpent: 0 },
    ];
    const copy = structuredClone(input);
    const out = progressUpdates(input);
    expect(out).toEqual([
      { projectId: 'ws1-m1.1-p1', date: '2023-01-15', status: 'delayed', percentComplete: 20, kpiResult: 'ok' },
      { projectId: 'ws4-m2.1-p2', date: '2023-09-30', status: 'done', percentComplete: 100, budgetSpent: 0 },
    ]);
    expect(input).toEqual(copy);
    expect(Object.isFrozen(out[0])).toBe(true);
  });

  it('collects every bad row into one error naming the row, field and value', () => {
    const e = caught(() =>
      progressUpdates([
        { projectId: 'ws9-m1.1-p1', date: '2023-01-01', status: 'done' },
        { projectId: 'ws1-m1.1-p1', date: '2023-10-01', status: 'in-progress' },
        { projectId: 'ws1-m1.1-p1', date: '30/09/2565', status: 'in-progress' },
        { projectId: 'ws1-m1.1-p1', date: '2023-02-30', status: 'in-progress' },
        { projectId: 'ws1-m1.1-p1', date: '2023-02-01', status: 'in-progress', budgetSpent: -100 },
        { projectId: 'ws1-m1.1-p1', date: '2023-02-01', status: 'finished', percentComplete: 120 },
        { projectId: 'ws1-m1.1-p1', date: '2023-02-01', status: 'done', percentComplete: 60 },
        { projectId: 'ws1-m1.1-p1', date: '2023-02-01', status: 'in-progress', colour: 'red' } as never,
      ]),
    );
    expect(e.fn).toBe('progressUpdates');
    expect(e.issues.map((i) => [i.path.join('.'), i.value])).toEqual([
      ['0.projectId', 'ws9-m1.1-p1'],
      ['1.date', '2023-10-01'],
      ['2.date', '30/09/2565'],
      ['3.date', '2023-02-30'],
      ['4.budgetSpent', -100],
      ['5.status', 'finished'],
      ['5.percentComplete', 120],
      ['6.percentComplete', 60],
      ['7', ['colour']],
    ]);
    expect(e.message).toContain('[1].date: expected a date within fiscal year 2023 (2022-10-01 to 2023-09-30), read as 2023-10-01 (got "2023-10-01")');
    expect(e.message).toContain('[2].date: expected a date within fiscal year 2023 (2022-10-01 to 2023-09-30), read as 2022-09-30');
    expect(e.message).toContain('[0].projectId: expected a project id of the plan');
    expect(e.message).toContain('[6].percentComplete: a project reported done must be 100 percent complete (got 60)');
  });

  it('refuses a project reported not started with progress above 0 percent, and accepts it at 0', () => {
    const e = caught(() => progressUpdates([{ projectId: 'ws1-m1.1-p1', date: '2023-02-01', status: 'not-started', percentComplete: 25 }]));
    expect(e.issues.map((i) => [i.path.join('.'), i.value])).toEqual([['0.percentComplete', 25]]);
    expect(e.message).toContain('[0].percentComplete: a project not started must be 0 percent complete (got 25)');
    expect(progressUpdates([{ projectId: 'ws1-m1.1-p1', date: '2023-02-01', status: 'not-started', percentComplete: 0 }]).map((u) => u.percentComplete)).toEqual([0]);
  });

  it('accepts the first and last days of the fiscal year', () => {
    expect(progressUpdates([{ projectId: 'ws1-m1.1-p1', date: '01/10/2565', status: 'not-started' }, { projectId: 'ws1-m1.1-p1', date: '30 ก.ย. 2566', status: 'done' }]).map((u) => u.date)).toEqual(['2022-10-01', '2023-09-30']);
  });

  it('rejects a non-array', () => { expect(() => progressUpdates({} as never)).toThrow(/progressUpdates: updates: /); });
});

describe('projectDeadline', () => {
  it.each([
    ['ws1-m1.1-p1', '2023-07-31', 'period'],
    ['ws1-m3.1-p8', '2023-07-31', 'period'],
    ['ws1-m3.3-p5', '2023-03-31', 'period'],
    ['ws4-m2.1-p1', '2023-09-30', 'period'],
    ['ws1-m1.1-p2', '2023-09-30', 'fiscal-year'],
    ['ws1-m2.2-p7', '2023-09-30', 'fiscal-year'],
    ['ws2-m1.1-p3', '2023-09-30', 'fiscal-year'],
    ['ws1-m3.1-p11', '2023-09-30', 'fiscal-year'],
  ])('%s is due %s (%s)', (id, deadline, rule) => { expect(projectDeadline(id)).toMatchObject({ deadline, rule }); });

  it('reads months without a year from the next year printed, and ignores ก.พ.ร.', () => {
    expect(deadlineOfPeriod('ม.ค. - มี.ค. ๒๕๖๖')).toEqual({ deadline: '2023-03-31', rule: 'period' });
    expect(deadlineOfPeriod('ก.พ.ร. ๒๕๖๖')).toEqual({ deadline: '2023-09-30', rule: 'fiscal-year' });
    expect(deadlineOfPeriod(null)).toEqual({ deadline: '2023-09-30', rule: 'fiscal-year' });
  });

  it('rejects an unknown project', () => { expect(() => projectDeadline('ws5-m1.1-p1')).toThrow(/projectDeadline: projectId: expected a project id of the plan \(got "ws5-m1.1-p1"\)/); });
});

describe('deadlineOfPeriod: less common period texts', () => {
  it('takes the latest month wherever it is printed ("พ.ค. ๖๖ - ก.พ. ๖๖" ends in May 2023)', () => {
    expect(deadlineOfPeriod('พ.ค. ๖๖ - ก.พ. ๖๖')).toEqual({ deadline: '2023-05-31', rule: 'period' });
  });
  it('gives a month printed without a year the year printed after it ("ก.พ. - พ.ค. ๖๖": 2566 B.E. = 2023, May has 31 days)', () => {
    expect(deadlineOfPeriod('ก.พ. - พ.ค. ๖๖')).toEqual({ deadline: '2023-05-31', rule: 'period' });
    expect(deadlineOfPeriod('ตุลาคม ๒๕๖๕ - กุมภาพันธ์')).toEqual({ deadline: '2022-10-31', rule: 'period' });
  });
  it('falls back to the fiscal year end when no month has a year after it', () => {
    expect(deadlineOfPeriod('มีนาคม - เมษายน')).toEqual({ deadline: '2023-09-30', rule: 'fiscal-year' });
  });
  it('reads a single quarter of fiscal year 2566 (quarter 2 ends on 31 March 2023)', () => {
    expect(deadlineOfPeriod('ไตรมาสที่ ๒ ปีงบประมาณ พ.ศ. ๒๕๖๖')).toEqual({ deadline: '2023-03-31', rule: 'period' });
    expect(deadlineOfPeriod('ไตรมาส ๑-๓ ปีงบประมาณ พ.ศ. ๒๕๖๖')).toEqual({ deadline: '2023-06-30', rule: 'period' });
  });
  it('falls back to the fiscal year end for a quarter number past 4', () => {
    expect(deadlineOfPeriod('ไตรมาส ๕ ปีงบประมาณ พ.ศ. ๒๕๖๖')).toEqual({ deadline: '2023-09-30', rule: 'fiscal-year' });
  });
});
