/** Fuzz every function exported by `cpi-gap/plan`. */
import * as planEntry from '../../src/plan/index.js';
import { statusReport } from '../../src/plan/index.js';
import { fuzzEntry } from './harness.js';

const UPDATES = [
  { projectId: 'ws1-m1.1-p1', date: '15/01/2566', status: 'ล่าช้า', problems: 'Staff shortage' },
  { projectId: 'ws1-m1.1-p1', date: '2023-03-01', status: 'done', percentComplete: 100 },
  { projectId: 'ws3-m2.1-p1', date: '2023-03-01', status: 'in-progress', budgetSpent: 1000 },
];

fuzzEntry('cpi-gap/plan', planEntry, {
  budgetByWorkstream: { args: () => [{}] },
  budgetByApproach: { args: () => [{ workstream: 2 }] },
  budgetByMeasure: { args: () => [{}] },
  budgetByAgency: { args: () => [{}] },
  budgetBySource: { args: () => [{}] },
  budgetSummary: { args: () => [{}] },
  findProjects: { args: () => [{ agency: 'PACC' }] },
  projectsForSource: { args: () => ['PERC'] },
  measuresForSource: { args: () => ['PRS'] },
  quickWins: { args: () => [{ number: 5 }] },
  rankAgencies: { args: () => [{ limit: 1 }] },
  deadlineOfPeriod: { args: () => ['ก.พ. - พ.ค. ๖๖'] },
  projectDeadline: { args: () => ['ws1-m1.1-p1'] },
  statusFromLabel: { args: () => ['ดำเนินการแล้วเสร็จ'] },
  parseReportDate: { args: () => ['๑๕ ม.ค. ๒๕๖๖'] },
  progressUpdates: { args: () => [UPDATES] },
  readProgressCsv: { args: () => ['รหัสโครงการ,วันที่รายงาน,สถานะ\nws1-m1.1-p1,15/01/2566,ล่าช้า\n'] },
  readProgressJson: { args: () => ['[{"projectId":"ws1-m1.1-p1","date":"2023-01-15","status":"done","percentComplete":100}]'] },
  progressTemplate: { args: () => [{ locale: 'en' }] },
  latestUpdates: { args: () => [UPDATES, { asOf: '2023-02-01' }] },
  progressRollup: { args: () => [UPDATES, { asOf: '2023-06-30' }] },
  statusReport: { args: () => [UPDATES, { asOf: '2023-03-31', locale: 'en' }] },
  formatStatusReport: { args: () => [statusReport(UPDATES, { asOf: '2023-03-31' }), { locale: 'th', format: 'table' }], runs: 60 },
});

