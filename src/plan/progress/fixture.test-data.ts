// Synthetic progress updates shared by the progress tests (not shipped: only tests import it).
import type { ProgressUpdateInput } from './update.js';

/** As of this date the fixture below has every status, a late update, an overrun and a tie. */
export const AS_OF = '2023-06-30';

export const UPDATES: readonly ProgressUpdateInput[] = [
  { projectId: 'ws1-m1.1-p1', date: '2023-01-15', status: 'in-progress', percentComplete: 40, budgetSpent: 20000, reporter: 'สำนักงาน ป.ป.ท.' },
  // Thai status and a B.E. date; spend above the 50,000 planned; due 2023-07-31 (ก.ค. ๒๕๖๖), so not yet overdue.
  { projectId: 'ws1-m1.1-p1', date: '15/03/2566', status: 'ล่าช้า', percentComplete: 70, budgetSpent: 65000, problems: 'ขาดแคลนบุคลากร', reporter: 'สำนักงาน ป.ป.ท.' },
  // Two updates on one date: the later in the input counts. No budget in the plan.
  { projectId: 'ws1-m1.1-p2', date: '2023-03-01', status: 'in-progress', percentComplete: 50 },
  { projectId: 'ws1-m1.1-p2', date: '2023-03-01', status: 'done', percentComplete: 100, budgetSpent: 5000 },
  { projectId: 'ws1-m2.3-p1', date: '2023-05-20', status: 'done', percentComplete: 100, kpiResult: 12 },
  { projectId: 'ws1-m3.1-p3', date: '2023-04-20', status: 'ดำเนินการแล้วเสร็จ', percentComplete: 100, budgetSpent: 78000, kpiResult: 'ผู้เข้าร่วม 120 คน' },
  // A repeat listing of the open-data project (sameAs ws3-m1.1-p3).
  { projectId: 'ws3-m2.2-p2', date: '2023-04-01', status: 'done', percentComplete: 100, budgetSpent: 16000000 },
  { projectId: 'ws4-m2.1-p2', date: '2023-06-01', status: 'in-progress', percentComplete: 35, budgetSpent: 100000000, problems: 'Community network meetings postponed' },
  // Reported after the as-of date: left out of the June roll-up.
  { projectId: 'ws4-m2.1-p2', date: '2023-07-15', status: 'done', percentComplete: 100, budgetSpent: 290000000 },
  { projectId: 'ws2-m1.1-p1', date: '2023-02-01', status: 'not-started', percentComplete: 0, problems: 'Awaiting budget approval' },
  { projectId: 'ws4-m1.1-p1', date: '2023-04-10', status: 'ยกเลิก', problems: 'ยกเลิกเนื่องจากไม่ได้รับงบประมาณ' },
];

/** The state of each project as of {@link AS_OF}, read off the list above by hand (canonical ids). */
export const EXPECTED_STATES: Readonly<Record<string, string>> = {
  'ws1-m1.1-p1': 'delayed',
  'ws1-m1.1-p2': 'done',
  'ws1-m2.3-p1': 'done',
  'ws1-m3.1-p3': 'done',
  'ws3-m1.1-p3': 'done',
  'ws4-m2.1-p2': 'in-progress',
  'ws2-m1.1-p1': 'not-started',
  'ws4-m1.1-p1': 'cancelled',
};

/** Spend of each project as of {@link AS_OF} (canonical ids). */
export const EXPECTED_SPENT: Readonly<Record<string, number>> = {
  'ws1-m1.1-p1': 65000,
  'ws1-m1.1-p2': 5000,
  'ws1-m3.1-p3': 78000,
  'ws3-m1.1-p3': 16000000,
  'ws4-m2.1-p2': 100000000,
};

/**
 * Projects whose printed period ends before {@link AS_OF}, with the last day of that period, read
 * from the seed's period column by hand (the months are checked against the data in the tests).
 */
export const DUE_BEFORE_AS_OF: Readonly<Record<string, readonly [string, string]>> = {
  'ws1-m2.3-p1': ['2023-05-31', 'พ.ค. ๖๖'],
  'ws1-m3.1-p3': ['2023-04-30', 'เม.ย. ๖๖'],
  'ws1-m3.1-p4': ['2023-05-31', 'พ.ค. ๖๖'],
  'ws1-m3.3-p5': ['2023-03-31', 'ไตรมาส ๑-๒'],
  'ws1-m3.3-p6': ['2023-02-28', 'กุมภาพันธ์ ๒๕๖๖'],
};

export { caught } from '../../../tests/helpers/caught.js';
